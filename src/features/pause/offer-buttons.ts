import type { Button } from '@slack/types';
import { PauseIds } from './ids';

/**
 * The buttons that offer to pause for two or four weeks, for another feature's message (the
 * nudge after missed check-ins); the labels are that message's. A one-week "reschedule" is not
 * offered: "Skip this week" (an answer to the check-in) does what it did.
 */
export function pauseOfferButtons(pairId: string, labels: { twoWeeks: string; fourWeeks: string }): Button[] {
  const offer = (actionId: string, label: string, length: string): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
    value: `${pairId}:${length}`,
  });
  return [
    offer(PauseIds.offerTwoWeeksButton, labels.twoWeeks, '2w'),
    offer(PauseIds.offerFourWeeksButton, labels.fourWeeks, '4w'),
  ];
}
