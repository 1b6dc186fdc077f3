/**
 * The compiled app and job runner as child processes (`node dist/src/index.js`,
 * `node dist/scripts/job.js`), with the Slack stand-in and a database of their own, for the tests
 * that stop or kill a real process (test/shutdown).
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
import { insertBulkPairs } from './bulk-pairs';
import { SlackStandIn } from './slack-stand-in';

const ROOT = path.join(__dirname, '..', '..');
export const COMPILED_APP = path.join(ROOT, 'dist', 'src', 'index.js');
export const COMPILED_JOB = path.join(ROOT, 'dist', 'scripts', 'job.js');
export const TOKEN = 'xoxb-shutdown-test-token';
export const SECRET = 'shutdown-test-signing-secret';

/** The newest modification time of the .ts files under a folder. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Fails early when dist/ is missing or older than src/ (the tests would test old code). */
export function checkCompiled(): void {
  for (const compiled of [COMPILED_APP, COMPILED_JOB]) {
    if (!existsSync(compiled))
      throw new Error(`${compiled} is missing: run \`npm run build\` before these tests (CI builds first).`);
    if (newestSource(path.join(ROOT, 'src')) > statSync(compiled).mtimeMs)
      throw new Error('dist/ is older than src/: run `npm run build` before these tests, or they test old code.');
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves with the exit code and the time of exit (ms since the epoch). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** One test file's processes, stand-in and working directory. */
export class SpawnedHarness {
  standIn!: SlackStandIn;
  private cwd = '';
  private readonly children: ChildProcess[] = [];

  /** beforeAll */
  setUp(): void {
    checkCompiled();
    // A working directory of its own, so no .env of the checkout leaks into the app.
    this.cwd = mkdtempSync(path.join(os.tmpdir(), 'spawned-test-'));
  }

  /** beforeEach */
  async startStandIn(): Promise<void> {
    this.standIn = await SlackStandIn.start();
  }

  /** afterEach: kills what is left, closes the stand-in, drops the database. */
  async cleanUp(): Promise<void> {
    for (const child of this.children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await this.standIn?.close();
    if (mongoose.connection.readyState === 1) {
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    }
  }

  /** afterAll */
  tearDown(): void {
    rmSync(this.cwd, { recursive: true, force: true });
  }

  /** A database of this test's own, with `due` pairs whose first check-in was due ten minutes ago. */
  async seed(due: number): Promise<string> {
    const base = process.env.TEST_MONGODB_URI;
    if (!base)
      throw new Error('TEST_MONGODB_URI is not set: run the tests with jest (global setup starts the database).');
    const uri = `${base.replace(/\/?$/, '/')}spawned_${randomBytes(3).toString('hex')}`;
    await connectDatabase(uri);
    if (due > 0)
      await insertBulkPairs({
        teamId: this.standIn.teamId,
        count: due,
        due,
        dueAt: new Date(Date.now() - 600_000),
        standIn: this.standIn,
      });
    return uri;
  }

  private spawnNode(args: string[], env: Record<string, string>): Omit<Running, 'port'> {
    const child = spawn(process.execPath, args, {
      cwd: this.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        STAFF_USER_IDS: 'U0STAFF001',
        LOG_LEVEL: 'info',
        ...env,
      },
    });
    this.children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    return { child, output: () => out, exited };
  }

  /** The app, started and listening (HTTP) or connected (Socket Mode). */
  async startApp(opts: { uri: string; scheduler: boolean; slackApiUrl?: string; appToken?: string }): Promise<Running> {
    const port = await freePort();
    const running = this.spawnNode([COMPILED_APP], {
      SLACK_API_URL: opts.slackApiUrl ?? this.standIn.url,
      MONGODB_URI: opts.uri,
      PORT: String(port),
      SCHEDULER_ENABLED: String(opts.scheduler),
      ...(opts.appToken ? { SLACK_APP_TOKEN: opts.appToken } : {}),
    });
    const deadline = Date.now() + 20_000;
    while (!/Listening on :|Running in Socket Mode/.test(running.output())) {
      if (running.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`the app did not start (exit ${running.child.exitCode}):\n${running.output()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { ...running, port };
  }

  /** `npm run job -- <args>` as an external scheduler runs it. */
  startJob(opts: {
    uri: string;
    args: string[];
    slackApiUrl?: string;
    env?: Record<string, string>;
  }): Omit<Running, 'port'> {
    return this.spawnNode([COMPILED_JOB, ...opts.args], {
      SLACK_API_URL: opts.slackApiUrl ?? this.standIn.url,
      MONGODB_URI: opts.uri,
      SCHEDULER_ENABLED: 'false',
      ...opts.env,
    });
  }

  /** The check-in prompts posted so far, by their outbox key (the message metadata). */
  promptKeys(): string[] {
    return this.standIn.messages
      .map((m) => m.metadata?.event_payload?.key)
      .filter((k): k is string => typeof k === 'string' && k.startsWith('checkin:'));
  }

  /**
   * A Slack API in front of the stand-in whose `method` (chat.postMessage unless told) never
   * answers (the call hangs, and Slack never gets it); every other method is passed through.
   * `hung` counts the hanging calls.
   */
  async hangingSlack(
    method = 'chat.postMessage',
  ): Promise<{ url: string; hung: () => number; close(): Promise<void> }> {
    let hung = 0;
    const target = new URL(this.standIn.url);
    const server = http.createServer((req, res) => {
      if (req.url?.split('?')[0].endsWith(`/${method}`)) {
        hung += 1;
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
      hung: () => hung,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}

export function healthz(port: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

/**
 * A SpawnedHarness for this test file: the database server for the file, a fresh Slack stand-in
 * for each test, and everything spawned stopped after it.
 */
export function useSpawnedHarness(): SpawnedHarness {
  const h = new SpawnedHarness();
  beforeAll(() => h.setUp());
  beforeEach(() => h.startStandIn());
  afterEach(() => h.cleanUp());
  afterAll(() => h.tearDown());
  return h;
}
