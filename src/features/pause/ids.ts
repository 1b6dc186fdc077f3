import { NudgeIds } from '../nudges/ids';

/** The action ids the pause feature answers. The buttons are offered by the silence nudge. */
export const PauseIds = {
  /** "Move to next week" (reschedule) in a second-miss nudge: a one-week pause; value "<pairId>:1w". */
  offerOneWeekButton: `${NudgeIds.pauseOfferButton}_1w`,
  /** "Pause 2 weeks" in a second-miss nudge; value "<pairId>:2w". */
  offerTwoWeeksButton: `${NudgeIds.pauseOfferButton}_2w`,
  /** "Pause 4 weeks" in a second-miss nudge; value "<pairId>:4w". */
  offerFourWeeksButton: `${NudgeIds.pauseOfferButton}_4w`,
} as const;

/** The longest pause, in days. */
export const MAX_PAUSE_DAYS = 90;
export const DEFAULT_PAUSE_DAYS = 14;
export const MAX_REASON_LENGTH = 300;
