/**
 * The action ids the pause feature answers: the offer buttons (see offer-buttons.ts), which the
 * silence nudge shows. Their values say "nudges." because nudges first carried them; they stay so
 * that buttons already sent keep working.
 */
export const PauseIds = {
  /**
   * "Move to next week", a one-week pause; value "<pairId>:1w". No longer offered ("Skip this
   * week" replaced it); still answered for the nudges already sent with it.
   */
  offerOneWeekButton: 'nudges.pause_offer_1w',
  /** "Pause 2 weeks" in a second-miss nudge; value "<pairId>:2w". */
  offerTwoWeeksButton: 'nudges.pause_offer_2w',
  /** "Pause 4 weeks" in a second-miss nudge; value "<pairId>:4w". */
  offerFourWeeksButton: 'nudges.pause_offer_4w',
} as const;
