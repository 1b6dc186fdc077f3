/** Every callback_id, block_id and action_id of the commitments feature. */
export const CommitmentIds = {
  /** Buttons on the reminder DM; their value is the commitment id. */
  doneButton: 'commitments.done',
  extendButton: 'commitments.extend',
  dropButton: 'commitments.drop',
  /** Modals; their private_metadata is the commitment id. */
  extendModal: 'commitments.extend_modal',
  dropModal: 'commitments.drop_modal',
  /** Every modal input has a single element; its action_id is this one. */
  inputAction: 'commitments.input',
  block: {
    newDueDay: 'commitments.new_due_day',
    dropReason: 'commitments.drop_reason',
  },
} as const;

/** The outbox key of the reminder for a commitment due on `dueDay`. */
export function reminderKey(commitmentId: string, dueDay: string): string {
  return `reminder:${commitmentId}:${dueDay}`;
}

/** The due day a reminder key was queued for (its last part). */
export function dueDayOfReminderKey(key: string): string | undefined {
  const parts = key.split(':');
  return parts.length === 3 ? parts[2] : undefined;
}
