import { CheckinModel } from '../../src/features/checkins/model';
import { MessageCountModel, MessageFoldModel, messageCountId } from '../../src/jobs/message-cap-model';
import { sentField } from '../../src/jobs/message-cap-rules';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
withHarness('weekly_cap', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T12:00:00Z') });

const KARIM = PEOPLE.mentee.id; // Dhaka
const ALICE = PEOPLE.mentor.id; // New York
const LEE = PEOPLE.mentorLA.id; // Los Angeles

/** Five messages counted for someone on `at` (as if the bot had sent them). */
async function fiveMessagesFor(userId: string, at: string) {
  const sent = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [sentField(`earlier:${userId}:${i}`), new Date(at)]));
  const teamId = h.standIn.teamId;
  await MessageCountModel.updateOne(
    { _id: messageCountId(teamId, userId) },
    { $set: { teamId, userId, touchedAt: new Date(at), ...prefixed(sent) } },
    { upsert: true },
  );
}
const prefixed = (sent: Record<string, Date>) =>
  Object.fromEntries(Object.entries(sent).map(([k, v]) => [`sent.${k}`, v]));

const countedFor = async (userId: string) =>
  Object.keys((await MessageCountModel.findById(messageCountId(h.standIn.teamId, userId)).lean())?.sent ?? {}).length;

const promptsIn = (pair: Pair) =>
  h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /^Check-in #\d+/.test(m.text ?? ''));
const dmsTo = (userId: string) => h.standIn.messages.filter((m) => m.channel === h.standIn.dmChannelOf(userId));
const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => String(m.metadata?.event_payload.key);
/** The "Also" context blocks of a message. */
const alsoOf = (m: { blocks?: Array<{ type: string; elements?: Array<{ text?: string }> }> }) =>
  (m.blocks ?? [])
    .filter((b) => b.type === 'context' && /^\*(Also|Además)/.test(b.elements?.[0]?.text ?? ''))
    .map((b) => b.elements![0].text);

const nudgeOf = async (userId: string, period: number) =>
  (await OutboxModel.findOne({ kind: 'silence_nudge', 'ref.userId': userId, 'ref.period': period }).lean())!;

/** New York + Dhaka, check-ins Tuesdays 13:00 UTC from 8 December; Karim already had 5 messages this week. */
async function karimsFirstNudgeFolded(): Promise<Pair> {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  await fiveMessagesFor(KARIM, '2026-12-09T10:00:00Z');
  // Thursday 13:00 UTC: both nudges for check-in #1 are due (two working days of silence).
  const report = await runJobsAt(h, '2026-12-10T13:00:00Z', ['nudges']);
  expect(report).toContain(
    `folded silence_nudge ${(await nudgeOf(KARIM, 1)).key}: 6 message(s) to ${KARIM} in 7 days (cap 5)`,
  );
  return pair;
}

describe('not the bot people mute: at most 5 messages a person in 7 days, reminders folded beyond', () => {
  test('at the cap the nudge is folded; the next prompt, still sent, carries it once; the count restarts a week later', async () => {
    const pair = await karimsFirstNudgeFolded();
    // Karim gets no separate nudge; Alice, under the cap, gets hers.
    expect((await nudgeOf(KARIM, 1)).status).toBe('folded');
    expect((await nudgeOf(ALICE, 1)).status).toBe('sent');
    expect(dmsTo(KARIM).filter((m) => keyOf(m).startsWith('nudge:'))).toHaveLength(0);
    expect(dmsTo(ALICE).filter((m) => keyOf(m).startsWith('nudge:'))).toHaveLength(1);

    // Check-in #2 is high priority: sent though Karim is still at 5 in the window, and counted.
    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
    const [first, second] = promptsIn(pair);
    expect(alsoOf(first)).toEqual([]);
    expect(alsoOf(second)).toEqual([
      `*Also, <@${KARIM}>:*\n• Check-in #1 in <#${pair.channel!.id}> is still waiting for your answer.`,
    ]);
    expect(await MessageFoldModel.countDocuments()).toBe(0);
    expect(await countedFor(KARIM)).toBe(5 + 2);

    // A week after those five, Karim is under the cap again: the nudge for #2 goes out.
    await runJobsAt(h, '2026-12-17T13:00:00Z', ['nudges']);
    expect((await nudgeOf(KARIM, 2)).status).toBe('sent');
    // Shown once: the next prompt carries nothing.
    await runJobsAt(h, '2026-12-22T13:00:00Z', ['checkins']);
    expect(promptsIn(pair).map((m) => alsoOf(m).length)).toEqual([0, 1, 0]);
  });

  test('a DM carries the folded line to that person, in their language; a check-in DM at the cap is still sent', async () => {
    // Los Angeles + Dhaka from Monday 1 February: the prompt goes out at 09:00 on Mondays in Dhaka (Sunday
    // evening in Los Angeles) without mentioning Lee, who gets a DM at 09:00 on Monday instead. Lee reads Spanish.
    const dates = { startDate: '2027-02-01', endDate: '2027-04-30' };
    const pair = await createActivePair(h, { mentor: LEE, mentee: KARIM, ...dates });
    await ParticipantModel.updateOne({ _id: participantId(h.standIn.teamId, LEE) }, { $set: { language: 'es' } });
    const firstDue = pair.schedule!.nextCheckinAt!;
    await runJobsAt(h, firstDue, ['checkins']);
    const checkin = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean())!;
    await fiveMessagesFor(LEE, firstDue.toISOString());
    await runJobsAt(h, checkin.mentorDmAt!, ['checkins']);
    expect(dmsTo(LEE).filter((m) => keyOf(m).startsWith('checkin-mentor-dm:'))).toHaveLength(1);
    await runJobsAt(h, (await nudgeOf(LEE, 1)).dueAt, ['nudges']);
    expect((await nudgeOf(LEE, 1)).status).toBe('folded');

    await runJobsAt(h, (await PairModel.findById(pair._id).lean())!.schedule!.nextCheckinAt!, ['checkins']);
    const second = (await CheckinModel.findOne({ pairId: pair._id, period: 2 }).lean())!;
    await runJobsAt(h, second.mentorDmAt!, ['checkins']);
    const dms = dmsTo(LEE).filter((m) => keyOf(m).startsWith('checkin-mentor-dm:'));
    expect(dms.map((m) => alsoOf(m))).toEqual([
      [],
      [`*Además:*\n• El check-in n.º 1 en <#${pair.channel!.id}> sigue esperando tu respuesta.`],
    ]);
    // The prompt in the channel did not carry Lee's line: it did not mention Lee.
    expect(promptsIn(pair).flatMap((m) => alsoOf(m))).toEqual([]);
  });

  test('retries, a crash between writes and two instances neither count, fold nor show anything twice', async () => {
    const pair = await karimsFirstNudgeFolded();
    const nudge = await nudgeOf(KARIM, 1);
    // A crash after the fold was written but before the entry's status: the resumed entry folds again, once.
    const stale = { status: 'sending', claimedAt: new Date('2026-12-10T13:00:00Z') };
    await OutboxModel.updateOne({ _id: nudge._id }, { $set: stale });
    await Promise.all(
      ['one', 'two'].map((instanceId) => runJobsAt(h, '2026-12-10T13:30:00Z', ['nudges'], { instanceId })),
    );
    expect((await nudgeOf(KARIM, 1)).status).toBe('folded');
    expect(await MessageFoldModel.countDocuments()).toBe(1);
    expect(dmsTo(KARIM).filter((m) => keyOf(m).startsWith('nudge:'))).toHaveLength(0);

    // Check-in #2 carries the line; then a crash after the post, before anything after it was written.
    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
    const fold = { _id: nudge.key, teamId: h.standIn.teamId, pairId: pair._id, userId: KARIM, kind: 'silence_nudge' };
    const line = { key: 'cap.line.silenceNudge', params: { period: 1, channel: pair.channel!.id } };
    await MessageFoldModel.create({ ...fold, line, at: new Date('2026-12-10T13:00:00Z') });
    const prompt = (await OutboxModel.findOne({ _id: `checkin:${pair._id}:2` }).lean())!;
    await OutboxModel.updateOne({ _id: prompt._id }, { $set: stale, $unset: { sent: '' } });
    await CheckinModel.updateOne({ pairId: pair._id, period: 2 }, { $unset: { prompt: '' } });
    const counter = messageCountId(h.standIn.teamId, KARIM);
    await MessageCountModel.updateOne({ _id: counter }, { $unset: { [`sent.${sentField(prompt.key)}`]: '' } });

    await Promise.all(
      ['one', 'two'].map((instanceId) => runJobsAt(h, '2026-12-15T13:10:00Z', ['checkins'], { instanceId })),
    );
    expect(promptsIn(pair).map((m) => alsoOf(m).length)).toEqual([0, 1]); // not posted again
    expect(await MessageFoldModel.countDocuments()).toBe(0);
    expect(await countedFor(KARIM)).toBe(5 + 2);
    await runJobsAt(h, '2026-12-22T13:00:00Z', ['checkins']);
    expect(promptsIn(pair).map((m) => alsoOf(m).length)).toEqual([0, 1, 0]);
  });
});
