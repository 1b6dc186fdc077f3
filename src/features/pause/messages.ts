import { slackDay, slackDayOf } from '../../slack/dates';
import { channelLink, italic, join, lines, type Mrkdwn, mention, mentions, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the pause feature, in one place, built from parameters with the `mrkdwn` tag
 * (the pause reason is typed text). Replies to the command are strings; the notices in the
 * channel are `Mrkdwn`.
 */

/**
 * The last day of a pause as a Slack date token: the calendar day itself (noon UTC), so both
 * people see the same day whatever their time zone (00:00 in Dhaka is the day before in New York).
 */
export function pauseDay(untilDay: string | null | undefined, until: Date): Mrkdwn {
  return untilDay ? slackDay(untilDay, '{date_long}') : slackDayOf(until, '{date_long}');
}

export const USAGE_EXAMPLE = '`/mentorship pause 3w audit season at the association`';

export const text = {
  badArguments: (problem: string) =>
    [
      problem,
      'Usage: `/mentorship pause [2w|10d|until YYYY-MM-DD] [reason]` (without a length, two weeks).',
      `For example ${USAGE_EXAMPLE} or \`/mentorship pause until 2027-01-15 elections\`.`,
    ].join('\n'),
  typeInPairChannel: () =>
    "You take part in more than one mentorship: type the command in your pair's private channel, so I know which one.",
  staffTypeInPairChannel: () => "Type the command in the pair's private channel, so I know which pair you mean.",
  noLivePair: () =>
    'You are not in an active mentorship, so there is nothing to pause or resume. If you think you should be, ask your program staff.',
  notYours: () => 'Only the two people in this mentorship, or program staff, can pause or resume it.',
  offerNotYours: () => 'Only the two people in this mentorship can pause it with this button.',
  ended: () => 'This mentorship has ended, so it cannot be paused or resumed.',
  notSetUp: () =>
    'This mentorship is not set up yet (its channel is still being prepared). Try again once it is ready.',
  alreadyPaused: (until: Mrkdwn) =>
    mrkdwn`This mentorship is already paused until ${until}. To end the pause early, type \`/mentorship resume\`.`.text,
  notPaused: () => 'This mentorship is not paused: check-ins run as usual.',
  pairGone: () => 'That mentorship no longer exists.',

  /** To the person who paused, privately. */
  pausedForYou: (until: Mrkdwn, others: string[], channelId: string | undefined) =>
    mrkdwn`:double_vertical_bar: Paused until ${until}. ${others.length ? mrkdwn`${mentions(others)} ${others.length > 1 ? 'have' : 'has'} been told` : 'It is announced'}${channelId ? mrkdwn` in ${channelLink(channelId)}` : ''}. To end the pause early, type \`/mentorship resume\`.`
      .text,
  /** The reply that replaces a nudge with pause buttons. */
  pausedFromOffer: (until: Mrkdwn, partnerId: string) =>
    mrkdwn`:double_vertical_bar: Paused until ${until}. ${mention(partnerId)} has been told in your pair's channel. Check-ins and nudges stop until then and start again by themselves; \`/mentorship resume\` ends the pause early.`
      .text,
  resumedForYou: (channelId: string | undefined) =>
    mrkdwn`:arrow_forward: The pause is over${channelId ? mrkdwn`; ${channelLink(channelId)} has been told` : ''}. The next check-in is a "welcome back" at the next good hour for you both.`
      .text,

  /** In the pair's channel. */
  /** `others`: each a mention, or a plain name when it is night or a day off for them. */
  pauseNotice: (byId: string, others: Mrkdwn[], until: Mrkdwn, reason: string) =>
    lines(
      mrkdwn`:double_vertical_bar: ${mention(byId)} paused this mentorship until *${until}*.${reason ? mrkdwn` Reason: ${italic(reason)}` : ''}`,
      mrkdwn`${others.length ? mrkdwn`${join(others, ' and ')}: ` : ''}check-ins and nudges stop until then and start again by themselves. Either of you can end the pause earlier with \`/mentorship resume\`.`,
    ),
  resumeNotice: (byId: string | undefined, next: Mrkdwn | undefined) =>
    join(
      [
        byId
          ? mrkdwn`:arrow_forward: ${mention(byId)} ended the pause. Welcome back!`
          : mrkdwn`:arrow_forward: The pause is over. Welcome back!`,
        next ? mrkdwn`Check-ins start again: the next one comes ${next}.` : mrkdwn`Check-ins start again.`,
      ],
      ' ',
    ),
};
