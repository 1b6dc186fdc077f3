import { z } from 'zod';
import { isIsoDay } from '../../lib/time';

export const LIMITS = {
  dropReason: 500,
} as const;

export const newDueDaySchema = z.string({ error: 'Choose a date.' }).refine(isIsoDay, 'Choose a date.');

/** The reason for removing a next step: optional (empty when none was given). */
export const dropReasonSchema = z
  .string()
  .trim()
  .max(LIMITS.dropReason, `The reason can be at most ${LIMITS.dropReason} characters.`);
