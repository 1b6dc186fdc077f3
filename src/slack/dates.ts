import { DateTime, Info } from 'luxon';
import { currentLanguage, t } from '../i18n';
import { type Mrkdwn, slackDate } from './mrkdwn';

/**
 * Dates shown to people, as Slack date tokens: each reader sees them in their own time zone and
 * locale. The fallback (for clients that cannot render a token) is written out in the reader's
 * language (British English for English), in UTC.
 */

/** The locale of the fallbacks and weekday names: British English, or the reader's language. */
function locale(): string {
  const language = currentLanguage();
  return language === 'en' ? 'en-GB' : language;
}

// i18n-exempt: a luxon pattern (weekday, day, month, year), not a sentence.
const DAY_PATTERN = 'cccc d LLLL yyyy';

/** "Saturday 12 December 2026" for a "YYYY-MM-DD" day. */
export function readableDay(day: string): string {
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  return d.isValid ? d.setLocale(locale()).toFormat(DAY_PATTERN) : day;
}

/** An ISO weekday (1 = Monday) as the reader names it: "Mon" (short) or "Monday" (long). */
export function weekdayName(isoWeekday: number, width: 'short' | 'long' = 'long'): string {
  return Info.weekdays(width, { locale: locale() })[isoWeekday - 1] ?? String(isoWeekday);
}

/**
 * A calendar day ("YYYY-MM-DD"), as a token at noon UTC of that day. Why noon UTC and not the
 * owner's 09:00: a day is the same day for both people. Noon UTC falls on that calendar day for
 * every reader from UTC−11 to UTC+11 (New York to Dhaka and beyond), while the owner's 09:00 in
 * Dhaka is the evening before in New York, so the partner would see the wrong day.
 */
export function slackDay(day: string, format = '{date_long_pretty}'): Mrkdwn {
  const at = DateTime.fromISO(day, { zone: 'UTC' }).set({ hour: 12 });
  return slackDate(at.toJSDate(), readableDay(day), format);
}

/**
 * An instant with its time of day: "Tuesday, December 1st at 2:00 PM" in the reader's zone. The
 * default format joins Slack's day and time the reader's way ("… at …", "… à …").
 */
export function slackDateTime(at: Date, format = t('common.dateAtTime')): Mrkdwn {
  const day = DateTime.fromJSDate(at, { zone: 'UTC' }).setLocale(locale());
  // i18n-exempt: a luxon pattern and the zone's name, not a sentence.
  const fallback = `${day.toFormat(`${DAY_PATTERN}, HH:mm`)} UTC`;
  return slackDate(at, fallback, format);
}

/** An instant shown as its day only ("Tuesday, December 1st"), in the reader's zone. */
export function slackDayOf(at: Date, format = '{date_long_pretty}'): Mrkdwn {
  const fallback = DateTime.fromJSDate(at, { zone: 'UTC' }).setLocale(locale()).toFormat(DAY_PATTERN);
  return slackDate(at, fallback, format);
}
