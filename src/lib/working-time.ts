/**
 * Working-time arithmetic over IANA time zones (Intl only, pure: no I/O, no Date.now()).
 * Instants are Date (UTC); days are "YYYY-MM-DD"; weekdays are ISO (1 = Monday .. 7 = Sunday).
 */
import { addDays } from './time';

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
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const DM_START_HOUR = 8;
const DM_END_HOUR = 20;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

interface RawParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  isoWeekday: number;
}

function rawParts(at: Date, tz: string): RawParts {
  const p: Record<string, string> = {};
  for (const { type, value } of formatterFor(tz).formatToParts(at)) p[type] = value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    isoWeekday: WEEKDAYS[p.weekday] ?? NaN,
  };
}

/** The zone's UTC offset (ms) at an instant: local wall time read as if UTC, minus the instant. */
function offsetAt(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = rawParts(new Date(whole), tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

function isoWeekdayOfDay(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The first day after (step 1) or before (step -1) `day` whose ISO weekday is in `days`. */
function nearestDay(day: string, step: 1 | -1, days: number[]): string {
  for (let k = 1; k <= 7; k++) {
    const d = addDays(day, k * step);
    if (days.includes(isoWeekdayOfDay(d))) return d;
  }
  throw new Error('Working hours have no valid working days');
}

function hoursOf(person: Person): WorkingHours {
  return person.workingHours ?? DEFAULT_WORKING_HOURS;
}

/** Local parts of an instant in tz. */
export function localParts(at: Date, tz: string): { day: string; hour: number; minute: number; isoWeekday: number } {
  const p = rawParts(at, tz);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    day: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`,
    hour: p.hour,
    minute: p.minute,
    isoWeekday: p.isoWeekday,
  };
}

/**
 * The instant of local wall-clock time `day` + `hour:minute` in `tz`.
 * Non-existent local time (spring-forward gap) → the first instant after the gap (the transition).
 * Ambiguous local time (fall-back) → the earlier instant.
 */
export function zonedTimeToInstant(day: string, hour: number, minute: number, tz: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  // Candidate offsets: the usual two-step guess plus the offsets a day either side (covers both sides of a transition).
  const o1 = offsetAt(wall, tz);
  const o2 = offsetAt(wall - o1, tz);
  const offsets = new Set([o1, o2, offsetAt(wall - o2, tz), offsetAt(wall - DAY_MS, tz), offsetAt(wall + DAY_MS, tz)]);
  const valid = [...offsets].map((o) => wall - o).filter((t) => offsetAt(t, tz) === wall - t);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: the transition lies between wall − (larger offset) and wall − (smaller offset). Find it to the minute.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  const before = offsetAt(lo, tz);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid, tz) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** True when `at` is inside the person's working hours on a working day (local time). */
export function isWithinWorkingHours(at: Date, person: Person): boolean {
  const wh = hoursOf(person);
  const p = localParts(at, person.tz);
  const m = p.hour * 60 + p.minute;
  return wh.days.includes(p.isoWeekday) && m >= wh.startHour * 60 && m < wh.endHour * 60;
}

/** True when the whole hour [at, at + 1h) fits inside the person's working hours on a working day. */
function wholeHourFits(at: Date, person: Person): boolean {
  const wh = hoursOf(person);
  const p = localParts(at, person.tz);
  const m = p.hour * 60 + p.minute;
  return wh.days.includes(p.isoWeekday) && m >= wh.startHour * 60 && m + 60 <= wh.endHour * 60;
}

/**
 * When to post a check-in due on `day` (the mentee's calendar day): the first hourly instant of that day, starting
 * at the mentee's local 00:00 (whole UTC hours, or mentee-local hours for :30/:45 zones), at which a whole hour fits
 * both people's working hours. Otherwise falls back to 09:00 in the mentee's zone with `overlap: false`.
 */
export function civilCheckinTime(day: string, mentor: Person, mentee: Person): { at: Date; overlap: boolean } {
  const start = zonedTimeToInstant(day, 0, 0, mentee.tz);
  // DST days have 23 or 25 hours: stop when the mentee's calendar day changes.
  for (let k = 0; k < 25; k++) {
    const at = new Date(start.getTime() + k * HOUR_MS);
    if (localParts(at, mentee.tz).day !== day) break;
    if (wholeHourFits(at, mentee) && wholeHourFits(at, mentor)) return { at, overlap: true };
  }
  return { at: zonedTimeToInstant(day, 9, 0, mentee.tz), overlap: false };
}

/**
 * Quiet hours for nudges and DMs: only 08:00–20:00 local on allowed days (the person's working days, else Mon–Fri).
 * Returns `at` itself if allowed, else 08:00 local on the same day (if before 08:00 on an allowed day) or on the next allowed day.
 */
export function nextAllowedDmTime(at: Date, person: Person): Date {
  const days = hoursOf(person).days;
  const p = localParts(at, person.tz);
  if (days.includes(p.isoWeekday)) {
    if (p.hour >= DM_START_HOUR && p.hour < DM_END_HOUR) return at;
    if (p.hour < DM_START_HOUR) return zonedTimeToInstant(p.day, DM_START_HOUR, 0, person.tz);
  }
  return zonedTimeToInstant(nearestDay(p.day, 1, days), DM_START_HOUR, 0, person.tz);
}

/** The working day before `day` for the person (skips their non-working days). */
export function previousWorkingDay(day: string, person: Person): string {
  return nearestDay(day, -1, hoursOf(person).days);
}

/**
 * Adds `hours` of elapsed time, counting only the person's working days (whole local days; their
 * weekend does not count). This is what "48 working hours" means for nudges: two working days,
 * so a prompt on Friday morning is followed up on Tuesday morning, not on Sunday.
 */
export function addWorkingDayHours(from: Date, hours: number, person: Person): Date {
  const { days } = hoursOf(person);
  let cursor = from.getTime();
  let remaining = hours * HOUR_MS;
  for (let guard = 0; remaining > 0 && guard < 400; guard++) {
    const { day, isoWeekday } = localParts(new Date(cursor), person.tz);
    const nextMidnight = zonedTimeToInstant(addDays(day, 1), 0, 0, person.tz).getTime();
    if (days.includes(isoWeekday)) {
      const step = Math.min(remaining, nextMidnight - cursor);
      cursor += step;
      remaining -= step;
    } else {
      cursor = nextMidnight;
    }
  }
  return new Date(cursor);
}
