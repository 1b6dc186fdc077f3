import type { Types } from 'mongoose';
import { type Checkin, type CheckinReply, CheckinModel, CheckinReplyModel, repliedByOf } from './model';

/**
 * Check-ins and replies of many pairs at once (pair health, the digest): one `find` with `$in`
 * per call whatever the number of pairs, only the fields needed, never one query per pair.
 */

export interface PostedCheckinRow {
  pairId: string;
  /** The check-in's id (the value of its reply button). */
  checkinId?: string;
  period: number;
  kind: 'regular' | 'welcome_back';
  dueAt: Date;
  postedAt: Date;
  repliedBy: string[];
}

/**
 * The posted check-ins of `pairIds` whose prompt went out at or after `since`, plus each pair's
 * first two (however old), so "the second check-in has been posted" is always known.
 */
export async function postedCheckinsOfPairs(pairIds: Types.ObjectId[], since: Date): Promise<PostedCheckinRow[]> {
  if (pairIds.length === 0) return [];
  const rows = await CheckinModel.find(
    {
      pairId: { $in: pairIds },
      'prompt.postedAt': { $exists: true },
      $or: [{ 'prompt.postedAt': { $gte: since } }, { period: { $lte: 2 } }],
    },
    { pairId: 1, period: 1, kind: 1, dueAt: 1, 'prompt.postedAt': 1, repliedBy: 1 },
  ).lean<Checkin[]>();
  return rows.map(postedCheckinRow);
}

/** A posted check-in (read with its prompt's postedAt) as a row. */
export function postedCheckinRow(c: Checkin): PostedCheckinRow {
  return {
    pairId: String(c.pairId),
    checkinId: String(c._id),
    period: c.period,
    kind: c.kind === 'welcome_back' ? 'welcome_back' : 'regular',
    dueAt: c.dueAt,
    postedAt: c.prompt!.postedAt!,
    repliedBy: repliedByOf(c),
  };
}

export interface ReplyRow {
  pairId: string;
  userId: string;
  /** 'yes': a meeting was reported. */
  met: string;
  submittedAt: Date;
}

/** The check-in replies of `pairIds` submitted in [from, to) (either bound optional). */
export async function repliesOfPairs(
  pairIds: Types.ObjectId[],
  range: { from?: Date; to?: Date },
): Promise<ReplyRow[]> {
  if (pairIds.length === 0) return [];
  const submittedAt = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
  const rows = await CheckinReplyModel.find(
    { pairId: { $in: pairIds }, ...(range.from || range.to ? { submittedAt } : {}) },
    { pairId: 1, userId: 1, met: 1, submittedAt: 1 },
  ).lean<CheckinReply[]>();
  return rows.map((r) => ({ pairId: String(r.pairId), userId: r.userId, met: r.met, submittedAt: r.submittedAt }));
}

/**
 * Replies submitted before `before`, read to find a last reply or a last meeting older than a
 * recent window: any reply of `anyOf` pairs, and only the meetings reported (met: 'yes') of
 * `meetingsOf` pairs. One `find`.
 */
export async function olderRepliesOfPairs(
  anyOf: Types.ObjectId[],
  meetingsOf: Types.ObjectId[],
  before: Date,
): Promise<ReplyRow[]> {
  const or = [
    ...(anyOf.length ? [{ pairId: { $in: anyOf } }] : []),
    ...(meetingsOf.length ? [{ pairId: { $in: meetingsOf }, met: 'yes' as const }] : []),
  ];
  if (or.length === 0) return [];
  const rows = await CheckinReplyModel.find(
    { submittedAt: { $lt: before }, $or: or },
    { pairId: 1, userId: 1, met: 1, submittedAt: 1 },
  ).lean<CheckinReply[]>();
  return rows.map((r) => ({ pairId: String(r.pairId), userId: r.userId, met: r.met, submittedAt: r.submittedAt }));
}

/** One-tap answers by person ("did not meet" or "skip"), as a prompt shows them. */
export type QuickAnswers = Record<string, 'did_not_meet' | 'skipped'>;

/** The one-tap answers to many check-ins, by check-in ID: one `find`. */
export async function quickAnswersOfCheckins(checkinIds: Types.ObjectId[]): Promise<Map<string, QuickAnswers>> {
  const byCheckin = new Map<string, QuickAnswers>();
  if (checkinIds.length === 0) return byCheckin;
  const quick = await CheckinReplyModel.find(
    { checkinId: { $in: checkinIds }, quick: true },
    { checkinId: 1, userId: 1, met: 1 },
  ).lean<CheckinReply[]>();
  for (const r of quick) {
    const answers = byCheckin.get(String(r.checkinId)) ?? {};
    answers[r.userId] = r.met === 'skipped' ? 'skipped' : 'did_not_meet';
    byCheckin.set(String(r.checkinId), answers);
  }
  return byCheckin;
}

/**
 * The due time of the check-in after each of these (same pair, the next period), where it exists,
 * keyed "<pairId>:<period of the next one>": one `find`.
 */
export async function nextCheckinsDue(checkins: Array<Pick<Checkin, 'pairId' | 'period'>>): Promise<Map<string, Date>> {
  const due = new Map<string, Date>();
  if (checkins.length === 0) return due;
  const next = await CheckinModel.find(
    { $or: checkins.map((c) => ({ pairId: c.pairId, period: c.period + 1 })) },
    { pairId: 1, period: 1, dueAt: 1 },
  ).lean<Checkin[]>();
  for (const c of next) due.set(`${c.pairId}:${c.period}`, c.dueAt);
  return due;
}
