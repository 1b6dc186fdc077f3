import { DAY_MS, HOUR_MS } from '../../lib/durations';
import { localDay } from '../../lib/time';
import type { DigestReplyRow } from '../checkins';
import { CHART_WEEKS, type DigestInput } from './reads';

/** Pure counts over the digest's rows, in one pass each: replies per week and side, goals that moved. */

/** A check-in posted less than this long ago and not yet answered by both is still open, not missed. */
export const OPEN_CHECKIN_MS = 48 * HOUR_MS;
const TREND_WEEKS = 4;

/** Check-ins posted in one week: how many had replies from both sides, one, neither, or are still open. */
export interface ReplyWeek {
  weekStart: string;
  both: number;
  one: number;
  neither: number;
  open: number;
  /** People who answered that week's check-ins (a rate is shown only when at least 5 did). */
  people: number;
}

/**
 * Replies to the check-ins posted in each of the last weeks (weeks end at `now`): per side for the
 * chart (12 weeks), and both / one / neither / still open for the trend (4 weeks).
 */
export function tallyCheckins(
  input: Pick<DigestInput, 'pairs' | 'checkins'>,
  now: Date,
  timeZone: string,
): { chart: Array<{ weekStart: string; mentor: number; mentee: number }>; replies: ReplyWeek[] } {
  const weekStartAt = (w: number) => new Date(now.getTime() - 7 * (w + 1) * DAY_MS);
  const pairOf = new Map(input.pairs.map((p) => [String(p._id), p]));
  const chart = Array.from({ length: CHART_WEEKS }, (_, i) => ({
    weekStart: localDay(weekStartAt(CHART_WEEKS - 1 - i), timeZone),
    mentor: 0,
    mentee: 0,
  }));
  const replies: ReplyWeek[] = Array.from({ length: TREND_WEEKS }, (_, i) => ({
    weekStart: localDay(weekStartAt(TREND_WEEKS - 1 - i), timeZone),
    ...{ both: 0, one: 0, neither: 0, open: 0, people: 0 },
  }));
  const answered = replies.map(() => new Set<string>());
  for (const c of input.checkins) {
    const pair = pairOf.get(c.pairId);
    const age = now.getTime() - c.postedAt.getTime();
    if (!pair || age < 0) continue;
    const weeksAgo = Math.floor(age / (7 * DAY_MS));
    if (weeksAgo >= CHART_WEEKS) continue;
    const mentor = c.repliedBy.includes(pair.mentor.userId);
    const mentee = c.repliedBy.includes(pair.mentee.userId);
    const bar = chart[CHART_WEEKS - 1 - weeksAgo]!;
    bar.mentor += mentor ? 1 : 0;
    bar.mentee += mentee ? 1 : 0;
    if (weeksAgo >= TREND_WEEKS) continue;
    const week = replies[TREND_WEEKS - 1 - weeksAgo]!;
    for (const id of c.repliedBy) answered[TREND_WEEKS - 1 - weeksAgo]!.add(id);
    if (mentor && mentee) week.both += 1;
    else if (age < OPEN_CHECKIN_MS) week.open += 1;
    else if (mentor || mentee) week.one += 1;
    else week.neither += 1;
  }
  replies.forEach((w, i) => {
    w.people = answered[i]!.size;
  });

  return { chart, replies };
}

export interface ClosedGoal {
  pairId: string;
  goalId: string;
  /** achieved, changed or dropped. */
  status: string;
  at: Date;
}

/**
 * Goals that moved this week: closed with **Close** this week (achieved, changed or dropped), or
 * whose progress reported in check-in answers changed (the latest status reported this week differs
 * from the latest one before it; a first report counts unless it is "not started"). A goal counts once.
 */
export function goalsMoved(
  replies: DigestReplyRow[],
  weekStart: Date,
  closed: readonly ClosedGoal[] = [],
): { moved: number; achieved: number } {
  const before = new Map<string, { at: Date; status: string }>();
  const during = new Map<string, { at: Date; status: string }>();
  for (const r of replies)
    for (const g of r.goals) {
      const key = `${r.pairId}:${g.goalId}`;
      const into = r.submittedAt >= weekStart ? during : before;
      const seen = into.get(key);
      if (!seen || r.submittedAt > seen.at) into.set(key, { at: r.submittedAt, status: g.status });
    }
  const movedTo = new Map<string, string>();
  for (const [key, now] of during) {
    const then = before.get(key)?.status ?? 'not_started';
    if (now.status !== then) movedTo.set(key, now.status);
  }
  // A goal closed this week: its closing is what happened to it (over what an answer reported).
  for (const c of closed) if (c.at >= weekStart) movedTo.set(`${c.pairId}:${c.goalId}`, c.status);
  const statuses = [...movedTo.values()];
  return { moved: statuses.length, achieved: statuses.filter((s) => s === 'achieved').length };
}
