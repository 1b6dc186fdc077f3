/**
 * Working-time arithmetic over IANA time zones (luxon; pure: no I/O, no Date.now()).
 * Instants are Date (UTC); days are "YYYY-MM-DD"; weekdays are ISO (1 = Monday .. 7 = Sunday).
 */
import { DateTime } from 'luxon';
import { addDays } from './time';
import { HOUR_MS } from './durations';

export interface WorkingHours {
  startHour: number;
  endHour: number;
  /** ISO weekdays 1=Mon..7=Sun */
  days: number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { startHour: 9, endHour: 18, days: [1, 2, 3, 4, 5] };

export interface Person {
  tz: string;
  workingHours?: WorkingHours;
  /** A temporary change of hours (shorter days during Ramadan, say), for local days up to and including `until`. */
  temporaryHours?: WorkingHours & { until: string };
  /**
   * True when a local day is a day off although its weekday is a working one: a public holiday of
   * the person's country, a program day off staff added (later, their time away). Built once with
   * the Person (src/pairs/participants.ts `toPerson`), so this maths stays pure and synchronous.
   */
  isDayOff?: (day: string) => boolean;
  /**
   * True on a local day of the person's time away (`/mentorship away`). Such a day is a day off too
   * (`isDayOff` says so); this tells it apart, so a pair's check-in still goes out when only one is away.
   */
  isAway?: (day: string) => boolean;
}

/** The person as if they were not away (their holidays and weekends still count). */
export function presentAnyway(person: Person): Person {
  const { isAway, isDayOff } = person;
  if (!isAway) return person;
  return { ...person, isAway: undefined, isDayOff: (day) => Boolean(isDayOff?.(day)) && !isAway(day) };
}

/** Working days are searched this far ahead (a long holiday, a long time away) before giving up. */
const MAX_DAYS_SEARCHED = 400;

const DM_START_HOUR = 8;
const DM_END_HOUR = 20;

const inZone = (at: Date, tz: string): DateTime => DateTime.fromJSDate(at, { zone: tz });

function isoWeekdayOfDay(day: string): number {
  return DateTime.fromISO(day, { zone: 'UTC' }).weekday;
}

/** The person's hours on a local day: the temporary change while it lasts, else their usual hours. */
export function hoursOn(person: Person, day: string): WorkingHours {
  const temporary = person.temporaryHours;
  if (temporary && day <= temporary.until) return temporary;
  return person.workingHours ?? DEFAULT_WORKING_HOURS;
}

/** True when the local day is one of the person's working days (their week, less their days off). */
export function isWorkingDay(person: Person, day: string): boolean {
  return hoursOn(person, day).days.includes(isoWeekdayOfDay(day)) && !person.isDayOff?.(day);
}

/** The first working day after (step 1) or before (step -1) `day` (`day` itself with `from: 0`). */
function nearestDay(day: string, step: 1 | -1, person: Person, from: 0 | 1 = 1): string {
  for (let k = from; k <= MAX_DAYS_SEARCHED; k++) {
    const d = addDays(day, k * step);
    if (isWorkingDay(person, d)) return d;
  }
  throw new Error('Working hours have no valid working days');
}

/** The day itself when the person works then, else their next working day. */
export function workingDayOnOrAfter(day: string, person: Person): string {
  return nearestDay(day, 1, person, 0);
}

/** Local parts of an instant in tz. */
export function localParts(at: Date, tz: string): { day: string; hour: number; minute: number; isoWeekday: number } {
  const local = inZone(at, tz);
  return { day: local.toISODate() ?? '', hour: local.hour, minute: local.minute, isoWeekday: local.weekday };
}

/**
 * The instant of local wall-clock time `day` + `hour:minute` in `tz`, as Temporal's "compatible"
 * rule (luxon's) has it: a time that does not exist (the spring-forward gap) moves forward by the
 * length of the gap (02:30 → 03:30); a time that happens twice (fall-back) is the earlier instant.
 */
export function zonedTimeToInstant(day: string, hour: number, minute: number, tz: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const local = DateTime.fromObject({ year, month, day: date, hour, minute }, { zone: tz });
  // Luxon takes the later of two instants with the same wall time; the earlier is the one people expect.
  const earliest = Math.min(...local.getPossibleOffsets().map((d) => d.toMillis()), local.toMillis());
  return new Date(earliest);
}

/** True when `at` is inside the person's working hours on a working day (local time). */
export function isWithinWorkingHours(at: Date, person: Person): boolean {
  const p = localParts(at, person.tz);
  const wh = hoursOn(person, p.day);
  const m = p.hour * 60 + p.minute;
  return isWorkingDay(person, p.day) && m >= wh.startHour * 60 && m < wh.endHour * 60;
}

/** Waking hours: nobody is @-mentioned or sent a DM outside them (nor on their weekend). */
export const WAKING_HOURS = { startHour: 8, endHour: 20 } as const;

/** True when the whole hour [at, at + 1h) is on one of the person's working days, between `startHour` and `endHour`. */
function wholeHourWithin(at: Date, person: Person, fit: 'working' | 'waking'): boolean {
  const p = localParts(at, person.tz);
  const hours = fit === 'working' ? hoursOn(person, p.day) : WAKING_HOURS;
  const m = p.hour * 60 + p.minute;
  return isWorkingDay(person, p.day) && m >= hours.startHour * 60 && m + 60 <= hours.endHour * 60;
}

/** How a check-in reaches the pair: at an hour both can take (`both`), or the mentee's morning, the mentor told later. */
export type CheckinSlot =
  | { at: Date; fit: 'working' | 'waking'; mentionMentor: true }
  | { at: Date; fit: 'mentee_morning'; mentionMentor: false; mentorDmAt: Date };

/**
 * When to post a check-in due on `day` (the mentee's calendar day), so nobody is pinged at night or
 * on their weekend:
 * 1. the first hour of that day inside both people's working hours;
 * 2. else the first hour inside both people's waking hours (08:00–20:00), on a working day of each;
 * 3. else 09:00 in the mentee's zone without @-mentioning the mentor, who gets a short DM at the next
 *    09:00 of their own working day instead.
 * Hours are tried from the mentee's local midnight in whole steps (whole UTC hours, or mentee-local
 * hours for :30 and :45 zones).
 */
export function checkinSlot(day: string, mentor: Person, mentee: Person): CheckinSlot {
  const start = zonedTimeToInstant(day, 0, 0, mentee.tz);
  const hours: Date[] = [];
  // DST days have 23 or 25 hours: stop when the mentee's calendar day changes.
  for (let k = 0; k < 25; k++) {
    const at = new Date(start.getTime() + k * HOUR_MS);
    if (localParts(at, mentee.tz).day !== day) break;
    hours.push(at);
  }
  for (const fit of ['working', 'waking'] as const) {
    const at = hours.find((h) => wholeHourWithin(h, mentee, fit) && wholeHourWithin(h, mentor, fit));
    if (at) return { at, fit, mentionMentor: true };
  }
  const at = zonedTimeToInstant(day, hoursOn(mentee, day).startHour, 0, mentee.tz);
  return { at, fit: 'mentee_morning', mentionMentor: false, mentorDmAt: nextWorkingMorning(at, mentor) };
}

/** The start of the person's next working hours at or after `at` (09:00 on their next working day, by default). */
export function nextWorkingMorning(at: Date, person: Person): Date {
  const p = localParts(at, person.tz);
  const todayStart = zonedTimeToInstant(p.day, hoursOn(person, p.day).startHour, 0, person.tz);
  if (isWorkingDay(person, p.day) && at.getTime() <= todayStart.getTime()) return todayStart;
  const next = nearestDay(p.day, 1, person);
  return zonedTimeToInstant(next, hoursOn(person, next).startHour, 0, person.tz);
}

/**
 * Quiet hours for nudges and DMs: only 08:00–20:00 local on allowed days (the person's working days, else Mon–Fri).
 * Returns `at` itself if allowed, else 08:00 local on the same day (if before 08:00 on an allowed day) or on the next allowed day.
 */
export function nextAllowedDmTime(at: Date, person: Person): Date {
  const p = localParts(at, person.tz);
  if (isWorkingDay(person, p.day)) {
    if (p.hour >= DM_START_HOUR && p.hour < DM_END_HOUR) return at;
    if (p.hour < DM_START_HOUR) return zonedTimeToInstant(p.day, DM_START_HOUR, 0, person.tz);
  }
  return zonedTimeToInstant(nearestDay(p.day, 1, person), DM_START_HOUR, 0, person.tz);
}

/** True when a person may be @-mentioned or sent a DM at `at`: 08:00–20:00 local on one of their working days. */
export function mayPing(at: Date, person: Person): boolean {
  return nextAllowedDmTime(at, person).getTime() === at.getTime();
}

/** The working day before `day` for the person (skips their non-working days). */
export function previousWorkingDay(day: string, person: Person): string {
  return nearestDay(day, -1, person);
}

/**
 * Adds `hours` of elapsed time, counting only the person's working days (whole local days; their
 * weekend does not count). This is what "48 working hours" means for nudges: two working days,
 * so a prompt on Friday morning is followed up on Tuesday morning, not on Sunday.
 */
export function addWorkingDayHours(from: Date, hours: number, person: Person): Date {
  let cursor = from.getTime();
  let remaining = hours * HOUR_MS;
  for (let guard = 0; remaining > 0 && guard < 400; guard++) {
    const { day } = localParts(new Date(cursor), person.tz);
    const nextMidnight = zonedTimeToInstant(addDays(day, 1), 0, 0, person.tz).getTime();
    if (isWorkingDay(person, day)) {
      const step = Math.min(remaining, nextMidnight - cursor);
      cursor += step;
      remaining -= step;
    } else {
      cursor = nextMidnight;
    }
  }
  return new Date(cursor);
}
