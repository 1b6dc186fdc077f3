import type { ActionsBlock, Button } from '@slack/types';
import { plain } from '../../slack/blocks';
import { StaffIds } from './ids';
import { staffText as t } from './messages';

/**
 * Three buttons for staff under a pair (the digest's thread, for one): **Pair status**, **Message
 * the pair**, **Pause**. Each button's value is the pair id; every handler checks again on the
 * server that the person pressing it is staff and that the pair exists.
 */
export function pairActionsBlock(pairId: string): ActionsBlock {
  const button = (actionId: string, label: string): Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(label),
    value: pairId,
  });
  return {
    type: 'actions',
    block_id: StaffIds.pairActionsBlock(pairId),
    elements: [
      button(StaffIds.statusButton, t.statusButton()),
      button(StaffIds.messageButton, t.messageButton()),
      button(StaffIds.pauseButton, t.pauseButton()),
    ],
  };
}
