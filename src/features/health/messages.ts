import type { HealthReason, HealthState, Side } from './types';

/** How a health state reads for staff. */
export const HEALTH_LABELS: Record<HealthState, string> = {
  new: 'New',
  on_track: 'On track',
  needs_attention: 'Needs attention',
  at_risk: 'At risk',
  paused: 'Paused',
  ended: 'Ended',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function whose(side: Side): string {
  return side === 'both' ? 'either side' : `the ${side}`;
}

/** A reason in plain words (no mrkdwn: callers escape it like any text), e.g. "no reply from the mentee for 2 check-ins". */
export function healthReasonText(reason: HealthReason): string {
  switch (reason.code) {
    case 'missed_checkins':
      return `no reply from ${whose(reason.side)} for ${plural(reason.count, 'check-in')}`;
    case 'no_meeting':
      return `no meeting reported for ${plural(reason.days, 'day')}`;
    case 'silent_days':
      return `no reply from either side for ${plural(reason.days, 'day')}`;
    case 'overdue_commitment':
      return `${plural(reason.count, 'commitment')} overdue for more than a check-in period (${reason.side === 'both' ? 'mentor and mentee' : `the ${reason.side}`})`;
  }
}
