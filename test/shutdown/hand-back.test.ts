/**
 * The outbox's safe point on a stop: a claimed entry whose Slack call has not been made when the
 * stop signal comes is handed back, so the next run sends it at once (not after STALE_CLAIM_MS);
 * one resumed from a dead claim stays resumable at once, still looking in the channel first.
 * In-process, on the real database and the Slack stand-in; the stop is an aborted AbortSignal, as
 * the process's shutdown gives it (src/lib/shutdown.ts).
 */
import { Types } from 'mongoose';
import { createJobClient, createJobContext, type JobContext } from '../../src/jobs/job-context';
import { enqueue, type OutboxHandler, runOutbox } from '../../src/jobs/outbox';
import { OutboxModel } from '../../src/jobs/outbox-model';
import type { Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';

let h: Harness;
withHarness('shutdown_hand_back', (made) => (h = made));

const NOW = new Date('2026-12-08T13:00:00Z');
const CHANNEL = 'CHANDBACK1';

function context(now: Date, signal?: AbortSignal): JobContext {
  const client = createJobClient(h.config, h.deps.logger);
  return createJobContext({ config: h.config, logger: h.deps.logger, client }, now, {
    instanceId: 'shutdown-test',
    signal,
  });
}

/** A plain post to the test channel; `during` runs while the message is being rendered. */
const poster = (during?: () => void): OutboxHandler => ({
  render: async () => {
    during?.();
    return { op: 'post', to: CHANNEL, text: 'Check-in time' };
  },
});

const posted = () => h.standIn.messages.filter((m) => m.metadata?.event_payload?.key === 'checkin:hand-back:1');

beforeEach(async () => {
  h.standIn.addChannel({ id: CHANNEL, name: 'mentorship-hand-back', is_private: true, members: [h.standIn.botUserId] });
  await enqueue({
    key: 'checkin:hand-back:1',
    teamId: h.standIn.teamId,
    kind: 'checkin_prompt',
    pairId: new Types.ObjectId(),
    dueAt: NOW,
  });
});

test('stopped after the claim, before the Slack call: handed back pending, and the next run a minute later sends it once', async () => {
  const stop = new AbortController();
  const result = await runOutbox({ checkin_prompt: poster(() => stop.abort()) }, context(NOW, stop.signal));
  expect(result).toMatchObject({ sent: 0, deferred: true });
  expect(posted()).toHaveLength(0);
  const entry = await OutboxModel.findById('checkin:hand-back:1').lean();
  expect(entry).toMatchObject({ status: 'pending', nextAttemptAt: NOW, attempts: 1 });

  // One minute later, far short of the 5-minute stale-claim wait, the next run sends it.
  const next = await runOutbox({ checkin_prompt: poster() }, context(new Date(NOW.getTime() + 60_000)));
  expect(next.sent).toBe(1);
  expect(posted()).toHaveLength(1);
  expect(await OutboxModel.findById('checkin:hand-back:1').lean()).toMatchObject({ status: 'sent' });
});

test('already stopping: nothing is claimed, nothing posted', async () => {
  const stop = new AbortController();
  stop.abort();
  const result = await runOutbox({ checkin_prompt: poster() }, context(NOW, stop.signal));
  expect(result).toMatchObject({ sent: 0, deferred: true });
  expect(posted()).toHaveLength(0);
  expect(await OutboxModel.findById('checkin:hand-back:1').lean()).toMatchObject({ status: 'pending', attempts: 0 });
});

test('a dead claim resumed, then stopped before its Slack call, stays resumable at once: the next run posts it once', async () => {
  // An instance claimed it ten minutes ago and died before posting.
  await OutboxModel.updateOne(
    { _id: 'checkin:hand-back:1' },
    {
      $set: {
        status: 'sending',
        claimedAt: new Date(NOW.getTime() - 10 * 60_000),
        attempts: 1,
        firstAttemptAt: new Date(Date.now() - 60_000),
      },
    },
  );
  const stop = new AbortController();
  const result = await runOutbox({ checkin_prompt: poster(() => stop.abort()) }, context(NOW, stop.signal));
  expect(result).toMatchObject({ sent: 0, deferred: true });
  expect(posted()).toHaveLength(0);
  // Still "sending" (the next run must look in the channel first), but with a claim time long past.
  expect(await OutboxModel.findById('checkin:hand-back:1').lean()).toMatchObject({
    status: 'sending',
    claimedAt: new Date(0),
  });

  const next = await runOutbox({ checkin_prompt: poster() }, context(new Date(NOW.getTime() + 60_000)));
  expect(next.sent).toBe(1);
  expect(posted()).toHaveLength(1);
  expect(h.standIn.attemptsTo('conversations.history').length).toBeGreaterThan(0); // it looked first
});

describe('a batch (a handler with load: claimed, read and recorded together)', () => {
  const keys = ['checkin:hand-back:2', 'checkin:hand-back:3'];
  const all = ['checkin:hand-back:1', ...keys];
  const postedKeys = () =>
    h.standIn.messages.map((m) => m.metadata?.event_payload?.key).filter((k) => all.includes(String(k)));

  /** Posts each entry's key; `load` records which entries each read was for; `during` runs while rendering. */
  const batchPoster = (loads: string[][], during?: (key: string) => void): OutboxHandler => ({
    load: async (entries) => {
      loads.push(entries.map((e) => e.key));
      return 'read';
    },
    render: async (entry, _ctx, batch) => {
      expect(batch).toBe('read');
      during?.(entry.key);
      return { op: 'post', to: CHANNEL, text: `Check-in time ${entry.key}` };
    },
  });

  beforeEach(async () => {
    for (const [i, key] of keys.entries())
      await enqueue({
        key,
        teamId: h.standIn.teamId,
        kind: 'checkin_prompt',
        pairId: new Types.ObjectId(),
        dueAt: new Date(NOW.getTime() + (i + 1) * 1000),
      });
  });

  test('read once for the batch; stopped while rendering the second: the first is recorded sent, the rest handed back and sent once by the next run', async () => {
    const stop = new AbortController();
    const loads: string[][] = [];
    const handler = batchPoster(loads, (key) => {
      if (key === 'checkin:hand-back:2') stop.abort();
    });
    const result = await runOutbox({ checkin_prompt: handler }, context(new Date(NOW.getTime() + 5000), stop.signal));
    expect(result).toMatchObject({ sent: 1, deferred: true });
    expect(loads).toEqual([all]); // one read for the three
    expect(postedKeys()).toEqual(['checkin:hand-back:1']);
    const entries = await OutboxModel.find({ _id: { $in: all } })
      .sort({ dueAt: 1 })
      .lean();
    expect(entries.map((e) => [e.status, e.attempts])).toEqual([
      ['sent', 1],
      ['pending', 1],
      ['pending', 1],
    ]);

    const next = await runOutbox({ checkin_prompt: batchPoster([]) }, context(new Date(NOW.getTime() + 60_000)));
    expect(next.sent).toBe(2);
    expect(postedKeys().sort()).toEqual(all);
    expect(await OutboxModel.countDocuments({ _id: { $in: all }, status: 'sent' })).toBe(3);
  });

  test('two instances claim one batch at once: each entry is claimed and posted by one of them only', async () => {
    const [a, b] = await Promise.all([
      runOutbox({ checkin_prompt: batchPoster([]) }, context(new Date(NOW.getTime() + 5000))),
      runOutbox(
        { checkin_prompt: batchPoster([]) },
        createJobContext(
          { config: h.config, logger: h.deps.logger, client: createJobClient(h.config, h.deps.logger) },
          new Date(NOW.getTime() + 5000),
          { instanceId: 'another-instance' },
        ),
      ),
    ]);
    expect(a.sent + b.sent).toBe(3);
    expect(postedKeys().sort()).toEqual(all);
  });
});
