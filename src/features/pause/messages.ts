/** Every sentence of the pause feature, in one place, built from parameters. */

/** A date Slack shows in each reader's own time zone; `fallback` where it cannot. */
export function slackDate(at: Date, fallback: string, format = '{date_long}'): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}

/** Free text shown in mrkdwn: no mentions, links or formatting smuggled in. */
function plain(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mentions = (ids: string[]) => ids.map((id) => `<@${id}>`).join(' and ');

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
  alreadyPaused: (until: string) =>
    `This mentorship is already paused until ${until}. To end the pause early, type \`/mentorship resume\`.`,
  notPaused: () => 'This mentorship is not paused: check-ins run as usual.',
  pairGone: () => 'That mentorship no longer exists.',

  /** To the person who paused, privately. */
  pausedForYou: (until: string, others: string[], channelId: string | undefined) =>
    `:double_vertical_bar: Paused until ${until}. ${others.length ? `${mentions(others)} ${others.length > 1 ? 'have' : 'has'} been told` : 'It is announced'}${channelId ? ` in <#${channelId}>` : ''}. To end the pause early, type \`/mentorship resume\`.`,
  /** The reply that replaces a nudge with pause buttons. */
  pausedFromOffer: (until: string, partnerId: string) =>
    `:double_vertical_bar: Paused until ${until}. <@${partnerId}> has been told in your pair's channel. Check-ins and nudges stop until then and start again by themselves; \`/mentorship resume\` ends the pause early.`,
  resumedForYou: (channelId: string | undefined) =>
    `:arrow_forward: The pause is over${channelId ? `; <#${channelId}> has been told` : ''}. The next check-in is a "welcome back" at the next good hour for you both.`,

  /** In the pair's channel. */
  pauseNotice: (byId: string, others: string[], until: string, reason: string) =>
    [
      `:double_vertical_bar: <@${byId}> paused this mentorship until *${until}*.${reason ? ` Reason: _${plain(reason)}_` : ''}`,
      `${others.length ? `${mentions(others)}: ` : ''}check-ins and nudges stop until then and start again by themselves. Either of you can end the pause earlier with \`/mentorship resume\`.`,
    ].join('\n'),
  resumeNotice: (byId: string | undefined, next: string | undefined) =>
    [
      byId
        ? `:arrow_forward: <@${byId}> ended the pause. Welcome back!`
        : ':arrow_forward: The pause is over. Welcome back!',
      next ? `Check-ins start again: the next one comes ${next}.` : 'Check-ins start again.',
    ].join(' '),
};
