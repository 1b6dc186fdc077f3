import { sectionOfSentText } from '../slack/blocks';
import type { KnownBlock } from '@slack/types';
import type { Model, Types, UpdateQuery } from 'mongoose';
import { ClaimModel } from '../db/claims';
import { insertNew } from '../db/bulk';
import { PairModel, type Pair } from '../pairs/model';
import { ParticipantModel, participantId, type Participant } from '../pairs/participants-model';
import type { JobContext } from './job-context';
import { MessageCountModel, MessageFoldModel, messageCountId } from './message-cap-model';
import {
  CAP_WINDOW_MS,
  type CapRule,
  capRuleOf,
  countInWindow,
  FOLD_MAX_AGE_MS,
  type Fold,
  foldLineOf,
  foldsToCarry,
  isDirect,
  mustFold,
  recipientsOf,
  type SentTimes,
  sentField,
  staleFields,
} from './message-cap-rules';
import { alsoBlock } from './message-cap-view';
import type { OutboxEntry } from './outbox-model';

/** The default of WEEKLY_MESSAGE_CAP (config.ts). */
export const DEFAULT_WEEKLY_MESSAGE_CAP = 5;
/** Slack's limits a carrying message must stay within. */
const MAX_BLOCKS = 50;
const SECTION_MAX = 3000;

/** A post as the outbox is about to send it. */
export interface Post {
  to: string;
  text: string;
  blocks?: KnownBlock[];
}

/** The cap's writes, made with the send's other writes (at once, or with its batch), before its status. */
export interface CapWrites {
  upsert<T>(model: Model<T>, id: string, update: UpdateQuery<T>): void | Promise<void>;
  insert<T>(model: Model<T>, doc: object): void | Promise<void>;
  remove<T>(model: Model<T>, id: string): void | Promise<void>;
}

/** What the cap decided for one post: fold it, or send it (counted, carrying these folded lines). */
export type CapPlan =
  | { fold: true; userId: string; count: number; rule: CapRule & { counted: true } }
  | {
      fold: false;
      recipients: string[];
      direct: boolean;
      /** The folded lines it may carry, by person. */
      carry: Map<string, Fold[]>;
      /** Counter fields out of the window, by person, where the counter was read. */
      stale: Map<string, string[]>;
    };

/** The folds of some pairs, read when first needed (one read for a whole batch). */
export type FoldsOf = (entry: OutboxEntry) => Promise<Fold[]>;

/** The claim a message makes on a folded line before showing it, so it is shown once. */
const foldClaimKey = (foldId: string) => `capfold:${foldId}`;

/**
 * The weekly message cap during one outbox run (rules in message-cap-rules.ts): counts what is
 * sent, folds low-priority messages to people at the cap, and has the next message carry them.
 * Every write is idempotent (a field per counted key, a fold per folded key, a claim per shown
 * line held by the message that shows it), so a retried or resumed send and two instances
 * neither count nor fold nor show anything twice.
 */
export class MessageCap {
  /** Folded lines this run has shown (written with the batch, maybe not yet). */
  private readonly shown = new Set<string>();
  /** Counter fields this run has written, by counter ID (written with the batch, maybe not yet). */
  private readonly counted = new Map<string, Set<string>>();

  constructor(private readonly ctx: JobContext) {}

  private get cap(): number {
    return this.ctx.config.weeklyMessageCap ?? DEFAULT_WEEKLY_MESSAGE_CAP;
  }

  private get foldsSince(): Date {
    return new Date(this.ctx.now.getTime() - FOLD_MAX_AGE_MS);
  }

  /** The folds of a batch's pairs: one read for all of them, at its first counted post. */
  foldsOfBatch(entries: OutboxEntry[]): FoldsOf {
    let read: Promise<Map<string, Fold[]>> | undefined;
    return async (entry) => {
      read ??= this.readFolds(entries.filter((e) => e.pairId && capRuleOf(e.kind).counted).map((e) => e.pairId));
      return (await read).get(String(entry.pairId)) ?? [];
    };
  }

  /** The folds of one entry's pair (an entry sent on its own). */
  readonly foldsOfEntry: FoldsOf = async (entry) =>
    entry.pairId ? ((await this.readFolds([entry.pairId])).get(String(entry.pairId)) ?? []) : [];

  private async readFolds(pairIds: Types.ObjectId[]): Promise<Map<string, Fold[]>> {
    const byPair = new Map<string, Fold[]>();
    if (pairIds.length === 0) return byPair;
    const pairId = pairIds.length === 1 ? pairIds[0] : { $in: pairIds };
    const folds = await MessageFoldModel.find({ pairId, at: { $gt: this.foldsSince } }).lean<
      Array<Fold & { pairId: Types.ObjectId }>
    >();
    for (const { pairId: of, ...fold } of folds) {
      const list = byPair.get(String(of)) ?? [];
      list.push({ ...fold, private: Boolean(fold.private) });
      byPair.set(String(of), list);
    }
    return byPair;
  }

  /**
   * What to do with a post: nothing for a kind that does not count; else fold it (a low-priority DM
   * to someone at the cap, or one folded before: a retry), or send it counted, with the folded
   * lines it may carry. `posted`: the message is already in Slack (a resumed send), never folded.
   */
  async plan(entry: OutboxEntry, post: Post, foldsOf: FoldsOf, posted: boolean): Promise<CapPlan | undefined> {
    const rule = capRuleOf(entry.kind);
    if (!rule.counted) return undefined;
    const recipients = recipientsOf(post);
    if (recipients.length === 0) return undefined;
    const direct = isDirect(post.to);
    const folds = await foldsOf(entry);
    const stale = new Map<string, string[]>();
    // Only a DM is folded: a low-priority message in a channel reaches people the cap may not hold back.
    if (rule.priority === 'low' && direct && !posted) {
      const userId = recipients[0];
      if (folds.some((f) => f._id === entry.key)) return { fold: true, userId, count: this.cap, rule };
      const id = messageCountId(entry.teamId, userId);
      const counter = await MessageCountModel.findById(id).lean<{ sent?: SentTimes }>();
      const sent: Record<string, Date | string> = { ...counter?.sent };
      for (const field of this.counted.get(id) ?? []) sent[field] ??= this.ctx.now;
      const count = countInWindow(sent, this.ctx.now, entry.key);
      if (mustFold(rule, count, this.cap)) return { fold: true, userId, count, rule };
      stale.set(userId, staleFields(counter?.sent, this.ctx.now));
    }
    const carry = new Map<string, Fold[]>();
    if (rule.carries) {
      for (const userId of recipients) {
        const lines = foldsToCarry(folds, userId, direct, this.ctx.now, this.shown);
        if (lines.length > 0) carry.set(userId, lines);
      }
    }
    return { fold: false, recipients, direct, carry, stale };
  }

  /** Folds the entry: its line kept for its person (before its status, as a send's other writes). */
  async fold(
    entry: OutboxEntry,
    plan: Extract<CapPlan, { fold: true }>,
    writes: CapWrites & { status(id: string, update: UpdateQuery<OutboxEntry>): void | Promise<void> },
  ): Promise<void> {
    const pair = await PairModel.findById(entry.pairId).select({ channel: 1 }).lean<Pick<Pair, 'channel'>>();
    await writes.insert(MessageFoldModel, {
      _id: entry.key,
      teamId: entry.teamId,
      pairId: entry.pairId,
      userId: plan.userId,
      kind: entry.kind,
      line: foldLineOf(entry.kind, entry.ref, entry.key, pair?.channel?.id ?? undefined),
      private: plan.rule.private ?? false,
      at: this.ctx.now,
    });
    await writes.status(entry._id, { $set: { status: 'folded' } });
    this.ctx.report.push(
      `folded ${entry.kind} ${entry.key}: ${plan.count} message(s) to ${plan.userId} in 7 days (cap ${this.cap})`,
    );
  }

  /**
   * The post's blocks with an "Also: …" context block for each person with folded lines to
   * carry, and those lines' IDs. Each line is claimed for this message first (kept when this
   * message claimed it before: its own earlier attempt), so no other message shows it too.
   */
  async decorate(entry: OutboxEntry, post: Post, plan: CapPlan | undefined) {
    const none = { blocks: post.blocks, carried: [] as string[] };
    if (!plan || plan.fold || plan.carry.size === 0) return none;
    const base: KnownBlock[] = post.blocks ?? [sectionOfSentText(post.text)];
    if (base.length + plan.carry.size > MAX_BLOCKS || (!post.blocks && post.text.length > SECTION_MAX)) return none;
    const won = new Set(await this.claim(entry.key, [...plan.carry.values()].flat()));
    if (won.size === 0) return none;
    const people = await this.languagesOf(
      entry.teamId,
      [...plan.carry].filter(([, folds]) => folds.some((f) => won.has(f._id))).map(([userId]) => userId),
    );
    const blocks = [...base];
    const carried: string[] = [];
    for (const [userId, folds] of plan.carry) {
      const mine = folds.filter((f) => won.has(f._id));
      if (mine.length === 0) continue;
      const block = alsoBlock(
        mine.map((f) => f.line),
        { userId, direct: plan.direct, language: people.get(userId) ?? 'en' },
      );
      if (block) blocks.push(block);
      for (const f of mine) carried.push(f._id);
    }
    for (const id of carried) this.shown.add(id);
    return { blocks, carried };
  }

  /** For a message found already posted (a resumed send): the folded lines it had claimed, so shown. */
  async carriedBefore(entry: OutboxEntry, plan: CapPlan | undefined): Promise<string[]> {
    if (!plan || plan.fold || plan.carry.size === 0) return [];
    const ids = [...plan.carry.values()].flat().map((f) => f._id);
    const held = await ClaimModel.find({ _id: { $in: ids.map(foldClaimKey) }, by: entry.key }).lean();
    const mine = new Set(held.map((c) => String(c._id)));
    const carried = ids.filter((id) => mine.has(foldClaimKey(id)));
    for (const id of carried) this.shown.add(id);
    return carried;
  }

  /** After a send: counted for each recipient (by its key: once), and the lines it carried removed. */
  async afterSent(entry: OutboxEntry, plan: CapPlan | undefined, carried: string[], writes: CapWrites) {
    if (!plan || plan.fold) return;
    const field = sentField(entry.key);
    for (const userId of plan.recipients) {
      const id = messageCountId(entry.teamId, userId);
      const stale = (plan.stale.get(userId) ?? []).filter((f) => f !== field);
      await writes.upsert(MessageCountModel, id, {
        $set: { [`sent.${field}`]: this.ctx.now, touchedAt: this.ctx.now },
        $setOnInsert: { teamId: entry.teamId, userId },
        ...(stale.length > 0 ? { $unset: Object.fromEntries(stale.map((f) => [`sent.${f}`, ''])) } : {}),
      });
      const fields = this.counted.get(id) ?? new Set<string>();
      fields.add(field);
      this.counted.set(id, fields);
    }
    for (const id of carried) await writes.remove(MessageFoldModel, id);
  }

  /** The lines this message may show: claimed now, or by this same message before. */
  private async claim(carrierKey: string, folds: Fold[]): Promise<string[]> {
    const won = await insertNew(
      ClaimModel,
      folds.map((f) => ({ _id: foldClaimKey(f._id), by: carrierKey, at: this.ctx.now })),
    );
    const lost = folds.filter((_, i) => !won[i]).map((f) => foldClaimKey(f._id));
    const mine =
      lost.length > 0
        ? new Set((await ClaimModel.find({ _id: { $in: lost }, by: carrierKey }).lean()).map((c) => String(c._id)))
        : new Set<string>();
    return folds.filter((f, i) => won[i] || mine.has(foldClaimKey(f._id))).map((f) => f._id);
  }

  /** Each person's language (each read by primary key: only people with folded lines to see). */
  private async languagesOf(teamId: string, userIds: string[]): Promise<Map<string, string>> {
    const found = await Promise.all(
      userIds.map((userId) =>
        ParticipantModel.findById(participantId(teamId, userId))
          .select({ userId: 1, language: 1 })
          .lean<Pick<Participant, 'userId' | 'language'>>(),
      ),
    );
    return new Map(found.filter((p) => p !== null).map((p) => [p.userId, p.language || 'en']));
  }
}

/** Folded lines and counters that can no longer matter: folds past their age, counters untouched for a window. */
export async function pruneMessageCap(now: Date): Promise<void> {
  await MessageFoldModel.deleteMany({ at: { $lt: new Date(now.getTime() - FOLD_MAX_AGE_MS) } });
  await MessageCountModel.deleteMany({ touchedAt: { $lt: new Date(now.getTime() - CAP_WINDOW_MS) } });
}
