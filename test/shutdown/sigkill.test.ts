/**
 * Killed with SIGKILL (no chance to hand anything back), then run again: every check-in prompt is
 * posted exactly once. The kill lands at the two moments that matter: after the database write and
 * before Slack got the message, and after Slack posted it but before the app recorded it. The run
 * after the kill is the job runner an external scheduler starts (`npm run job -- checkins`), eleven
 * minutes later by its `--now`, when the dead run's job lease (LEASE_MS) and claims (STALE_CLAIM_MS)
 * have expired.
 * Also: the job runner itself stops cleanly on SIGTERM.
 */
import { OutboxModel } from '../../src/jobs/outbox-model';
import { STALE_CLAIM_MS } from '../../src/jobs/outbox';
import { LEASE_MS } from '../../src/jobs/run-jobs';
import { until, useSpawnedHarness } from '../support/spawned';

jest.setTimeout(60_000);

const h = useSpawnedHarness();

const DUE = 5;
/** When the dead process's job lease and claims have both expired. */
const later = () => new Date(Date.now() + Math.max(LEASE_MS, STALE_CLAIM_MS) + 60_000).toISOString();

/** After the kill: what the database holds, then the job runner's run, then what Slack holds. */
async function restartAndCheck(uri: string): Promise<void> {
  const held = await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: 'sending' });
  expect(held).toBeGreaterThan(0); // the dead process held claims it never released
  const job = h.startJob({ uri, args: ['checkins', '--now', later()] });
  const { code } = await job.exited;
  expect({ code, output: code === 0 ? '' : job.output() }).toEqual({ code: 0, output: '' });
  const posted = h.promptKeys();
  expect(posted).toHaveLength(DUE);
  expect(new Set(posted).size).toBe(DUE);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: { $ne: 'sent' } })).toBe(0);
}

test('killed while a prompt is on its way to Slack (claimed and written, never posted): the next run posts each prompt once', async () => {
  const uri = await h.seed(DUE);
  const slack = await h.hangingSlack();
  try {
    const app = await h.startApp({ uri, scheduler: true, slackApiUrl: slack.url });
    await until(() => slack.hung() >= 1, 20_000, 'a chat.postMessage in flight');
    app.child.kill('SIGKILL');
    expect((await app.exited).signal).toBe('SIGKILL');
  } finally {
    await slack.close();
  }
  expect(h.promptKeys()).toEqual([]);
  await restartAndCheck(uri);
});

test('killed after Slack posted a prompt but before the app recorded it: the next run finds it and does not post it again', async () => {
  const uri = await h.seed(DUE);
  // Slack posts the first prompt at once, but its answer would come only after 30 s.
  h.standIn.failNext('chat.postMessage', { hang: 30_000 });
  const app = await h.startApp({ uri, scheduler: true });
  await until(() => h.promptKeys().length >= 1, 20_000, 'the first prompt posted');
  app.child.kill('SIGKILL');
  await app.exited;
  expect(h.promptKeys()).toHaveLength(1);
  await restartAndCheck(uri);
});

test('the job runner on SIGTERM mid-run: exits 0 within 10 s, hands back what it had not sent, and the next run sends it once', async () => {
  const due = 30;
  const uri = await h.seed(due);
  // 3 posts a second, then 429 with Retry-After: 1, so the run takes a while.
  h.standIn.rateLimit('chat.postMessage', { perWindow: 3, windowMs: 1000, retryAfter: 1 });
  const job = h.startJob({ uri, args: ['checkins'] });
  await until(() => h.promptKeys().length >= 4, 20_000, 'four prompts posted by the job');
  const signalledAt = Date.now();
  job.child.kill('SIGTERM');
  const { code, at } = await job.exited;
  expect({ code, withinTenSeconds: at - signalledAt < 10_000 }).toEqual({ code: 0, withinTenSeconds: true });
  expect(job.output()).toMatch(/Stopped by a signal/);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: 'sending' })).toBe(0);
  expect(h.promptKeys().length).toBeLessThan(due);

  h.standIn.rateLimit('chat.postMessage', null);
  const next = h.startJob({ uri, args: ['checkins'] });
  expect((await next.exited).code).toBe(0);
  const posted = h.promptKeys();
  expect(posted).toHaveLength(due);
  expect(new Set(posted).size).toBe(due);
});
