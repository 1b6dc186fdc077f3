import { PairModel, type Pair } from './model';

/** Pairs in which the user takes part, not ended. */
export async function listPairsOf(teamId: string, userId: string): Promise<Pair[]> {
  return PairModel.find({
    teamId,
    status: { $ne: 'ended' },
    $or: [{ 'mentor.userId': userId }, { 'mentee.userId': userId }],
  }).lean<Pair[]>();
}
