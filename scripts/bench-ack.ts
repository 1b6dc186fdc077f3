/**
 * Benchmark: how fast the app acknowledges Slack under load, against a bare Bolt app (same Bolt,
 * same machine, a listener that only acks) as the floor.
 *
 *   npm run bench:ack -- [--concurrency 200] [--rounds 5] (see HELP)
 *
 * Four processes besides the database: this one, the load generator; the app under test, started
 * as in production (`node dist/src/index.js`, HTTP receiver, scheduler off); the bare Bolt app
 * (scripts/bench-ack-bare.ts); the Slack stand-in that receives the Web API calls and the answers
 * at `response_url` (scripts/bench-ack-stand-in.ts). The generator builds each request with the
 * test driver (test/support/slack-driver.ts: the same payloads and signature as in the tests),
 * `concurrency` at once over keep-alive connections, `rounds` times per kind, a round to the floor
 * then a round to the app; it times each ack (the HTTP response) here, and each answer from the
 * request's sending to its arrival at the stand-in.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startLocalDatabase } from '../src/db/local-database';
import { parseLanguage } from '../src/i18n/languages';
import { ParticipantModel, participantId } from '../src/pairs/participants-model';
import { PEOPLE, SIGNING_SECRET, STAFF_CHANNEL } from '../test/support/app-harness';
import { insertBulkPairs } from '../test/support/bulk-pairs';
import { signBody, SlackDriver } from '../test/support/slack-driver';
import type { SlackStandIn, StandInUser } from '../test/support/slack-stand-in';
import { freePort } from '../test/support/spawned';
import { type ChildHandle, cpuSecondsOf, databasePid, startChild } from './bench-ack-processes';
import { type Kind, KINDS, type Prepared } from './bench-ack-kinds';

const HELP = `npm run bench:ack -- [--concurrency 200] [--rounds 5] [--only <text>] [--app <index.js>]

  --concurrency N   signed requests sent at once (default 200)
  --rounds N        rounds per kind of request, to the floor and to the app in turn (default 5)
  --only TEXT       only the kinds whose name contains TEXT (e.g. list)
  --app PATH        the app's compiled entry point (default: this checkout's dist/src/index.js)
  --compare PATH    a second build of the app (another checkout's dist/src/index.js), measured in
                    the same run, round after round with the first: a fair before/after
  --answer-wait S   how long to wait at most for a round's answers (default 60 s)

BENCH_APP_<NAME>=value sets <NAME> in the environment of the app(s) under test (BENCH_APP_LOG_LEVEL=debug
prints their logs at the end).

BENCH_SKIP_MONGOD=true goes straight to the embedded FerretDB; MONGODB_URI=... measures against that server.`;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? String(process.argv[i + 1]) : fallback;
}

/**
 * What the driver needs of the stand-in (test/support/slack-driver.ts), kept here: the people and
 * channels it names, response URLs minted by the stand-in process before each round, and the
 * trigger_ids it mints, sent to the stand-in process before the round is fired.
 */
class StandInMirror {
  users = new Map<string, StandInUser>();
  channels = new Map([[STAFF_CHANNEL, { id: STAFF_CHANNEL, name: 'program-staff' }]]);
  messages = [];
  views = new Map();
  urls: string[] = [];
  triggers: string[] = [];
  constructor(
    readonly teamId: string,
    readonly botUserId: string,
  ) {
    for (const person of Object.values(PEOPLE)) this.users.set(person.id, { ...person });
  }
  responseUrl(): string {
    const url = this.urls.pop();
    if (!url) throw new Error('no response URL minted for this request');
    return url;
  }
  registerTriggerId(id: string): void {
    this.triggers.push(id);
  }
}

interface Target {
  label: string;
  /** An app under test (else the floor). */
  isApp: boolean;
  port: number;
  agent: http.Agent;
}

interface Sent {
  ackMs: number;
  status: number;
  /** ms since the epoch, to compare with the stand-in's arrival times. */
  sentAt: number;
  ackBody: string;
  /** The connection's error, when there was no HTTP response. */
  error?: string;
}

/** One POST over the target's keep-alive connections; the ack time is to the end of the response. */
function post(target: Target, p: Prepared): Promise<Sent> {
  return new Promise((resolve) => {
    const sentAt = Date.now();
    const t0 = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: '/slack/events',
        method: 'POST',
        agent: target.agent,
        headers: { ...p.headers, 'Content-Length': Buffer.byteLength(p.body) },
      },
      (res) => {
        let ackBody = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (ackBody += chunk));
        res.on('end', () => resolve({ ackMs: performance.now() - t0, status: res.statusCode ?? 0, sentAt, ackBody }));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ ackMs: Number.NaN, status: 0, sentAt, ackBody: '', error: err.code ?? err.message }),
    );
    req.end(p.body);
  });
}

/** Opens (or keeps) `n` connections to the target before a round, with unmeasured url_verification requests. */
async function warmConnections(target: Target, n: number): Promise<void> {
  const body = JSON.stringify({ token: 'x', challenge: 'warm', type: 'url_verification' });
  const headers = (ts: number) => ({
    'Content-Type': 'application/json',
    'X-Slack-Request-Timestamp': String(ts),
    'X-Slack-Signature': signBody(SIGNING_SECRET, body, ts),
  });
  const ts = Math.floor(Date.now() / 1000);
  await Promise.all(Array.from({ length: n }, () => post(target, { body, headers: headers(ts) })));
}

interface Samples {
  ack: number[];
  answer: number[];
  /** For a window opened at once and filled later (Kind.appFills): when it was filled. */
  filled: number[];
  expected: number;
  /** Requests not acked with a 200, by what came instead (a status, or the connection's error). */
  failures: Map<string, number>;
  /** Acks that did not carry what they should (the app's help text, the modal's field errors). */
  wrongAcks: number;
}

interface Bench {
  standIn: ChildHandle;
  mirror: StandInMirror;
  driver: SlackDriver;
  answerWaitMs: number;
  /** The processes that must be idle before a round starts: the apps, the floor, the stand-in, the database. */
  pids: number[];
  /** Rounds that started while those were still busy (after waiting `answerWaitMs` for them). */
  busyStarts: number;
}

/**
 * Waits until these processes are idle (together under a tenth of a core over 250 ms), so that
 * no round pays for the work left over from the one before (a list answered late); at most
 * `maxMs`. Where /proc cannot be read, they count as idle.
 */
async function waitIdle(pids: number[], maxMs: number): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  const used = () => pids.reduce((sum, pid) => sum + (cpuSecondsOf(pid) ?? 0), 0);
  for (;;) {
    const before = used();
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (used() - before < 0.025) return true;
    if (Date.now() > deadline) return false;
  }
}

/** One round: `concurrency` requests at once to one target, then its answers. */
async function round(bench: Bench, target: Target, kind: Kind, concurrency: number, into: Samples): Promise<void> {
  const { mirror, driver } = bench;
  if (!(await waitIdle(bench.pids, bench.answerWaitMs))) bench.busyStarts += 1;
  const users = kind.newPeople ? newPeople(concurrency) : [];
  for (const u of users) mirror.users.set(u.id, u);
  if (kind.newPeople === 'participant') await ParticipantModel.insertMany(users.map(asParticipant(mirror.teamId)));
  mirror.urls = await bench.standIn.ask<string[]>({ op: 'mint', responseUrls: concurrency, triggers: [], users });
  const prepared = Array.from({ length: concurrency }, (_, i) => kind.build(driver, users[i]?.id ?? PEOPLE.staff.id));
  await warmConnections(target, concurrency);
  await bench.standIn.ask({ op: 'mint', responseUrls: 0, triggers: mirror.triggers.splice(0) });
  const sent = await Promise.all(prepared.map((p) => post(target, p)));
  const answer = target.isApp ? kind.appAnswer : kind.bareAnswer;
  // The answer's id per request: its response_url, or its trigger_id for a modal.
  const answerId = (p: Prepared) => (answer === 'response_url' ? p.responseId : p.triggerId);
  const expected = answer ? prepared.filter((p) => answerId(p)) : [];
  const arrived = new Map<string, number>();
  // A button whose modal could not open (its trigger_id expired) is answered at its response_url
  // instead: done, but not an answer in time.
  const told = new Set<string>();
  const fills = target.isApp && kind.appFills;
  const filled = new Map<string, number>();
  const done = (p: Prepared) =>
    (arrived.has(answerId(p)!) && (!fills || filled.has(answerId(p)!))) || (!!p.responseId && told.has(p.responseId));
  const deadline = Date.now() + bench.answerWaitMs;
  while (expected.some((p) => !done(p)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    const got = await bench.standIn.ask<{
      responses: [string, number][];
      opened: [string, number, boolean][];
      filled: [string, number][];
    }>({ op: 'collect' });
    if (answer === 'response_url') for (const [id, at] of got.responses) arrived.set(id, at);
    else {
      for (const [id] of got.responses) told.add(id);
      for (const [id, at, ok] of got.opened) if (ok) arrived.set(id, at);
      for (const [id, at] of got.filled) filled.set(id, at);
    }
  }
  await bench.standIn.ask({ op: 'collect' });
  into.expected += expected.length;
  sent.forEach((s, i) => {
    if (s.status !== 200) {
      const what = s.error ?? `HTTP ${s.status}`;
      into.failures.set(what, (into.failures.get(what) ?? 0) + 1);
    } else into.ack.push(s.ackMs);
    if (target.isApp && s.status === 200 && kind.ackIsRight && !kind.ackIsRight(s.ackBody)) into.wrongAcks += 1;
    const id = answerId(prepared[i]);
    const at = answer && id ? arrived.get(id) : undefined;
    if (at !== undefined) into.answer.push(at - s.sentAt);
    const fillAt = fills && id ? filled.get(id) : undefined;
    if (fillAt !== undefined) into.filled.push(fillAt - s.sentAt);
  });
}

let peopleSeen = 0;
const LOCALES = ['en-US', 'fr-FR', 'es-ES', 'ar', 'ru-RU'];
/** People the app has not seen yet (so it reads their language), each with a Slack locale. */
function newPeople(n: number): StandInUser[] {
  return Array.from({ length: n }, () => {
    const i = ++peopleSeen;
    const id = `UNEW${String(i).padStart(6, '0')}`;
    return { id, name: `new.person.${i}`, tz: 'Europe/Paris', locale: LOCALES[i % LOCALES.length] };
  });
}

/** A participant record for one of these people, with their language stored (as when they were paired). */
const asParticipant = (teamId: string) => (u: StandInUser) => ({
  _id: participantId(teamId, u.id),
  teamId,
  userId: u.id,
  name: u.name,
  tz: u.tz ?? 'UTC',
  language: parseLanguage(u.locale) ?? 'en',
});

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summary(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const ratio = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
const triple = (s: { p50: number; p99: number; max: number }) => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`;
const empty = (): Samples => ({ ack: [], answer: [], filled: [], expected: 0, failures: new Map(), wrongAcks: 0 });
const failures = (s: Samples) => [...s.failures].map(([what, n]) => `${n} ${what}`).join(', ');

function row(name: string, kind: Kind, app: Samples, floor: Samples): string {
  const a = summary(app.ack);
  const f = summary(floor.ack);
  const answers = (s: Samples) => (s.answer.length ? triple(summary(s.answer)) : kind.appAnswer ? '-' : '(in the ack)');
  const notes = [
    app.failures.size ? `app not acked: ${failures(app)}` : '',
    floor.failures.size ? `bare not acked: ${failures(floor)}` : '',
    app.answer.length < app.expected ? `app answered ${app.answer.length}/${app.expected} in time` : '',
    floor.answer.length < floor.expected ? `bare answered ${floor.answer.length}/${floor.expected} in time` : '',
    app.wrongAcks ? `app acks without the expected content: ${app.wrongAcks}` : '',
    kind.appFills
      ? `app's window filled p50 / p99 / max: ${triple(summary(app.filled))} ms, ${app.filled.length}/${app.expected}`
      : '',
  ].filter(Boolean);
  return (
    `| ${name} | ${triple(a)} | ${triple(f)} | ${ratio(a.p50, f.p50)} / ${ratio(a.p99, f.p99)} | ` +
    `${answers(app)} | ${floor.answer.length ? triple(summary(floor.answer)) : '-'} |` +
    (notes.length ? ` (${notes.join('; ')})` : '')
  );
}

/** The connection string with this database name in its path (where the app's connection takes it from). */
function withDatabase(uri: string, dbName: string): string {
  try {
    const url = new URL(uri);
    url.pathname = `/${dbName}`;
    return url.toString();
  } catch {
    return `${uri.replace(/\/?$/, '/')}${dbName}`;
  }
}

async function waitForHealth(port: number, app: ChildHandle): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(0));
    });
    if (status === 200) return;
    if (app.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the app did not start (exit ${app.child.exitCode}):\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment of an app under test; BENCH_APP_<NAME>=value sets <NAME> (e.g. BENCH_APP_LOG_LEVEL=debug). */
function appEnv(opts: { apiUrl: string; uri: string; port: number }): Record<string, string | undefined> {
  const extra = Object.entries(process.env)
    .filter(([k]) => k.startsWith('BENCH_APP_'))
    .map(([k, v]) => [k.slice('BENCH_APP_'.length), v]);
  return {
    PATH: process.env.PATH,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: opts.apiUrl,
    STAFF_USER_IDS: PEOPLE.staff.id,
    STAFF_CHANNEL_ID: STAFF_CHANNEL,
    MONGODB_URI: opts.uri,
    PORT: String(opts.port),
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(extra),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return console.log(HELP);
  const concurrency = Number(arg('concurrency', '200'));
  const rounds = Number(arg('rounds', '5'));
  const only = arg('only', '');
  const entries = [path.resolve(arg('app', path.join(__dirname, '..', 'src', 'index.js')))];
  if (process.argv.includes('--compare')) entries.push(path.resolve(arg('compare', '')));
  const answerWaitMs = Number(arg('answer-wait', '60')) * 1000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-ack-'));
  const local = process.env.MONGODB_URI
    ? undefined
    : await startLocalDatabase({ dir, tryMongod: process.env.BENCH_SKIP_MONGOD !== 'true' });
  const baseUri = process.env.MONGODB_URI ?? local!.uri;
  const dbName = `bench_ack_${randomBytes(3).toString('hex')}`;
  await connectDatabase(baseUri, { dbName });
  const children: ChildHandle[] = [];
  try {
    const standIn = startChild(path.join(__dirname, 'bench-ack-stand-in.js'), { env: { PATH: process.env.PATH } });
    children.push(standIn);
    const slack = (await standIn.ready) as { url: string; teamId: string; botUserId: string };
    const mirror = new StandInMirror(slack.teamId, slack.botUserId);
    const driver = new SlackDriver({
      appUrl: 'http://unused',
      signingSecret: SIGNING_SECRET,
      standIn: mirror as unknown as SlackStandIn,
    });
    await insertBulkPairs({ teamId: slack.teamId, count: 100, due: 0, dueAt: new Date(Date.now() + 86_400_000) });
    const pairId = String((await mongoose.connection.db!.collection('pairs').findOne({}))!._id);

    const bare = startChild(path.join(__dirname, 'bench-ack-bare.js'), {
      env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.url },
    });
    children.push(bare);
    const keepAlive = () => new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
    const apps: Array<Target & { entry: string; handle: ChildHandle }> = [];
    for (const [i, entry] of entries.entries()) {
      const port = await freePort();
      // A working directory of its own, so no .env of the checkout leaks into the app.
      const handle = startChild(entry, {
        cwd: dir,
        env: appEnv({ apiUrl: slack.url, uri: withDatabase(baseUri, dbName), port }),
      });
      children.push(handle);
      await waitForHealth(port, handle);
      apps.push({ label: i === 0 ? 'app' : `app ${i + 1}`, isApp: true, port, agent: keepAlive(), entry, handle });
    }
    const floorTarget: Target = {
      label: 'bare Bolt',
      isApp: false,
      port: (await bare.ready).port as number,
      agent: keepAlive(),
    };

    console.log(
      `database: ${local ? local.kind : 'MONGODB_URI'}; ${concurrency} concurrent signed requests x ${rounds} rounds per kind; ` +
        `node ${process.version}; ${os.cpus().length} CPUs; load average ${os.loadavg()[0].toFixed(2)} at the start`,
    );
    for (const app of apps.slice(1)) console.log(`${app.label}: ${app.entry} (rows marked "${app.label}")`);
    console.log(
      '| request | app ack p50 / p99 / max (ms) | bare Bolt ack p50 / p99 / max | ratio p50 / p99 | app answer p50 / p99 / max | bare answer p50 / p99 / max |',
    );
    console.log('|---|---|---|---|---|---|');
    const pids: Record<string, number | undefined> = {
      generator: process.pid,
      ...Object.fromEntries(apps.map((a) => [a.label, a.handle.child.pid])),
      'bare Bolt': bare.child.pid,
      'stand-in': standIn.child.pid,
      database: databasePid(),
    };
    const cpu = () => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSecondsOf(pid) ?? Number.NaN]));
    const cpuBefore = cpu();
    const others = Object.entries(pids).filter(([k, pid]) => k !== 'generator' && pid !== undefined);
    const bench: Bench = {
      standIn,
      mirror,
      driver,
      answerWaitMs,
      pids: others.map(([, pid]) => pid as number),
      busyStarts: 0,
    };
    for (const kind of KINDS(pairId).filter((k) => k.name.includes(only))) {
      // A warm-up round for each, not counted.
      for (const target of [floorTarget, ...apps]) await round(bench, target, kind, 20, empty());
      const floor = empty();
      const measured = apps.map(empty);
      // In turn, so that a change in the machine's load falls on all alike.
      for (let r = 0; r < rounds; r += 1) {
        for (const [i, target] of [floorTarget, ...apps].entries()) {
          await round(bench, target, kind, concurrency, i === 0 ? floor : measured[i - 1]);
        }
      }
      for (const [i, app] of apps.entries())
        console.log(row(i === 0 ? kind.name : `${kind.name} (${app.label})`, kind, measured[i], floor));
    }
    const cpuAfter = cpu();
    const used = Object.keys(pids)
      .map((k) => `${k} ${(cpuAfter[k] - cpuBefore[k]).toFixed(1)} s`)
      .join(', ');
    console.log(`CPU used during the measurement: ${used}`);
    if (bench.busyStarts)
      console.log(
        `${bench.busyStarts} rounds started while the apps or the database were still busy (after ${answerWaitMs / 1000} s)`,
      );
    for (const t of [floorTarget, ...apps]) t.agent.destroy();
    if (process.env.BENCH_APP_LOG_LEVEL) for (const app of apps) console.log(app.handle.output());
  } finally {
    for (const child of children.reverse()) await child.stop();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await local?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
