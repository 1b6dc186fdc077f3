import { DAY_MS } from '../../lib/durations';
import { addDays, localDay } from '../../lib/time';
import { type HealthState, healthReasonText } from '../health';
import { type DigestInput, type DigestPair, loadDigestInput } from './reads';
import { type ClosedGoal, goalsMoved, type ReplyWeek, tallyCheckins } from './tally';

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

const MEETINGS_DAYS = 14;
const ENDING_DAYS = 30;

export interface DigestSettings {
  /** The program's time zone: days (commitments, program ends, week labels) are its days. */
  timeZone: string;
  /** The digest's week (YYYY-MM-DD of its day): "since last week" compares with the latest snapshot before it. */
  weekKey: string;
}

export type { ReplyWeek } from './tally';

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

/** The goals closed with **Close** (achieved, changed or dropped), with when. */
function closedGoalsOf(pairs: DigestPair[]): ClosedGoal[] {
  return pairs.flatMap((p) =>
    (p.goals ?? [])
      .filter((g) => g.closed?.at)
      .map((g) => ({
        pairId: String(p._id),
        goalId: String((g as { _id?: unknown })._id),
        status: g.status ?? '',
        at: g.closed!.at!,
      })),
  );
}

export function digestFacts(teamId: string, input: DigestInput, now: Date, settings: DigestSettings): DigestFacts {
  const weekStartAt = (w: number) => new Date(now.getTime() - 7 * (w + 1) * DAY_MS);
  const thisWeek = weekStartAt(0);
  const today = localDay(now, settings.timeZone);
  const pairOf = new Map(input.pairs.map((p) => [String(p._id), p]));

  const { chart, replies } = tallyCheckins(input, now, settings.timeZone);

  const meetingsSince = new Date(now.getTime() - MEETINGS_DAYS * DAY_MS);
  const metPairs = new Set<string>();
  let reports = 0;
  const notesByPair = new Map<string, number>();
  const ourReplies = input.replies.filter((r) => pairOf.has(r.pairId));
  for (const r of ourReplies) {
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

  const weekFrom = addDays(today, -6);
  const ours = input.commitments.filter((c) => pairOf.has(c.pairId));
  const due = ours.filter((c) => c.dueDay >= weekFrom && c.status !== 'dropped');
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
      overdue: ours.filter((c) => c.status === 'open' && c.dueDay < today).length,
    },
    goals: goalsMoved(ourReplies, thisWeek, closedGoalsOf(input.pairs)),
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
