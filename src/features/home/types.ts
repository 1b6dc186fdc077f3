import type { Button } from '@slack/types';
import type { HealthState } from '../health';

/**
 * What the Home views show, read by reads.ts and turned into Block Kit by the pure views.
 * Typed text (goal titles, next steps, outcomes) is carried as typed; the views escape it.
 */

export interface HomeGoal {
  goalId: string;
  title: string;
  /** The status as people read it ("in progress"). */
  statusLabel: string;
  /** True while the goal is worked on: it gets an "Update" button. */
  live: boolean;
}

export interface HomeCommitment {
  ownerId: string;
  what: string;
  dueDay: string;
}

export interface HomeOutcome {
  story: string;
  figure?: string;
}

/** One of the person's mentorships, from their side. */
export interface HomePairCard {
  pairId: string;
  role: 'mentor' | 'mentee';
  partnerId: string;
  /** The partner's organisation and country, as typed on the pair form. */
  partnerOrganisation?: string;
  partnerCountry?: string;
  channelId?: string;
  status: 'setting_up' | 'needs_attention' | 'active' | 'paused' | 'ended';
  startDate: string;
  endDate: string;
  /** The partner's clock at publish time ("14:05"), zone and working hours, when on record. */
  partnerTime?: HomeClock;
  nextCheckinAt?: Date;
  pause?: { untilDay?: string; until?: Date };
  goals: HomeGoal[];
  /** Open next steps, soonest due first (at most a few; `moreCommitments` counts the rest). */
  commitments: HomeCommitment[];
  moreCommitments: number;
  outcomes: HomeOutcome[];
  /** The current check-in when this person has not answered it yet (posted, no later one posted). */
  openCheckin?: { checkinId: string; period: number };
  /** The feedback request waiting for this person's answer, if any ("one month", "midpoint", …). */
  feedbackDue?: { point: string; label: string };
}

/**
 * Buttons other features own, built by their exported builders (wired in refresh.ts, so the
 * views stay pure and testable with stand-ins). Each may be absent while that feature is not there.
 */
export interface HomeButtonBuilders {
  reply: (checkinId: string, label: string) => Button;
  updateGoal?: (pairId: string, goalId: string) => Button;
  addGoal?: (pairId: string) => Button;
  giveFeedback?: (pairId: string, point?: string) => Button;
}

/** A person's clock at publish time ("14:05"), zone and working hours today. */
export interface HomeClock {
  localTime: string;
  tz: string;
  hours?: { startHour: number; endHour: number; days: number[] };
}

export interface ParticipantHome {
  userId: string;
  /** The person's own clock and hours (beside "Change my hours"), when they are in the program. */
  ownTime?: HomeClock;
  cards: HomePairCard[];
}

export interface StaffPairRow {
  pairId: string;
  mentorId: string;
  menteeId: string;
  channelId?: string;
  state: HealthState;
  /** The most serious reason, in words (typed by no one, escaped all the same). */
  reason?: string;
  endDate: string;
}

export interface StaffHome {
  /** Live pairs (not ended) by health state. */
  counts: Record<HealthState, number>;
  total: number;
  /** Needs attention and at risk, at risk first. */
  attention: StaffPairRow[];
  /** Pairs ending within 30 days, soonest first. */
  endingSoon: StaffPairRow[];
  /** Feedback requests not yet answered; undefined while the feedback feature is not there. */
  feedbackDue?: number;
}
