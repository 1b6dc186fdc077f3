import { DateTime } from 'luxon';
import type { Types } from 'mongoose';
import { DAY_MS } from '../../lib/durations';
import { addDays } from '../../lib/time';
import { hoursOn } from '../../lib/working-time';
import { PairModel, type Pair } from '../../pairs/model';
import { toPerson } from '../../pairs/participants';
import { ParticipantModel, participantId, type Participant } from '../../pairs/participants-model';
import { postedCheckinsOfPairs, type PostedCheckinRow } from '../checkins';
import { openCommitmentsOfPairs } from '../commitments';
import { HEALTH_PAIR_FIELDS, healthOfPairs, healthReasonText, type HealthState } from '../health';
import { homeGoalsOf, feedbackDueOf, outcomesOf } from './sources';
import type { HomeClock, HomePairCard, ParticipantHome, StaffHome, StaffPairRow } from './types';

/**
 * The reads behind one Home tab. Each is a constant number of database round trips whatever
 * the number of pairs: a participant's pairs, their partners, the pairs' latest check-ins, open
 * next steps, outcomes and feedback requests (one `find` each); for staff, the team's live
 * pairs and their health (healthOfPairs: at most four).
 */

/** Check-ins posted this long ago at most can still be the current one (a biweekly pair's, with margin). */
const CURRENT_CHECKIN_WINDOW_DAYS = 45;
/** "Ending soon": the program's last day within this many days. */
export const ENDING_SOON_DAYS = 30;
/** The batch size of the team's pairs for staff: all of a large program in one reply. */
const STAFF_PAIRS_BATCH = 20_000;
/** Next steps shown per pair. */
const COMMITMENTS_PER_PAIR = 5;

const LIVE_FIRST: Record<Pair['status'], number> = {
  active: 0,
  paused: 1,
  needs_attention: 2,
  setting_up: 3,
  ended: 4,
};

/** A person's clock and hours now, when their time zone is known. */
function clockOf(p: Participant | undefined, now: Date): HomeClock | undefined {
  if (!p?.tz) return undefined;
  const local = DateTime.fromJSDate(now, { zone: p.tz });
  if (!local.isValid) return undefined;
  // Their hours today: their own, else their country's week; a temporary change while it lasts.
  const wh = hoursOn(toPerson(p), local.toISODate() ?? '');
  return {
    localTime: local.toFormat('HH:mm'),
    tz: p.tz,
    hours: { startHour: wh.startHour, endHour: wh.endHour, days: [...wh.days] },
  };
}

/** The latest posted check-in of each pair (a later one posted closes the earlier). */
function latestCheckins(rows: PostedCheckinRow[]): Map<string, PostedCheckinRow> {
  const out = new Map<string, PostedCheckinRow>();
  for (const r of rows) {
    const seen = out.get(r.pairId);
    if (!seen || r.period > seen.period) out.set(r.pairId, r);
  }
  return out;
}

/** Everything a participant's Home shows about their mentorships. */
export async function loadParticipantHome(teamId: string, userId: string, now: Date): Promise<ParticipantHome> {
  const pairs = await PairModel.find({
    teamId,
    $or: [{ 'mentor.userId': userId }, { 'mentee.userId': userId }],
  }).lean<Pair[]>();
  if (pairs.length === 0) return { userId, cards: [] };
  pairs.sort((a, b) => LIVE_FIRST[a.status] - LIVE_FIRST[b.status] || b.startDate.localeCompare(a.startDate));
  const live = pairs.filter((p) => p.status !== 'ended');
  const liveIds = live.map((p) => p._id as Types.ObjectId);
  const partnerIds = [...new Set(pairs.map((p) => (p.mentor.userId === userId ? p.mentee.userId : p.mentor.userId)))];
  const since = new Date(now.getTime() - CURRENT_CHECKIN_WINDOW_DAYS * DAY_MS);
  const [people, checkins, commitments, outcomes, feedback] = await Promise.all([
    // The partners, and the person themself (their own clock and hours): one read.
    ParticipantModel.find({ _id: { $in: [userId, ...partnerIds].map((id) => participantId(teamId, id)) } }).lean<
      Participant[]
    >(),
    postedCheckinsOfPairs(liveIds, since),
    openCommitmentsOfPairs(liveIds),
    outcomesOf(
      teamId,
      pairs.map((p) => String(p._id)),
      userId,
    ),
    feedbackDueOf(teamId, userId),
  ]);
  const peopleBy = new Map(people.map((p) => [p.userId, p]));
  const current = latestCheckins(checkins);
  const cards = pairs.map((pair): HomePairCard => {
    const pairId = String(pair._id);
    const role = pair.mentor.userId === userId ? 'mentor' : 'mentee';
    const partnerId = role === 'mentor' ? pair.mentee.userId : pair.mentor.userId;
    const open = pair.status === 'ended' ? undefined : current.get(pairId);
    const mine = commitments.filter((c) => c.pairId === pairId);
    const due = feedback.get(pairId);
    return {
      pairId,
      role,
      partnerId,
      partnerOrganisation: (role === 'mentor' ? pair.mentee : pair.mentor).organisation || undefined,
      partnerCountry: (role === 'mentor' ? pair.mentee : pair.mentor).country || undefined,
      channelId: pair.channel?.id ?? undefined,
      status: pair.status,
      startDate: pair.startDate,
      endDate: pair.endDate,
      partnerTime: clockOf(peopleBy.get(partnerId), now),
      nextCheckinAt: pair.status === 'active' ? (pair.schedule?.nextCheckinAt ?? undefined) : undefined,
      pause:
        pair.status === 'paused'
          ? { untilDay: pair.pause?.untilDay ?? undefined, until: pair.pause?.until ?? undefined }
          : undefined,
      goals: homeGoalsOf(pair),
      commitments: mine.slice(0, COMMITMENTS_PER_PAIR).map(({ ownerId, what, dueDay }) => ({ ownerId, what, dueDay })),
      moreCommitments: Math.max(0, mine.length - COMMITMENTS_PER_PAIR),
      outcomes: outcomes.get(pairId) ?? [],
      openCheckin:
        open?.checkinId && !open.repliedBy.includes(userId)
          ? { checkinId: open.checkinId, period: open.period }
          : undefined,
      feedbackDue: due,
    };
  });
  return { userId, ownTime: clockOf(peopleBy.get(userId), now), cards };
}

const ATTENTION_ORDER: Partial<Record<HealthState, number>> = { at_risk: 0, needs_attention: 1 };

/** The program at a glance for staff: the team's live pairs by health, the ones to look at, the ones ending. */
export async function loadStaffHome(teamId: string, now: Date): Promise<Omit<StaffHome, 'feedbackDue'>> {
  const projection = Object.fromEntries([...HEALTH_PAIR_FIELDS, 'channel'].map((f) => [f, 1]));
  // One batch however many pairs (the driver's default is 101 documents, then a getMore per batch).
  const pairs = await PairModel.find({ teamId, status: { $ne: 'ended' } }, projection)
    .batchSize(STAFF_PAIRS_BATCH)
    .lean<Pair[]>();
  const health = await healthOfPairs(pairs, now);
  const counts = { new: 0, on_track: 0, needs_attention: 0, at_risk: 0, paused: 0, ended: 0 } as Record<
    HealthState,
    number
  >;
  const today = now.toISOString().slice(0, 10);
  const endBy = addDays(today, ENDING_SOON_DAYS);
  const attention: StaffPairRow[] = [];
  const endingSoon: StaffPairRow[] = [];
  for (const pair of pairs) {
    const h = health.get(String(pair._id));
    const state = h?.state ?? 'new';
    counts[state]++;
    const row: StaffPairRow = {
      pairId: String(pair._id),
      mentorId: pair.mentor.userId,
      menteeId: pair.mentee.userId,
      channelId: pair.channel?.id ?? undefined,
      state,
      reason: h?.reasons[0] ? healthReasonText(h.reasons[0]) : undefined,
      endDate: pair.endDate,
    };
    if (state === 'at_risk' || state === 'needs_attention') attention.push(row);
    if (pair.endDate >= today && pair.endDate <= endBy) endingSoon.push(row);
  }
  attention.sort((a, b) => (ATTENTION_ORDER[a.state] ?? 9) - (ATTENTION_ORDER[b.state] ?? 9));
  endingSoon.sort((a, b) => a.endDate.localeCompare(b.endDate));
  return { counts, total: pairs.length, attention, endingSoon };
}
