/** Every callback_id, block_id and action_id of the App Home tab's own buttons and modals. */
export const HomeIds = {
  /** "Pause" under a live pair; value: the pair id. Opens the pause modal. */
  pauseButton: 'home.pause',
  /** "Resume now" under a paused pair; value: the pair id. */
  resumeButton: 'home.resume',
  /** "Change my hours" beside the person's own hours; opens the `/mentorship hours` form (about the presser). */
  changeHoursButton: 'home.change_hours',
  /** The pause modal; private_metadata is JSON { pairId }. */
  pauseModal: 'home.pause_modal',
  /** "Digest preview" on a staff member's Home; opens the preview in a modal. */
  digestPreviewButton: 'home.digest_preview',
  /** The read-only modals (digest preview, a short answer): no submit, so no handler. */
  infoModal: 'home.info_modal',
  /** Every modal input has a single element; its action_id is this one. */
  inputAction: 'home.input',
  block: {
    pauseLength: 'home.pause_length',
    pauseReason: 'home.pause_reason',
  },
  /** One actions block per pair, so the same buttons under two pairs never share a block. */
  pairActions: (pairId: string) => `home.pair_actions.${pairId}`,
  staffActions: 'home.staff_actions',
} as const;

/** The pause lengths the Home's pause modal offers, in weeks. */
export const HOME_PAUSE_WEEKS = [1, 2, 3, 4, 6, 8] as const;
