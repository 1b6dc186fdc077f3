import { CheckinModel } from '../../src/features/checkins/model';
import type { Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { insertBulkPairs } from '../support/bulk-pairs';
import { runJobsAt } from '../support/jobs';

let h: Harness;

withHarness('rate_limits', (made) => (h = made), { fresh: false });

test('1,000 prompts due in the same minute all go out, paced by Retry-After, none lost or doubled', async () => {
  const dueAt = new Date('2026-12-08T03:00:00Z');
  await insertBulkPairs({ teamId: h.standIn.teamId, count: 1000, due: 1000, dueAt, standIn: h.standIn });
  // After every 100 posts Slack answers 429 with Retry-After: 1 (chat.postMessage's workspace ceiling).
  h.standIn.rateLimitEvery('chat.postMessage', { every: 100, retryAfter: 1 });

  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    await new Promise((r) => setTimeout(r, ms));
  };
  // A run stops at its 4-minute real-clock budget and the next tick (5 minutes later) sends the rest;
  // on a slow machine with FerretDB the first run can reach that budget, so tick as production does.
  const report: string[] = [];
  for (const at of ['2026-12-08T03:00:00Z', '2026-12-08T03:05:00Z', '2026-12-08T03:10:00Z']) {
    report.push(...(await runJobsAt(h, at, ['checkins'], { sleep })));
    if (report.filter((l) => l.startsWith('sent checkin_prompt')).length >= 1000) break;
  }

  const prompts = h.standIn.messages.filter((m) => /^Check-in #1:/.test(m.text ?? ''));
  expect(prompts).toHaveLength(1000);
  expect(new Set(prompts.map((m) => m.channel)).size).toBe(1000);
  const limited = h.standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.error === 'ratelimited');
  expect(limited.length).toBe(9); // the 101st, 202nd, … call
  expect(waits).toEqual(Array(limited.length).fill(1000)); // each Retry-After waited out, once
  // …and really waited: on the real clock, each next call came at least Retry-After after the 429.
  const gaps = h.standIn.rateLimitWaits('chat.postMessage');
  expect(gaps).toHaveLength(limited.length);
  for (const gap of gaps) expect(gap.waitedMs).toBeGreaterThanOrEqual(gap.retryAfterMs);
  expect(report.filter((l) => l.startsWith('sent checkin_prompt'))).toHaveLength(1000);
  expect(await CheckinModel.countDocuments({ 'prompt.ts': { $exists: true } })).toBe(1000);
  // About 40-80 s on the shared 2-core machine with the embedded FerretDB, the prompts sent in batches of 500
  // (195 s when each prompt made 19 round trips); most of it is FerretDB scanning for the batch's reads.
}, 600_000);
