import { DateTime } from 'luxon';
import { addDays } from '../../lib/time';
import { nextWorkingMorning, zonedTimeToInstant, type Person } from '../../lib/working-time';
import type { FixedPoint } from './forms';

/** The end request goes this many days before the program's last day. */
const END_REQUEST_DAYS_BEFORE = 7;

function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/**
 * The day of each feedback point of a program ("YYYY-MM-DD"): one month after the start, the
 * midpoint, one week before the end. A point that would not fall strictly between the one before
 * and the end (a short program) is left out.
 */
export function feedbackDays(startDate: string, endDate: string): Array<{ point: FixedPoint; day: string }> {
  const oneMonth = DateTime.fromISO(startDate, { zone: 'UTC' }).plus({ months: 1 }).toISODate() ?? '';
  const midpoint = addDays(startDate, Math.floor(daysBetween(startDate, endDate) / 2));
  const end = addDays(endDate, -END_REQUEST_DAYS_BEFORE);
  const out: Array<{ point: FixedPoint; day: string }> = [];
  let previous = startDate;
  for (const [point, day] of [
    ['one_month', oneMonth],
    ['midpoint', midpoint],
    ['end', end],
  ] as const) {
    if (day > previous && day < endDate) {
      out.push({ point, day });
      previous = day;
    }
  }
  return out;
}

/** When a request for a point on `day` goes to this person: the start of their working hours that day (or the next working day). */
export function requestTime(day: string, person: Person): Date {
  return nextWorkingMorning(zonedTimeToInstant(day, 0, 0, person.tz), person);
}

/**
 * The point whose request is current on `today` (the latest one reached), or undefined before the
 * first and from the program's last day on. Earlier points are not sent once a later one is due.
 */
export function currentPoint(
  days: Array<{ point: FixedPoint; day: string }>,
  today: string,
  endDate: string,
): { point: FixedPoint; day: string } | undefined {
  if (today >= endDate) return undefined;
  return days.filter((d) => d.day <= today).at(-1);
}
