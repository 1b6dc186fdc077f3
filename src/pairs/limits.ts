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

export const CADENCES = ['weekly', 'biweekly'] as const;
export type Cadence = (typeof CADENCES)[number];
