import { CheckinModel, CheckinReplyModel, type Checkin, type CheckinReply } from './model';
import { type PostedCheckinRow, postedCheckinRow } from './pairs-batch';

/**
 * Check-ins and replies of a whole team as the weekly digest reads them: one `find` per
 * collection, on the team and a time range, only the fields it counts (the caller keeps the pairs
 * it reports on). On FerretDB 1.x every such query reads the whole collection, so the digest
 * makes one per collection, never one per pair. The staff-only note leaves this module as a
 * yes/no: its text is never handed to the digest.
 */

/** A posted check-in as the digest counts it and pair health reads it (so one read serves both). */
export type DigestCheckinRow = PostedCheckinRow;

/**
 * The team's check-ins whose prompt went out at or after `since`, plus each pair's first two
 * (however old), as `postedCheckinsOfPairs` reads them for pair health.
 */
export async function digestCheckinsOfTeam(teamId: string, since: Date): Promise<DigestCheckinRow[]> {
  const rows = await CheckinModel.find(
    {
      teamId,
      'prompt.postedAt': { $exists: true },
      $or: [{ 'prompt.postedAt': { $gte: since } }, { period: { $lte: 2 } }],
    },
    { pairId: 1, period: 1, kind: 1, dueAt: 1, 'prompt.postedAt': 1, repliedBy: 1 },
  ).lean<Checkin[]>();
  return rows.map(postedCheckinRow);
}

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

/** The team's replies submitted at or after `since`. */
export async function digestRepliesOfTeam(teamId: string, since: Date): Promise<DigestReplyRow[]> {
  const rows = await CheckinReplyModel.find(
    { teamId, submittedAt: { $gte: since } },
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
