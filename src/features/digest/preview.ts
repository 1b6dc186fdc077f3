import type { KnownBlock } from '@slack/types';
import type { Config } from '../../config';
import { buildDigest } from './facts';
import { digestSchedule } from './jobs';
import { nextDigestSlot } from './schedule';
import { digestThread } from './thread';
import type { ThreadMessage } from './thread-views';
import { digestTopMessage } from './views';

type PreviewConfig = Pick<Config, 'digest' | 'programTimeZone' | 'staff'>;

/** The digest that would go out next (its top message and thread), built now; nothing is stored. */
export async function nextDigestPreview(
  teamId: string,
  now: Date,
  config: PreviewConfig,
): Promise<{ top: ThreadMessage; thread: ThreadMessage[] }> {
  const next = nextDigestSlot(now, digestSchedule(config));
  const facts = await buildDigest(teamId, now, { timeZone: config.programTimeZone, weekKey: next.day });
  const top = digestTopMessage(facts, { preview: { channelConfigured: Boolean(config.staff.channelId) } });
  return { top, thread: await digestThread(facts, teamId, now) };
}

/**
 * The next digest as blocks for one view (App Home's "Digest preview"): the top message, then
 * the thread's messages while they fit in `maxBlocks`.
 */
export async function digestPreviewBlocks(
  teamId: string,
  now: Date,
  config: PreviewConfig,
  maxBlocks = 100,
): Promise<KnownBlock[]> {
  const { top, thread } = await nextDigestPreview(teamId, now, config);
  const blocks: KnownBlock[] = [...top.blocks];
  const ids = new Set(blocks.map((b) => b.block_id).filter(Boolean));
  for (const part of thread) {
    const fresh = part.blocks.filter((b) => !b.block_id || !ids.has(b.block_id));
    if (blocks.length + 1 + fresh.length > maxBlocks) break;
    blocks.push({ type: 'divider' }, ...fresh);
    for (const b of fresh) if (b.block_id) ids.add(b.block_id);
  }
  return blocks;
}
