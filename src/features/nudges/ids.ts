export const NudgeIds = {
  /** "Pause for a while" offered after a second missed check-in; value "<pairId>:<2w|4w>". */
  pauseOfferButton: 'nudges.pause_offer',
} as const;
