import type { KnownBlock } from '@slack/types';
import type { Model, Types, UpdateQuery } from 'mongoose';
import { describeError, slackErrorCode } from '../slack/errors';
import { channelFor, findPostedByKey, keyMetadata } from '../slack/posted';
import type { JobContext } from './job-context';
import { ClaimModel, claimOnce } from '../db/claims';
import { insertNew, UPDATE_STATEMENTS, updateByIds } from '../db/bulk';
import { deliveryFailedAlertHandler, deliveryFailedEntry, isPermanentFailure } from './delivery-failed';
import { type CapWrites, type FoldsOf, MessageCap } from './message-cap';
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

/**
 * How one kind of message is built at send time (so it reflects the state then) and what follows it.
 *
 * A handler with `load` is sent in batches: the entries of its kind that one run finds are claimed
 * together, `load` reads what all of them need (one query per collection, not one per entry) and
 * render gets that as `batch`; what follows the sends (onSent's writes through `after`, the "sent"
 * marks) is written together after the batch, or before the run waits out a Retry-After or stops.
 * A handler without `load` is claimed, rendered and recorded one entry at a time.
 */
export interface OutboxHandler {
  load?(entries: OutboxEntry[], ctx: JobContext): Promise<unknown>;
  render(entry: OutboxEntry, ctx: JobContext, batch?: unknown): Promise<Rendered>;
  /**
   * `loaded` is what render put in its result, so onSent need not read it again. Writes made
   * through `after` are made with the batch's (at once for a handler without `load`).
   */
  onSent?(
    entry: OutboxEntry,
    sent: { channelId: string; ts: string },
    ctx: JobContext,
    loaded: unknown,
    after: AfterSend,
  ): Promise<void>;
}

/** The writes that follow a send (see OutboxHandler); await each, as a handler sent one at a time writes at once. */
export interface AfterSend {
  /** Queues an outbox entry, unless one with its key exists. */
  enqueue(entry: NewOutboxEntry): void | Promise<void>;
  /** Updates the document with this `_id`. */
  update<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>): void | Promise<void>;
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
/**
 * Entries one `find` reads; those of batched kinds are claimed and read together. 500 keeps a
 * batch's reads few where each is a whole-collection scan (FerretDB 1.x reads every document for
 * an `$in`; 1,000 due prompts at 100,000 pairs are two batches, not ten).
 */
const CLAIM_BATCH = 500;
/**
 * What a batch's `load` read is read again for the entries still to send once it is this old (real
 * time), and after every Retry-After wait: a pause or a reply made while a batch is being sent is
 * seen within this long, as it was seen at once when every entry was read just before its send.
 */
const RELOAD_AFTER_MS = 10_000;
const BACKOFF_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, 6 * HOUR_MS];

const outboxDocument = (entry: NewOutboxEntry) => ({
  _id: entry.key,
  ...entry,
  ref: entry.ref ?? {},
  nextAttemptAt: entry.dueAt,
  status: 'pending' as const,
});

/** Writes many entries in one round trip, each unless one with its key exists; true for each that is new. */
export async function enqueueMany(entries: NewOutboxEntry[]): Promise<boolean[]> {
  return insertNew(OutboxModel, entries.map(outboxDocument));
}

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
  /** Low-priority messages not sent to people at the weekly cap, kept as a line for their next message (message-cap.ts). */
  folded: number;
  /** Entries left for a later run because the time budget ran out while rate-limited. */
  deferred: boolean;
}

/**
 * Sends the due entries of these kinds until none is due or `budgetMs` (real time) is spent. Each
 * entry is claimed atomically (a unique claim key per attempt), so two instances never send the
 * same one; a claim abandoned by a crash is resumed after STALE_CLAIM_MS, looking first in the
 * channel for a message already carrying its key. Kinds whose handler has `load` are claimed,
 * read and recorded in batches (see OutboxHandler); the others one at a time.
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
  const result: OutboxRunResult = { sent: 0, skipped: 0, failed: 0, folded: 0, deferred: false };
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
  const handlerOf = (e: OutboxEntry) => all[e.kind as OutboxKind]!;
  const cap = new MessageCap(ctx);
  for (;;) {
    // One query finds a batch; everything after it is written by primary key only.
    const found = await OutboxModel.find(due).sort({ nextAttemptAt: 1 }).limit(CLAIM_BATCH).lean<OutboxEntry[]>();
    if (found.length === 0) return result;
    // Stopping: claim nothing more; what is left stays pending for the next run or instance.
    if (stopping(ctx, deadline)) {
      result.deferred = true;
      return result;
    }
    const batched = await claimAll(
      found.filter((e) => handlerOf(e).load),
      ctx,
    );
    const batch = new Batch(batched, ctx, cap.foldsOfBatch(batched));
    // In the order found: the batched entries this instance claimed, the others claimed when their turn comes.
    const queue = found.filter((e) => !handlerOf(e).load || batch.has(e._id));
    let claimedAny = batched.length > 0;
    try {
      for (const [i, candidate] of queue.entries()) {
        if (stopping(ctx, deadline)) {
          // i18n-exempt: why a claim was handed back, for the operator report
          await batch.handBackFrom(queue.slice(i), 'the process is stopping or the run is out of time');
          result.deferred = true;
          return result;
        }
        const handler = handlerOf(candidate);
        let entry = batch.claimed(candidate._id);
        if (!entry) {
          entry = await claim(candidate, ctx);
          if (!entry) continue;
          claimedAny = true;
        }
        const writes = handler.load ? batch.writes : immediateWrites;
        const data = handler.load ? () => batch.load(handler, entry.kind, queue.slice(i)) : undefined;
        const folds = handler.load ? batch.folds : cap.foldsOfEntry;
        const outcome = await sendOne(
          entry,
          handler,
          ctx,
          candidate.status === 'sending',
          writes,
          { cap, folds },
          data,
        );
        if (outcome === 'handedBack') {
          // i18n-exempt: why a claim was handed back, for the operator report
          await batch.handBackFrom(queue.slice(i + 1), 'the process is stopping');
          result.deferred = true;
          return result;
        }
        if (typeof outcome === 'object') {
          if (Date.now() + outcome.retryAfterMs >= deadline) {
            // i18n-exempt: why a claim was handed back, for the operator report
            await batch.handBackFrom(queue.slice(i + 1), 'the run is out of time');
            result.deferred = true;
            return result;
          }
          // Nothing sent waits unrecorded through the wait, and what was read is read again after it.
          await batch.writes.flush();
          await ctx.sleep(outcome.retryAfterMs);
          batch.readAgain();
          continue;
        }
        result[outcome] += 1;
      }
    } finally {
      await batch.writes.flush();
    }
    if (!claimedAny) return result; // another instance is working this batch
  }
}

const stopping = (ctx: JobContext, deadline: number) => Boolean(ctx.signal?.aborted) || Date.now() >= deadline;

/**
 * The batched entries one instance claimed from one `find`: their `load` reads, by kind, and the
 * writes after their sends, made together (`flush`).
 */
class Batch {
  readonly writes = new BatchWrites();
  private readonly byId: Map<string, OutboxEntry>;
  private readonly loads = new Map<string, { at?: number; data: Promise<unknown> }>();
  /** Entries sent, skipped, deferred or failed in this batch: nothing to hand back. */
  private readonly done = new Set<string>();

  constructor(
    claimed: OutboxEntry[],
    private readonly ctx: JobContext,
    /** The folded lines of the batch's pairs (weekly cap), read once for the batch. */
    readonly folds: FoldsOf,
  ) {
    this.byId = new Map(claimed.map((e) => [e._id, e]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The entry as claimed by this batch, or undefined when it is not one of the batch's. */
  claimed(id: string): OutboxEntry | undefined {
    const entry = this.byId.get(id);
    if (entry) this.done.add(id);
    return entry;
  }

  /**
   * What `handler.load` read for the entries of this kind still to send: read once, and again once
   * RELOAD_AFTER_MS have passed since the read ended (a read still running is waited for).
   */
  load(handler: OutboxHandler, kind: string, rest: OutboxEntry[]): Promise<unknown> {
    const current = this.loads.get(kind);
    if (current && (current.at === undefined || Date.now() - current.at < RELOAD_AFTER_MS)) return current.data;
    const entries = rest.filter((e) => e.kind === kind && this.byId.has(e._id)).map((e) => this.byId.get(e._id)!);
    const read: { at?: number; data: Promise<unknown> } = { data: handler.load!(entries, this.ctx) };
    const ended = () => {
      read.at = Date.now();
    };
    // Each entry's send reports a failed read; no unhandled rejection meanwhile.
    read.data.then(ended, ended);
    this.loads.set(kind, read);
    return read.data;
  }

  readAgain(): void {
    this.loads.clear();
  }

  /** Hands back the claimed batched entries among `rest` not yet sent (see handBack), and writes it all. */
  async handBackFrom(rest: OutboxEntry[], why: string): Promise<void> {
    for (const candidate of rest) {
      const entry = this.byId.get(candidate._id);
      if (!entry || this.done.has(entry._id)) continue;
      this.done.add(entry._id);
      handBack(entry, this.writes, this.ctx, candidate.status === 'sending', why);
    }
    await this.writes.flush();
  }
}

/** The writes of a send: its outbox status, and what follows it (AfterSend, and the weekly cap's). */
interface Writes extends AfterSend, CapWrites {
  status(id: string, update: UpdateQuery<OutboxEntry>): void | Promise<void>;
}

/**
 * The writes of a batch, made in one round trip per collection and kind of write. What followed
 * the sends (onSent's updates and entries) is written before the sends' status: should the process
 * die in between, the entries are still "sending", and the run that resumes them finds the
 * message in the channel and writes what follows again (by key and by `_id`: no double).
 */
class BatchWrites implements Writes {
  private updates = new Map<Model<unknown>, Array<{ id: unknown; update: UpdateQuery<unknown> }>>();
  private entries: NewOutboxEntry[] = [];
  private statuses: Array<{ id: unknown; update: UpdateQuery<OutboxEntry> }> = [];
  private upserts = new Map<Model<unknown>, Array<{ id: string; update: UpdateQuery<unknown> }>>();
  private inserts = new Map<Model<unknown>, object[]>();
  private removals = new Map<Model<unknown>, string[]>();

  enqueue(entry: NewOutboxEntry): void {
    this.entries.push(entry);
  }

  update<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>): void {
    const key = model as unknown as Model<unknown>;
    const updates = this.updates.get(key) ?? [];
    updates.push({ id, update: update as UpdateQuery<unknown> });
    this.updates.set(key, updates);
  }

  status(id: string, update: UpdateQuery<OutboxEntry>): void {
    this.statuses.push({ id, update });
  }

  upsert<T>(model: Model<T>, id: string, update: UpdateQuery<T>): void {
    push(this.upserts, model, { id, update: update as UpdateQuery<unknown> });
  }

  insert<T>(model: Model<T>, doc: object): void {
    push(this.inserts, model, doc);
  }

  remove<T>(model: Model<T>, id: string): void {
    push(this.removals, model, id);
  }

  async flush(): Promise<void> {
    const updates = [...this.updates];
    const upserts = [...this.upserts];
    const inserts = [...this.inserts];
    const removals = [...this.removals];
    const entries = this.entries;
    const statuses = this.statuses;
    this.updates = new Map();
    this.upserts = new Map();
    this.inserts = new Map();
    this.removals = new Map();
    this.entries = [];
    this.statuses = [];
    for (const [model, byId] of updates) await updateByIds(model, byId);
    for (const [model, byId] of upserts) await upsertByIds(model, byId);
    for (const [model, docs] of inserts) await insertNew(model, docs);
    for (const [model, ids] of removals) await model.deleteMany({ _id: { $in: ids } });
    if (entries.length > 0) await enqueueMany(entries);
    await updateByIds(OutboxModel, statuses);
  }
}

function push<T>(map: Map<Model<unknown>, T[]>, model: unknown, item: T): void {
  const key = model as Model<unknown>;
  const list = map.get(key) ?? [];
  list.push(item);
  map.set(key, list);
}

/** Upserts documents by `_id`, each with its own update: one round trip per UPDATE_STATEMENTS documents. */
async function upsertByIds(model: Model<unknown>, updates: Array<{ id: string; update: UpdateQuery<unknown> }>) {
  for (let i = 0; i < updates.length; i += UPDATE_STATEMENTS) {
    const ops = updates
      .slice(i, i + UPDATE_STATEMENTS)
      .map(({ id, update }) => ({ updateOne: { filter: { _id: id }, update, upsert: true } }));
    await model.bulkWrite(ops as never[]);
  }
}

/** The writes of a kind sent one entry at a time: each made at once. */
const immediateWrites: Writes = {
  async enqueue(entry) {
    await enqueue(entry);
  },
  async update(model, id, update) {
    await model.updateOne({ _id: id }, update);
  },
  async status(id, update) {
    await OutboxModel.updateOne({ _id: id }, update);
  },
  async upsert(model, id, update) {
    await model.updateOne({ _id: id }, update, { upsert: true });
  },
  async insert(model, doc) {
    await insertNew(model, [doc]);
  },
  async remove(model, id) {
    await model.deleteOne({ _id: id });
  },
};

/** The entries' next attempts, claimed in one round trip (and marked "sending" in another); those another instance got first are left out. */
async function claimAll(candidates: OutboxEntry[], ctx: JobContext): Promise<OutboxEntry[]> {
  if (candidates.length === 0) return [];
  const won = await insertNew(
    ClaimModel,
    candidates.map((c) => ({ _id: claimKey(c), by: ctx.instanceId, at: ctx.now })),
  );
  // Wall clock, not ctx.now: it is compared with Slack's message timestamps (see findPostedByKey).
  const wallNow = new Date();
  const claimed = candidates
    .filter((_, i) => won[i])
    .map((c) => ({ ...c, status: 'sending', attempts: c.attempts + 1, firstAttemptAt: c.firstAttemptAt ?? wallNow }));
  await updateByIds(
    OutboxModel,
    claimed.map((e) => ({
      id: e._id,
      update: {
        $set: {
          status: 'sending',
          claimedAt: ctx.now,
          claimedBy: ctx.instanceId,
          attempts: e.attempts,
          firstAttemptAt: e.firstAttemptAt,
        },
      },
    })),
  );
  return claimed as OutboxEntry[];
}

/** One claim document per attempt. */
const claimKey = (candidate: OutboxEntry) => `outbox:${candidate._id}#${candidate.attempts + 1}`;

/** Claims the entry's next attempt (one claim document per attempt); undefined when another instance got it first. */
async function claim(candidate: OutboxEntry, ctx: JobContext): Promise<OutboxEntry | undefined> {
  const attempt = candidate.attempts + 1;
  if (!(await claimOnce(claimKey(candidate), ctx.instanceId, ctx.now))) return undefined;
  // Wall clock, not ctx.now: it is compared with Slack's message timestamps (see findPostedByKey).
  const firstAttemptAt = candidate.firstAttemptAt ?? new Date();
  await OutboxModel.updateOne(
    { _id: candidate._id },
    { $set: { status: 'sending', claimedAt: ctx.now, claimedBy: ctx.instanceId, attempts: attempt, firstAttemptAt } },
  );
  return { ...candidate, status: 'sending', attempts: attempt, firstAttemptAt };
}

/**
 * `handedBack`: the process is stopping and the entry was released unsent, for the next run to send.
 * `folded`: not sent, its person being at the weekly cap: a line of their next message instead.
 */
type SendOutcome = 'sent' | 'skipped' | 'failed' | 'folded' | 'handedBack' | { retryAfterMs: number };

/**
 * Releases a claimed entry that was not sent because the process is stopping (or, for an entry of
 * a batch, the run is out of time), so the next run (of this instance or another) sends it at
 * once instead of after STALE_CLAIM_MS. An entry that was itself resumed from a stale claim stays
 * "sending" with a claim time long past: the next run then resumes it at once and still looks in
 * the channel first, as the crashed claim may have posted.
 */
function handBack(
  entry: OutboxEntry,
  writes: Writes,
  ctx: JobContext,
  resumed: boolean,
  // i18n-exempt: why a claim was handed back, for the operator report
  why = 'the process is stopping',
): void | Promise<void> {
  ctx.report.push(`handed back ${entry.kind} ${entry.key}: ${why}`);
  return writes.status(
    entry._id,
    resumed
      ? { $set: { claimedAt: new Date(0) } }
      : { $set: { status: 'pending', nextAttemptAt: ctx.now }, $unset: { claimedAt: '', claimedBy: '' } },
  );
}

async function sendOne(
  entry: OutboxEntry,
  handler: OutboxHandler,
  ctx: JobContext,
  resumed: boolean,
  writes: Writes,
  capped: { cap: MessageCap; folds: FoldsOf },
  batch?: () => Promise<unknown>,
): Promise<SendOutcome> {
  const id = entry._id;
  /** Where the message was going (a channel or user ID), for the staff alert if it fails for good. */
  let target: string | undefined;
  /** The message is in Slack: what failed came after (onSent), and a retry must look before it posts. */
  let posted = false;
  try {
    const rendered = await handler.render(entry, ctx, batch ? await batch() : undefined);
    if (rendered.op === 'skip') {
      await writes.status(id, { $set: { status: 'skipped', skipReason: rendered.reason } });
      ctx.report.push(`skipped ${entry.kind} ${entry.key}: ${rendered.reason}`);
      return 'skipped';
    }
    if (rendered.op === 'defer') {
      // Never to the past: the same run would pick the entry up again, and again.
      const until = new Date(Math.max(rendered.until.getTime(), ctx.now.getTime() + MINUTE_MS));
      await writes.status(id, { $set: { status: 'pending', nextAttemptAt: until } });
      ctx.report.push(`deferred ${entry.kind} ${entry.key} to ${until.toISOString()}: ${rendered.reason}`);
      return 'skipped';
    }
    let sent: { channelId: string; ts: string };
    const { cap } = capped;
    let plan: Awaited<ReturnType<MessageCap['plan']>>;
    /** The folded lines this message carried (weekly cap). */
    let carried: string[] = [];
    if (rendered.op === 'update') {
      target = rendered.channel;
      if (ctx.signal?.aborted) return await handBackOne(entry, writes, ctx, resumed);
      await ctx.client.chat.update({
        channel: rendered.channel,
        ts: rendered.ts,
        text: rendered.text,
        blocks: rendered.blocks,
      });
      sent = { channelId: rendered.channel, ts: rendered.ts };
    } else {
      target = rendered.to;
      // Posted and recorded before, only what follows the post (onSent) failed: no need to look.
      const recorded = entry.sent?.ts && entry.sent.channelId ? entry.sent : undefined;
      // After a failure whose outcome is unknown (a timeout, a 500: Slack may have posted before
      // it failed), look first too, as for a resumed claim: sending again blindly would double it.
      const mayBePosted = resumed || (entry.failures ?? 0) > 0;
      let channel = recorded?.channelId ?? (mayBePosted ? await channelFor(ctx.client, rendered.to) : undefined);
      const already =
        recorded?.ts ??
        (channel
          ? await findPostedByKey(ctx.client, channel, entry.key, rendered.threadTs, entry.firstAttemptAt ?? undefined)
          : undefined);
      plan = await cap.plan(entry, rendered, capped.folds, Boolean(already));
      if (plan?.fold) {
        await cap.fold(entry, plan, writes);
        return 'folded';
      }
      channel ??= await channelFor(ctx.client, rendered.to);
      if (already) {
        sent = { channelId: channel, ts: already };
        carried = await cap.carriedBefore(entry, plan);
      } else {
        if (ctx.signal?.aborted) return await handBackOne(entry, writes, ctx, resumed);
        const decorated = await cap.decorate(entry, rendered, plan);
        carried = decorated.carried;
        const res = await ctx.client.chat.postMessage({
          channel,
          text: rendered.text,
          blocks: decorated.blocks,
          thread_ts: rendered.threadTs,
          metadata: keyMetadata(entry.key),
        });
        sent = { channelId: res.channel ?? channel, ts: res.ts! };
      }
    }
    posted = true;
    const sentMark = { $set: { status: 'sent', sent: { ...sent, at: ctx.now } }, $unset: { lastError: '' } };
    // The weekly cap's count and the lines carried: idempotent, so written before the mark.
    await cap.afterSent(entry, plan, carried, writes);
    if (handler.load) {
      // Batched: the mark is written after what onSent adds (see BatchWrites).
      await handler.onSent?.(entry, sent, ctx, rendered.loaded, writes);
      await writes.status(id, sentMark);
    } else {
      await writes.status(id, sentMark);
      await handler.onSent?.(entry, sent, ctx, rendered.loaded, writes);
    }
    ctx.report.push(`sent ${entry.kind} ${entry.key}${resumed ? ' (resumed)' : ''}`);
    return 'sent';
  } catch (err) {
    const rateLimited = (err as { code?: string }).code === 'slack_webapi_rate_limited_error';
    if (rateLimited) {
      const retryAfterMs = Math.max(1, Number((err as { retryAfter?: number }).retryAfter ?? 1)) * 1000;
      // Counted as a failure once the message is posted, so the retry finds it instead of posting again.
      const failures = posted ? { failures: (entry.failures ?? 0) + 1 } : {};
      await writes.status(id, {
        $set: { status: 'pending', nextAttemptAt: ctx.now, lastError: 'slack:ratelimited', ...failures },
      });
      return { retryAfterMs };
    }
    const failures = (entry.failures ?? 0) + 1;
    const error = describeError(err);
    const code = slackErrorCode(err);
    if (isPermanentFailure(code, target)) {
      await failForGood(entry, target, code!, error, failures, ctx, writes);
      return 'failed';
    }
    const wait = BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)];
    await writes.status(id, {
      $set: { status: 'pending', nextAttemptAt: new Date(ctx.now.getTime() + wait), lastError: error, failures },
    });
    ctx.logger.warn(`outbox ${entry.kind} ${entry.key}: ${error}; retrying in ${Math.round(wait / MINUTE_MS)} min`);
    ctx.report.push(`failed ${entry.kind} ${entry.key}: ${error} (will retry)`);
    return 'failed';
  }
}

async function handBackOne(
  entry: OutboxEntry,
  writes: Writes,
  ctx: JobContext,
  resumed: boolean,
): Promise<'handedBack'> {
  await handBack(entry, writes, ctx, resumed);
  return 'handedBack';
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
  writes: Writes,
): Promise<void> {
  await writes.status(entry._id, { $set: { status: 'failed', lastError: error, failures } });
  // A team-wide message (the digest) goes to the staff channel itself: no one else to tell.
  if (entry.kind !== 'delivery_failed_alert' && entry.pairId)
    await writes.enqueue({ ...deliveryFailedEntry(entry, target, code), dueAt: ctx.now });
  ctx.logger.warn(`outbox ${entry.kind} ${entry.key}: ${error}; failed for good, staff told`);
  ctx.report.push(`failed ${entry.kind} ${entry.key}: ${error} (for good)`);
}
