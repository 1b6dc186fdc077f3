/** The pause feature as other features use it: its offer buttons, and pausing or resuming a pair (staff commands). */
export { pauseOfferButtons } from './offer-buttons';
export { MAX_PAUSE_DAYS, MAX_REASON_LENGTH } from './limits';
export { pauseDay } from './messages';
export { pauseArgsSchema } from './schemas';
export {
  assertCanPause,
  assertCanResume,
  menteeTimeZone,
  pausePair,
  pausedUntilText,
  resumePairNow,
  type PauseOutcome,
} from './service';
