/**
 * Benchmark: the cost of one scheduler tick with many pairs of which few are due.
 *
 *   npm run bench:tick -- [--pairs 10000] [--due 100] [--ceiling 100]
 *
 * Prints, for the due tick and an idle tick after it: the time, the database round trips (by
 * command and collection, per prompt), the documents the database returned, the statements that
 * read a whole collection on FerretDB 1.x (every filter but one `_id` value: FerretDB uses no other
 * index, where MongoDB would use the collection's indexes), the peak heap of this process during
 * the tick and the CPU time of the database server.
 *
 * With `--ceiling N` the stand-in answers every (N+1)th chat.postMessage with 429 and
 * `Retry-After: 1` (a workspace-wide ceiling, as Slack's): the due tick then reports the 429s, the
 * time against the ideal those limits allow, and that every prompt went out exactly once.
 *
 * Starts a local database (MONGODB_URI if set, else mongod or the embedded FerretDB) and the
 * test Slack stand-in, inserts the pairs, then times the `checkins` job at the due minute and an
 * idle tick, counting database round trips (MongoDB command monitoring) and Slack calls.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startLocalDatabase } from '../src/db/local-database';
import { createJobClient, createJobContext } from '../src/jobs/job-context';
import { runJobs } from '../src/jobs/run-jobs';
import { forgetKnownLanguages, loadKnownLanguages } from '../src/pairs/known-languages';
import { JOBS } from '../src/jobs/job-table';
import { createLogger } from '../src/app';
import { insertBulkPairs } from '../test/support/bulk-pairs';
import { SlackStandIn } from '../test/support/slack-stand-in';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const HELP = `npm run bench:tick -- [--pairs 10000] [--due 100] [--ceiling 0] [--languages-only]

  --pairs N          active pairs in the database (default 10000)
  --due N            of which this many have a check-in due at the tick (default 100)
  --ceiling N        the stand-in answers 429 with Retry-After: 1 after every N chat.postMessage (default 0: none)
  --languages-only   only the load of the stored languages at start-up, no tick

BENCH_SKIP_MONGOD=true goes straight to the embedded FerretDB; MONGODB_URI=... measures against that server.
npm run bench:tick runs with --expose-gc, so heap figures are without the seeding's garbage.`;

const MB = 1024 * 1024;

/** The local database server this process started (FerretDB or mongod), to read its CPU time. */
function databasePid(): number | undefined {
  try {
    const tasks = readdirSync('/proc/self/task');
    const pids = tasks.flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/));
    return pids
      .map(Number)
      .find((pid) => pid > 0 && /ferretdb|mongod/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used so far (Linux /proc), or undefined when it cannot be read. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return undefined;
  }
}

/** True when FerretDB 1.x finds the documents of this filter by its `_id` index: exactly `{_id: <one value>}`. */
function byOneId(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const id = (filter as { _id: unknown })._id;
  return (
    typeof id === 'string' ||
    (typeof id === 'object' && id !== null && (id as { _bsontype?: string })._bsontype === 'ObjectId')
  );
}

/** The filters of a command that select documents (a find's, each update's and delete's). */
function filtersOf(commandName: string, command: Record<string, unknown>): unknown[] {
  if (commandName === 'find' || commandName === 'count') return [command.filter ?? {}];
  if (commandName === 'update') return ((command.updates as Array<{ q: unknown }>) ?? []).map((u) => u.q);
  if (commandName === 'delete') return ((command.deletes as Array<{ q: unknown }>) ?? []).map((d) => d.q);
  if (commandName === 'findAndModify') return [command.query ?? {}];
  if (commandName === 'aggregate') return [{}];
  return [];
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(HELP);
    return;
  }
  const pairs = arg('pairs', 10_000);
  const due = arg('due', 100);
  const ceiling = arg('ceiling', 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-'));
  const local = process.env.MONGODB_URI
    ? undefined
    : await startLocalDatabase({ dir, tryMongod: process.env.BENCH_SKIP_MONGOD !== 'true' });
  const uri = process.env.MONGODB_URI ?? local!.uri;
  const standIn = await SlackStandIn.start();
  try {
    await connectDatabase(uri, { dbName: `bench_${Date.now()}` });
    let roundTrips = 0;
    /** Round trips by command and collection ("update outboxes"), for the due tick's breakdown. */
    const byCommand = new Map<string, number>();
    /** Statements that read a whole collection on FerretDB 1.x, by collection. */
    const scans = new Map<string, number>();
    let documentsReturned = 0;
    /** Summed latency (ms) by command and collection: where the database time goes. */
    const msByCommand = new Map<string, number>();
    const keyOf = new Map<number, string>();
    const client = mongoose.connection.getClient();
    client.on('commandStarted', (e) => {
      roundTrips += 1;
      const collection = e.commandName === 'getMore' ? e.command.collection : e.command[e.commandName];
      const key = `${e.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
      byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
      keyOf.set(e.requestId, key);
      for (const filter of filtersOf(e.commandName, e.command)) {
        if (byOneId(filter)) continue;
        const name = String(collection);
        scans.set(name, (scans.get(name) ?? 0) + 1);
      }
    });
    client.on('commandSucceeded', (e) => {
      const key = keyOf.get(e.requestId) ?? e.commandName;
      keyOf.delete(e.requestId);
      msByCommand.set(key, (msByCommand.get(key) ?? 0) + e.duration);
      const cursor = (e.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } }).cursor;
      documentsReturned += (cursor?.firstBatch ?? cursor?.nextBatch ?? []).length;
    });
    const dbPid = local ? databasePid() : undefined;

    if (ceiling > 0) standIn.rateLimitEvery('chat.postMessage', { every: ceiling, retryAfter: 1 });
    const dueAt = new Date('2026-12-08T03:00:00Z');
    const t0 = Date.now();
    await insertBulkPairs({ teamId: standIn.teamId, count: pairs, due, dueAt, standIn });
    console.log(
      `database: ${local ? local.kind : 'MONGODB_URI'}; inserted ${pairs} pairs (${due} due) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    // What every app process loads at start-up: everyone's stored language (src/pairs/known-languages.ts).
    forgetKnownLanguages();
    (globalThis as { gc?: () => void }).gc?.();
    const languagesHeapBefore = process.memoryUsage().heapUsed;
    roundTrips = 0;
    documentsReturned = 0;
    const languagesStart = process.hrtime.bigint();
    await loadKnownLanguages();
    const languagesMs = Number(process.hrtime.bigint() - languagesStart) / 1e6;
    (globalThis as { gc?: () => void }).gc?.();
    console.log(
      `stored languages loaded at start-up: ${languagesMs.toFixed(0)} ms, ${roundTrips} round trips, ` +
        `${documentsReturned} documents, +${((process.memoryUsage().heapUsed - languagesHeapBefore) / MB).toFixed(1)} MB heap kept`,
    );

    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret-123',
      SLACK_API_URL: standIn.url,
      STAFF_USER_IDS: 'U0STAFF001',
      LOG_LEVEL: 'error',
    });
    const logger = createLogger('error');
    const jobClient = createJobClient(config, logger);

    if (process.argv.includes('--languages-only')) return;
    for (const [label, at] of [
      ['due tick', '2026-12-08T03:00:00Z'],
      ['idle tick', '2026-12-08T03:05:00Z'],
    ] as const) {
      const ctx = createJobContext({ config, logger, client: jobClient }, new Date(at));
      const callsBefore = standIn.calls.length;
      roundTrips = 0;
      documentsReturned = 0;
      byCommand.clear();
      msByCommand.clear();
      scans.clear();
      // With `node --expose-gc`, the heap before the tick is without the seeding's garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let peakHeap = heapBefore;
      let peakRss = process.memoryUsage.rss();
      const sampler = setInterval(() => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }, 5);
      const dbCpuBefore = cpuSecondsOf(dbPid);
      const start = process.hrtime.bigint();
      await runJobs(['checkins'], JOBS, ctx);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearInterval(sampler);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      const dbCpuAfter = cpuSecondsOf(dbPid);
      const posted = ctx.report.filter((l) => l.startsWith('sent checkin_prompt')).length;
      console.log(
        `${label}: ${ms.toFixed(0)} ms, ${roundTrips} database round trips (${(roundTrips / Math.max(posted, 1)).toFixed(1)} per prompt), ` +
          `${standIn.calls.length - callsBefore} Slack calls, ${posted} prompts posted`,
      );
      const scanRows = [...scans].sort((a, b) => b[1] - a[1]);
      console.log(
        `  ${documentsReturned} documents returned; whole-collection reads on FerretDB 1.x: ` +
          `${scanRows.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}; ` +
          `peak heap ${(peakHeap / MB).toFixed(0)} MB (+${((peakHeap - heapBefore) / MB).toFixed(0)} MB during the tick), ` +
          `peak RSS during the tick ${(peakRss / MB).toFixed(0)} MB (the process, with the seeding and the stand-in)` +
          (dbCpuBefore !== undefined && dbCpuAfter !== undefined
            ? `; database server CPU ${(dbCpuAfter - dbCpuBefore).toFixed(1)} s`
            : ''),
      );
      if (ceiling > 0 && posted > 0) {
        const posts = standIn.calls.slice(callsBefore).filter((c) => c.method === 'chat.postMessage');
        const limited = posts.filter((c) => c.error === 'ratelimited').length;
        const prompts = standIn.messages.filter((m) => /^Check-in #1:/.test(m.text ?? ''));
        const channels = new Set(prompts.map((m) => m.channel)).size;
        const idealS = Math.floor((due - 1) / ceiling);
        console.log(
          `  ceiling ${ceiling} posts then Retry-After 1 s: ${limited} answered 429; ideal (the Retry-After waits alone) ${idealS} s; ` +
            `${prompts.length} prompts in ${channels} channels (${due} due: ${prompts.length === due && channels === due ? 'none lost, none doubled' : 'MISMATCH'})`,
        );
      }
      if (posted > 0) {
        const rows = [...byCommand].sort((a, b) => b[1] - a[1]);
        console.log(`  per prompt: ${rows.map(([k, n]) => `${k} ${(n / posted).toFixed(2)}`).join(', ')}`);
      }
      const slowest = [...msByCommand].sort((a, b) => b[1] - a[1]).slice(0, 6);
      console.log(
        `  database time by command: ${slowest.map(([k, t]) => `${k} ${(t / 1000).toFixed(2)} s`).join(', ')}`,
      );
    }
  } finally {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await standIn.close();
    await local?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
