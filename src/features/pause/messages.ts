import { readableDay } from '../../slack/dates';
import { t, tm } from '../../i18n';
import { slackDay, slackDayOf } from '../../slack/dates';
import { andList } from '../../slack/lists';
import { channelLink, italic, join, lines, type Mrkdwn, mention } from '../../slack/mrkdwn';

/**
 * Every sentence of the pause feature, from the catalogues (namespace `pause`), in the reader's
 * language: replies in the person's, notices in the pair's channel in the pair's (see notice.ts).
 * Replies to the command are strings (mrkdwn text, values escaped); the notices are `Mrkdwn`.
 */

/**
 * The last day of a pause as a Slack date token: the calendar day itself (noon UTC), so both
 * people see the same day whatever their time zone (00:00 in Dhaka is the day before in New York).
 */
export function pauseDay(untilDay: string | null | undefined, until: Date): Mrkdwn {
  return untilDay ? slackDay(untilDay, '{date_long}') : slackDayOf(until, '{date_long}');
}

export const text = {
  badArguments: (problem: string) => lines(problem, tm('pause.usage')).text,
  lengthOutOfRange: (max: number) => t('pause.lengthOutOfRange', { count: max }),
  badEndDate: () => t('pause.badEndDate'),
  endDateInPast: () => t('pause.endDateInPast'),
  endDateTooLate: (max: number, latest: string) =>
    t('pause.endDateTooLate', { count: max, latest: readableDay(latest) }),
  lengthNotUnderstood: () => t('pause.lengthNotUnderstood'),
  reasonTooLong: (max: number) => t('pause.reasonTooLong', { count: max }),
  typeInPairChannel: () => t('pause.typeInPairChannel'),
  staffTypeInPairChannel: () => t('pause.staffTypeInPairChannel'),
  noLivePair: () => t('pause.noLivePair'),
  notYours: () => t('pause.notYours'),
  offerNotYours: () => t('pause.offerNotYours'),
  ended: () => t('pause.ended'),
  notSetUp: () => t('pause.notSetUp'),
  /** `until`: the pause's last day; undefined for a pause with no end on record. */
  alreadyPaused: (until: Mrkdwn | undefined) =>
    (until ? tm('pause.alreadyPaused', { until }) : tm('pause.alreadyPausedNoEnd')).text,
  notPaused: () => t('pause.notPaused'),
  pairGone: () => t('pause.pairGone'),
  /** "(until) further notice": a pause with no end on record, for other features' sentences. */
  furtherNotice: () => tm('pause.furtherNotice'),

  /** To the person who paused, privately. */
  pausedForYou: (until: Mrkdwn, others: string[], channelId: string | undefined) => {
    const told = others.length
      ? tm(channelId ? 'pause.othersToldIn' : 'pause.othersTold', {
          count: others.length,
          people: andList(others.map(mention)),
          channel: channelId ? channelLink(channelId) : '',
        })
      : tm(channelId ? 'pause.announcedIn' : 'pause.announced', { channel: channelId ? channelLink(channelId) : '' });
    return tm('pause.pausedForYou', { until, told }).text;
  },
  /** The reply that replaces a nudge with pause buttons. */
  pausedFromOffer: (until: Mrkdwn, partnerId: string) =>
    tm('pause.pausedFromOffer', { until, partner: mention(partnerId) }).text,
  resumedForYou: (channelId: string | undefined) =>
    (channelId ? tm('pause.resumedForYouIn', { channel: channelLink(channelId) }) : tm('pause.resumedForYou')).text,

  /**
   * In the pair's channel. `others`: each a mention, or a plain name when it is night or a day off
   * for them.
   */
  pauseNotice: (byId: string, others: Mrkdwn[], until: Mrkdwn, reason: string) =>
    lines(
      reason
        ? tm('pause.noticeBecause', { by: mention(byId), until, reason: italic(reason) })
        : tm('pause.notice', { by: mention(byId), until }),
      others.length ? tm('pause.noticeStopsFor', { people: andList(others) }) : tm('pause.noticeStops'),
    ),
  resumeNotice: (byId: string | undefined, next: Mrkdwn | undefined) =>
    join(
      [
        byId ? tm('pause.resumedBy', { by: mention(byId) }) : tm('pause.resumed'),
        next ? tm('pause.checkinsAgainNext', { next }) : tm('pause.checkinsAgain'),
      ],
      ' ',
    ),
};
