export const NudgeIds = {
  /** Reschedule or pause, offered after a second missed check-in; value "<pairId>:<1w|2w|4w>". */
  pauseOfferButton: 'nudges.pause_offer',
} as const;
