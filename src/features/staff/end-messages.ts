import { channelLink, code, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

export const END_REASONS = ['completed', 'no_time', 'no_response', 'not_a_fit', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The sentences of ending a pair (`/mentorship end`). */
export const endText = {
  usage: () => '/mentorship end @person|#channel',
  reasonLabel: (reason: EndReason) =>
    ({
      completed: 'Completed',
      no_time: 'No time',
      no_response: 'No response',
      not_a_fit: 'Not a good fit',
      other: 'Other',
    })[reason],
  modalTitle: () => 'End the mentorship',
  modalSubmit: () => 'End it',
  modalIntro: (mentor: string, mentee: string, channelId: string | undefined) =>
    mrkdwn`This ends the mentorship of *${mentor}* and *${mentee}*${channelId ? mrkdwn` (${channelLink(channelId)})` : ''}: check-ins, nudges and reminders stop, and a short thank-you is posted in their channel. Their goals, check-ins and history stay.`,
  reasonField: () => 'Why does it end?',
  noteField: () => 'Note for staff (optional, not shown to the pair)',
  archiveField: () => 'Channel',
  archiveOption: () => 'Archive the channel after the thank-you',
  alreadyEnded: () => 'This mentorship has already ended.',
  cancel: () => 'Cancel',
  close: () => 'Close',
  failed: () => 'Something went wrong on our side. Press End it again in a minute: nothing is done twice.',
  reasonMissing: () => 'Choose why it ends.',
  /** In the pair's channel: short, kind, and no reason (it may not be theirs to read). */
  thanks: (mentor: string, mentee: string) =>
    mrkdwn`:wave: This mentorship has now ended. Thank you, ${mentor} and ${mentee}, for the time and care you gave each other. Check-ins stop here; this channel and its history stay.`,
  ending: (channelId: string | undefined, archive: boolean) =>
    mrkdwn`:checkered_flag: The mentorship has ended; no more check-ins, nudges or reminders go out.${channelId ? mrkdwn` A short thank-you is being posted in ${channelLink(channelId)}${archive ? ', then the channel is archived' : ''}; I will tell you by DM when it is done.` : ''}`,
  done: (channelId: string | undefined, told: boolean, archive: 'archived' | 'failed' | 'pending' | 'not asked') =>
    mrkdwn`:checkered_flag: The mentorship has ended; no more check-ins, nudges or reminders go out.${
      channelId
        ? told
          ? mrkdwn` The thank-you is posted in ${channelLink(channelId)}.`
          : mrkdwn` The thank-you to ${channelLink(channelId)} is not posted yet (Slack did not answer); it goes out by itself within minutes.`
        : ''
    }${archiveSentence(archive)}`,
  archiveFailed: (error: string) => mrkdwn`The channel could not be archived (${code(error)}): archive it in Slack.`,
};

function archiveSentence(archive: 'archived' | 'failed' | 'pending' | 'not asked'): Mrkdwn {
  if (archive === 'archived') return mrkdwn` The channel is archived.`;
  if (archive === 'pending') return mrkdwn` The channel is archived once the thank-you is posted.`;
  if (archive === 'failed') return mrkdwn` The channel could not be archived: archive it in Slack.`;
  return mrkdwn``;
}
