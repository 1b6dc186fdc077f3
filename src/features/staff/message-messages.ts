import { bold, channelLink, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/** The sentences of "Message the pair" (staff writing to a pair's channel). */
export const messageText = {
  title: () => 'Message the pair',
  submit: () => 'Send',
  cancel: () => 'Cancel',
  close: () => 'Close',
  intro: (mentor: string, mentee: string) =>
    mrkdwn`I will post this in the private channel of ${bold(mentor)} and ${bold(mentee)}, with your name.`,
  label: () => 'Your message',
  placeholder: () => 'e.g. How are things going? Can we help you find a time to meet?',
  /** `mentor`, `mentee`: a mention, or a plain name when it is night or a day off for them. */
  posted: (mentor: Mrkdwn, mentee: Mrkdwn, staffName: string, body: string) =>
    mrkdwn`${mentor} ${mentee} *From program staff (${staffName}):* ${body}`,
  sent: (channelId: string) => mrkdwn`:white_check_mark: Sent to ${channelLink(channelId)}.`,
  empty: () => 'Write a message first.',
  noChannel: () => 'This pair has no channel, so the message cannot be posted.',
  ended: () => 'This mentorship has ended, so nothing more is posted in its channel.',
  sendFailed: () => 'Slack did not take the message just now. Press Send again in a minute.',
};
