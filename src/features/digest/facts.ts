import { DAY_MS, HOUR_MS } from '../../lib/durations';
import { addDays, localDay } from '../../lib/time';
import type { DigestReplyRow } from '../checkins';
import { type HealthState, healthReasonText } from '../health';
import { CHART_WEEKS, type DigestInput, loadDigestInput } from './reads';

/**
 * The weekly digest as plain facts, counted in one pass over rows read in a fixed number of
 * queries (reads.ts). `digestFacts` is pure: the views and the tests at 2,000 pairs use it
 * without a database.
 */

/** The order pairs are listed in: the ones that need staff first. */
export const HEALTH_ORDER: readonly HealthState[] = [
  'at_risk',
  'needs_attention',
  'new',
  'on_track',
  'paused',
  'ended',
];

/** A check-in posted less than this long ago and not yet answered by both is still open, not missed. */
export const OPEN_CHECKIN_MS = 48 * HOUR_MS;
const MEETINGS_DAYS = 14;
const ENDING_DAYS = 30;
const TREND_WEEKS = 4;

export interface DigestSettings {
  /** The program's time zone: days (commitments, program ends, week labels) are its days. */
  timeZone: string;
  /** The digest's week (YYYY-MM-DD of its day): "since last week" compares with the latest snapshot before it. */
  weekKey: string;
}

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

export interface DigestPairRow {
  pairId: string;
  channelId?: string;
  channelName?: string;
  mentorName: string;
  menteeName: string;
  organisation: string;
  country: string;
  state: HealthState;
  /** The health reasons in words, the most serious first. */
  reasons: string[];
  lastReplyAt?: Date;
  nextCheckinAt?: Date;
  endsOn?: string;
  pausedUntil?: Date;
  /** Staff-only notes in this week's replies (counted, never quoted). */
  staffNotes: number;
}

export interface DigestFacts {
  teamId: string;
  week: string;
  builtAt: Date;
  timeZone: string;
  counts: Record<HealthState, number>;
  previous?: { week: string; counts: Record<HealthState, number> };
  /** The last four weeks, oldest first; the last is this week. */
  replies: ReplyWeek[];
  /** Replies per week by side, the last 12 weeks, oldest first (the chart's input). */
  chart: Array<{ weekStart: string; mentor: number; mentee: number }>;
  meetings: { pairs: number; reports: number };
  commitments: { due: number; done: number; overdue: number };
  goals: { moved: number; achieved: number };
  /** Pair ids. */
  newlyAtRisk: string[];
  recovered: string[];
  endingSoon: string[];
  backFromPause: string[];
  staffNotes: { notes: number; pairs: number };
  /** Every pair not ended, in HEALTH_ORDER, then by mentor's name. */
  pairs: DigestPairRow[];
  /** Health state by pair id: the snapshot next week compares with. */
  states: Record<string, HealthState>;
}

const zeroCounts = (): Record<HealthState, number> =>
  Object.fromEntries(HEALTH_ORDER.map((s) => [s, 0])) as Record<HealthState, number>;

/** Reads and counts the digest of a team at `now`. */
export async function buildDigest(teamId: string, now: Date, settings: DigestSettings): Promise<DigestFacts> {
  return digestFacts(teamId, await loadDigestInput(teamId, now, settings), now, settings);
}

export function digestFacts(teamId: string, input: DigestInput, now: Date, settings: DigestSettings): DigestFacts {
  const weekStartAt = (w: number) => new Date(now.getTime() - 7 * (w + 1) * DAY_MS);
  const thisWeek = weekStartAt(0);
  const today = localDay(now, settings.timeZone);
  const pairOf = new Map(input.pairs.map((p) => [String(p._id), p]));

  // Replies per week by check-in (posted in the week), and per side for the chart.
  const chart = Array.from({ length: CHART_WEEKS }, (_, i) => ({
    weekStart: localDay(weekStartAt(CHART_WEEKS - 1 - i), settings.timeZone),
    mentor: 0,
    mentee: 0,
  }));
  const replies: ReplyWeek[] = Array.from({ length: TREND_WEEKS }, (_, i) => ({
    weekStart: localDay(weekStartAt(TREND_WEEKS - 1 - i), settings.timeZone),
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

  const meetingsSince = new Date(now.getTime() - MEETINGS_DAYS * DAY_MS);
  const metPairs = new Set<string>();
  let reports = 0;
  const notesByPair = new Map<string, number>();
  for (const r of input.replies) {
    if (r.met === 'yes' && r.submittedAt >= meetingsSince) {
      metPairs.add(r.pairId);
      reports += 1;
    }
    if (r.hasStaffNote && r.submittedAt >= thisWeek) notesByPair.set(r.pairId, (notesByPair.get(r.pairId) ?? 0) + 1);
  }

  const counts = zeroCounts();
  const states: Record<string, HealthState> = {};
  const rows: DigestPairRow[] = input.pairs.map((p) => {
    const pairId = String(p._id);
    const h = input.health.get(pairId);
    const state: HealthState = h?.state ?? 'new';
    counts[state] += 1;
    states[pairId] = state;
    return {
      pairId,
      channelId: p.channel?.id ?? undefined,
      channelName: p.channel?.name ?? undefined,
      mentorName: input.names.get(p.mentor.userId) ?? p.mentor.userId,
      menteeName: input.names.get(p.mentee.userId) ?? p.mentee.userId,
      organisation: p.mentee.organisation ?? '',
      country: p.mentee.country ?? '',
      state,
      reasons: (h?.reasons ?? []).map(healthReasonText),
      lastReplyAt: h?.lastReplyAt,
      nextCheckinAt: p.status === 'ended' ? undefined : (p.schedule?.nextCheckinAt ?? undefined),
      endsOn: p.endDate,
      pausedUntil: h?.pausedUntil ?? p.pause?.until ?? undefined,
      staffNotes: notesByPair.get(pairId) ?? 0,
    };
  });
  const order = (s: HealthState) => HEALTH_ORDER.indexOf(s);
  rows.sort((a, b) => order(a.state) - order(b.state) || a.mentorName.localeCompare(b.mentorName));

  const prev = input.previous;
  const previous = prev ? { week: prev.week, counts: zeroCounts() } : undefined;
  if (prev && previous) for (const s of Object.values(prev.states)) if (s in previous.counts) previous.counts[s] += 1;
  const was = (id: string) => prev?.states[id];
  const ids = (keep: (r: DigestPairRow) => boolean) => rows.filter(keep).map((r) => r.pairId);
  const soon = addDays(today, ENDING_DAYS);
  const weekAhead = new Date(now.getTime() + 7 * DAY_MS);

  const due = input.dueCommitments.filter((c) => c.status !== 'dropped' && pairOf.has(c.pairId));
  return {
    teamId,
    week: settings.weekKey,
    builtAt: now,
    timeZone: settings.timeZone,
    counts,
    previous,
    replies,
    chart,
    meetings: { pairs: metPairs.size, reports },
    commitments: {
      due: due.length,
      done: due.filter((c) => c.status === 'done').length,
      overdue: input.overdue.filter((c) => pairOf.has(c.pairId)).length,
    },
    goals: goalsMoved(input.replies, thisWeek),
    newlyAtRisk: prev ? ids((r) => r.state === 'at_risk' && was(r.pairId) !== 'at_risk') : [],
    recovered: prev
      ? ids((r) => r.state === 'on_track' && ['at_risk', 'needs_attention'].includes(was(r.pairId) ?? ''))
      : [],
    endingSoon: ids((r) => Boolean(r.endsOn && r.endsOn >= today && r.endsOn <= soon)),
    backFromPause: input.pairs
      .filter((p) =>
        p.status === 'paused'
          ? Boolean(p.pause?.until && p.pause.until <= weekAhead)
          : p.status === 'active' && p.schedule?.nextKind === 'welcome_back',
      )
      .map((p) => String(p._id)),
    staffNotes: { notes: [...notesByPair.values()].reduce((a, b) => a + b, 0), pairs: notesByPair.size },
    pairs: rows,
    states,
  };
}

/**
 * Goals whose reported progress changed this week: the latest status reported this week differs
 * from the latest one reported before it (a first report counts unless it is "not started").
 */
function goalsMoved(replies: DigestReplyRow[], weekStart: Date): { moved: number; achieved: number } {
  const before = new Map<string, { at: Date; status: string }>();
  const during = new Map<string, { at: Date; status: string }>();
  for (const r of replies)
    for (const g of r.goals) {
      const key = `${r.pairId}:${g.goalId}`;
      const into = r.submittedAt >= weekStart ? during : before;
      const seen = into.get(key);
      if (!seen || r.submittedAt > seen.at) into.set(key, { at: r.submittedAt, status: g.status });
    }
  let moved = 0;
  let achieved = 0;
  for (const [key, now] of during) {
    const then = before.get(key)?.status ?? 'not_started';
    if (now.status === then) continue;
    moved += 1;
    if (now.status === 'achieved') achieved += 1;
  }
  return { moved, achieved };
}
