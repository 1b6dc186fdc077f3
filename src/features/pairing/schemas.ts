import { z } from 'zod';
import { t } from '../../i18n';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../i18n/languages';
import { DAY_MS } from '../../lib/durations';
import { isIsoDay, isValidTimeZone } from '../../lib/time';
import { CADENCES, LIMITS, MAX_GOALS } from '../../pairs/limits';

/*
 * Error messages are functions: zod calls them when a form is checked, so they are in the
 * language of the person submitting it (a message computed here, at import, would be English).
 */
const userId = z.string().regex(/^[UW][A-Z0-9]+$/, { error: () => t('pairing.form.choosePerson') });
const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { error: () => t('pairing.form.timeZoneName') });
const day = z.string().refine(isIsoDay, { error: () => t('pairing.form.chooseDate') });
type TooLong =
  | 'pairing.form.organisationTooLong'
  | 'pairing.form.countryTooLong'
  | 'pairing.form.goalTitleTooLong'
  | 'pairing.form.goalSuccessTooLong'
  | 'pairing.form.localContextTooLong';
const text = (max: number, tooLong: TooLong) =>
  z
    .string()
    .trim()
    .max(max, { error: () => t(tooLong, { max }) });

export const personInputSchema = z.object({
  userId,
  organisation: text(LIMITS.organisation, 'pairing.form.organisationTooLong'),
  country: text(LIMITS.country, 'pairing.form.countryTooLong'),
  /** Empty means: take the time zone from the person's Slack profile. */
  tz: z.union([z.literal(''), timeZone]),
});

export const goalInputSchema = z.object({
  title: text(LIMITS.goalTitle, 'pairing.form.goalTitleTooLong').min(1, {
    error: () => t('pairing.form.goalTitleRequired'),
  }),
  successCriteria: text(LIMITS.goalSuccess, 'pairing.form.goalSuccessTooLong').min(1, {
    error: () => t('pairing.form.goalSuccessRequired'),
  }),
});

/** The pair's common language (a code of src/i18n/languages.ts); empty or absent means English. */
const language = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? DEFAULT_LANGUAGE : v),
  z.enum(LANGUAGES, { error: () => t('pairing.form.chooseLanguage') }),
);

/** A new pair as staff enter it; the repository parses with this schema again before writing. */
export const pairInputSchema = z
  .object({
    mentor: personInputSchema,
    mentee: personInputSchema.extend({
      organisation: text(LIMITS.organisation, 'pairing.form.organisationTooLong').min(1, {
        error: () => t('pairing.form.menteeOrganisationRequired'),
      }),
      country: text(LIMITS.country, 'pairing.form.countryTooLong').min(1, {
        error: () => t('pairing.form.menteeCountryRequired'),
      }),
    }),
    goals: z
      .array(goalInputSchema)
      .min(1, { error: () => t('pairing.form.atLeastOneGoal') })
      .max(MAX_GOALS),
    cadence: z.enum(CADENCES, { error: () => t('pairing.form.chooseCadence') }),
    startDate: day,
    endDate: day,
    localContext: text(LIMITS.localContext, 'pairing.form.localContextTooLong'),
    language,
  })
  .superRefine((pair, ctx) => {
    if (pair.mentor.userId === pair.mentee.userId) {
      ctx.addIssue({ code: 'custom', path: ['mentee', 'userId'], message: t('pairing.form.samePerson') });
    }
    if (pair.endDate <= pair.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: t('pairing.form.endAfterStart') });
    } else {
      const days = (Date.parse(pair.endDate) - Date.parse(pair.startDate)) / DAY_MS;
      if (days > LIMITS.maxProgramDays) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: t('pairing.form.atMostThreeYears') });
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
