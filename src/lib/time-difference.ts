import { DateTime } from 'luxon';

/** "New York" for "America/New_York": the last part of an IANA zone name, readable. */
export function placeOfZone(tz: string): string {
  const last = tz.split('/').pop() ?? tz;
  return last.replace(/_/g, ' ');
}

/** "9 hours", "1 hour", "5½ hours", "½ hour", "5¾ hours" for a number of minutes. */
export function hoursInWords(minutes: number): string {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const fraction =
    rest === 30 ? '½' : rest === 15 ? '¼' : rest === 45 ? '¾' : rest ? `:${String(rest).padStart(2, '0')}` : '';
  if (whole === 0 && fraction) return `${fraction} hour`;
  const n = `${whole}${fraction}`;
  return whole === 1 && !fraction ? '1 hour' : `${n} hours`;
}

export type TimeDifference =
  | { kind: 'same'; a: string; b: string }
  | { kind: 'ahead'; ahead: string; behind: string; hours: string };

/** How far apart two time zones are at an instant (daylight saving counts), in words. */
export function timeDifference(tzA: string, tzB: string, at: Date): TimeDifference {
  const offset = (tz: string) => DateTime.fromJSDate(at, { zone: tz }).offset;
  const diff = offset(tzA) - offset(tzB);
  const a = placeOfZone(tzA);
  const b = placeOfZone(tzB);
  if (diff === 0) return { kind: 'same', a, b };
  return diff > 0
    ? { kind: 'ahead', ahead: a, behind: b, hours: hoursInWords(diff) }
    : { kind: 'ahead', ahead: b, behind: a, hours: hoursInWords(-diff) };
}
