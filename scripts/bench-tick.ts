/**
 * Benchmark: the cost of one scheduler tick with many pairs of which few are due.
 *
 *   npm run bench:tick -- [--pairs 10000] [--due 100] [--ceiling 100]
 *
 * With `--ceiling N` the stand-in answers every (N+1)th chat.postMessage with 429 and
 * `Retry-After: 1` (a workspace-wide ceiling, as Slack's): the due tick then reports the 429s, the
 * time against the ideal those limits allow, and that every prompt went out exactly once.
 *
 * Starts a local database (MONGODB_URI if set, else mongod or the embedded FerretDB) and the
 * test Slack stand-in, inserts the pairs, then times the `checkins` job at the due minute and an
 * idle tick, counting database round trips (MongoDB command monitoring) and Slack calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startLocalDatabase } from '../src/db/local-database';
import { createJobClient, createJobContext } from '../src/jobs/job-context';
import { runJobs } from '../src/jobs/run-jobs';
import { JOBS } from '../src/jobs/job-table';
import { createLogger } from '../src/app';
import { insertBulkPairs } from '../test/support/bulk-pairs';
import { SlackStandIn } from '../test/support/slack-stand-in';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
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
    const client = mongoose.connection.getClient();
    client.on('commandStarted', (e) => {
      roundTrips += 1;
      const collection = e.command[e.commandName];
      const key = `${e.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
      byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
    });

    if (ceiling > 0) standIn.rateLimitEvery('chat.postMessage', { every: ceiling, retryAfter: 1 });
    const dueAt = new Date('2026-12-08T03:00:00Z');
    const t0 = Date.now();
    await insertBulkPairs({ teamId: standIn.teamId, count: pairs, due, dueAt, standIn });
    console.log(
      `database: ${local ? local.kind : 'MONGODB_URI'}; inserted ${pairs} pairs (${due} due) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
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

    for (const [label, at] of [
      ['due tick', '2026-12-08T03:00:00Z'],
      ['idle tick', '2026-12-08T03:05:00Z'],
    ] as const) {
      const ctx = createJobContext({ config, logger, client: jobClient }, new Date(at));
      const callsBefore = standIn.calls.length;
      roundTrips = 0;
      byCommand.clear();
      const start = process.hrtime.bigint();
      await runJobs(['checkins'], JOBS, ctx);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const posted = ctx.report.filter((l) => l.startsWith('sent checkin_prompt')).length;
      console.log(
        `${label}: ${ms.toFixed(0)} ms, ${roundTrips} database round trips (${(roundTrips / Math.max(posted, 1)).toFixed(1)} per prompt), ` +
          `${standIn.calls.length - callsBefore} Slack calls, ${posted} prompts posted`,
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
