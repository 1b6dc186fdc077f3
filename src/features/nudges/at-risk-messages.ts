import { bold, channelLink, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the at-risk alert to staff and of its three buttons. Names, organisations
 * and the staff message are typed text: the `mrkdwn` tag escapes them.
 */
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const atRiskText = {
  alertHead: (mentor: string, mentee: string, channelId: string | undefined) =>
    mrkdwn`:warning: ${bold(mentor)} and ${bold(mentee)} (${channelId ? channelLink(channelId) : 'no channel'}) may need help.`,
  neverReplied: () => mrkdwn`Never replied: neither of them has answered a check-in.`,
  firstCheckin: (when: Mrkdwn, days: number) =>
    mrkdwn`The first check-in was ${when}, ${plural(days, 'day', 'days')} ago.`,
  silentBoth: (checkins: number) =>
    mrkdwn`No reply from either of them for ${plural(checkins, 'check-in', 'check-ins')}.`,
  silentOne: (role: 'mentor' | 'mentee', name: string, checkins: number) =>
    mrkdwn`No reply from the ${role}, ${name}, for ${plural(checkins, 'check-in', 'check-ins')}.`,
  lastReply: (when: Mrkdwn, days: number) => mrkdwn`Last reply: ${when}, ${plural(days, 'day', 'days')} ago.`,
  nudgesSent: (n: number) =>
    n === 0 ? mrkdwn`No nudge has gone out yet.` : mrkdwn`${plural(n, 'nudge', 'nudges')} went out by DM.`,
  helps: () => mrkdwn`A short, friendly word from staff often helps.`,
  handled: (staffId: string, when: Mrkdwn) => mrkdwn`:white_check_mark: Handled by ${mention(staffId)} on ${when}.`,
  fallback: (mentor: string, mentee: string) => mrkdwn`${mentor} and ${mentee} may need help.`,

  statusButton: () => 'Pair status',
  messageButton: () => 'Message both',
  handledButton: () => 'Mark as handled',

  noChannel: () => 'This pair has no channel, so the message cannot be posted.',
  pairGone: () => 'That pair no longer exists.',
};
