import type { Types } from 'mongoose';
import { DAY_MS } from '../../lib/durations';
import { addDays } from '../../lib/time';
import type { Pair } from '../../pairs/model';
import { awayOfPairs } from '../../pairs/participants';
import { participantId } from '../../pairs/participants-model';
import { localDay } from '../../lib/time';
import {
  olderRepliesOfPairs,
  type PostedCheckinRow,
  postedCheckinsOfPairs,
  type ReplyRow,
  repliesOfPairs,
} from '../checkins';
import { type OverdueRow, overdueCommitmentsOfPairs } from '../commitments';
import { healthOf } from './rules';
import type { CheckinFact, HealthFacts, PairHealth } from './types';

/**
 * Check-ins and replies read for the rules: more than three missed biweekly check-ins and 30
 * days without a meeting. Older replies are read only for pairs with no reply or no meeting
 * reported in this window (their last reply and last meeting are shown).
 */
const WINDOW_DAYS = 90;

/** Where the window of check-ins and replies pair health reads starts. */
export function healthWindowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
}

/**
 * Rows a caller has read already (the digest reads the whole team's), so pair health need not
 * read them again: check-ins posted since `healthWindowStart(now)` plus each pair's first two,
 * replies submitted since then, and open commitments due before today. Rows of other pairs are
 * ignored.
 */
export interface HealthRows {
  checkins: PostedCheckinRow[];
  replies: ReplyRow[];
  openCommitments: OverdueRow[];
}

/** The fields of a pair its health is worked out from. */
export const HEALTH_PAIR_FIELDS = [
  'teamId',
  'status',
  'createdAt',
  'cadence',
  'mentor',
  'mentee',
  'startDate',
  'endDate',
  'pause',
  'lastActivityAt',
] as const;
export type HealthPair = Pick<Pair, '_id' | (typeof HEALTH_PAIR_FIELDS)[number]>;

interface Latest {
  reply?: { at: Date; userId: string };
  meeting?: Date;
}

function fold(replies: ReplyRow[], into: Map<string, Latest>): void {
  for (const r of replies) {
    const l = into.get(r.pairId) ?? {};
    if (!l.reply || r.submittedAt > l.reply.at) l.reply = { at: r.submittedAt, userId: r.userId };
    if (r.met === 'yes' && (!l.meeting || r.submittedAt > l.meeting)) l.meeting = r.submittedAt;
    into.set(r.pairId, l);
  }
}

function groupBy<T extends { pairId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.pairId);
    if (list) list.push(row);
    else out.set(row.pairId, [row]);
  }
  return out;
}

/**
 * The health of many pairs, by pair id, in at most five queries whatever their number (one
 * `find` with `$in` each: check-ins, recent replies, older replies of the quiet pairs (when
 * there are any), overdue commitments, the people with time away).
 */
export async function healthOfPairs(
  pairs: HealthPair[],
  now: Date,
  read?: HealthRows,
): Promise<Map<string, PairHealth>> {
  const ids = pairs.map((p) => p._id as Types.ObjectId);
  const since = healthWindowStart(now);
  const today = now.toISOString().slice(0, 10);
  const [checkins, recent, overdue] = read
    ? [read.checkins, read.replies.filter((r) => r.submittedAt >= since), read.openCommitments]
    : await Promise.all([
        postedCheckinsOfPairs(ids, since),
        repliesOfPairs(ids, { from: since }),
        // Overdue by at least the shortest period (a week); the rules compare with the pair's own.
        overdueCommitmentsOfPairs(ids, addDays(today, -7)),
      ]);
  const latest = new Map<string, Latest>();
  fold(recent, latest);
  // Older replies only where the window has none: any reply of the silent pairs, the meetings
  // of those that reply but reported no meeting lately.
  const live = pairs.filter((p) => p.status !== 'ended');
  const noReply = live.filter((p) => !latest.get(String(p._id))?.reply).map((p) => p._id as Types.ObjectId);
  const noMeeting = live
    .filter((p) => latest.get(String(p._id))?.reply && !latest.get(String(p._id))?.meeting)
    .map((p) => p._id as Types.ObjectId);
  fold(await olderRepliesOfPairs(noReply, noMeeting, since), latest);

  const checkinsBy = groupBy(checkins);
  // Time away of the pairs' people (one read): a check-in due while a side is away is excused for
  // them, and days away count neither as silence nor as days without a meeting.
  const away = await awayOfPairs(live);
  const awaySpans = (pair: HealthPair) =>
    [pair.mentor.userId, pair.mentee.userId].flatMap((u) => away.get(participantId(pair.teamId, u))?.spans ?? []);
  const awayOn = (pair: HealthPair, dueAt: Date): string[] =>
    [pair.mentor.userId, pair.mentee.userId].filter((userId) => {
      const a = away.get(participantId(pair.teamId, userId));
      return a?.isAway(localDay(dueAt, a.tz)) ?? false;
    });
  const overdueBy = groupBy(overdue);
  const out = new Map<string, PairHealth>();
  for (const pair of pairs) {
    const pairId = String(pair._id);
    const l = latest.get(pairId);
    const facts: HealthFacts = {
      pairId,
      status: pair.status,
      createdAt: pair.createdAt,
      cadence: pair.cadence,
      mentorId: pair.mentor.userId,
      menteeId: pair.mentee.userId,
      startDate: pair.startDate,
      endDate: pair.endDate,
      ...(pair.pause
        ? {
            pause: {
              ...(pair.pause.since ? { since: pair.pause.since } : {}),
              ...(pair.pause.until ? { until: pair.pause.until } : {}),
              ...(pair.pause.reason ? { reason: pair.pause.reason } : {}),
            },
          }
        : {}),
      ...(pair.lastActivityAt ? { lastActivityAt: pair.lastActivityAt } : {}),
      checkins: (checkinsBy.get(pairId) ?? []).map(
        (c): CheckinFact => ({
          period: c.period,
          kind: c.kind,
          dueAt: c.dueAt,
          postedAt: c.postedAt,
          repliedBy: c.repliedBy,
          away: awayOn(pair, c.dueAt),
        }),
      ),
      ...(l?.reply ? { lastReply: l.reply } : {}),
      ...(l?.meeting ? { lastMeetingAt: l.meeting } : {}),
      openOverdue: (overdueBy.get(pairId) ?? []).map((c) => ({ ownerId: c.ownerId, dueDay: c.dueDay })),
      away: awaySpans(pair),
    };
    out.set(pairId, healthOf(facts, now));
  }
  return out;
}
