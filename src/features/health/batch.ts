import type { Pair } from '../../pairs/model';
import { healthOf } from './rules';
import type { PairHealth } from './types';

// STUB (interface commit only): the batched queries come in the next commit.
export async function healthOfPairs(pairs: Pair[], now: Date): Promise<Map<string, PairHealth>> {
  const out = new Map<string, PairHealth>();
  for (const p of pairs) {
    const pairId = String(p._id);
    out.set(
      pairId,
      healthOf(
        {
          pairId,
          status: p.status,
          createdAt: p.createdAt,
          cadence: p.cadence,
          mentorId: p.mentor.userId,
          menteeId: p.mentee.userId,
          endDate: p.endDate,
          checkins: [],
          openOverdue: [],
        },
        now,
      ),
    );
  }
  return out;
}
