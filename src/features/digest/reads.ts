import type { Types } from 'mongoose';
import { DAY_MS } from '../../lib/durations';
import { addDays, localDay } from '../../lib/time';
import { PairModel, type Pair } from '../../pairs/model';
import { ParticipantModel } from '../../pairs/participants-model';
import { digestRepliesOfPairs, postedCheckinsOfPairs, type DigestReplyRow, type PostedCheckinRow } from '../checkins';
import {
  commitmentsDueOfPairs,
  overdueCommitmentsOfPairs,
  type DueCommitmentRow,
  type OverdueRow,
} from '../commitments';
import { healthOfPairs, type HealthState, type PairHealth } from '../health';
import { DigestModel } from './model';

/**
 * Everything the digest is made of, read in a fixed number of queries whatever the number of
 * pairs (one `find` per collection, `$in` or a range, only the fields used, `.lean()`), plus the
 * ones pair health makes for itself. The counting is in facts.ts, on these rows, in memory.
 */

/** Weeks of replies per side in the chart. */
export const CHART_WEEKS = 12;

export type DigestPair = Pick<
  Pair,
  | '_id'
  | 'teamId'
  | 'status'
  | 'createdAt'
  | 'cadence'
  | 'mentor'
  | 'mentee'
  | 'startDate'
  | 'endDate'
  | 'pause'
  | 'lastActivityAt'
  | 'channel'
  | 'schedule'
>;

export interface DigestInput {
  pairs: DigestPair[];
  /** Display names by Slack user ID (absent: the ID is shown). */
  names: Map<string, string>;
  health: Map<string, PairHealth>;
  checkins: PostedCheckinRow[];
  replies: DigestReplyRow[];
  /** Commitments due in the last seven days (the program's days), any status. */
  dueCommitments: DueCommitmentRow[];
  /** Open commitments due before today. */
  overdue: OverdueRow[];
  /** The states of the last digest posted before this one, if any. */
  previous?: { week: string; states: Record<string, HealthState> };
}

const PAIR_FIELDS = Object.fromEntries(
  [
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
    'channel',
    'schedule.nextCheckinAt',
    'schedule.nextKind',
  ].map((f) => [f, 1]),
);

/** Reads the digest's input for a team at `now`; `weekKey`: the digest's week (its previous snapshot is older). */
export async function loadDigestInput(
  teamId: string,
  now: Date,
  settings: { timeZone: string; weekKey: string },
): Promise<DigestInput> {
  const pairs = await PairModel.find({ teamId, status: { $ne: 'ended' } }, PAIR_FIELDS).lean<DigestPair[]>();
  const ids = pairs.map((p) => p._id as Types.ObjectId);
  const today = localDay(now, settings.timeZone);
  const since = new Date(now.getTime() - CHART_WEEKS * 7 * DAY_MS);
  const userIds = [...new Set(pairs.flatMap((p) => [p.mentor.userId, p.mentee.userId]))];
  const [health, checkins, replies, dueCommitments, overdue, people, previous] = await Promise.all([
    healthOfPairs(pairs, now),
    postedCheckinsOfPairs(ids, since),
    digestRepliesOfPairs(ids, since),
    commitmentsDueOfPairs(ids, addDays(today, -6), today),
    overdueCommitmentsOfPairs(ids, today),
    userIds.length
      ? ParticipantModel.find({ _id: { $in: userIds.map((u) => `${teamId}:${u}`) } }, { userId: 1, name: 1 }).lean()
      : [],
    DigestModel.findOne({ teamId, week: { $lt: settings.weekKey } }, { week: 1, states: 1 })
      .sort({ week: -1 })
      .lean(),
  ]);
  return {
    pairs,
    names: new Map(people.map((p) => [p.userId, p.name])),
    health,
    checkins: checkins.filter((c) => c.postedAt >= since),
    replies,
    dueCommitments,
    overdue,
    previous: previous
      ? { week: previous.week, states: (previous.states ?? {}) as Record<string, HealthState> }
      : undefined,
  };
}
