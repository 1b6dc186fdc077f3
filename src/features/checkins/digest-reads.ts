import type { Types } from 'mongoose';
import { CheckinReplyModel, type CheckinReply } from './model';

/**
 * Check-in replies of many pairs as the weekly digest reads them: one `find` with `$in` whatever
 * the number of pairs, only the fields it counts. The staff-only note leaves this module as a
 * yes/no: its text is never handed to the digest.
 */

export interface DigestReplyRow {
  pairId: string;
  userId: string;
  period: number;
  /** 'yes': a meeting was reported. */
  met: string;
  submittedAt: Date;
  /** Each goal's reported progress (goalId as stored on the pair). */
  goals: Array<{ goalId: string; status: string }>;
  hasStaffNote: boolean;
}

/** The replies of `pairIds` submitted at or after `since`. */
export async function digestRepliesOfPairs(pairIds: Types.ObjectId[], since: Date): Promise<DigestReplyRow[]> {
  if (pairIds.length === 0) return [];
  const rows = await CheckinReplyModel.find(
    { pairId: { $in: pairIds }, submittedAt: { $gte: since } },
    { pairId: 1, userId: 1, period: 1, met: 1, submittedAt: 1, 'goals.goalId': 1, 'goals.status': 1, staffNote: 1 },
  ).lean<CheckinReply[]>();
  return rows.map((r) => ({
    pairId: String(r.pairId),
    userId: r.userId,
    period: r.period,
    met: r.met,
    submittedAt: r.submittedAt,
    goals: (r.goals ?? [])
      .filter((g) => g.goalId && g.status)
      .map((g) => ({ goalId: String(g.goalId), status: String(g.status) })),
    hasStaffNote: Boolean(r.staffNote?.trim()),
  }));
}
