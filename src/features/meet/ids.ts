/** Every action_id and block_id of meeting times (`/mentorship meet`). */
export const MeetIds = {
  /**
   * "Pick" beside each proposed time; value "<pairId>:<proposalId>:<slotKey>", checked on the
   * server against the pair's current proposal and the person pressing.
   */
  pickButton: 'meet.pick',
  /** The section of the n-th proposed time (one button each, so one action_id serves all three). */
  slotBlock: (n: number) => `meet.slot_${n}`,
} as const;
