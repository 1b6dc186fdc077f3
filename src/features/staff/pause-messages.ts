import { channelLink, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/** The sentences of pausing and resuming a pair as staff (the command and the Pause button). */
export const pauseText = {
  pauseUsage: () => '/mentorship pause @person|#channel [2w|10d|until YYYY-MM-DD] [reason]',
  resumeUsage: () => '/mentorship resume @person|#channel',
  badArguments: (problem: string) =>
    [
      problem,
      'Usage: `/mentorship pause @person|#channel [2w|10d|until YYYY-MM-DD] [reason]` (without a length, two weeks).',
    ].join('\n'),
  alreadyPaused: (until: Mrkdwn) =>
    mrkdwn`This mentorship is already paused until ${until}. To end the pause early: \`/mentorship resume @person\`.`
      .text,
  /** A participant (or anyone not staff) named a pair: say how to pause or resume their own. */
  namedByNonStaff: (verb: 'pause' | 'resume') =>
    `Sorry, only program staff can ${verb} a mentorship by naming it. To ${verb} your own, type \`/mentorship ${verb}\` without a name, in your pair's channel.`,
  notPausedNow: () => 'This mentorship is not paused: check-ins run as usual.',
  pairGone: () => 'That mentorship no longer exists.',
  paused: (until: Mrkdwn, channelId: string | undefined) =>
    mrkdwn`:double_vertical_bar: Paused until ${until}. ${channelId ? mrkdwn`The pair is told in ${channelLink(channelId)}; ` : ''}check-ins, nudges and reminders stop until then and start again by themselves.`
      .text,
  resumed: (channelId: string | undefined) =>
    mrkdwn`:arrow_forward: The pause is over${channelId ? mrkdwn`; ${channelLink(channelId)} has been told` : ''}. The next check-in is a "welcome back" at the next good hour for them both.`
      .text,

  modalTitle: () => 'Pause the pair',
  modalSubmit: () => 'Pause',
  modalIntro: (mentor: string, mentee: string) =>
    mrkdwn`Check-ins, nudges and reminders for *${mentor}* and *${mentee}* stop until the day you choose, then start again by themselves. They are told in their channel, with your reason.`,
  lengthLabel: () => 'How long',
  weeks: (n: number) => (n === 1 ? '1 week' : `${n} weeks`),
  reasonLabel: () => 'Reason (shown to the pair)',
  reasonPlaceholder: () => 'e.g. elections at the association',
  done: (until: Mrkdwn) =>
    mrkdwn`:double_vertical_bar: Paused until ${until}. The pair has been told in their channel.`,
  close: () => 'Close',
  cancel: () => 'Cancel',
  chooseLength: () => 'Choose how long the pause lasts.',
  failed: () => 'Something went wrong on our side and nothing was changed. Press Pause again in a minute.',
};
