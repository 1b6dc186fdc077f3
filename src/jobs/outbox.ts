import type { KnownBlock } from '@slack/types';
import type { Types } from 'mongoose';
import { describeError, slackErrorCode } from '../slack/errors';
import { channelFor, findPostedByKey, keyMetadata } from '../slack/posted';
import type { JobContext } from './job-context';
import { claimOnce } from '../db/claims';
import { deliveryFailedAlertHandler, deliveryFailedEntry, isPermanentFailure } from './delivery-failed';
import { OutboxModel, type OutboxEntry, type OutboxKind } from './outbox-model';
import { MINUTE_MS, HOUR_MS } from '../lib/durations';

export type Rendered =
  | {
      op: 'post' /** a channel ID, or a user ID for a DM */;
      to: string;
      text: string;
      blocks?: KnownBlock[];
      threadTs?: string;
      loaded?: unknown;
    }
  | { op: 'update'; channel: string; ts: string; text: string; blocks?: KnownBlock[]; loaded?: unknown }
  | { op: 'skip'; reason: string }
  /** Not now (e.g. the recipient's quiet hours): try again at `until`. */
  | { op: 'defer'; until: Date; reason: string };

/** How one kind of message is built at send time (so it reflects the state then) and what follows it. */
export interface OutboxHandler {
  render(entry: OutboxEntry, ctx: JobContext): Promise<Rendered>;
  /** `loaded` is what render put in its result, so onSent need not read it again. */
  onSent?(
    entry: OutboxEntry,
    sent: { channelId: string; ts: string },
    ctx: JobContext,
    loaded?: unknown,
  ): Promise<void>;
}

export interface NewOutboxEntry {
  key: string;
  teamId: string;
  kind: OutboxKind;
  /** Required for every kind but the team-wide ones (TEAM_WIDE_KINDS in outbox-model.ts). */
  pairId?: Types.ObjectId;
  ref?: Record<string, unknown>;
  dueAt: Date;
}

/** A claim older than this is taken to be from a process that died mid-send. */
export const STALE_CLAIM_MS = 5 * MINUTE_MS;
const CLAIM_BATCH = 100;
const BACKOFF_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, 6 * HOUR_MS];

/** Writes an entry unless one with the same key exists; true when it is new. */
export async function enqueue(entry: NewOutboxEntry): Promise<boolean> {
  try {
    await OutboxModel.create({
      _id: entry.key,
      ...entry,
      ref: entry.ref ?? {},
      nextAttemptAt: entry.dueAt,
      status: 'pending',
    });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export interface OutboxRunResult {
  sent: number;
  skipped: number;
  failed: number;
  /** Entries left for a later run because the time budget ran out while rate-limited. */
  deferred: boolean;
}

/**
 * Sends the due entries of these kinds, one claim at a time, until none is due or `budgetMs`
 * (real time) is spent. Each entry is claimed atomically, so two instances never send the same
 * one; a claim abandoned by a crash is resumed after STALE_CLAIM_MS, looking first in the
 * channel for a message already carrying its key.
 */
export async function runOutbox(
  handlers: Partial<Record<OutboxKind, OutboxHandler>>,
  ctx: JobContext,
  budgetMs = 4 * MINUTE_MS,
): Promise<OutboxRunResult> {
  // Every run also delivers the staff alerts about sends that failed for good.
  const all: Partial<Record<OutboxKind, OutboxHandler>> = {
    delivery_failed_alert: deliveryFailedAlertHandler,
    ...handlers,
  };
  const kinds = Object.keys(all) as OutboxKind[];
  const result: OutboxRunResult = { sent: 0, skipped: 0, failed: 0, deferred: false };
  const deadline = Date.now() + budgetMs;
  const due = {
    kind: { $in: kinds },
    $or: [
      { status: 'pending' as const, nextAttemptAt: { $lte: ctx.now } },
      { status: 'sending' as const, claimedAt: { $lte: new Date(ctx.now.getTime() - STALE_CLAIM_MS) } },
    ],
  };
  if (ctx.dryRun) {
    const entries = await OutboxModel.find(due).sort({ nextAttemptAt: 1 }).limit(1000).lean<OutboxEntry[]>();
    for (const e of entries) ctx.report.push(`would send ${e.kind} ${e.key} (due ${e.dueAt.toISOString()})`);
    return result;
  }
  for (;;) {
    // One query finds a batch; each entry is then claimed and written by primary key only.
    const batch = await OutboxModel.find(due).sort({ nextAttemptAt: 1 }).limit(CLAIM_BATCH).lean<OutboxEntry[]>();
    if (batch.length === 0) return result;
    let claimedAny = false;
    for (const candidate of batch) {
      // Stopping: claim nothing more; what is left stays pending for the next run or instance.
      if (ctx.signal?.aborted) {
        result.deferred = true;
        return result;
      }
      if (Date.now() >= deadline) {
        result.deferred = true;
        return result;
      }
      const entry = await claim(candidate, ctx);
      if (!entry) continue;
      claimedAny = true;
      const outcome = await sendOne(entry, all[entry.kind as OutboxKind]!, ctx, candidate.status === 'sending');
      if (outcome === 'handedBack') {
        result.deferred = true;
        return result;
      }
      if (typeof outcome === 'object') {
        if (Date.now() + outcome.retryAfterMs >= deadline) {
          result.deferred = true;
          return result;
        }
        await ctx.sleep(outcome.retryAfterMs);
        continue;
      }
      result[outcome] += 1;
    }
    if (!claimedAny) return result; // another instance is working this batch
  }
}

/** Claims the entry's next attempt (one claim document per attempt); undefined when another instance got it first. */
async function claim(candidate: OutboxEntry, ctx: JobContext): Promise<OutboxEntry | undefined> {
  const attempt = candidate.attempts + 1;
  if (!(await claimOnce(`outbox:${candidate._id}#${attempt}`, ctx.instanceId, ctx.now))) return undefined;
  // Wall clock, not ctx.now: it is compared with Slack's message timestamps (see findPostedByKey).
  const firstAttemptAt = candidate.firstAttemptAt ?? new Date();
  await OutboxModel.updateOne(
    { _id: candidate._id },
    { $set: { status: 'sending', claimedAt: ctx.now, claimedBy: ctx.instanceId, attempts: attempt, firstAttemptAt } },
  );
  return { ...candidate, status: 'sending', attempts: attempt, firstAttemptAt };
}

/** `handedBack`: the process is stopping and the entry was released unsent, for the next run to send. */
type SendOutcome = 'sent' | 'skipped' | 'failed' | 'handedBack' | { retryAfterMs: number };

/**
 * Releases a claimed entry that was not sent because the process is stopping, so the next run (of
 * this instance or another) sends it at once instead of after STALE_CLAIM_MS. An entry that was
 * itself resumed from a stale claim stays "sending" with a claim time long past: the next run then
 * resumes it at once and still looks in the channel first, as the crashed claim may have posted.
 */
async function handBack(entry: OutboxEntry, ctx: JobContext, resumed: boolean): Promise<'handedBack'> {
  await OutboxModel.updateOne(
    { _id: entry._id },
    resumed
      ? { $set: { claimedAt: new Date(0) } }
      : { $set: { status: 'pending', nextAttemptAt: ctx.now }, $unset: { claimedAt: '', claimedBy: '' } },
  );
  ctx.report.push(`handed back ${entry.kind} ${entry.key}: the process is stopping`);
  return 'handedBack';
}

async function sendOne(
  entry: OutboxEntry,
  handler: OutboxHandler,
  ctx: JobContext,
  resumed: boolean,
): Promise<SendOutcome> {
  const id = entry._id;
  /** Where the message was going (a channel or user ID), for the staff alert if it fails for good. */
  let target: string | undefined;
  try {
    const rendered = await handler.render(entry, ctx);
    if (rendered.op === 'skip') {
      await OutboxModel.updateOne({ _id: id }, { $set: { status: 'skipped', skipReason: rendered.reason } });
      ctx.report.push(`skipped ${entry.kind} ${entry.key}: ${rendered.reason}`);
      return 'skipped';
    }
    if (rendered.op === 'defer') {
      // Never to the past: the same run would pick the entry up again, and again.
      const until = new Date(Math.max(rendered.until.getTime(), ctx.now.getTime() + MINUTE_MS));
      await OutboxModel.updateOne({ _id: id }, { $set: { status: 'pending', nextAttemptAt: until } });
      ctx.report.push(`deferred ${entry.kind} ${entry.key} to ${until.toISOString()}: ${rendered.reason}`);
      return 'skipped';
    }
    let sent: { channelId: string; ts: string };
    if (rendered.op === 'update') {
      target = rendered.channel;
      if (ctx.signal?.aborted) return await handBack(entry, ctx, resumed);
      await ctx.client.chat.update({
        channel: rendered.channel,
        ts: rendered.ts,
        text: rendered.text,
        blocks: rendered.blocks,
      });
      sent = { channelId: rendered.channel, ts: rendered.ts };
    } else {
      target = rendered.to;
      const channel = await channelFor(ctx.client, rendered.to);
      const already = resumed
        ? await findPostedByKey(ctx.client, channel, entry.key, rendered.threadTs, entry.firstAttemptAt ?? undefined)
        : undefined;
      if (already) {
        sent = { channelId: channel, ts: already };
      } else {
        if (ctx.signal?.aborted) return await handBack(entry, ctx, resumed);
        const res = await ctx.client.chat.postMessage({
          channel,
          text: rendered.text,
          blocks: rendered.blocks,
          thread_ts: rendered.threadTs,
          metadata: keyMetadata(entry.key),
        });
        sent = { channelId: res.channel ?? channel, ts: res.ts! };
      }
    }
    await OutboxModel.updateOne(
      { _id: id },
      { $set: { status: 'sent', sent: { ...sent, at: ctx.now } }, $unset: { lastError: '' } },
    );
    await handler.onSent?.(entry, sent, ctx, rendered.loaded);
    ctx.report.push(`sent ${entry.kind} ${entry.key}${resumed ? ' (resumed)' : ''}`);
    return 'sent';
  } catch (err) {
    const rateLimited = (err as { code?: string }).code === 'slack_webapi_rate_limited_error';
    if (rateLimited) {
      const retryAfterMs = Math.max(1, Number((err as { retryAfter?: number }).retryAfter ?? 1)) * 1000;
      await OutboxModel.updateOne(
        { _id: id },
        { $set: { status: 'pending', nextAttemptAt: ctx.now, lastError: 'slack:ratelimited' } },
      );
      return { retryAfterMs };
    }
    const failures = (entry.failures ?? 0) + 1;
    const error = describeError(err);
    const code = slackErrorCode(err);
    if (isPermanentFailure(code, target)) {
      await failForGood(entry, target, code!, error, failures, ctx);
      return 'failed';
    }
    const wait = BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)];
    await OutboxModel.updateOne(
      { _id: id },
      { $set: { status: 'pending', nextAttemptAt: new Date(ctx.now.getTime() + wait), lastError: error, failures } },
    );
    ctx.logger.warn(`outbox ${entry.kind} ${entry.key}: ${error}; retrying in ${Math.round(wait / MINUTE_MS)} min`);
    ctx.report.push(`failed ${entry.kind} ${entry.key}: ${error} (will retry)`);
    return 'failed';
  }
}

/**
 * A send Slack refused with an error no retry can cure: the entry is marked failed (never tried
 * again) and staff are told through the outbox itself, so exactly once per pair, recipient and
 * error however many messages to that person fail. A failed staff alert alerts no one.
 */
async function failForGood(
  entry: OutboxEntry,
  target: string | undefined,
  code: string,
  error: string,
  failures: number,
  ctx: JobContext,
): Promise<void> {
  await OutboxModel.updateOne({ _id: entry._id }, { $set: { status: 'failed', lastError: error, failures } });
  // A team-wide message (the digest) goes to the staff channel itself: no one else to tell.
  if (entry.kind !== 'delivery_failed_alert' && entry.pairId)
    await enqueue({ ...deliveryFailedEntry(entry, target, code), dueAt: ctx.now });
  ctx.logger.warn(`outbox ${entry.kind} ${entry.key}: ${error}; failed for good, staff told`);
  ctx.report.push(`failed ${entry.kind} ${entry.key}: ${error} (for good)`);
}
