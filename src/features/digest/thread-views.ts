import type { KnownBlock } from '@slack/types';
import { context, section } from '../../slack/blocks';
import { slackDayOf } from '../../slack/dates';
import { join, lines, type Mrkdwn } from '../../slack/mrkdwn';
import type { HealthState } from '../health';
import { pairActionsBlock } from '../staff';
import type { DigestFacts, DigestPairRow } from './facts';
import { digestText as t } from './messages';
import { DIGEST_LIMITS, hasTable, nameOf } from './views';

/**
 * The digest's thread: each pair that needs attention or is at risk (at risk first) with its
 * reason, its last reply and the staff buttons; then the new, on-track and paused pairs in compact
 * lists, or, past DIGEST_LIMITS.tableAbove pairs, a pointer to the full table (csv.ts). Long
 * content continues in further messages: an item (a pair and its buttons, a list's chunk) is never
 * split between two messages, and no section is cut.
 */

export interface ThreadMessage {
  text: string;
  blocks: KnownBlock[];
}

const EXCEPTIONS: readonly HealthState[] = ['at_risk', 'needs_attention'];
const COMPACT: readonly HealthState[] = ['new', 'on_track', 'paused'];
/** A compact list's section stays under this (Slack's limit is 3,000): items are never cut. */
const CHUNK_CHARS = 2800;

/** One pair that needs staff: who, why, the last reply, staff-only notes (counted), and the buttons. */
export function exceptionItem(row: DigestPairRow): KnownBlock[] {
  const facts: Mrkdwn[] = [t.itemLastReply(row.lastReplyAt ? slackDayOf(row.lastReplyAt) : undefined)];
  if (row.staffNotes > 0) facts.push(t.itemNotes(row.staffNotes));
  return [
    section(
      lines(
        t.itemHead(row.state, nameOf(row), row.channelId, row.organisation, row.country),
        t.itemReasons(row.state, row.reasons),
        join(facts, ' · '),
      ),
    ),
    pairActionsBlock(row.pairId),
  ];
}

function compactItem(row: DigestPairRow): Mrkdwn {
  const item = t.compactItem(nameOf(row), row.channelId);
  return row.state === 'paused'
    ? t.compactPaused(item, row.pausedUntil ? slackDayOf(row.pausedUntil) : undefined)
    : item;
}

/** Items joined into sections of at most CHUNK_CHARS characters, each item whole. */
export function chunkItems(items: Mrkdwn[], separator = ' · '): Mrkdwn[] {
  const chunks: Mrkdwn[][] = [];
  let size = 0;
  for (const item of items) {
    const current = chunks.at(-1);
    if (!current || size + separator.length + item.text.length > CHUNK_CHARS) {
      chunks.push([item]);
      size = item.text.length;
    } else {
      current.push(item);
      size += separator.length + item.text.length;
    }
  }
  return chunks.map((c) => join(c, separator));
}

/** The thread's content as units: each unit's blocks stay together in one message. */
export function threadUnits(f: DigestFacts): KnownBlock[][] {
  const units: KnownBlock[][] = [];
  const exceptions = f.pairs.filter((p) => EXCEPTIONS.includes(p.state));
  for (const state of EXCEPTIONS) {
    const group = exceptions.filter((p) => p.state === state);
    group.forEach((row, i) => {
      units.push(i === 0 ? [section(t.groupHeading(state, group.length)), ...exceptionItem(row)] : exceptionItem(row));
    });
  }
  if (exceptions.length === 0 && f.pairs.length > 0) units.push([section(t.allWell())]);
  if (hasTable(f)) {
    const others = f.pairs.length - exceptions.length;
    if (others > 0) units.push([context(t.inTable(others))]);
    return units;
  }
  for (const state of COMPACT) {
    const group = f.pairs.filter((p) => p.state === state);
    chunkItems(group.map(compactItem)).forEach((chunk, i) => {
      units.push(i === 0 ? [section(t.groupHeading(state, group.length)), section(chunk)] : [section(chunk)]);
    });
  }
  return units;
}

/** Units packed into messages of at most `maxBlocks` blocks, in order, none split. */
export function packUnits(units: KnownBlock[][], maxBlocks: number = DIGEST_LIMITS.blocksPerMessage): KnownBlock[][] {
  const messages: KnownBlock[][] = [];
  for (const unit of units) {
    const current = messages.at(-1);
    if (current && current.length + unit.length <= maxBlocks) current.push(...unit);
    else messages.push([...unit]);
  }
  return messages;
}

/** The thread's messages, in order. */
export function digestThreadMessages(f: DigestFacts): ThreadMessage[] {
  return packUnits(threadUnits(f)).map((blocks, i) => ({ text: t.partText(i + 1), blocks }));
}
