import { formatNumber, t, tm } from '../../i18n';
import { channelLink, type Mrkdwn } from '../../slack/mrkdwn';
import { usage } from './messages';

/**
 * The sentences of pausing and resuming a pair as staff (the command and the Pause button,
 * `staff.pause.*`), in the staff member's language. The pair's own notice is the pause feature's.
 */
export const pauseText = {
  pauseUsage: () => usage.pause(),
  resumeUsage: () => usage.resume(),
  badArguments: (problem: string) => tm('staff.pause.badArguments', { problem }).text,
  alreadyPaused: (until: Mrkdwn) => tm('staff.pause.alreadyPaused', { until }).text,
  /** A participant (or anyone not staff) named a pair: say how to pause or resume their own. */
  namedByNonStaff: (verb: 'pause' | 'resume') =>
    verb === 'pause' ? t('staff.pause.namedByNonStaffPause') : t('staff.pause.namedByNonStaffResume'),
  notPausedNow: () => t('staff.pause.notPausedNow'),
  pairGone: () => t('staff.pause.pairGone'),
  paused: (until: Mrkdwn, channelId: string | undefined) =>
    (channelId
      ? tm('staff.pause.pausedIn', { until, channel: channelLink(channelId) })
      : tm('staff.pause.paused', { until })
    ).text,
  resumed: (channelId: string | undefined) =>
    (channelId ? tm('staff.pause.resumedIn', { channel: channelLink(channelId) }) : tm('staff.pause.resumed')).text,

  modalTitle: () => t('staff.pause.modalTitle'),
  modalSubmit: () => t('staff.pause.modalSubmit'),
  modalIntro: (mentor: string, mentee: string) => tm('staff.pause.modalIntro', { mentor, mentee }),
  lengthLabel: () => t('staff.pause.lengthLabel'),
  weeks: (n: number) => t('staff.pause.weeks', { count: n, n: formatNumber(n) }),
  reasonLabel: () => t('staff.pause.reasonLabel'),
  reasonPlaceholder: () => t('staff.pause.reasonPlaceholder'),
  done: (until: Mrkdwn) => tm('staff.pause.done', { until }),
  close: () => t('common.close'),
  cancel: () => t('staff.cancel'),
  chooseLength: () => t('staff.pause.chooseLength'),
  failed: () => t('staff.pause.failed'),
};
