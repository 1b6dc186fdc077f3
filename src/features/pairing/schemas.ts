import { z } from 'zod';
import { isIsoDay, isValidTimeZone } from '../../lib/time';
import { CADENCES, LIMITS, MAX_GOALS } from '../../pairs/limits';
import { DAY_MS } from '../../lib/durations';

const userId = z.string().regex(/^[UW][A-Z0-9]+$/, 'Choose a person.');
const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'Use a time zone name such as Africa/Tunis or America/New_York.');
const day = z.string().refine(isIsoDay, 'Choose a date.');
const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`);

export const personInputSchema = z.object({
  userId,
  organisation: text(LIMITS.organisation, 'The organisation'),
  country: text(LIMITS.country, 'The country'),
  /** Empty means: take the time zone from the person's Slack profile. */
  tz: z.union([z.literal(''), timeZone]),
});

export const goalInputSchema = z.object({
  title: text(LIMITS.goalTitle, 'A goal title').min(1, 'Give the goal a short title.'),
  successCriteria: text(LIMITS.goalSuccess, 'What success looks like').min(
    1,
    'Say what success looks like for this goal.',
  ),
});

/** A new pair as staff enter it; the repository parses with this schema again before writing. */
export const pairInputSchema = z
  .object({
    mentor: personInputSchema,
    mentee: personInputSchema.extend({
      organisation: text(LIMITS.organisation, 'The organisation').min(1, 'Name the mentee organisation.'),
      country: text(LIMITS.country, 'The country').min(1, "Name the mentee organisation's country."),
    }),
    goals: z.array(goalInputSchema).min(1, 'Add at least one goal.').max(MAX_GOALS),
    cadence: z.enum(CADENCES, 'Choose how often check-ins happen.'),
    startDate: day,
    endDate: day,
    localContext: text(LIMITS.localContext, 'The note on local context'),
  })
  .superRefine((pair, ctx) => {
    if (pair.mentor.userId === pair.mentee.userId) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentee', 'userId'],
        message: 'The mentee must be someone other than the mentor.',
      });
    }
    if (pair.endDate <= pair.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must be after the start date.' });
    } else {
      const days = (Date.parse(pair.endDate) - Date.parse(pair.startDate)) / DAY_MS;
      if (days > LIMITS.maxProgramDays) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'A program can last at most three years.' });
      }
    }
  });

export type PairInput = z.infer<typeof pairInputSchema>;
export type PersonInput = z.infer<typeof personInputSchema>;

/** `/mentorship pair [@mentor] [@mentee]`: escaped user mentions as Slack sends them. */
export const pairCommandArgsSchema = z
  .string()
  .trim()
  .transform((rest) => rest.split(/\s+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/)).max(2))
  .transform((mentions) => mentions.map((m) => /^<@([UW][A-Z0-9]+)/.exec(m)![1]));
