import { CommitmentModel, type Commitment } from './model';

export interface DigestCommitmentRow {
  pairId: string;
  ownerId: string;
  status: 'open' | 'done' | 'dropped';
  dueDay: string;
}

/**
 * The team's commitments the weekly digest counts, in one `find`: those due from `fromDay` to
 * `toDay` (YYYY-MM-DD, both included; any status) and those still open and due before `toDay`
 * (overdue; pair health reads those too). The caller keeps the pairs it reports on.
 */
export async function digestCommitmentsOfTeam(
  teamId: string,
  fromDay: string,
  toDay: string,
): Promise<DigestCommitmentRow[]> {
  const rows = await CommitmentModel.find(
    { teamId, dueDay: { $lte: toDay }, $or: [{ status: 'open' }, { dueDay: { $gte: fromDay } }] },
    { pairId: 1, ownerId: 1, status: 1, dueDay: 1 },
  ).lean<Commitment[]>();
  return rows.map((c) => ({
    pairId: String(c.pairId),
    ownerId: c.ownerId,
    status: (c.status ?? 'open') as DigestCommitmentRow['status'],
    dueDay: c.dueDay,
  }));
}
