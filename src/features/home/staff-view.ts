import type { Button, KnownBlock } from '@slack/types';
import { context, header, plain, section } from '../../slack/blocks';
import { lines } from '../../slack/mrkdwn';
import { HEALTH_LABELS, type HealthState } from '../health';
import { StaffIds } from '../staff';
import { HomeIds } from './ids';
import { text } from './messages';
import type { StaffHome, StaffPairRow } from './types';

/** The order counts are shown in: what needs staff first. */
const COUNT_ORDER: readonly HealthState[] = ['at_risk', 'needs_attention', 'new', 'on_track', 'paused'];

export const STAFF_LIMITS = {
  /** Pairs listed with their own "Pair status" button; more are counted in one line. */
  attentionShown: 30,
  /** Pairs ending soon listed by name in one section. */
  endingShown: 15,
} as const;

/** **Pair status** for one pair: the staff feature's button, answered by its handler (staff checked there). */
function statusButton(pairId: string): Button {
  return { type: 'button', action_id: StaffIds.statusButton, text: plain(text.statusButton()), value: pairId };
}

function attentionBlock(row: StaffPairRow): KnownBlock {
  const block = section(
    text.attentionRow(HEALTH_LABELS[row.state], row.mentorId, row.menteeId, row.channelId, row.reason ?? ''),
  );
  block.accessory = statusButton(row.pairId);
  return block;
}

/**
 * A staff member's part of the Home tab within `budget` blocks: pairs by health, feedback due, the
 * digest preview button, each pair that needs attention or is at risk with its **Pair status**
 * button (as many as fit, the rest in one line), and pairs ending within 30 days.
 */
export function staffBlocks(home: StaffHome, budget: number): KnownBlock[] {
  const parts = COUNT_ORDER.filter((s) => home.counts[s] > 0).map((s) =>
    text.stateCount(HEALTH_LABELS[s], home.counts[s]),
  );
  const top: KnownBlock[] = [header(text.staffTitle()), section(text.staffCounts(home.total, parts))];
  if (home.feedbackDue !== undefined) top.push(section(text.feedbackDueCount(home.feedbackDue)));
  top.push({
    type: 'actions',
    block_id: HomeIds.staffActions,
    elements: [
      { type: 'button', action_id: HomeIds.digestPreviewButton, text: plain(text.digestButton()), value: 'preview' },
    ],
  });

  const ending = home.endingSoon.slice(0, STAFF_LIMITS.endingShown);
  const endingBlock = ending.length
    ? section(
        lines(
          text.endingTitle(),
          ...ending.map((r) => text.endingRow(r.mentorId, r.menteeId, r.endDate)),
          ...(home.endingSoon.length > ending.length ? [text.moreEnding(home.endingSoon.length - ending.length)] : []),
        ),
      )
    : section(text.noneEnding());
  const quiet = home.total - home.attention.length - home.counts.paused;
  const tail: KnownBlock[] = [endingBlock, context(text.staffHint())];

  // What is left for the pairs that need attention: their title, each pair, the "and N more" lines.
  const room = budget - top.length - tail.length - 3;
  const shown = home.attention.slice(0, Math.max(0, Math.min(STAFF_LIMITS.attentionShown, room)));
  const middle: KnownBlock[] = [];
  if (home.attention.length === 0) middle.push(section(text.noAttention()));
  else {
    middle.push(section(text.attentionTitle()), ...shown.map(attentionBlock));
    if (home.attention.length > shown.length)
      middle.push(section(text.moreAttention(home.attention.length - shown.length)));
  }
  if (quiet > 0) middle.push(context(text.moreOnTrack(quiet)));
  return [...top, ...middle, ...tail];
}
