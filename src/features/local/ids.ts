/** Every callback_id, block_id and action_id of the local-context feature (hours, days off). */
export const LocalIds = {
  /** The `/mentorship hours` modal; it is about the person submitting it (no private_metadata is trusted). */
  hoursModal: 'local.hours_modal',
  /** Every modal input has a single element; its action_id is this one. */
  inputAction: 'local.input',
  block: {
    days: 'local.days',
    start: 'local.start',
    end: 'local.end',
    temporaryStart: 'local.temporary_start',
    temporaryEnd: 'local.temporary_end',
    temporaryUntil: 'local.temporary_until',
  },
} as const;
