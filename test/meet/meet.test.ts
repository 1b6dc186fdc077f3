/**
 * `/mentorship meet` end to end, through the Slack stand-in: three times posted with date tokens,
 * a newer proposal replacing the older, outsiders and forged values refused with nothing changed,
 * both picking the same time agreeing it (once, however often the press is delivered), and each
 * person's reminder DM an hour before, in their own language, exactly once.
 */
import { MeetIds } from '../../src/features/meet';
import { MeetingPickModel } from '../../src/features/meet/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { dmsTo } from '../feedback/drive';
import { mentorship, reload } from '../staff/drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('meet', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T10:00:00Z') });

const ALICE = PEOPLE.mentor; // New York, the mentor
const KARIM = PEOPLE.mentee; // Dhaka, the mentee
const token = (iso: string) => `<!date^${Date.parse(iso) / 1000}^`;

/** Types `/mentorship meet` in the pair's channel; returns the answer and the proposal posted (if any). */
async function meet(pair: Pair, userId: string) {
  const channel = pair.channel!.id!;
  const before = h.standIn.messages.length;
  const responses = h.standIn.responses.length;
  await h.driver.command('/mentorship', 'meet', { userId, channelId: channel });
  await h.standIn.waitFor(() => h.standIn.responses.length > responses, 8000, 'the answer to /mentorship meet');
  const posted = h.standIn.messages.slice(before).find((m) => m.channel === channel && !m.ephemeral);
  return { answer: h.standIn.responses.at(-1)!.body, posted };
}

const slotValue = (m: { blocks?: any[] }, n: number): string =>
  m.blocks!.find((b) => b.block_id === MeetIds.slotBlock(n)).accessory.value;

/** Presses "Pick" on a proposal message (the n-th time, or a forged value); returns the ephemeral answer, if any. */
async function press(userId: string, m: { channel: string; ts: string; blocks?: any[] }, value: string) {
  const responses = h.standIn.responses.length;
  const messages = h.standIn.messages.length;
  const res = await h.driver.blockAction({
    userId,
    actionId: MeetIds.pickButton,
    channelId: m.channel,
    messageTs: m.ts,
    value,
  });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(
    () => h.standIn.responses.length > responses || h.standIn.messages.length > messages,
    8000,
    'the answer to Pick',
  );
  await new Promise((resolve) => setTimeout(resolve, 100)); // the message update after the answer
  return h.standIn.responses.slice(responses).at(-1)?.body;
}

const channelPosts = (pair: Pair) => h.standIn.messages.filter((m) => m.channel === pair.channel!.id && !m.ephemeral);

test('three times with date tokens; picks checked; both pick the same: agreed once, and reminded an hour before', async () => {
  const pair = await createActivePair(h); // weekly, Mon–Fri both; New York and Dhaka never overlap
  await mentorship(h, 'language fr', KARIM.id);

  // 10:00 UTC: New York works 14:00–23:00 UTC, Dhaka 03:00–12:00 UTC. The mentor (first asked to
  // stretch) cannot without leaving 07:00–22:00, so Karim takes a late hour: 20:00 in Dhaka,
  // 09:00 in New York = 14:00 UTC, on Tuesday 1, Wednesday 2 and Thursday 3 December.
  const first = await meet(pair, ALICE.id);
  expect(first.answer.text).toMatch(/I posted meeting times/);
  const second = await meet(pair, KARIM.id); // a newer proposal replaces the first
  const proposal = second.posted!;
  expect(proposal.text).toMatch(/do not overlap/);
  const shown = JSON.stringify(proposal.blocks);
  expect(shown).toContain('This time Karim Rahman is asked to stretch');
  for (const at of ['2026-12-01T14:00:00Z', '2026-12-02T14:00:00Z', '2026-12-03T14:00:00Z'])
    expect(shown).toContain(token(at));
  expect((await press(ALICE.id, first.posted!, slotValue(first.posted!, 1))).text).toMatch(/replaced by newer ones/);

  // Refused, nothing changed: an outsider, and a forged time (in Karim's own language).
  const before = (await reload(pair)).meeting;
  expect((await press(PEOPLE.outsider.id, proposal, slotValue(proposal, 1))).text).toMatch(
    /Only the mentor and the mentee/,
  );
  const forged = slotValue(proposal, 1).replace(/\d{8}T\d{4}Z$/, '20261201T1500Z');
  expect((await press(KARIM.id, proposal, forged)).text).toMatch(/ne fait pas partie/);
  expect((await reload(pair)).meeting).toEqual(before);
  expect(await MeetingPickModel.countDocuments({})).toBe(0);

  // Alice picks the second time; Karim too: agreed, stored and posted once.
  const wednesday = slotValue(proposal, 2);
  expect((await press(ALICE.id, proposal, wednesday)).text).toMatch(/^Noted: <!date\^/);
  expect(JSON.stringify(h.standIn.messages.find((m) => m.ts === proposal.ts)!.blocks)).toContain(
    'Alice Müller picked this time',
  );
  const postsBefore = channelPosts(pair).length;
  await press(KARIM.id, proposal, wednesday);
  // The press delivered again (the message now shows the agreed time, without buttons).
  expect((await press(KARIM.id, proposal, wednesday)).text).toMatch(/déjà convenu/);
  const agreedPosts = channelPosts(pair).slice(postsBefore);
  expect(agreedPosts.map((m) => m.text)).toEqual([expect.stringMatching(/^:handshake: Agreed: you meet <!date\^/)]);
  expect(agreedPosts[0].text).toContain(token('2026-12-02T14:00:00Z'));
  const stored = (await PairModel.findById(pair._id).lean<Pair>())!.meeting!;
  expect(stored.next).toMatchObject({ at: new Date('2026-12-02T14:00:00Z'), slotKey: '20261202T1400Z' });
  expect(stored.lastInconvenienced).toBe('mentee'); // 20:00 in Dhaka: next time Alice is asked first
  expect(await OutboxModel.countDocuments({ kind: 'meeting_reminder' })).toBe(2);

  // The reminders: not before 13:00 UTC, then each person's once, in their language.
  const reminders = (userId: string) => dmsTo(h, userId).filter((m) => /alarm_clock/.test(m.text ?? ''));
  await runJobsAt(h, '2026-12-02T12:45:00Z', ['reminders']);
  expect([...reminders(ALICE.id), ...reminders(KARIM.id)]).toEqual([]);
  await runJobsAt(h, '2026-12-02T13:00:00Z', ['reminders']);
  await runJobsAt(h, '2026-12-02T13:15:00Z', ['reminders']);
  expect(reminders(ALICE.id).map((m) => m.text)).toEqual([
    expect.stringMatching(
      new RegExp(`with <@${KARIM.id}> starts in an hour: <!date\\^${Date.parse('2026-12-02T14:00:00Z') / 1000}\\^`),
    ),
  ]);
  expect(reminders(KARIM.id).map((m) => m.text)).toEqual([expect.stringMatching(/commence dans une heure/)]);
});
