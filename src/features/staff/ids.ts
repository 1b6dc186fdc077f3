/** Every callback_id, block_id and action_id of the staff commands and buttons. */
export const StaffIds = {
  /** The actions block under a pair in the digest (and wherever staff act on one pair); value: the pair id. */
  pairActionsBlock: (pairId: string) => `staff.pair_actions.${pairId}`,
  statusButton: 'staff.pair_status',
  messageButton: 'staff.pair_message',
  pauseButton: 'staff.pair_pause',
  /** The read-only pair status modal (no submit, so no handler). */
  statusModal: 'staff.pair_status_modal',
  /** "Message the pair": private_metadata is JSON { pairId } (or { key } of an at-risk alert). */
  messageModal: 'staff.pair_message_modal',
  /** "Pause": private_metadata is JSON { pairId }. */
  pauseModal: 'staff.pair_pause_modal',
  /** `/mentorship end <pair>`: private_metadata is JSON { pairId }. */
  endModal: 'staff.pair_end_modal',
  /** Every input has a single element; its action_id is this one. */
  inputAction: 'staff.input',
  block: {
    messageText: 'staff.message_text',
    pauseLength: 'staff.pause_length',
    pauseReason: 'staff.pause_reason',
    endReason: 'staff.end_reason',
    endNote: 'staff.end_note',
    endArchive: 'staff.end_archive',
  },
} as const;
