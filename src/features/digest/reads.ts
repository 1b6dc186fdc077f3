import { DAY_MS } from '../../lib/durations';
import { addDays, localDay } from '../../lib/time';
import { PairModel, type Pair } from '../../pairs/model';
import { ParticipantModel } from '../../pairs/participants-model';
import { type DigestCheckinRow, type DigestReplyRow, digestCheckinsOfTeam, digestRepliesOfTeam } from '../checkins';
import { type DigestCommitmentRow, digestCommitmentsOfTeam } from '../commitments';
import {
  HEALTH_PAIR_FIELDS,
  type HealthPair,
  healthOfPairs,
  type HealthState,
  healthWindowStart,
  type PairHealth,
} from '../health';
import { DigestModel } from './model';

/**
 * Everything the digest is made of, read in a fixed number of queries whatever the number of
 * pairs: one `find` per collection on the team (and a time range), only the fields used,
 * `.lean()`, plus the ones pair health makes for itself. FerretDB 1.x reads the whole collection
 * for each such query whatever its filter, so the count of queries is what costs. Rows of pairs
 * not in the digest (ended ones) are dropped in facts.ts, where the counting is done in memory.
 */

/** Weeks of replies per side in the chart. */
export const CHART_WEEKS = 12;

export type DigestPair = HealthPair & Pick<Pair, 'teamId' | 'channel' | 'schedule'> & Partial<Pick<Pair, 'goals'>>;

export interface DigestInput {
  pairs: DigestPair[];
  /** Display names by Slack user ID (absent: the ID is shown). */
  names: Map<string, string>;
  health: Map<string, PairHealth>;
  /** Check-ins posted in the last CHART_WEEKS weeks. */
  checkins: DigestCheckinRow[];
  /** Replies submitted in the last CHART_WEEKS weeks. */
  replies: DigestReplyRow[];
  /** Commitments due in the last seven days (the program's days, any status), and open ones due before today. */
  commitments: DigestCommitmentRow[];
  /** The states of the last digest posted before this one, if any. */
  previous?: { week: string; states: Record<string, HealthState> };
}

const PAIR_FIELDS = Object.fromEntries(
  [...HEALTH_PAIR_FIELDS, 'teamId', 'channel', 'schedule.nextCheckinAt', 'schedule.nextKind', 'goals'].map((f) => [
    f,
    1,
  ]),
);

/** Reads the digest's input for a team at `now`; `weekKey`: the digest's week (its previous snapshot is older). */
export async function loadDigestInput(
  teamId: string,
  now: Date,
  settings: { timeZone: string; weekKey: string },
): Promise<DigestInput> {
  const pairs = await PairModel.find({ teamId, status: { $ne: 'ended' } }, PAIR_FIELDS).lean<DigestPair[]>();
  const today = localDay(now, settings.timeZone);
  const since = new Date(now.getTime() - CHART_WEEKS * 7 * DAY_MS);
  // One read of check-ins, replies and commitments serves both the digest's counts and pair
  // health (its window is the longer one): on FerretDB each is a scan of the whole collection.
  const window = new Date(Math.min(since.getTime(), healthWindowStart(now).getTime()));
  const [checkinRows, replyRows, commitments, people, previous] = await Promise.all([
    digestCheckinsOfTeam(teamId, window),
    digestRepliesOfTeam(teamId, window),
    digestCommitmentsOfTeam(teamId, addDays(today, -6), today),
    ParticipantModel.find({ teamId }, { userId: 1, name: 1 }).lean(),
    DigestModel.findOne({ teamId, week: { $lt: settings.weekKey } }, { week: 1, states: 1 })
      .sort({ week: -1 })
      .lean(),
  ]);
  const health = await healthOfPairs(pairs, now, {
    checkins: checkinRows,
    replies: replyRows,
    openCommitments: commitments.filter((c) => c.status === 'open' && c.dueDay < today),
  });
  return {
    pairs,
    names: new Map(people.map((p) => [p.userId, p.name])),
    health,
    checkins: checkinRows.filter((c) => c.postedAt >= since),
    replies: replyRows.filter((r) => r.submittedAt >= since),
    commitments,
    previous: previous
      ? { week: previous.week, states: (previous.states ?? {}) as Record<string, HealthState> }
      : undefined,
  };
}
