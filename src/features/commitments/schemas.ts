import { z } from 'zod';
import { isIsoDay } from '../../lib/time';

export const LIMITS = {
  dropReason: 500,
} as const;

export const newDueDaySchema = z.string({ error: 'Choose a date.' }).refine(isIsoDay, 'Choose a date.');

export const dropReasonSchema = z
  .string({ error: 'Say in a few words why you are dropping it.' })
  .trim()
  .min(1, 'Say in a few words why you are dropping it.')
  .max(LIMITS.dropReason, `The reason can be at most ${LIMITS.dropReason} characters.`);
