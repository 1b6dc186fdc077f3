import type { Types } from 'mongoose';
import { CommitmentModel } from './model';

export interface OverdueRow {
  pairId: string;
  ownerId: string;
  dueDay: string;
}

/**
 * The open commitments of many pairs due before `day` (YYYY-MM-DD): one `find` with `$in`
 * whatever the number of pairs (pair health, the digest).
 */
export async function overdueCommitmentsOfPairs(pairIds: Types.ObjectId[], day: string): Promise<OverdueRow[]> {
  if (pairIds.length === 0) return [];
  const rows = await CommitmentModel.find(
    { pairId: { $in: pairIds }, status: 'open', dueDay: { $lt: day } },
    { pairId: 1, ownerId: 1, dueDay: 1 },
  ).lean();
  return rows.map((c) => ({ pairId: String(c.pairId), ownerId: c.ownerId, dueDay: c.dueDay }));
}

export interface OpenCommitmentRow {
  pairId: string;
  ownerId: string;
  what: string;
  dueDay: string;
}

/**
 * The open commitments of many pairs (App Home), soonest due first: one `find` with `$in`
 * whatever the number of pairs, at most `limit` rows.
 */
export async function openCommitmentsOfPairs(pairIds: Types.ObjectId[], limit = 500): Promise<OpenCommitmentRow[]> {
  if (pairIds.length === 0) return [];
  const rows = await CommitmentModel.find(
    { pairId: { $in: pairIds }, status: 'open' },
    { pairId: 1, ownerId: 1, what: 1, dueDay: 1 },
  )
    .sort({ dueDay: 1 })
    .limit(limit)
    .lean();
  return rows.map((c) => ({ pairId: String(c.pairId), ownerId: c.ownerId, what: c.what, dueDay: c.dueDay }));
}
