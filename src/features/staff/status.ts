import type { View } from '@slack/types';
import { localDay } from '../../lib/time';
import { isPartnerIn } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import { byRole, participantsOf } from '../../pairs/participants';
import { postedCheckinsUpTo, repliedByOf, repliesToCheckins } from '../checkins';
import { openCommitments } from '../commitments';
import { staffFeedbackOfPair } from '../feedback';
import { healthOfPairs, healthReasonText } from '../health';
import { healthLabel } from './messages';
import { type PairStatus, pairStatusModal } from './status-view';

/** Check-ins, open commitments and staff notes shown in the status. */
const STATUS_CHECKINS = 5;
const STATUS_COMMITMENTS = 10;
/** Any period: the status reads the newest posted check-ins, whatever the schedule says now. */
const ANY_PERIOD = 1_000_000;

/**
 * Everything the staff status of one pair shows, read from what is stored: the people, health
 * and its reasons, goals, the last check-ins with who replied, open and overdue commitments, the
 * pause or the end, and the staff-only notes of those check-ins (for staff only).
 */
export async function pairStatusOf(pair: Pair, now: Date, viewerId: string): Promise<PairStatus> {
  const people = await participantsOf(pair);
  const { mentor, mentee } = byRole(pair, people);
  const nameOf = (userId: string) => people.get(userId)?.name || userId;
  const [health, checkins, open, feedback] = await Promise.all([
    healthOfPairs([pair], now),
    postedCheckinsUpTo({ pairId: pair._id, period: ANY_PERIOD }, STATUS_CHECKINS),
    openCommitments(pair._id, STATUS_COMMITMENTS),
    staffFeedbackOfPair(pair, viewerId),
  ]);
  const replies = await repliesToCheckins(checkins.map((c) => c._id));
  const h = health.get(String(pair._id));
  const today = localDay(now, mentee?.tz ?? 'UTC');
  return {
    pair,
    mentorName: mentor?.name || pair.mentor.userId,
    menteeName: mentee?.name || pair.mentee.userId,
    health: h ? { label: healthLabel(h.state), reasons: h.reasons.map(healthReasonText) } : undefined,
    checkins: checkins.map((c) => ({
      period: c.period,
      at: c.prompt?.postedAt ?? c.dueAt,
      replied: repliedByOf(c).map(nameOf),
    })),
    commitments: open.map((c) => ({
      owner: nameOf(c.ownerId),
      what: c.what,
      dueDay: c.dueDay,
      overdue: c.dueDay < today,
    })),
    staffNotes: replies
      .filter((r) => r.staffNote?.trim() && !isPartnerIn(pair, viewerId, r.userId))
      .sort((a, b) => b.period - a.period)
      .map((r) => ({ period: r.period, who: nameOf(r.userId), note: r.staffNote })),
    feedback,
  };
}

/** The staff status of one pair in a modal, for a button (staff-only notes included: check staff first). */
export async function pairStatusModalOf(pair: Pair, now: Date, viewerId: string): Promise<View> {
  return pairStatusModal(await pairStatusOf(pair, now, viewerId));
}
