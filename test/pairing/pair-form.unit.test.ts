import { pairChannelName, slug } from '../../src/features/pairing/channel-name';
import { parsePairForm } from '../../src/features/pairing/form';
import { PairingIds } from '../../src/features/pairing/ids';
import { pairCommandArgsSchema } from '../../src/features/pairing/schemas';
import { PEOPLE } from '../support/app-harness';
import { DEFAULT_MENTEE_COUNTRY, DEFAULT_MENTOR_COUNTRY, pairFormValues } from '../support/pair-form';

const B = PairingIds.block;

describe('the create-pair form, read from state.values as Slack sends them', () => {
  test('a valid form gives the pair as staff typed it, trimmed, with empty goal rows left out', () => {
    const result = parsePairForm(
      pairFormValues({
        menteeOrganisation: '  Chambre de Commerce de Sfax ',
        goals: [
          ['Halve the fee', 'From 2% to 1%'],
          ['', ''],
          ['Grow membership', '50 new members'],
        ],
      }),
    );
    expect(result).toEqual({
      ok: true,
      input: expect.objectContaining({
        mentor: { userId: PEOPLE.mentor.id, organisation: 'ASAE', country: DEFAULT_MENTOR_COUNTRY, tz: '' },
        mentee: expect.objectContaining({
          organisation: 'Chambre de Commerce de Sfax',
          country: DEFAULT_MENTEE_COUNTRY,
        }),
        goals: [
          { title: 'Halve the fee', successCriteria: 'From 2% to 1%' },
          { title: 'Grow membership', successCriteria: '50 new members' },
        ],
        cadence: 'weekly',
      }),
    });
  });

  test.each([
    ['the same person twice', { mentee: PEOPLE.mentor.id }, B.mentee, /someone other than the mentor/],
    ['an unknown time zone', { menteeTz: 'Mars/Olympus' }, B.menteeTz, /time zone name such as/],
    ['an end before the start', { startDate: '2027-03-01', endDate: '2027-02-01' }, B.endDate, /after the start/],
    ['no mentee organisation', { menteeOrganisation: '   ' }, B.menteeOrganisation, /Name the mentee organisation/],
    ['a cadence that is not offered', { cadence: 'daily' }, B.cadence, /how often/],
  ])('%s is an error on its own field', (_name, overrides, block, message) => {
    const result = parsePairForm(pairFormValues(overrides));
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toEqual({ [block]: expect.stringMatching(message) });
  });

  test('a goal with a title and no success criteria is flagged on the row staff filled in, not the first', () => {
    const result = parsePairForm(
      pairFormValues({
        goals: [
          ['Goal one', 'Works'],
          ['', ''],
          ['Goal three', ''],
        ],
      }),
    );
    expect(result.ok ? {} : result.errors).toEqual({ [B.goalSuccess(3)]: expect.stringMatching(/success looks like/) });
  });
});

describe('/mentorship pair [@mentor @mentee]', () => {
  test('mentions as Slack escapes them give the user IDs', () => {
    expect(pairCommandArgsSchema.parse(' <@U0MENTOR01|alice>  <@U0MENTEE01> ')).toEqual(['U0MENTOR01', 'U0MENTEE01']);
    expect(pairCommandArgsSchema.parse('')).toEqual([]);
  });
  test('anything else, or a third person, is refused', () => {
    expect(pairCommandArgsSchema.safeParse('alice karim').success).toBe(false);
    expect(pairCommandArgsSchema.safeParse('<@U1> <@U2> <@U3>').success).toBe(false);
    expect(pairCommandArgsSchema.safeParse('<!channel>').success).toBe(false);
  });
});

describe('channel names', () => {
  const alice = { name: 'Alice Müller', userId: 'U0MENTOR01' };
  const karim = { name: 'Karim Rahman', userId: 'U0MENTEE01' };
  test('readable, lowercase, accents folded, then -2, -3 when taken', () => {
    expect(pairChannelName(alice, karim, 0)).toBe('mentorship-alice-muller-karim-rahman');
    expect(pairChannelName(alice, karim, 1)).toBe('mentorship-alice-muller-karim-rahman-2');
    expect(pairChannelName(alice, karim, 2)).toBe('mentorship-alice-muller-karim-rahman-3');
  });
  test('names with no Latin letters fall back to the member ID', () => {
    expect(slug('করিম রহমান', 'U0MENTEE01')).toBe('u0mentee01');
    expect(slug('سامي', 'U0X')).toBe('u0x');
  });
  test('always within Slack rules: at most 80 characters of a-z, 0-9 and hyphens, suffix kept', () => {
    const long = { name: 'A'.repeat(200), userId: 'U1' };
    for (const attempt of [0, 1, 9, 99]) {
      const name = pairChannelName(long, long, attempt);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name).toMatch(/^[a-z0-9-]+$/);
      if (attempt > 0) expect(name.endsWith(`-${attempt + 1}`)).toBe(true);
    }
  });
});
