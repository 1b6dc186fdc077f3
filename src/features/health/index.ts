/**
 * Pair health as other features use it: one definition of each pair's state (new, on track,
 * needs attention, at risk, paused, ended) and its reasons in words. The rules are in rules.ts
 * (pure) and stated for staff in the README ("Pair health").
 */
export type { CheckinFact, HealthFacts, HealthReason, HealthState, PairHealth, Side } from './types';
export { HEALTH_LABELS, healthLabel, healthReasonText } from './messages';
export { healthOf } from './rules';
export { HEALTH_PAIR_FIELDS, type HealthPair, type HealthRows, healthOfPairs, healthWindowStart } from './batch';
