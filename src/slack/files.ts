import type { WebClient } from '@slack/web-api';
import type { Mrkdwn } from './mrkdwn';

export interface FileToShare {
  /** A conversation ID (C…, G… or D…): for a person, open the DM first (see `dmChannelOf`). */
  channelId: string;
  threadTs?: string;
  filename: string;
  title: string;
  content: Buffer | string;
  /** Posted with the file, like a message's text (escaped at the boundary like every message). */
  comment?: Mrkdwn;
}

/**
 * Shares one file in a conversation with Slack's current upload flow (files.getUploadURLExternal,
 * the upload, files.completeUploadExternal), which `files.uploadV2` of @slack/web-api runs for us.
 * Returns the file's ID.
 */
export async function shareFile(client: WebClient, file: FileToShare): Promise<string> {
  const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
  const common = {
    filename: file.filename,
    title: file.title,
    file: content,
    ...(file.comment ? { initial_comment: String(file.comment) } : {}),
  };
  const res = (await client.files.uploadV2(
    file.threadTs
      ? { ...common, channel_id: file.channelId, thread_ts: file.threadTs }
      : { ...common, channel_id: file.channelId },
  )) as { files?: Array<{ files?: Array<{ id?: string }> }> };
  return res.files?.[0]?.files?.[0]?.id ?? '';
}

/** The DM channel with one person, for sharing a file privately (uploads need a conversation ID). */
export async function dmChannelOf(client: WebClient, userId: string): Promise<string> {
  const res = await client.conversations.open({ users: userId });
  return res.channel?.id ?? '';
}
