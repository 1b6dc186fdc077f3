import { DAY_MS } from '../../lib/durations';
import { addDays } from '../../lib/time';
import { intervalDays } from '../../pairs/checkin-times';
import { daysSinceExceptAway } from '../../pairs/away-days';
import { PROGRAM_RULES } from '../../pairs/limits';
import { countedCheckins, streaksOf } from './checkin-streaks';
import type { HealthFacts, HealthReason, PairHealth, Side } from './types';

/** The thresholds of the rules (the README, "Pair health", states them in words). */
export const HEALTH_RULES = {
  /** A pair is new for this many days after it is created (and until its second check-in). */
  newForDays: 21,
  /**
   * Needs attention: no meeting reported for this many days; for pairs meeting every two weeks,
   * one period and a week (21 days), or a pair that reports each meeting at its check-in would
   * need attention on every check-in day until it answered.
   */
  noMeetingAttentionDays: 14,
  noMeetingAttentionGraceDays: 7,
  /** At risk: no meeting reported for this many days. */
  noMeetingAtRiskDays: 30,
  /** At risk: this many days without a reply from either side (today's at-risk alert). */
  silentDaysAtRisk: PROGRAM_RULES.silentDaysAtRisk,
  /** At risk: this many missed check-ins in a row (neither side replied); one needs attention. */
  missedAtRisk: 3,
  /** Needs attention: one side silent for this many check-ins in a row… */
  sideSilentAttention: 2,
  /** …and at risk from this many, as the at-risk alert to staff counts (programs lose pairs on one silent side). */
  sideSilentAtRisk: 3,
} as const;

function daysSince(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
}

function latest(...dates: Array<Date | undefined>): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (b && (!a || b > a) ? b : a), undefined);
}

/** The side a set of people is: 'both' when the mentor and the mentee are among them (or neither is). */
function sideOf(userIds: string[], facts: HealthFacts): Side {
  const mentor = userIds.includes(facts.mentorId);
  const mentee = userIds.includes(facts.menteeId);
  return mentor && !mentee ? 'mentor' : mentee && !mentor ? 'mentee' : 'both';
}

/**
 * "New" wins over every other rule but paused and ended: in its first 21 days, or until its
 * second check-in is posted, a pair has too little history to judge (a pair that never answered
 * its first check-in is still new). The at-risk facts cannot arise then anyway: silence is
 * counted from the first check-in, so 21 silent days or 30 without a meeting need more than 21
 * days, and three missed check-ins need a third check-in to be over.
 */
function isNew(facts: HealthFacts, now: Date): boolean {
  const secondPosted = facts.checkins.some((c) => c.period >= 2);
  return daysSince(facts.createdAt, now) < HEALTH_RULES.newForDays || !secondPosted;
}

/** The reasons, most serious first: at-risk ones, then those that need attention. */
function reasonsOf(facts: HealthFacts, now: Date): { atRisk: HealthReason[]; attention: HealthReason[] } {
  const period = intervalDays(facts.cadence);
  const atRisk: HealthReason[] = [];
  const attention: HealthReason[] = [];
  const counted = countedCheckins(facts.checkins, period, now);
  const { missed, mentorSilent, menteeSilent } = streaksOf(counted, facts.mentorId, facts.menteeId);

  if (missed >= HEALTH_RULES.missedAtRisk) atRisk.push({ code: 'missed_checkins', side: 'both', count: missed });
  else if (missed >= 1) attention.push({ code: 'missed_checkins', side: 'both', count: missed });

  const silentSince = facts.lastActivityAt ?? facts.lastReply?.at ?? facts.createdAt;
  const silentDays = daysSinceExceptAway(silentSince, now, facts.away);
  if (silentDays >= HEALTH_RULES.silentDaysAtRisk) atRisk.push({ code: 'silent_days', days: silentDays });

  // Counted from the last meeting reported, else the start, and never across a pause (the
  // welcome-back check-in marks the return).
  const start = latest(facts.createdAt, facts.startDate ? new Date(`${facts.startDate}T00:00:00Z`) : undefined);
  const back = latest(...facts.checkins.filter((c) => c.kind === 'welcome_back').map((c) => c.postedAt));
  const noMeetingDays = daysSinceExceptAway(latest(facts.lastMeetingAt ?? start, back)!, now, facts.away);
  const noMeetingAttention = Math.max(
    HEALTH_RULES.noMeetingAttentionDays,
    period + HEALTH_RULES.noMeetingAttentionGraceDays,
  );
  if (noMeetingDays >= HEALTH_RULES.noMeetingAtRiskDays) atRisk.push({ code: 'no_meeting', days: noMeetingDays });
  else if (noMeetingDays >= noMeetingAttention) attention.push({ code: 'no_meeting', days: noMeetingDays });

  // One side silent: told apart from the missed check-ins when that side has been silent longer.
  for (const [side, count] of [
    ['mentee', menteeSilent],
    ['mentor', mentorSilent],
  ] as const) {
    if (count <= missed) continue;
    if (count >= HEALTH_RULES.sideSilentAtRisk) atRisk.push({ code: 'missed_checkins', side, count });
    else if (count >= HEALTH_RULES.sideSilentAttention) attention.push({ code: 'missed_checkins', side, count });
  }

  // Overdue for more than one check-in period: due before (today - period).
  const cutoff = addDays(now.toISOString().slice(0, 10), -period);
  const overdue = facts.openOverdue.filter((c) => c.dueDay < cutoff);
  if (overdue.length > 0)
    attention.push({
      code: 'overdue_commitment',
      count: overdue.length,
      side: sideOf(
        overdue.map((c) => c.ownerId),
        facts,
      ),
    });
  return { atRisk, attention };
}

/** The health of one pair from its facts (pure: no clock, no database). */
export function healthOf(facts: HealthFacts, now: Date): PairHealth {
  const lastReplyBy =
    facts.lastReply?.userId === facts.mentorId
      ? 'mentor'
      : facts.lastReply?.userId === facts.menteeId
        ? 'mentee'
        : undefined;
  const base: PairHealth = {
    pairId: facts.pairId,
    state: 'on_track',
    reasons: [],
    ...(facts.lastReply ? { lastReplyAt: facts.lastReply.at } : {}),
    ...(lastReplyBy ? { lastReplyBy } : {}),
    ...(facts.lastMeetingAt ? { lastMeetingAt: facts.lastMeetingAt } : {}),
    ...(facts.endDate ? { endsOn: facts.endDate } : {}),
  };
  if (facts.status === 'ended') return { ...base, state: 'ended' };
  if (facts.status === 'paused')
    return {
      ...base,
      state: 'paused',
      ...(facts.pause?.until ? { pausedUntil: facts.pause.until } : {}),
      ...(facts.pause?.reason ? { pauseReason: facts.pause.reason } : {}),
    };
  // Still being set up (or its set-up needs staff): no check-in yet.
  if (facts.status !== 'active' || isNew(facts, now)) return { ...base, state: 'new' };
  const { atRisk, attention } = reasonsOf(facts, now);
  const state = atRisk.length > 0 ? 'at_risk' : attention.length > 0 ? 'needs_attention' : 'on_track';
  return { ...base, state, reasons: [...atRisk, ...attention] };
}
