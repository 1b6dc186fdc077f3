import { t } from '../../i18n';
import type { HealthReason, HealthState, Side } from './types';

/** How a health state reads for staff ("On track"), in the reader's language. */
export function healthLabel(state: HealthState): string {
  return t(`health.state.${state}`);
}

/**
 * The labels by state, for callers that index them (`HEALTH_LABELS[state]`): each is read when it
 * is used, so it is in the reader's language in scope, never frozen in English at import.
 */
export const HEALTH_LABELS: Readonly<Record<HealthState, string>> = {
  get new() {
    return healthLabel('new');
  },
  get on_track() {
    return healthLabel('on_track');
  },
  get needs_attention() {
    return healthLabel('needs_attention');
  },
  get at_risk() {
    return healthLabel('at_risk');
  },
  get paused() {
    return healthLabel('paused');
  },
  get ended() {
    return healthLabel('ended');
  },
};

const MISSED = {
  both: 'health.reason.missedBoth',
  mentor: 'health.reason.missedMentor',
  mentee: 'health.reason.missedMentee',
} as const satisfies Record<Side, string>;

const OVERDUE = {
  both: 'health.reason.overdueBoth',
  mentor: 'health.reason.overdueMentor',
  mentee: 'health.reason.overdueMentee',
} as const satisfies Record<Side, string>;

/** A reason in plain words (no mrkdwn: callers escape it like any text), e.g. "no reply from the mentee for 2 check-ins". */
export function healthReasonText(reason: HealthReason): string {
  switch (reason.code) {
    case 'missed_checkins':
      return t(MISSED[reason.side], { count: reason.count });
    case 'no_meeting':
      return t('health.reason.noMeeting', { count: reason.days });
    case 'silent_days':
      return t('health.reason.silentDays', { count: reason.days });
    case 'overdue_commitment':
      return t(OVERDUE[reason.side], { count: reason.count });
  }
}
