import { LocalIds } from '../../src/features/local/ids';
import { PairModel, type Pair } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { withHarness } from '../support/with-harness';
import { mentorship, reload } from '../staff/drive';
import { eventually } from '../support/eventually';

let h: Harness;
const clock = new FakeClock(new Date('2027-03-25T09:00:00Z'));
withHarness('local-hours', (made) => (h = made), { beforeEachTest: () => clock.set('2027-03-25T09:00:00Z'), clock });

jest.setTimeout(120_000);

const B = LocalIds.block;
const A = LocalIds.inputAction;
const AMIRA = PEOPLE.mentee2;
/** Slack's date token for a calendar day (noon UTC, see src/slack/dates.ts). */
const dayToken = (day: string) =>
  `<!date^${Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), 12) / 1000}^`;

/** A pair whose mentee works in Tunis, Tunisia; its first check-in is due Friday 9 April 2027. */
const tunisianPair = () =>
  createActivePair(h, { mentee: AMIRA.id, menteeCountry: 'Tunisia', startDate: '2027-04-02', endDate: '2027-09-30' });

/** `/mentorship hours`: the modal it opened and the private answer. */
async function hours(userId: string): Promise<{ modal: any; answer: any }> {
  const views = h.standIn.views.size;
  const answer = await mentorship(h, 'hours', userId);
  const modal = h.standIn.views.size > views ? [...h.standIn.views.values()].at(-1) : undefined;
  return { modal, answer };
}

/** Opens a Home tab as Slack sends it (app_home_opened) and returns the view published. */
async function openHome(userId: string): Promise<any> {
  const published = () => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;
  const before = published();
  await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId.slice(1)}`, tab: 'home' });
  await h.standIn.waitFor(() => published() > before, 8000, `the Home tab of ${userId}`);
  return h.standIn.homeViewOf(userId);
}

type Field = { actionId: string; type: any; value: any };
const hourField = (v: number | null): Field => ({
  actionId: A,
  type: 'static_select',
  value: v === null ? null : { text: `${v}`, value: String(v) },
});
function form(o: { days: number[]; start: number; end: number; tStart?: number; tEnd?: number; until?: string }) {
  const fields: Record<string, Field> = {
    [B.days]: { actionId: A, type: 'checkboxes', value: o.days.map((d) => ({ text: String(d), value: String(d) })) },
    [B.start]: hourField(o.start),
    [B.end]: hourField(o.end),
    [B.temporaryStart]: hourField(o.tStart ?? null),
    [B.temporaryEnd]: hourField(o.tEnd ?? null),
    [B.temporaryUntil]: { actionId: A, type: 'datepicker', value: o.until ?? null },
  };
  return inputValues(fields);
}
const submit = (userId: string, values: ReturnType<typeof form>, viewId?: string) =>
  h.driver.viewSubmission({ userId, view: { id: viewId, callback_id: LocalIds.hoursModal, state: { values } } });

test('the Tunisian mentee’s first check-in moves off Martyrs’ Day (Friday 9 April 2027) to Monday 12 April', async () => {
  const pair = await tunisianPair();
  expect(pair.schedule?.nextDueDay).toBe('2027-04-12');
  // The first hour inside both working days: 09:00 in New York (EDT) is 14:00 in Tunis, 13:00 UTC.
  expect(new Date(pair.schedule!.nextCheckinAt!).toISOString()).toBe('2027-04-12T13:00:00.000Z');

  // Staff make Monday 12 April a day off for Tunisia too: the scheduled check-in moves to Tuesday.
  await mentorship(h, 'daysoff add 2027-04-12 TN', PEOPLE.staff.id);
  expect((await reload(pair)).schedule?.nextDueDay).toBe('2027-04-13');
  expect((await mentorship(h, 'daysoff remove 2027-04-12 TN', PEOPLE.staff.id)).text).toMatch(
    /no longer a program day off/,
  );
  await PairModel.deleteOne({ _id: pair._id });
});

test('/mentorship hours shows the country week, hours and next holidays as date tokens, and opens the form; the form checks its fields and saves', async () => {
  const pair = await tunisianPair();
  const { modal, answer } = await hours(AMIRA.id);
  expect(answer.response_type).toBe('ephemeral');
  const shown = JSON.stringify(answer.blocks);
  expect(shown).toContain('Monday, Tuesday, Wednesday, Thursday, Friday');
  expect(shown).toContain('09:00–18:00');
  expect(shown).toContain('Tunisia');
  expect(shown).toContain(dayToken('2027-04-09'));
  expect(modal?.callback_id ?? modal?.view?.callback_id).toBe(LocalIds.hoursModal);

  // Field errors: no day, an end before the start, a temporary change half given.
  const none = await submit(AMIRA.id, form({ days: [], start: 9, end: 18 }));
  expect(none.json.errors[B.days]).toMatch(/at least one working day/);
  const backwards = await submit(AMIRA.id, form({ days: [1, 2, 3], start: 14, end: 10 }));
  expect(backwards.json.errors[B.end]).toMatch(/after the start/);
  const half = await submit(AMIRA.id, form({ days: [1, 2, 3, 4, 5], start: 9, end: 18, tStart: 10 }));
  expect(Object.values(half.json.errors).join(' ')).toMatch(/none of them/);
  const past = await submit(
    AMIRA.id,
    form({ days: [1, 2, 3, 4, 5], start: 9, end: 18, tStart: 10, tEnd: 14, until: '2027-03-01' }),
  );
  expect(past.json.errors[B.temporaryUntil]).toMatch(/from today on/);
  const stored = await ParticipantModel.findById(participantId(h.standIn.teamId, AMIRA.id)).lean();
  expect(stored?.workingHours?.setByPerson).toBe(false);

  // A good form: Monday–Thursday, 08:00–16:00, 10:00–14:00 until 30 April.
  const ok = await submit(
    AMIRA.id,
    form({ days: [1, 2, 3, 4], start: 8, end: 16, tStart: 10, tEnd: 14, until: '2027-04-30' }),
  );
  expect(ok.json.response_action).toBe('clear');
  // Her next check-in follows: 10:00–14:00 in Tunis never meets 09:00–18:00 in New York, so the
  // first hour both are awake on Monday 12 April: 08:00 in New York, 13:00 in Tunis (12:00 UTC).
  await eventually(
    async () => (await reload(pair)).schedule?.nextCheckinAt?.toISOString() === '2027-04-12T12:00:00.000Z',
    'the check-in to move to the new hours',
  );
  // Her mentor's App Home shows her hours today (the temporary change).
  expect(JSON.stringify(await openHome(PEOPLE.mentor.id))).toContain('works 10:00–14:00, Mon–Thu');
  const after = await hours(AMIRA.id);
  const again = JSON.stringify(after.answer.blocks);
  expect(again).toContain('Monday, Tuesday, Wednesday, Thursday');
  expect(again).not.toContain('Thursday, Friday');
  expect(again).toContain('08:00–16:00');
  expect(again).toContain('10:00–14:00');
  expect(again).toContain(dayToken('2027-04-30'));
  // Friday 9 April is now her weekend: no longer listed as a day off that moves anything.
  expect(again).not.toContain(dayToken('2027-04-09'));
  await PairModel.deleteOne({ _id: pair._id });
});

test('daysoff: staff only; staff add a day off for a country, list it, and take a library holiday back', async () => {
  const pair: Pair = await tunisianPair();
  await ParticipantModel.updateOne(
    { _id: participantId(h.standIn.teamId, AMIRA.id) },
    { $set: { 'workingHours.setByPerson': false, 'workingHours.temporary': null } },
  );
  const refused = await mentorship(h, 'daysoff add 2027-04-13 TN Strike', AMIRA.id);
  expect(refused.response_type).toBe('ephemeral');
  expect(refused.text).toMatch(/Only program staff/);

  expect((await mentorship(h, 'daysoff add 2027-13-40 TN', PEOPLE.staff.id)).text).toMatch(/is not a day/);
  expect((await mentorship(h, 'daysoff add 2027-04-13 Atlantis', PEOPLE.staff.id)).text).toMatch(/not a country/);

  const added = await mentorship(h, 'daysoff add 2027-04-13 Tunisia Strike & march', PEOPLE.staff.id);
  expect(added.text).toContain('Tunisia (TN)');
  expect(added.text).toContain('Strike &amp; march');
  const listed = JSON.stringify((await mentorship(h, 'daysoff', PEOPLE.staff.id)).blocks);
  expect(listed).toContain(dayToken('2027-04-13'));

  const taken = await mentorship(h, 'daysoff remove 2027-04-09 TN', PEOPLE.staff.id);
  expect(taken.text).toMatch(/working day for everyone in Tunisia/);

  const shown = JSON.stringify((await hours(AMIRA.id)).answer.blocks);
  expect(shown).toContain(dayToken('2027-04-13'));
  expect(shown).toContain('Strike &amp; march');
  expect(shown).not.toContain(dayToken('2027-04-09'));

  // A new pair's schedule follows: due on the taken-back 9 April, as a normal working day.
  await PairModel.deleteOne({ _id: pair._id });
  const next = await tunisianPair();
  expect(next.schedule?.nextDueDay).toBe('2027-04-09');
});
