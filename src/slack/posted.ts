import type { WebClient } from '@slack/web-api';
import { MINUTE_MS } from '../lib/durations';

/**
 * Messages the app posts on its own carry their idempotency key in Slack message metadata, so a
 * send resumed after a crash can tell whether the message already went out.
 */
export const METADATA_TYPE = 'mentorship_outbox';

export function keyMetadata(key: string): { event_type: string; event_payload: { key: string } } {
  return { event_type: METADATA_TYPE, event_payload: { key } };
}

/** Slack's clock and ours may differ a little, and a send is claimed a moment before it posts. */
export const LOOKBACK_MARGIN_MS = 15 * MINUTE_MS;
/** Pages of history read at most when looking for a key (a busy channel's last ~1,000 messages). */
export const MAX_HISTORY_PAGES = 10;
const PAGE_SIZE = 100;

type Found = { ts?: string; metadata?: { event_type?: string; event_payload?: { key?: string } } };
const carriesKey = (m: Found, key: string) =>
  m.metadata?.event_type === METADATA_TYPE && m.metadata.event_payload?.key === key;

/**
 * The ts of a message this app already posted with `key`, in the channel or in one thread of it.
 * With `since` (when the send was first attempted, on the wall clock) it reads only what came
 * after it, less a margin; either way it pages through at most MAX_HISTORY_PAGES pages, so a
 * busy channel (people talking after the post) does not hide the post and cause a second one.
 */
export async function findPostedByKey(
  client: WebClient,
  channel: string,
  key: string,
  threadTs?: string,
  since?: Date,
): Promise<string | undefined> {
  const oldest = since ? ((since.getTime() - LOOKBACK_MARGIN_MS) / 1000).toFixed(6) : undefined;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    // Thread replies are not in the channel's history: look in the thread itself.
    const args = { channel, limit: PAGE_SIZE, include_all_metadata: true, cursor, ...(oldest ? { oldest } : {}) };
    const res = threadTs
      ? await client.conversations.replies({ ...args, ts: threadTs })
      : await client.conversations.history(args);
    const found = (res.messages as Found[] | undefined)?.find((m) => carriesKey(m, key));
    if (found) return found.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** A channel ID as it is; a user ID (U…/W…) becomes the ID of the bot's DM with that person. */
export async function channelFor(client: WebClient, channelOrUser: string): Promise<string> {
  if (!/^[UW]/.test(channelOrUser)) return channelOrUser;
  const dm = await client.conversations.open({ users: channelOrUser });
  return dm.channel!.id!;
}
