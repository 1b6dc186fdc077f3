/**
 * Benchmark: how fast the app acknowledges Slack under load, against a bare Bolt app (same Bolt,
 * same machine, a listener that only acks) as the floor.
 *
 *   npm run bench:ack -- [--concurrency 200] [--rounds 5]
 *
 * Both apps run in this process behind Bolt's HTTPReceiver and are sent the same signed requests
 * with the test driver: `concurrency` at once, `rounds` times, for each kind of request. For each it
 * prints p50, p99 and max of the acknowledgement (the HTTP response) and of the answer reaching
 * response_url (slash commands), and each as a ratio of the floor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { startLocalDatabase } from '../src/db/local-database';
import { PairingIds } from '../src/features/pairing/ids';
import { StaffIds } from '../src/features/staff/ids';
import { PEOPLE, SIGNING_SECRET, startHarness, type Harness } from '../test/support/app-harness';
import { insertBulkPairs } from '../test/support/bulk-pairs';
import { SlackDriver, type DriverResponse } from '../test/support/slack-driver';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A bare Bolt app: acks every command, button and view at once, and answers commands by response_url. */
async function startBareBolt(h: Harness): Promise<{ driver: SlackDriver; close(): Promise<void> }> {
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: 'xoxb-bare-token',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: h.standIn.url },
  });
  app.command(/.*/, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'ok' });
  });
  app.action(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  const server = http.createServer(receiver.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const driver = new SlackDriver({
    appUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: SIGNING_SECRET,
    teamId: h.standIn.teamId,
    standIn: h.standIn,
  });
  return { driver, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Sample {
  ackMs: number;
  /** When the answer reached response_url, for commands that answer there. */
  answerMs?: number;
}

type Kind = { name: string; send(d: SlackDriver): Promise<{ res: DriverResponse; responseId?: string }> };

function kinds(pairId: string): Kind[] {
  const command = (text: string) => async (d: SlackDriver) => {
    const payload = d.commandPayload('/mentorship', text, { userId: PEOPLE.staff.id });
    const responseId = String(payload.response_url).split('/response/')[1];
    const res = await d.send(new URLSearchParams(payload).toString(), 'application/x-www-form-urlencoded');
    return { res, responseId };
  };
  return [
    { name: '/mentorship help', send: command('help') },
    { name: '/mentorship list (database read)', send: command('list') },
    {
      name: 'button (Pair status, opens a modal)',
      send: async (d) => ({
        res: await d.blockAction({
          userId: PEOPLE.staff.id,
          actionId: StaffIds.statusButton,
          blockId: StaffIds.pairActionsBlock(pairId),
          value: pairId,
          channelId: 'G0STAFFCH1',
          messageTs: '1700000000.000100',
        }),
      }),
    },
    {
      name: 'modal submission (create pair, field errors)',
      send: async (d) => ({
        res: await d.viewSubmission({
          userId: PEOPLE.staff.id,
          view: { callback_id: PairingIds.createModal, state: { values: {} } },
        }),
      }),
    },
  ];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summary(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

async function measure(h: Harness, driver: SlackDriver, kind: Kind, concurrency: number, rounds: number) {
  const samples: Sample[] = [];
  let failures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const t0 = performance.now();
        const sentAt = Date.now();
        const { res, responseId } = await kind.send(driver);
        return { ackMs: performance.now() - t0, status: res.status, responseId, sentAt };
      }),
    );
    // Answers by response_url come after the ack: wait for them (up to 10 s).
    const pending = new Set(results.map((r) => r.responseId).filter(Boolean));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && [...pending].some((id) => !h.standIn.responses.some((x) => x.id === id)))
      await new Promise((r) => setTimeout(r, 10));
    const answered = new Map(h.standIn.responses.map((x) => [x.id, x.at]));
    for (const r of results) {
      if (r.status !== 200) failures += 1;
      const at = r.responseId ? answered.get(r.responseId) : undefined;
      samples.push({ ackMs: r.ackMs, ...(at ? { answerMs: at - r.sentAt } : {}) });
    }
    h.standIn.responses.length = 0;
    if (Date.now() - started < 200) await new Promise((r) => setTimeout(r, 200));
  }
  const answers = samples.flatMap((s) => (s.answerMs === undefined ? [] : [s.answerMs]));
  return { ack: summary(samples.map((s) => s.ackMs)), answer: answers.length ? summary(answers) : undefined, failures };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const ratio = (a: number, b: number) => (Number.isFinite(a) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');

async function main(): Promise<void> {
  const concurrency = arg('concurrency', 200);
  const rounds = arg('rounds', 5);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-bench-ack-'));
  const local = process.env.MONGODB_URI
    ? undefined
    : await startLocalDatabase({ dir, tryMongod: process.env.BENCH_SKIP_MONGOD !== 'true' });
  await connectDatabase(process.env.MONGODB_URI ?? local!.uri, { dbName: `bench_ack_${Date.now()}` });
  const h = await startHarness({ env: { LOG_LEVEL: 'error' } });
  const bare = await startBareBolt(h);
  try {
    await insertBulkPairs({
      teamId: h.standIn.teamId,
      count: 100,
      due: 0,
      dueAt: new Date(Date.now() + 86_400_000),
      standIn: h.standIn,
    });
    const pairId = String((await mongoose.connection.db!.collection('pairs').findOne({}))!._id);
    console.log(
      `database: ${local ? local.kind : 'MONGODB_URI'}; ${concurrency} concurrent signed requests x ${rounds} rounds per kind; node ${process.version}; ${os.cpus().length} CPUs`,
    );
    console.log(
      '| request | app ack p50 / p99 / max (ms) | bare Bolt ack p50 / p99 / max | ratio p50 / p99 | app answer p50 / p99 / max | bare answer p50 / p99 / max |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const kind of kinds(pairId)) {
      // A warm-up round for both, not counted.
      await measure(h, bare.driver, kind, 20, 1);
      await measure(h, h.driver, kind, 20, 1);
      const floor = await measure(h, bare.driver, kind, concurrency, rounds);
      const app = await measure(h, h.driver, kind, concurrency, rounds);
      const a = app.ack;
      const f = floor.ack;
      console.log(
        `| ${kind.name} | ${ms(a.p50)} / ${ms(a.p99)} / ${ms(a.max)} | ${ms(f.p50)} / ${ms(f.p99)} / ${ms(f.max)} | ${ratio(a.p50, f.p50)} / ${ratio(a.p99, f.p99)} | ` +
          `${app.answer ? `${ms(app.answer.p50)} / ${ms(app.answer.p99)} / ${ms(app.answer.max)}` : '-'} | ` +
          `${floor.answer ? `${ms(floor.answer.p50)} / ${ms(floor.answer.p99)} / ${ms(floor.answer.max)}` : '-'} |` +
          (app.failures + floor.failures ? ` (non-200: app ${app.failures}, bare ${floor.failures})` : ''),
      );
    }
  } finally {
    await bare.close();
    await h.close();
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
