/**
 * README: "the run waits out Retry-After and goes on, so 1,000 prompts due in the same minute all
 * go out, paced". When Slack asks for a wait longer than what is left of the run's time budget,
 * the run stops there, and the next tick sends the rest: one message per channel, none doubled,
 * none lost.
 */
import { CheckinModel } from '../../src/features/checkins/model';
import type { Harness } from '../support/app-harness';
import { insertBulkPairs } from '../support/bulk-pairs';
import { runJobsAt } from '../support/jobs';
import { withHarness } from '../support/with-harness';

let h: Harness;

withHarness('promises_rate_budget', (made) => (h = made), { fresh: false });

test('a Retry-After longer than the run’s budget: the run stops, the next tick sends the rest, each prompt once', async () => {
  const dueAt = new Date('2026-12-08T03:00:00Z');
  await insertBulkPairs({ teamId: h.standIn.teamId, count: 1000, due: 1000, dueAt, standIn: h.standIn });
  // Slack accepts 400 posts, then answers 429 with Retry-After: 300 s, more than a run's 4-minute budget.
  h.standIn.rateLimitEvery('chat.postMessage', { every: 400, retryAfter: 300 });
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const prompts = () => h.standIn.messages.filter((m) => /^Check-in #1:/.test(m.text ?? ''));

  const first = await runJobsAt(h, '2026-12-08T03:00:00Z', ['checkins'], { sleep });
  expect(prompts()).toHaveLength(400);
  expect(waits).toEqual([]); // it did not sit out 5 minutes inside the run
  expect(h.standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.error === 'ratelimited')).toHaveLength(1);
  expect(first.filter((l) => l.startsWith('sent checkin_prompt'))).toHaveLength(400);

  // Five minutes later Slack's window has passed: the next tick sends the other 600 (on a slow
  // machine the run's real-time budget may leave some to the tick after, which is the same promise).
  h.standIn.rateLimitEvery('chat.postMessage', null);
  const later: string[] = [];
  let tick = Date.parse('2026-12-08T03:05:00Z');
  for (let i = 0; i < 4 && prompts().length < 1000; i++, tick += 5 * 60_000) {
    later.push(...(await runJobsAt(h, new Date(tick), ['checkins'], { sleep })));
  }
  expect(later.filter((l) => l.startsWith('sent checkin_prompt'))).toHaveLength(600);
  const idle = await runJobsAt(h, new Date(tick), ['checkins'], { sleep });
  expect(idle.filter((l) => l.startsWith('sent'))).toEqual([]);

  const all = prompts();
  expect(all).toHaveLength(1000);
  expect(new Set(all.map((m) => m.channel)).size).toBe(1000);
  expect(h.standIn.callsTo('chat.postMessage').filter((c) => /^Check-in #1:/.test(c.args.text))).toHaveLength(1000);
  expect(await CheckinModel.countDocuments({ 'prompt.ts': { $exists: true } })).toBe(1000);
  expect(await CheckinModel.countDocuments()).toBe(1000);
}, 900_000);
