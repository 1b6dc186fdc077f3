import type { Button } from '@slack/types';
import { plain } from '../../slack/blocks';
import { GoalIds, goalButtonValue } from './ids';
import { text } from './messages';

/**
 * The goal buttons, for any surface (the pair channel's goals message, App Home). Pressing one
 * re-checks on the server that the person is in the pair or is staff, whatever the value says.
 */
export function goalActionButtons(pairId: string, goalId: string): Button[] {
  const button = (actionId: string, label: string): Button => ({
    type: 'button',
    action_id: actionId,
    text: plain(label),
    value: goalButtonValue(pairId, goalId),
  });
  return [
    button(GoalIds.updateButton, text.updateButton()),
    button(GoalIds.closeButton, text.closeButton()),
    button(GoalIds.editButton, text.editButton()),
  ];
}

/** "Add a goal" for the pair. */
export function addGoalButton(pairId: string): Button {
  return { type: 'button', action_id: GoalIds.addButton, text: plain(text.addButton()), value: pairId };
}
