import type { Types } from 'mongoose';
import { CommitmentModel } from './model';

export interface DueCommitmentRow {
  pairId: string;
  status: 'open' | 'done' | 'dropped';
  dueDay: string;
}

/**
 * The commitments of many pairs due from `fromDay` to `toDay` (YYYY-MM-DD, both included), any
 * status: one `find` with `$in` whatever the number of pairs (the weekly digest).
 */
export async function commitmentsDueOfPairs(
  pairIds: Types.ObjectId[],
  fromDay: string,
  toDay: string,
): Promise<DueCommitmentRow[]> {
  if (pairIds.length === 0) return [];
  const rows = await CommitmentModel.find(
    { pairId: { $in: pairIds }, dueDay: { $gte: fromDay, $lte: toDay } },
    { pairId: 1, status: 1, dueDay: 1 },
  ).lean();
  return rows.map((c) => ({
    pairId: String(c.pairId),
    status: (c.status ?? 'open') as DueCommitmentRow['status'],
    dueDay: c.dueDay,
  }));
}
