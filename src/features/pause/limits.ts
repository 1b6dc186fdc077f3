/** The longest pause, in days. */
export const MAX_PAUSE_DAYS = 90;
export const DEFAULT_PAUSE_DAYS = 14;
export const MAX_REASON_LENGTH = 300;
