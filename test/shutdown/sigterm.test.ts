/**
 * README ("Stopping", under Configuration): on SIGTERM the bot takes no new work, a send in progress finishes or is handed
 * back, connections close and it exits 0 within 10 s; past 10 s it exits 1; a second signal exits at
 * once. Run on the real compiled app (`node dist/src/index.js`, built by `npm run build`), with the
 * Slack stand-in and a database of its own per test on the run's MongoDB-wire server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase } from '../../src/db/connection';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { insertBulkPairs } from '../support/bulk-pairs';
import { SlackStandIn } from '../support/slack-stand-in';
import { SocketModeStandIn } from '../support/socket-mode-stand-in';

jest.setTimeout(40_000);

const ROOT = path.join(__dirname, '..', '..');
const COMPILED = path.join(ROOT, 'dist', 'src', 'index.js');
const TOKEN = 'xoxb-shutdown-test-token';
const SECRET = 'shutdown-test-signing-secret';

/** The newest modification time of the .ts files under src/. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

let standIn: SlackStandIn;
let cwd: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(COMPILED))
    throw new Error('dist/src/index.js is missing: run `npm run build` before these tests (CI builds first).');
  if (newestSource(path.join(ROOT, 'src')) > statSync(COMPILED).mtimeMs)
    throw new Error('dist/ is older than src/: run `npm run build` before these tests, or they test old code.');
  // A working directory of its own, so no .env of the checkout leaks into the app.
  cwd = mkdtempSync(path.join(os.tmpdir(), 'shutdown-test-'));
});
beforeEach(async () => {
  standIn = await SlackStandIn.start();
});
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await standIn?.close();
  if (mongoose.connection.readyState === 1) {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  }
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A database of this test's own, with `due` pairs whose first check-in was due ten minutes ago. */
async function seed(due: number): Promise<string> {
  const base = process.env.TEST_MONGODB_URI;
  if (!base)
    throw new Error('TEST_MONGODB_URI is not set: run the tests with jest (global setup starts the database).');
  const uri = `${base.replace(/\/?$/, '/')}shutdown_${randomBytes(3).toString('hex')}`;
  await connectDatabase(uri);
  if (due > 0)
    await insertBulkPairs({ teamId: standIn.teamId, count: due, due, dueAt: new Date(Date.now() - 600_000), standIn });
  return uri;
}

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves with the exit code and the time of exit (ms since the epoch). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function startApp(opts: {
  uri: string;
  scheduler: boolean;
  slackApiUrl?: string;
  appToken?: string;
}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [COMPILED], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: opts.slackApiUrl ?? standIn.url,
      STAFF_USER_IDS: 'U0STAFF001',
      MONGODB_URI: opts.uri,
      PORT: String(port),
      LOG_LEVEL: 'info',
      SCHEDULER_ENABLED: String(opts.scheduler),
      ...(opts.appToken ? { SLACK_APP_TOKEN: opts.appToken } : {}),
    },
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const deadline = Date.now() + 20_000;
  while (!/Listening on :|Running in Socket Mode/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the app did not start (exit ${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return { child, port, output: () => out, exited };
}

function healthz(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

/** The check-in prompts posted so far, by their outbox key (the message metadata). */
function promptKeys(): string[] {
  return standIn.messages
    .map((m) => m.metadata?.event_payload?.key)
    .filter((k): k is string => typeof k === 'string' && k.startsWith('checkin:'));
}

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A Slack API in front of the stand-in whose chat.postMessage never answers (the send hangs);
 * every other method is passed through. `posts` counts the hanging calls.
 */
async function hangingSlack(): Promise<{ url: string; posts: () => number; close(): Promise<void> }> {
  let posts = 0;
  const target = new URL(standIn.url);
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('/chat.postMessage')) {
      posts += 1;
      req.resume();
      return; // never answered
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    posts: () => posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('idle: SIGTERM closes the HTTP port and exits 0 within 10 s, saying so without secrets', async () => {
  const app = await startApp({ uri: await seed(0), scheduler: true });
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
  const socket = await SocketModeStandIn.start(standIn);
  try {
    const app = await startApp({ uri: await seed(0), scheduler: true, appToken: socket.appToken });
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
  const uri = await seed(DUE);
  // Slack lets 3 posts through a second, then answers 429 with Retry-After: 1, so the tick takes a while.
  standIn.rateLimit('chat.postMessage', { perWindow: 3, windowMs: 1000, retryAfter: 1 });
  const first = await startApp({ uri, scheduler: true });
  await until(() => promptKeys().length >= 6, 20_000, 'six prompts posted by the start-up tick');
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
  const posted = promptKeys();
  expect(new Set(posted).size).toBe(posted.length);
  expect(posted.sort()).toEqual(
    byStatus('sent')
      .map((e) => e._id as string)
      .sort(),
  );

  // The next instance resumes at once (its start-up tick), not after the 5-minute stale-claim wait.
  standIn.rateLimit('chat.postMessage', null);
  const second = await startApp({ uri, scheduler: true });
  await until(() => promptKeys().length >= DUE, 15_000, `all ${DUE} prompts posted`);
  second.child.kill('SIGTERM');
  expect((await second.exited).code).toBe(0);
  const all = promptKeys();
  expect(all).toHaveLength(DUE);
  expect(new Set(all).size).toBe(DUE);
  expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: { $ne: 'sent' } })).toBe(0);
});

test('SIGTERM while the tick waits out a 30 s Retry-After: the wait ends at once and the process exits 0', async () => {
  const uri = await seed(3);
  standIn.rateLimit('chat.postMessage', { perWindow: 1, windowMs: 60_000, retryAfter: 30 });
  const app = await startApp({ uri, scheduler: true });
  await until(() => standIn.rateLimitWaits('chat.postMessage').length >= 1, 15_000, 'a 429 answered');
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
  const uri = await seed(3);
  const slack = await hangingSlack();
  try {
    const app = await startApp({ uri, scheduler: true, slackApiUrl: slack.url });
    await until(() => slack.posts() >= 1, 15_000, 'a chat.postMessage in flight');
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
  const uri = await seed(1);
  const slack = await hangingSlack();
  try {
    const app = await startApp({ uri, scheduler: true, slackApiUrl: slack.url });
    await until(() => slack.posts() >= 1, 15_000, 'a chat.postMessage in flight');
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
