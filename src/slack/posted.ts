import type { WebClient } from '@slack/web-api';

/**
 * Messages the app posts on its own carry their idempotency key in Slack message metadata, so a
 * send resumed after a crash can tell whether the message already went out.
 */
export const METADATA_TYPE = 'mentorship_outbox';

export function keyMetadata(key: string): { event_type: string; event_payload: { key: string } } {
  return { event_type: METADATA_TYPE, event_payload: { key } };
}

/** The ts of a message this app already posted with `key`, in the channel or in one thread of it. */
export async function findPostedByKey(
  client: WebClient,
  channel: string,
  key: string,
  threadTs?: string,
): Promise<string | undefined> {
  // Thread replies are not in the channel's history: look in the thread itself.
  const page = threadTs
    ? await client.conversations.replies({ channel, ts: threadTs, limit: 200, include_all_metadata: true })
    : await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
  const found = page.messages?.find((m) => {
    const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata;
    return meta?.event_type === METADATA_TYPE && meta.event_payload?.key === key;
  });
  return found?.ts;
}

/** A channel ID as it is; a user ID (U…/W…) becomes the ID of the bot's DM with that person. */
export async function channelFor(client: WebClient, channelOrUser: string): Promise<string> {
  if (!/^[UW]/.test(channelOrUser)) return channelOrUser;
  const dm = await client.conversations.open({ users: channelOrUser });
  return dm.channel!.id!;
}
