import { channelLink, code, join, mention, mrkdwn } from '../../slack/mrkdwn';
import { fromCommandText } from '../../slack/mrkdwn';

/**
 * Every sentence of the staff commands and buttons. Names, goals, reasons and notes are typed
 * text: the `mrkdwn` tag escapes them. Replies to commands are strings (`.text`).
 */
export const staffText = {
  statusButton: () => 'Pair status',
  messageButton: () => 'Message the pair',
  pauseButton: () => 'Pause',
  staffOnly: () => 'Sorry, only program staff can do that.',
  pairGone: () => 'That pair no longer exists.',

  targetMissing: (usage: string) =>
    mrkdwn`Name the pair: mention one of its people (\`@person\`) or its channel (\`#channel\`). Usage: ${code(usage)}`
      .text,
  /** `given` is command text as Slack sends it. */
  notATarget: (given: string, usage: string) =>
    mrkdwn`${code(fromCommandText(given).slice(0, 60))} is not a person or a channel Slack linked. Mention one of the pair's people (\`@person\`, picked from the list Slack offers) or its channel (\`#channel\`). Usage: ${code(usage)}`
      .text,
  notAPairChannel: (channelId: string) =>
    mrkdwn`${channelLink(channelId)} is not a mentoring pair's channel. Name the pair's own channel, or one of its people.`
      .text,
  noPairFor: (userId: string) => mrkdwn`${mention(userId)} is not in any mentoring pair of this program.`.text,
  severalPairs: (userId: string, channels: string[]) =>
    mrkdwn`${mention(userId)} is in ${channels.length > 1 ? `${channels.length} active pairs` : 'more than one active pair'}${channels.length ? mrkdwn`: ${join(channels.map(channelLink), ', ')}` : ''}. Name the pair by its channel instead (\`#channel\`).`
      .text,
};
