/** Limits of a pair's data, shared by the pairing form, its zod schemas and the mongoose schema. */
export const LIMITS = {
  organisation: 120,
  country: 60,
  goalTitle: 150,
  goalSuccess: 500,
  localContext: 1500,
  maxProgramDays: 3 * 366,
} as const;

/** A pair has one to this many goals. */
export const MAX_GOALS = 5;

/** Rules of a program every feature keeps to. */
export const PROGRAM_RULES = {
  /** A next step may be due, or moved to, at most this many days after the program ends. */
  daysAfterProgramEnd: 30,
  /** This many days without a reply from either side flag a pair at risk. */
  silentDaysAtRisk: 21,
} as const;

export const CADENCES = ['weekly', 'biweekly'] as const;
export type Cadence = (typeof CADENCES)[number];
