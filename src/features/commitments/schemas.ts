import { z } from 'zod';
import { isIsoDay } from '../../lib/time';
import { text } from './messages';

export const LIMITS = {
  dropReason: 500,
} as const;

/* Errors are functions, read when a value fails: in the language of the person who submitted it. */

export const newDueDaySchema = z
  .string({ error: () => text.chooseADate() })
  .refine(isIsoDay, { error: () => text.chooseADate() });

/** The reason for removing a next step: optional (empty when none was given). */
export const dropReasonSchema = z
  .string()
  .trim()
  .max(LIMITS.dropReason, { error: () => text.reasonTooLong(LIMITS.dropReason) });
