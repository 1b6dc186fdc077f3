/** The shapes of pair health: what the rules read (HealthFacts) and what they give (PairHealth). */

export type HealthState = 'new' | 'on_track' | 'needs_attention' | 'at_risk' | 'paused' | 'ended';
export type Side = 'mentor' | 'mentee' | 'both';

export type HealthReason =
  /** Check-ins in a row with no reply from that side ('both': neither replied, a missed check-in). */
  | { code: 'missed_checkins'; side: Side; count: number }
  /** Days since a meeting was last reported (or since the start, if none ever was). */
  | { code: 'no_meeting'; days: number }
  /** Days without a reply from either side. */
  | { code: 'silent_days'; days: number }
  /** Open commitments overdue by more than one check-in period, and whose they are. */
  | { code: 'overdue_commitment'; count: number; side: Side };

export interface PairHealth {
  pairId: string;
  state: HealthState;
  /** Empty for new, on track, paused and ended; otherwise the most serious first. */
  reasons: HealthReason[];
  lastReplyAt?: Date;
  lastReplyBy?: 'mentor' | 'mentee';
  lastMeetingAt?: Date;
  pausedUntil?: Date;
  pauseReason?: string;
  /** The pair's endDate (YYYY-MM-DD). */
  endsOn?: string;
}

/** One posted check-in, as the rules read it. */
export interface CheckinFact {
  period: number;
  /** When it was due (the instant chosen for its due day). */
  dueAt: Date;
  /** When its prompt was posted in the channel. */
  postedAt: Date;
  /** Slack user IDs of the people who replied. */
  repliedBy: string[];
  /** 'welcome_back': the first check-in after a pause. */
  kind?: 'regular' | 'welcome_back';
  /** Slack user IDs of the people away (`/mentorship away`) on its due day: their silence is excused. */
  away?: string[];
}

/** Everything the pure rules need about one pair. */
export interface HealthFacts {
  pairId: string;
  status: 'setting_up' | 'needs_attention' | 'active' | 'paused' | 'ended';
  createdAt: Date;
  cadence: 'weekly' | 'biweekly';
  mentorId: string;
  menteeId: string;
  /** The program's first and last day (YYYY-MM-DD). */
  startDate?: string;
  endDate?: string;
  /** The current pause (the pair is paused), or absent. */
  pause?: { since?: Date; until?: Date; reason?: string };
  /** The last reply from either side, or the start, or the end of the last pause (Pair.lastActivityAt). */
  lastActivityAt?: Date;
  /** The pair's posted check-ins (recent ones at least), any order. */
  checkins: CheckinFact[];
  /** The newest reply from anyone, if known. */
  lastReply?: { at: Date; userId: string };
  /** When a meeting was last reported (a reply answering met: 'yes'). */
  lastMeetingAt?: Date;
  /** The pair's open commitments due before today (YYYY-MM-DD), with their owners. */
  openOverdue: { ownerId: string; dueDay: string }[];
  /**
   * Time away of either side (`/mentorship away`), local days "YYYY-MM-DD" from and until,
   * included: those days never count as days without a reply or without a meeting.
   */
  away?: { from: string; until: string }[];
}
