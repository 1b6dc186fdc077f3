/** Time helpers over IANA time zones (luxon). Instants are Date (UTC); days are "YYYY-MM-DD". */
import { DateTime, IANAZone } from 'luxon';

export function isValidTimeZone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}

/** "Tue 14:05" in the given time zone. */
export function formatLocalTime(at: Date, tz: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: tz,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The calendar day ("YYYY-MM-DD") of an instant in a time zone. */
export function localDay(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toISODate() ?? '';
}

/** Adds whole days to a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';
}

/** A real calendar day written as YYYY-MM-DD (not 2027-02-30, not 2027-2-3). */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/** A clock passed to services and jobs, so tests can run in simulated time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
