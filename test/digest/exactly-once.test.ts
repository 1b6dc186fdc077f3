/**
 * README: the weekly digest is posted "exactly once even across restarts and two instances,
 * through the existing outbox", its thread in order under it, its files once.
 */
import { runDigestJob } from '../../src/features/digest';
import { weeklyDigestHandler } from '../../src/features/digest/jobs';
import { DigestModel } from '../../src/features/digest/model';
import { enqueue, runOutbox } from '../../src/jobs/outbox';
import { OutboxModel, type OutboxEntry } from '../../src/jobs/outbox-model';
import { keyMetadata } from '../../src/slack/posted';
import { STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { jobContext, runJobsAt } from '../support/jobs';
import { withHarness } from '../support/with-harness';
import { insertProgram, NOW } from './program';

let h: Harness;
withHarness('digest_exactly_once', (made) => (h = made), { clock: new FakeClock(NOW) });

const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
const key = () => `digest:${h.standIn.teamId}:2027-03-15`;
const tops = () => h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && !m.thread_ts);
const threadOf = (ts: string) => h.standIn.messages.filter((m) => m.thread_ts === ts);
const charts = () => [...h.standIn.files.values()].filter((f) => f.filename.endsWith('.png') && f.completed);
/** How often each message key went to chat.postMessage. */
const postsByKey = () => {
  const counts = new Map<string, number>();
  for (const c of h.standIn.attemptsTo('chat.postMessage')) {
    const k = String(c.args.metadata?.event_payload?.key ?? '');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

function expectOneDigest() {
  expect(tops()).toHaveLength(1);
  const top = tops()[0]!;
  const thread = threadOf(top.ts);
  const parts = thread.filter((m) => !m.files);
  expect(parts.length).toBeGreaterThanOrEqual(1);
  expect(parts.map((m) => m.text)).toEqual(parts.map((_, i) => `Weekly digest, pairs (part ${i + 1})`));
  for (const count of postsByKey().values()) expect(count).toBe(1);
  expect(charts()).toHaveLength(1);
  expect(charts()[0]).toMatchObject({ channel: STAFF_CHANNEL, threadTs: top.ts });
}

const thisWeek = () => jobContext(h, NOW, { instanceId: 'first' });

test('two instances at the same minute, even without the job lease, then a restart: one digest, one thread, one chart', async () => {
  await insertProgram(h.standIn.teamId);
  await Promise.all([
    runDigestJob(jobContext(h, NOW, { instanceId: 'instance-a' })),
    runDigestJob(jobContext(h, NOW, { instanceId: 'instance-b' })),
  ]);
  // Whatever one of them left (a claim the other held), the next ticks finish; none repeats.
  for (const [minutes, instanceId] of [
    [15, 'instance-a'],
    [30, 'restarted'],
    [24 * 60, 'another-day'],
  ] as const)
    await runJobsAt(h, at(minutes), ['digest'], { instanceId });
  expectOneDigest();
});

test('a crash after Slack took the top message, before its thread was queued: resumed from the channel, no second post', async () => {
  await insertProgram(h.standIn.teamId);
  // The dying instance rendered the digest, posted it with its key, and died before recording it.
  await enqueue({
    key: key(),
    teamId: h.standIn.teamId,
    kind: 'weekly_digest',
    ref: { week: '2027-03-15' },
    dueAt: NOW,
  });
  const entry = (await OutboxModel.findById(key()).lean<OutboxEntry>())!;
  const rendered = await weeklyDigestHandler.render(entry, jobContext(h, NOW, { instanceId: 'dying' }));
  if (rendered.op !== 'post') throw new Error(`expected a post, got ${rendered.op}`);
  await h.deps.client.chat.postMessage({
    channel: rendered.to,
    text: rendered.text,
    blocks: rendered.blocks,
    metadata: keyMetadata(key()),
  });
  await OutboxModel.updateOne(
    { _id: key() },
    { $set: { status: 'sending', claimedAt: NOW, claimedBy: 'dying', attempts: 1, firstAttemptAt: new Date() } },
  );

  await runJobsAt(h, at(2), ['digest'], { instanceId: 'restarted' }); // the claim is fresh: maybe it is still at it
  expect(threadOf(tops()[0]!.ts)).toHaveLength(0);
  const report = await runJobsAt(h, at(15), ['digest'], { instanceId: 'restarted' });
  expect(report).toContain(`sent weekly_digest ${key()} (resumed)`);
  await runJobsAt(h, at(30), ['digest'], { instanceId: 'restarted' });
  expectOneDigest();
});

test('a crash mid-upload: the next run finds the chart in the thread and does not share it again', async () => {
  await insertProgram(h.standIn.teamId);
  await runJobsAt(h, NOW, ['digest']);
  expectOneDigest();
  const shared = charts()[0]!;
  // As if the process died after Slack shared the chart, before recording its id.
  await DigestModel.updateOne(
    { _id: `${h.standIn.teamId}:2027-03-15` },
    { $set: { 'uploads.chart': { startedAt: NOW, attempts: 1 } } },
  );
  await runJobsAt(h, at(2), ['digest']); // too soon to call it a crash
  await runJobsAt(h, at(15), ['digest']);
  expectOneDigest();
  expect(h.standIn.callsTo('files.completeUploadExternal')).toHaveLength(1);
  const doc = await DigestModel.findById(`${h.standIn.teamId}:2027-03-15`).lean();
  expect(doc?.uploads?.chart?.fileId).toBe(shared.id);
});

test('an upload Slack refused is tried again on the next run, and shared once', async () => {
  await insertProgram(h.standIn.teamId);
  h.standIn.failNext('files.completeUploadExternal', { status: 500 });
  const first = await runJobsAt(h, NOW, ['digest']);
  expect(first.join('\n')).toMatch(/sharing the chart failed: slack:http_500 \(will retry\)/);
  expect(charts()).toHaveLength(0);
  await runJobsAt(h, at(15), ['digest']);
  await runJobsAt(h, at(30), ['digest']);
  expectOneDigest();
});

test("the thread's messages go out in order, even when one of them has to wait", async () => {
  await insertProgram(h.standIn.teamId, 30); // 31 pairs at risk: more than one message of pairs
  const ctx = thisWeek();
  await enqueue({
    key: key(),
    teamId: h.standIn.teamId,
    kind: 'weekly_digest',
    ref: { week: '2027-03-15' },
    dueAt: NOW,
  });
  await runOutbox({ weekly_digest: weeklyDigestHandler }, ctx); // the top message; its thread is queued
  const parts = await OutboxModel.find({ kind: 'digest_part' }).sort({ _id: 1 }).lean<OutboxEntry[]>();
  expect(parts.length).toBeGreaterThanOrEqual(2);
  // Part 1 must wait (as after a failed attempt); part 2 is due but waits for it.
  await OutboxModel.updateOne({ _id: `${key()}:part:1` }, { $set: { nextAttemptAt: at(10) } });
  const report = await runJobsAt(h, at(1), ['digest']);
  expect(report).toContainEqual(expect.stringMatching(/^deferred digest_part .*:part:2 .*part 1 is not posted yet/));
  expect(threadOf(tops()[0]!.ts)).toHaveLength(0);
  for (const minutes of [15, 30]) await runJobsAt(h, at(minutes), ['digest']);
  expectOneDigest();
  const posted = threadOf(tops()[0]!.ts).filter((m) => !m.files);
  expect(posted.map((m) => m.text)).toEqual(parts.map((_, i) => `Weekly digest, pairs (part ${i + 1})`));
});
