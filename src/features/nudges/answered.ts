import { section } from '../../slack/blocks';
import { OutboxModel, type OutboxEntry } from '../../jobs/outbox-model';
import type { AnswerListener } from '../checkins';
import { nudgeKey } from './silence-nudges';

/**
 * Once a person has answered a check-in (in full or with one tap), their nudge DM for it, if one
 * was sent, stops offering what is done: it is replaced by the thank-you, without buttons.
 * Returns true when a nudge was replaced.
 */
export const replaceNudgeAfterAnswer: AnswerListener = async ({ checkinId, userId, thanks }, client) => {
  const entry = await OutboxModel.findById(nudgeKey(checkinId, userId)).lean<OutboxEntry>();
  const sent = entry?.status === 'sent' ? entry.sent : undefined;
  if (!sent?.channelId || !sent.ts) return false;
  await client.chat.update({ channel: sent.channelId, ts: sent.ts, text: thanks.text, blocks: [section(thanks)] });
  return true;
};
