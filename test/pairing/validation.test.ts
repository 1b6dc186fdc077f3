import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { pairFormValues, type PairFormOverrides } from '../support/pair-form';

let h: Harness;
const B = PairingIds.block;

withHarness('validation', (made) => (h = made));

async function submitWith(overrides: PairFormOverrides) {
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: {
      id: `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      callback_id: PairingIds.createModal,
      state: { values: pairFormValues(overrides) },
    },
  });
  expect(res.status).toBe(200);
  return res.json as { response_action: string; errors: Record<string, string> };
}

describe('the create-pair form answers invalid input with field errors and stores nothing', () => {
  test.each<[string, PairFormOverrides, string, RegExp]>([
    ['mentor and mentee are the same person', { mentee: PEOPLE.mentor.id }, B.mentee, /someone other than the mentor/],
    ['the mentee is a bot', { mentee: PEOPLE.bot.id }, B.mentee, /bot or an app/],
    ['the mentor is deactivated', { mentor: PEOPLE.deactivated.id }, B.mentor, /deactivated/],
    ['the mentee is unknown to Slack', { mentee: 'U0NOBODY01' }, B.mentee, /does not know this person/],
    [
      'the end date is before the start',
      { startDate: '2027-03-01', endDate: '2027-02-01' },
      B.endDate,
      /after the start date/,
    ],
    [
      'the program is over three years',
      { startDate: '2027-01-01', endDate: '2031-01-01' },
      B.endDate,
      /at most three years/,
    ],
    ['there are no goals', { goals: [] }, B.goalTitle(1), /at least one goal/],
    [
      'a goal has no success criteria',
      {
        goals: [
          ['Goal one', 'Works'],
          ['Goal two', ''],
        ],
      },
      B.goalSuccess(2),
      /what success looks like/,
    ],
    [
      'the organisation is over-long',
      { menteeOrganisation: 'x'.repeat(121) },
      B.menteeOrganisation,
      /at most 120 characters/,
    ],
    ['the organisation is empty', { menteeOrganisation: '   ' }, B.menteeOrganisation, /Name the mentee organisation/],
    ['the time zone is not a real one', { menteeTz: 'Mars/Olympus_Mons' }, B.menteeTz, /time zone name such as/],
    ['the profile has no time zone and none is given', { mentee: PEOPLE.noTz.id }, B.menteeTz, /no time zone/],
    ['the cadence is not offered', { cadence: 'daily' }, B.cadence, /how often/],
  ])('%s', async (_name, overrides, blockId, message) => {
    const answer = await submitWith(overrides);
    expect(answer.response_action).toBe('errors');
    expect(answer.errors[blockId]).toMatch(message);
    expect(await PairModel.countDocuments()).toBe(0);
    expect(h.standIn.attemptsTo('conversations.create')).toHaveLength(0);
  });

  test('several problems are reported together, each on its own field', async () => {
    const answer = await submitWith({ mentee: PEOPLE.bot.id, mentor: PEOPLE.deactivated.id });
    expect(Object.keys(answer.errors).sort()).toEqual([B.mentee, B.mentor].sort());
  });

  test('a time zone typed by staff wins over the profile', async () => {
    const answer = await submitWith({ mentee: PEOPLE.noTz.id, menteeTz: 'Africa/Tunis' });
    expect(answer).toEqual({ response_action: 'clear' });
  });
});
