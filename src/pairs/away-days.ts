import { DAY_MS } from '../lib/durations';
import { addDays } from '../lib/time';

/** Time away of a person (`/mentorship away`): local days "YYYY-MM-DD", from and until included. */
export interface AwaySpan {
  from: string;
  until: string;
}

/**
 * Whole days from `at` to `now`, less the days in between that someone was away: a month of
 * leave is not a month of silence (pair health, the at-risk alert). Away days are local days;
 * they are counted as UTC days here (a day's difference at most, at the edges of a time away).
 */
export function daysSinceExceptAway(at: Date, now: Date, away: readonly AwaySpan[] | undefined): number {
  const total = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
  if (!away?.length || total === 0) return total;
  const first = at.toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const awayDays = new Set<string>();
  for (const span of away) {
    for (let d = span.from > first ? span.from : first; d <= span.until && d < today; d = addDays(d, 1))
      awayDays.add(d);
  }
  return Math.max(0, total - awayDays.size);
}
