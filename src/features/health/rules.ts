import type { HealthFacts, PairHealth } from './types';

// STUB (interface commit only): replaced by the real rules in the next commit.
export function healthOf(facts: HealthFacts, _now: Date): PairHealth {
  return { pairId: facts.pairId, state: 'on_track', reasons: [], endsOn: facts.endDate };
}
