/**
 * Benchmark: building the weekly digest of a program with many pairs and a year of history.
 *
 *   npm run bench:digest -- [--pairs 2000] [--weeks 52] [--runs 3]
 *
 * Starts a local database (MONGODB_URI if set, else mongod or the embedded FerretDB), writes the
 * program (bench-digest-seed.ts), stores last week's digest (so "since last week" is compared),
 * then builds this week's digest in a fresh child process (`node --expose-gc`), so that its peak
 * memory is the digest's and not the seeding's: the facts (every database read), the top message,
 * the thread, the CSV table and the chart PNG, `--runs` times. It prints the median time of each
 * step, database round trips (MongoDB command monitoring), peak RSS and heap, the number of
 * thread messages and the size of the CSV.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startLocalDatabase } from '../src/db/local-database';
import { buildDigest, type DigestSettings } from '../src/features/digest/facts';
import { DigestModel, digestId } from '../src/features/digest/model';
import { measureDigest } from './bench-digest-measure';
import { seedProgram } from './bench-digest-seed';

const TEAM = 'T0BENCH01';
/** A Monday at 09:00 in the program's time zone: when the digest goes out. */
const NOW = new Date('2026-12-07T09:00:00Z');
const SETTINGS: DigestSettings = { timeZone: 'Europe/London', weekKey: '2026-12-07' };
const LAST_WEEK: DigestSettings = { timeZone: 'Europe/London', weekKey: '2026-11-30' };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
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
const seconds = (since: bigint) => (Number(process.hrtime.bigint() - since) / 1e9).toFixed(1);

async function main(): Promise<void> {
  const pairs = arg('pairs', 2000);
  const weeks = arg('weeks', 52);
  const runs = arg('runs', 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-digest-'));
  const local = process.env.MONGODB_URI
    ? undefined
    : await startLocalDatabase({ dir, tryMongod: process.env.BENCH_SKIP_MONGOD !== 'true' });
  const uri = process.env.MONGODB_URI ?? local!.uri;
  const dbName = `bench_digest_${Date.now()}`;
  try {
    await connectDatabase(uri, { dbName });
    let t = process.hrtime.bigint();
    const seeded = await seedProgram({ teamId: TEAM, pairs, ended: Math.round(pairs / 20), weeks, now: NOW });
    console.log(
      `database: ${local ? local.kind : 'MONGODB_URI'}; wrote ${seeded.pairs} pairs (${pairs} not ended), ` +
        `${seeded.people} people, ${seeded.checkins} check-ins, ${seeded.replies} replies, ` +
        `${seeded.commitments} commitments in ${seconds(t)} s`,
    );

    t = process.hrtime.bigint();
    const lastWeek = new Date(NOW.getTime() - 7 * 86_400_000);
    const previous = await buildDigest(TEAM, lastWeek, LAST_WEEK);
    await DigestModel.create({
      _id: digestId(TEAM, LAST_WEEK.weekKey),
      ...{ teamId: TEAM, week: LAST_WEEK.weekKey, builtAt: lastWeek, states: previous.states },
    });
    console.log(`last week's digest stored (${seconds(t)} s)`);
    await disconnectDatabase();

    const args = ['--measure', uri, dbName, String(runs), String(databasePid() ?? 0)];
    const child = fork(__filename, args, { execArgv: ['--expose-gc'] });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the measuring process exited with ${code}`);
  } finally {
    await connectDatabase(uri, { dbName }).catch(() => undefined);
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await local?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(uri: string, dbName: string, runs: number, dbPid: number): Promise<void> {
  await connectDatabase(uri, { dbName });
  try {
    await measureDigest({ teamId: TEAM, now: NOW, settings: SETTINGS, runs, dbPid: dbPid || undefined });
  } finally {
    await disconnectDatabase();
  }
}

const m = process.argv.indexOf('--measure');
const [uri, dbName, runs, dbPid] = process.argv.slice(m + 1);
(m > 0 ? measure(uri, dbName, Number(runs), Number(dbPid)) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
