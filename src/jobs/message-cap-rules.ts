import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { DAY_MS } from '../lib/durations';
import type { OutboxKind } from './outbox-model';

/*
 * "Not the bot people mute": at most `weeklyMessageCap` messages the bot sends a person on its own
 * in any 7 days. The rules here are pure (message-cap.ts reads and writes what they decide on).
 *
 * - What counts: a message the outbox posts that is addressed to a person: a DM to them, or a
 *   channel message that @-mentions them (a check-in prompt mentions both people). Answers to what
 *   a person did (ephemeral replies, modals, Home, a reply's summary, a pause notice) do not count,
 *   nor do staff messages.
 * - Low priority (reminders and nudges): not sent to a person already at the cap; "folded" instead,
 *   as one line the next message to that person about the same pair carries ("Also: …").
 * - High priority (everything else that counts): always sent, and counted.
 * - The week is a rolling 7 days: no time zone to know, and no burst of 2 × cap around a Monday.
 */

export type CapRule =
  | { counted: false }
  | {
      counted: true;
      priority: 'low' | 'high';
      /** Whether the message carries the person's folded lines (not a pair's last message). */
      carries: boolean;
      /** A folded line of this kind is shown only in a DM to the person, never in the pair's channel. */
      private?: boolean;
    };

const HIGH = { counted: true, priority: 'high', carries: true } as const;
const LOW = { counted: true, priority: 'low', carries: true } as const;
const NOT_COUNTED = { counted: false } as const;

/** Every kind's rule; a kind not listed (a new one) counts and is always sent. */
export const CAP_RULES: Partial<Record<OutboxKind, CapRule>> = {
  checkin_prompt: HIGH,
  checkin_dm: HIGH,
  welcome_dm: HIGH,
  feedback_request: HIGH,
  /** The thank-you when a pair ends: counted, but no reminder of a pair that is over rides on it. */
  pair_ended_notice: { ...HIGH, carries: false },
  silence_nudge: LOW,
  commitment_reminder: LOW,
  /** Whether someone answered their feedback is theirs to tell: its line never goes in the pair's channel. */
  feedback_reminder: { ...LOW, private: true },
  // Answers to what someone did: their reply's summary, their pause, the answers they chose to share.
  reply_summary: NOT_COUNTED,
  pause_notice: NOT_COUNTED,
  feedback_shared: NOT_COUNTED,
  // To staff, not to a participant.
  at_risk_alert: NOT_COUNTED,
  delivery_failed_alert: NOT_COUNTED,
  weekly_digest: NOT_COUNTED,
  digest_part: NOT_COUNTED,
  feedback_alert: NOT_COUNTED,
};

export const capRuleOf = (kind: string): CapRule => CAP_RULES[kind as OutboxKind] ?? HIGH;

/** The window the cap counts in. */
export const CAP_WINDOW_MS = 7 * DAY_MS;
/** A folded line older than this is dropped, shown or not. */
export const FOLD_MAX_AGE_MS = 14 * DAY_MS;
/** Folded lines one message lists; the rest are "and N more". */
export const ALSO_LINES = 3;

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const MENTION = /<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g;

/** Whether a post goes to a person's DM (the outbox posts DMs to the user ID). */
export const isDirect = (to: string): boolean => USER_ID.test(to);

/**
 * The people a post is addressed to: the person of a DM, else everyone it @-mentions (typed text
 * is escaped, so every mention in a message is the bot's own).
 */
export function recipientsOf(post: { to: string; text: string; blocks?: KnownBlock[] }): string[] {
  if (isDirect(post.to)) return [post.to];
  const all = `${post.text}\n${JSON.stringify(post.blocks ?? [])}`;
  return [...new Set([...all.matchAll(MENTION)].map((m) => m[1]))];
}

/** The field a message's outbox key is counted under (keys may hold dots; field names may not). */
export const sentField = (key: string): string => createHash('sha1').update(key).digest('base64url').slice(0, 16);

/** What a person's counter holds: when each counted message was sent, by sentField. */
export type SentTimes = Readonly<Record<string, Date | string>>;

/** The messages counted in the window ending at `now`, the message `exceptKey` itself left out (it may be resumed). */
export function countInWindow(sent: SentTimes | undefined, now: Date, exceptKey?: string): number {
  const except = exceptKey === undefined ? undefined : sentField(exceptKey);
  const since = now.getTime() - CAP_WINDOW_MS;
  return Object.entries(sent ?? {}).filter(([field, at]) => field !== except && new Date(at).getTime() > since).length;
}

/** The fields that fell out of the window, to remove when the counter is next written. */
export function staleFields(sent: SentTimes | undefined, now: Date): string[] {
  const since = now.getTime() - CAP_WINDOW_MS;
  return Object.entries(sent ?? {})
    .filter(([, at]) => new Date(at).getTime() <= since)
    .map(([field]) => field);
}

/** True when a message of this rule to someone with `count` counted messages is folded rather than sent. */
export function mustFold(rule: CapRule, count: number, cap: number): boolean {
  return rule.counted && rule.priority === 'low' && count >= cap;
}

/** A folded message: whose it is, how its line is rendered, when it was folded. */
export interface Fold {
  _id: string;
  userId: string;
  line: FoldLine;
  /** Shown only in a DM to the person (CapRule.private). */
  private: boolean;
  at: Date;
}

/** A catalogue key (namespace `cap.line`) and its values: `channel` is a channel ID, `day` a "YYYY-MM-DD". */
export interface FoldLine {
  key: string;
  params: Record<string, string | number>;
}

/**
 * The line that stands for a folded message, from what its outbox entry says (no sentence is
 * stored: the line is rendered in the reader's language when it is shown).
 */
export function foldLineOf(
  kind: string,
  ref: Record<string, unknown>,
  key: string,
  channelId: string | undefined,
): FoldLine {
  const channel = channelId ?? '';
  if (kind === 'silence_nudge')
    return { key: 'cap.line.silenceNudge', params: { period: Number(ref.period), channel } };
  if (kind === 'commitment_reminder') {
    const day = /:(\d{4}-\d{2}-\d{2})$/.exec(key)?.[1];
    if (day) return { key: 'cap.line.commitmentDue', params: { day, channel } };
  }
  if (kind === 'feedback_reminder') return { key: 'cap.line.feedback', params: { channel } };
  return { key: 'cap.line.other', params: { channel } };
}

/**
 * The folded lines a message to `userId` carries: theirs, not too old, not shown yet, the private
 * ones only in a DM; oldest first.
 */
export function foldsToCarry(
  folds: readonly Fold[],
  userId: string,
  direct: boolean,
  now: Date,
  shown: ReadonlySet<string>,
): Fold[] {
  const since = now.getTime() - FOLD_MAX_AGE_MS;
  return folds
    .filter((f) => f.userId === userId && (direct || !f.private) && !shown.has(f._id) && f.at.getTime() > since)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id));
}

/** The lines one message lists (at most ALSO_LINES) and how many more there are. */
export function alsoLines<T>(lines: readonly T[]): { shown: T[]; more: number } {
  return { shown: lines.slice(0, ALSO_LINES), more: Math.max(0, lines.length - ALSO_LINES) };
}
