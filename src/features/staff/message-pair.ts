import type { View } from '@slack/types';
import { inLanguage } from '../../i18n';
import { mayPing } from '../../lib/working-time';
import type { Pair } from '../../pairs/model';
import { participantsOf, toPerson } from '../../pairs/participants';
import { plain, section } from '../../slack/blocks';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import type { ViewArgs } from '../../slack/listener-args';
import { mention, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import { fetchSlackUser } from '../../slack/users';
import { StaffIds } from './ids';
import { messageText as t } from './message-messages';
import { findPairById, requireStaff } from './target';

/**
 * "Message the pair": staff write a text that the bot posts in the pair's private channel with
 * their name. One modal and one submit handler serve the staff buttons (private_metadata
 * { pairId }) and the at-risk alert's "Message both" (private_metadata { key }, the alert's key).
 */

/** The longest staff message, well inside a section's 3000 characters with the heading. */
export const MESSAGE_MAX = 2000;

export function messagePairModal(m: {
  callbackId?: string;
  metadata: { pairId: string } | { key: string };
  mentorName: string;
  menteeName: string;
}): View {
  return {
    type: 'modal',
    callback_id: m.callbackId ?? StaffIds.messageModal,
    private_metadata: JSON.stringify(m.metadata),
    title: plain(t.title()),
    submit: plain(t.submit()),
    close: plain(t.cancel()),
    blocks: [
      section(t.intro(m.mentorName, m.menteeName)),
      {
        type: 'input',
        block_id: StaffIds.block.messageText,
        label: plain(t.label()),
        element: {
          type: 'plain_text_input',
          action_id: StaffIds.inputAction,
          multiline: true,
          max_length: MESSAGE_MAX,
          placeholder: plain(t.placeholder()),
        },
      },
    ],
  };
}

function sentModal(callbackId: string, channelId: string): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(t.title()),
    close: plain(t.close()),
    blocks: [section(t.sent(channelId))],
  };
}

/** The pair id in the modal's metadata: { pairId }, or { key } of an at-risk alert ("atrisk:<pair>:<episode>"). */
function pairIdOf(metadata: string): string {
  try {
    const m = JSON.parse(metadata || '{}') as { pairId?: unknown; key?: unknown };
    if (typeof m.pairId === 'string') return m.pairId;
    return /^atrisk:([0-9a-f]{24}):/.exec(String(m.key ?? ''))?.[1] ?? '';
  } catch {
    return '';
  }
}

/**
 * Posts the staff text in the pair's channel, in the pair's language; each person @-mentioned only
 * in their waking hours, else named.
 */
async function postStaffMessage(pair: Pair, senderId: string, typed: string, deps: AppDeps): Promise<string> {
  const channel = pair.channel?.id;
  if (!channel) throw new UserFacingError(t.noChannel());
  const sender = (await fetchSlackUser(deps.client, senderId))?.name ?? senderId;
  const people = await participantsOf(pair);
  const now = deps.clock.now();
  const who = (userId: string): Mrkdwn => {
    const person = people.get(userId);
    return !person || mayPing(now, toPerson(person)) ? mention(userId) : mrkdwn`${person.name || userId}`;
  };
  const sentence = inLanguage(pair.language, () =>
    t.posted(who(pair.mentor.userId), who(pair.mentee.userId), sender, typed.slice(0, MESSAGE_MAX)),
  );
  await deps.client.chat.postMessage({ channel, text: sentence.text });
  deps.logger.info(`pair ${pair._id}: staff ${senderId} messaged the pair`);
  return channel;
}

/** The message was submitted: staff checked again on the server, the pair read again, then posted. */
export async function handleViewMessagePair({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const B = StaffIds.block.messageText;
  const refuse = (message: string) => ack({ response_action: 'errors', errors: { [B]: message } });
  try {
    await requireStaff(body.user.id, deps);
    const values = view.state.values as Record<string, Record<string, { value?: string | null }>>;
    const typed = String(values[B]?.[StaffIds.inputAction]?.value ?? '').trim();
    if (!typed) return void (await refuse(t.empty()));
    const pair = await findPairById(pairIdOf(view.private_metadata));
    if (pair.status === 'ended') return void (await refuse(t.ended()));
    const channel = await postStaffMessage(pair, body.user.id, typed, deps);
    await ack({ response_action: 'update', view: sentModal(view.callback_id, channel) } as never);
  } catch (err) {
    if (err instanceof UserFacingError) return void (await refuse(err.userMessage));
    deps.logger.error(`staff message failed: ${describeError(err)}`);
    await refuse(t.sendFailed());
  }
}
