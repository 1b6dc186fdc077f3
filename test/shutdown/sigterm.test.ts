/**
 * README ("Stopping", under Configuration): on SIGTERM the bot takes no new work, a send in progress finishes or is handed
 * back, connections close and it exits 0 within 10 s; past 10 s it exits 1; a second signal exits at
 * once. Run on the real compiled app (`node dist/src/index.js`, built by `npm run build`), with the
 * Slack stand-in and a database of its own per test on the run's MongoDB-wire server.
 */
import { OutboxModel } from '../../src/jobs/outbox-model';
import { SocketModeStandIn } from '../support/socket-mode-stand-in';
import { healthz, SECRET, TOKEN, until, useSpawnedHarness } from '../support/spawned';

jest.setTimeout(40_000);

const h = useSpawnedHarness();

test('idle: SIGTERM closes the HTTP port and exits 0 within 10 s, saying so without secrets', async () => {
  const app = await h.startApp({ uri: await h.seed(0), scheduler: true });
  expect(await healthz(app.port)).toBe(200);
  const signalledAt = Date.now();
  app.child.kill('SIGTERM');
  const { code, at } = await app.exited;
  expect({ code, withinTenSeconds: at - signalledAt < 10_000 }).toEqual({ code: 0, withinTenSeconds: true });
  expect(await healthz(app.port)).toBe('ECONNREFUSED');
  expect(app.output()).toMatch(/SIGTERM: shutting down/);
  expect(app.output()).toMatch(/Shutdown complete/);
  expect(app.output()).not.toContain(TOKEN);
  expect(app.output()).not.toContain(SECRET);
});

test('Socket Mode: SIGTERM closes the WebSocket and the health port, and exits 0 within 10 s', async () => {
  const socket = await SocketModeStandIn.start(h.standIn);
  try {
    const app = await h.startApp({ uri: await h.seed(0), scheduler: true, appToken: socket.appToken });
    const connection = await socket.waitForConnections(1);
    // A WebSocket closed by its client says so (1000, or 1001 going away); a dropped one is 1006.
    const closeCode = new Promise<number>((resolve) => connection.socket.once('close', (c: number) => resolve(c)));
    expect(await healthz(app.port)).toBe(200);
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    const { code, at } = await app.exited;
    expect({ code, withinTenSeconds: at - signalledAt < 10_000 }).toEqual({ code: 0, withinTenSeconds: true });
    expect([1000, 1001]).toContain(await closeCode);
    await until(() => socket.connections.every((c) => c.closed), 2_000, 'every Socket Mode connection closed');
    expect(await healthz(app.port)).toBe('ECONNREFUSED');
    expect(app.output()).not.toContain(socket.appToken);
  } finally {
    await socket.close();
  }
});

test('SIGTERM mid-tick: exits 0 within 10 s, nothing left "sending"; the next instance posts the rest, each prompt once', async () => {
  const DUE = 40;
  const uri = await h.seed(DUE);
  // Slack lets 3 posts through a second, then answers 429 with Retry-After: 1, so the tick takes a while.
  h.standIn.rateLimit('chat.postMessage', { perWindow: 3, windowMs: 1000, retryAfter: 1 });
  const first = await h.startApp({ uri, scheduler: true });
  await until(() => h.promptKeys().length >= 6, 20_000, 'six prompts posted by the start-up tick');
  const signalledAt = Date.now();
  first.child.kill('SIGTERM');
  const { code, at } = await first.exited;
  expect({ code, withinTenSeconds: at - signalledAt < 10_000 }).toEqual({ code: 0, withinTenSeconds: true });

  // Stopped mid-way: every prompt either sent (once) or pending and due now; none held by a dead claim.
  const entries = await OutboxModel.find({ kind: 'checkin_prompt' }).lean();
  const byStatus = (s: string) => entries.filter((e) => e.status === s);
  expect(entries).toHaveLength(DUE);
  expect(byStatus('sending')).toEqual([]);
  expect(byStatus('sent').length + byStatus('pending').length).toBe(DUE);
  expect(byStatus('pending').length).toBeGreaterThan(0);
  expect(byStatus('pending').every((e) => e.nextAttemptAt.getTime() <= Date.now())).toBe(true);
  const posted = h.promptKeys();
  expect(new Set(posted).size).toBe(posted.length);
  expect(posted.sort()).toEqual(
    byStatus('sent')
      .map((e) => e._id as string)
      .sort(),
  );

  // The next instance resumes at once (its start-up tick), not after the 5-minute stale-claim wait.
  h.standIn.rateLimit('chat.postMessage', null);
  const second = await h.startApp({ uri, scheduler: true });
  await until(() => h.promptKeys().length >= DUE, 15_000, `all ${DUE} prompts posted`);
  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
  const all = h.promptKeys();
  expect(all).toHaveLength(DUE);
  expect(new Set(all).size).toBe(DUE);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: { $ne: 'sent' } })).toBe(0);
});

test('SIGTERM while the tick waits out a 30 s Retry-After: the wait ends at once and the process exits 0', async () => {
  const uri = await h.seed(3);
  h.standIn.rateLimit('chat.postMessage', { perWindow: 1, windowMs: 60_000, retryAfter: 30 });
  const app = await h.startApp({ uri, scheduler: true });
  await until(() => h.standIn.rateLimitWaits('chat.postMessage').length >= 1, 15_000, 'a 429 answered');
  await new Promise((r) => setTimeout(r, 300)); // the tick is now asleep until Retry-After has passed
  const signalledAt = Date.now();
  app.child.kill('SIGTERM');
  const { code, at } = await app.exited;
  expect(code).toBe(0);
  expect(at - signalledAt).toBeLessThan(3_000);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: 'sending' })).toBe(0);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: 'pending' })).toBe(2);
});

test('a second SIGTERM while the first waits on a send that hangs exits at once (143)', async () => {
  const uri = await h.seed(3);
  const slack = await h.hangingSlack();
  try {
    const app = await h.startApp({ uri, scheduler: true, slackApiUrl: slack.url });
    await until(() => slack.hung() >= 1, 15_000, 'a chat.postMessage in flight');
    app.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.child.exitCode).toBeNull(); // still waiting for the send in flight
    const secondAt = Date.now();
    app.child.kill('SIGTERM');
    const { code, at } = await app.exited;
    expect(code).toBe(143);
    expect(at - secondAt).toBeLessThan(1000);
    expect(app.output()).toMatch(/SIGTERM again during shutdown: exiting at once/);
  } finally {
    await slack.close();
  }
});

test('a send that hangs past the deadline: the process exits 1 within 10 s anyway, saying why', async () => {
  const uri = await h.seed(1);
  const slack = await h.hangingSlack();
  try {
    const app = await h.startApp({ uri, scheduler: true, slackApiUrl: slack.url });
    await until(() => slack.hung() >= 1, 15_000, 'a chat.postMessage in flight');
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    const { code, at } = await app.exited;
    expect(code).toBe(1);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(at - signalledAt).toBeGreaterThan(5_000); // it did wait for the send first
    expect(app.output()).toMatch(/Shutdown did not finish within 10 s: exiting now/);
  } finally {
    await slack.close();
  }
});
