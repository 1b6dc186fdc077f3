import type { Button } from '@slack/types';
import { PauseIds } from './ids';

/**
 * The buttons that offer to reschedule (a one-week pause) or to pause for two or four weeks,
 * for another feature's message (the second-miss nudge); the labels are that message's.
 */
export function pauseOfferButtons(
  pairId: string,
  labels: { oneWeek: string; twoWeeks: string; fourWeeks: string },
): Button[] {
  const offer = (actionId: string, label: string, length: string): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label },
    value: `${pairId}:${length}`,
  });
  return [
    offer(PauseIds.offerOneWeekButton, labels.oneWeek, '1w'),
    offer(PauseIds.offerTwoWeeksButton, labels.twoWeeks, '2w'),
    offer(PauseIds.offerFourWeeksButton, labels.fourWeeks, '4w'),
  ];
}
