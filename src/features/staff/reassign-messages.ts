import { channelLink, code, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/** The sentences of `/mentorship reassign`. */
export const reassignText = {
  usage: () => '/mentorship reassign @person|#channel mentor|mentee @new [remove]',
  badArguments: () =>
    'Usage: `/mentorship reassign @person|#channel mentor|mentee @new [remove]`. Say which side changes, and mention the new person so Slack links them. Add `remove` to take the old person out of the channel.',
  unknownPerson: () => 'Slack does not know the new person. Mention someone in this workspace.',
  bot: () => 'The new person is a bot or an app. Mention a person.',
  deactivated: () => 'The new person’s account is deactivated. Mention an active member.',
  otherSide: (role: string) =>
    `The new person is already the pair’s ${role === 'mentor' ? 'mentee' : 'mentor'}: one person cannot be both.`,
  alreadyPaired: (userId: string, other: string) =>
    mrkdwn`${mention(userId)} and ${mention(other)} already have an active mentorship.`.text,
  ended: () => 'This mentorship has ended, so it cannot be reassigned.',
  notReady: () => 'This mentorship is still being set up. Try again once its channel is ready.',
  changedMeanwhile: () => 'Someone changed this pair at the same moment. Look at `/mentorship status` and try again.',
  /** In the pair's channel: plain and short. */
  notice: (role: string, newcomer: Mrkdwn, previous: string, other: Mrkdwn) =>
    mrkdwn`:wave: ${newcomer} joins this mentorship as ${role}, in place of ${previous}. ${other}, your goals and history stay as they are. The check-ins go on as before.`,
  done: (role: string, userId: string, channelId: string | undefined, removed: boolean) =>
    mrkdwn`:white_check_mark: ${mention(userId)} is now the ${role}${channelId ? mrkdwn`: invited to ${channelLink(channelId)}${removed ? ', the previous one removed' : ''}, and both sides told there` : ''}. Goals and history are kept.`
      .text,
  slackFailed: (role: string, userId: string, step: string, error: string) =>
    mrkdwn`The pair now has ${mention(userId)} as ${role} (saved), but Slack refused to ${step} (${code(error)}). Type the same command again to finish: nothing is done twice.`
      .text,
};
