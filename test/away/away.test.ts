/**
 * `/mentorship away`: set by the person or by staff (nobody else), bad dates answered clearly, the
 * partner told once in the pair's channel; nothing addressed to the one away while away, and their
 * silence then does not count against the pair's health; both away: the check-in moves after.
 */
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { healthOfPairs } from '../../src/features/health';
import { PairModel, type Pair } from '../../src/pairs/model';
import { ParticipantModel, participantId, type Participant } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { simulate } from '../support/simulation';
import { withHarness } from '../support/with-harness';
import { dmChannelOf, submitAnswer } from '../promises/drive';
import { mentorship, person, reload } from '../staff/drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('away', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T10:00:00Z') });

jest.setTimeout(240_000);

const KARIM = PEOPLE.mentee;
const ALICE = PEOPLE.mentor;
/** Slack's date token for a calendar day (noon UTC, see src/slack/dates.ts). */
const dayToken = (day: string) =>
  `<!date^${Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), 12) / 1000}^`;
const inChannel = (pair: Pair) => h.standIn.messages.filter((m) => m.channel === pair.channel!.id);
const awayOf = async (userId: string) =>
  (await ParticipantModel.findById(participantId(h.standIn.teamId, userId)).lean<Participant>())?.away ?? [];
const checkinOf = async (pair: Pair, period: number) =>
  (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;

afterEach(async () => {
  await PairModel.deleteMany({});
  await ParticipantModel.updateMany({}, { $set: { away: [] } });
});

test('set by the person, shown, told to the partner once with the reason escaped, cancelled; bad dates answered', async () => {
  const pair = await createActivePair(h);
  const before = inChannel(pair).length;

  const set = await mentorship(h, 'away 2026-12-07..2026-12-20 visa & travel', KARIM.id);
  expect(set.text).toContain('You are away from');
  expect(set.text).toContain(dayToken('2026-12-07'));
  expect(set.text).toContain(dayToken('2026-12-20'));
  const [span] = await awayOf(KARIM.id);
  expect(span).toMatchObject({ from: '2026-12-07', until: '2026-12-20', reason: 'visa & travel', by: KARIM.id });

  const told = inChannel(pair).slice(before);
  expect(told).toHaveLength(1);
  // 05:00 in New York: Alice is named, not pinged (nobody is pinged at night).
  expect(told[0].text).toMatch(/^Alice Müller, a heads-up: Karim Rahman is away/);
  expect(told[0].text).not.toContain(`<@${KARIM.id}>`);
  expect(told[0].text).toContain('visa &amp; travel');
  expect(told[0].text).toContain(dayToken('2026-12-07'));

  // The same again: said so, nobody told twice.
  expect((await mentorship(h, 'away 2026-12-07..2026-12-20 visa & travel', KARIM.id)).text).toMatch(/set already/);
  expect(inChannel(pair).slice(before)).toHaveLength(1);

  expect((await mentorship(h, 'away', KARIM.id)).text).toMatch(/Your next time away/);

  // Bad dates: a clear sentence, nothing stored.
  expect((await mentorship(h, 'away 2026-13-40', KARIM.id)).text).toMatch(/YYYY-MM-DD/);
  expect((await mentorship(h, 'away 2026-11-20..2026-11-25', KARIM.id)).text).toMatch(/starts today or later/);
  expect((await mentorship(h, 'away 2026-12-20..2026-12-10', KARIM.id)).text).toMatch(/on or after the first/);
  expect((await mentorship(h, 'away 2027-01-01..2027-12-31', KARIM.id)).text).toMatch(/1 day to 180 days/);
  expect((await mentorship(h, 'away soon', KARIM.id)).text).toMatch(/Say when you are away/);
  expect(await awayOf(KARIM.id)).toHaveLength(1);

  expect((await mentorship(h, 'away cancel', KARIM.id)).text).toMatch(/You are back/);
  expect(await awayOf(KARIM.id)).toHaveLength(0);
  expect((await mentorship(h, 'away cancel', KARIM.id)).text).toMatch(/no time away to cancel/);
});

test('staff set it for someone; a participant cannot', async () => {
  await createActivePair(h);
  const refused = await mentorship(h, `away ${person(ALICE)} 2026-12-08..2026-12-10`, KARIM.id);
  expect(refused.text).toMatch(/Only program staff/);
  expect(await awayOf(ALICE.id)).toHaveLength(0);

  const done = await mentorship(h, `away ${person(ALICE)} 2026-12-08..2026-12-10 conference`, PEOPLE.staff.id);
  expect(done.text).toContain(`<@${ALICE.id}> is away from`);
  expect(await awayOf(ALICE.id)).toEqual([
    { from: '2026-12-08', until: '2026-12-10', reason: 'conference', by: PEOPLE.staff.id },
  ]);
  expect((await mentorship(h, `away ${person(PEOPLE.outsider)} 2w`, PEOPLE.staff.id)).text).toMatch(
    /not in the mentorship program/,
  );
});

test('both away on the due day: the check-in moves to the first day one of them is back', async () => {
  const pair = await createActivePair(h); // first check-in due Tuesday 8 December (Dhaka)
  expect(pair.schedule?.nextDueDay).toBe('2026-12-08');
  await mentorship(h, 'away 2026-12-07..2026-12-09', KARIM.id);
  // One side away: the check-in stays (the prompt goes out without @-mentioning them).
  expect((await reload(pair)).schedule?.nextDueDay).toBe('2026-12-08');
  await mentorship(h, `away ${person(ALICE)} 2026-12-08..2026-12-14`, PEOPLE.staff.id);
  expect((await reload(pair)).schedule?.nextDueDay).toBe('2026-12-10');
  await mentorship(h, `away ${person(ALICE)} cancel`, PEOPLE.staff.id);
  // Moved it stays (the pair's rhythm goes on from there); at least it is no longer pushed further.
  expect((await reload(pair)).schedule?.nextDueDay).toBe('2026-12-10');
});

test('two weeks away: prompts go out without @-mentioning him, no DM reaches him, and the pair stays green', async () => {
  const pair = await createActivePair(h); // weekly on Tuesdays, 13:00 UTC (19:00 Dhaka, 08:00 New York)
  await mentorship(h, 'away 2026-12-07..2026-12-20 family leave', KARIM.id);
  const karimDm = await dmChannelOf(h, KARIM.id);
  const jobs = ['checkins', 'nudges', 'reminders', 'feedback'] as const;

  await simulate(h, '2026-12-08T00:00:00Z', '2026-12-08T14:00:00Z', [...jobs]);
  clock.set('2026-12-08T14:30:00Z');
  expect((await submitAnswer(h, ALICE.id, await checkinOf(pair, 1), 1)).response_action).toBe('clear');
  await simulate(h, '2026-12-08T15:00:00Z', '2026-12-15T14:00:00Z', [...jobs]);
  clock.set('2026-12-15T14:30:00Z');
  expect((await submitAnswer(h, ALICE.id, await checkinOf(pair, 2), 1)).response_action).toBe('clear');
  await simulate(h, '2026-12-15T15:00:00Z', '2026-12-20T12:00:00Z', [...jobs]);

  const prompts = inChannel(pair).filter((m) => (m.text ?? '').includes('check-in') || m.blocks);
  expect((await checkinOf(pair, 1)).prompt?.ts).toBeTruthy();
  expect((await checkinOf(pair, 2)).prompt?.ts).toBeTruthy();
  for (const period of [1, 2]) {
    const c = await checkinOf(pair, period);
    const posted = prompts.find((m) => m.ts === c.prompt!.ts)!;
    expect(JSON.stringify(posted)).not.toContain(`<@${KARIM.id}>`);
  }
  // Nothing addressed to Karim while away: no prompt DM, no nudge, no reminder, no feedback request.
  expect(h.standIn.messages.filter((m) => m.channel === karimDm)).toEqual([]);

  // His two silent check-ins do not count: the pair is on track.
  const now = new Date('2026-12-23T00:00:00Z');
  const health = (await healthOfPairs([await reload(pair)], now)).get(String(pair._id))!;
  expect(health.reasons).toEqual([]);
  expect(health.state).toBe('on_track');

  // A later time away keeps this one on record, so his silence then stays excused.
  clock.set('2026-12-23T00:00:00Z');
  await mentorship(h, 'away 2027-01-04..2027-01-06', KARIM.id);
  expect((await awayOf(KARIM.id)).map((a) => a.from)).toEqual(['2026-12-07', '2027-01-04']);
  expect((await healthOfPairs([await reload(pair)], now)).get(String(pair._id))!.state).toBe('on_track');
});

test('a commitment reminder due while he is away waits until he is back; nothing reaches him before', async () => {
  const pair = await createActivePair(h); // check-in 1 on Tuesday 8 December, 13:00 UTC
  await mentorship(h, 'away 2026-12-08..2026-12-11', KARIM.id);
  const karimDm = await dmChannelOf(h, KARIM.id);
  const jobs = ['checkins', 'nudges', 'reminders', 'feedback'] as const;

  await simulate(h, '2026-12-08T00:00:00Z', '2026-12-08T14:00:00Z', [...jobs]);
  clock.set('2026-12-08T14:30:00Z');
  const steps = [{ what: 'Send the loan figures', who: KARIM.id, by: '2026-12-10' }];
  expect((await submitAnswer(h, ALICE.id, await checkinOf(pair, 1), 1, { steps })).response_action).toBe('clear');
  await simulate(h, '2026-12-08T15:00:00Z', '2026-12-12T00:00:00Z', [...jobs]);
  expect(h.standIn.messages.filter((m) => m.channel === karimDm)).toEqual([]);

  // Back on Monday 14 December (Saturday and Sunday are his weekend): the reminder.
  await simulate(h, '2026-12-12T01:00:00Z', '2026-12-14T12:00:00Z', [...jobs]);
  const dms = h.standIn.messages.filter((m) => m.channel === karimDm).map((m) => m.text ?? '');
  expect(dms.some((t) => t.includes('Send the loan figures'))).toBe(true);
  expect(dms.filter((t) => /still waits for your answer|in a row without your answer/.test(t))).toEqual([]);
});

test('away on the day of a check-in only: no nudge about it afterwards; his partner is nudged as usual', async () => {
  await createActivePair(h); // check-in 1 on Tuesday 8 December, 13:00 UTC; nudges two working days later
  await mentorship(h, 'away 2026-12-08', KARIM.id);
  const [karimDm, aliceDm] = [await dmChannelOf(h, KARIM.id), await dmChannelOf(h, ALICE.id)];
  await simulate(h, '2026-12-08T00:00:00Z', '2026-12-12T00:00:00Z', ['checkins', 'nudges']);
  const nudged = (channel: string) =>
    h.standIn.messages.filter((m) => m.channel === channel && /still waits for your answer/.test(m.text ?? ''));
  expect(nudged(aliceDm)).toHaveLength(1);
  expect(nudged(karimDm)).toEqual([]);
});

test('a Russian speaker is answered in Russian; the note in the pair channel stays in the pair’s language', async () => {
  const pair = await createActivePair(h);
  await mentorship(h, 'language ru', KARIM.id);
  const set = await mentorship(h, 'away 2026-12-07..2026-12-20 виза', KARIM.id);
  expect(set.text).toContain(`Вас не будет с ${dayToken('2026-12-07')}`);
  expect(set.text).toContain('(виза)');
  expect(set.text).toContain('канал пары предупреждён');
  expect((await mentorship(h, 'away', KARIM.id)).text).toMatch(/^Ваше следующее отсутствие/);
  expect((await mentorship(h, 'away 2026-13-40', KARIM.id)).text).toMatch(/ГГГГ-ММ-ДД/);

  const [note] = inChannel(pair).filter((m) => /is away from/.test(m.text ?? ''));
  expect(note.text).toMatch(/^Alice Müller, a heads-up: Karim Rahman is away/);
});
