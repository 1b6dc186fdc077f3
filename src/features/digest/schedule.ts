import { DateTime } from 'luxon';
import { DAY_MS } from '../../lib/durations';

/** When the weekly digest is due: an ISO weekday (1 = Monday), an hour and a minute, in a time zone. */
export interface DigestSchedule {
  weekday: number;
  hour: number;
  minute: number;
  timeZone: string;
}

/** One weekly digest: the day it is for (YYYY-MM-DD in the program's time zone) and its instant. */
export interface DigestSlot {
  day: string;
  at: Date;
}

/**
 * A digest more than this late (the bot was down, or was installed mid-week) is not posted:
 * staff would read a Monday digest on Thursday. The next one comes on its day.
 */
export const DIGEST_LATE_LIMIT_MS = 2 * DAY_MS;

function slotOfWeek(local: DateTime, s: DigestSchedule): DateTime {
  // luxon's set() keeps the wall-clock time across a daylight-saving change (02:30 on a spring-forward day moves on).
  return local
    .startOf('day')
    .plus({ days: s.weekday - local.weekday })
    .set({ hour: s.hour, minute: s.minute, second: 0, millisecond: 0 });
}

/** The latest digest time at or before `now`. */
export function latestDigestSlot(now: Date, s: DigestSchedule): DigestSlot {
  const local = DateTime.fromJSDate(now, { zone: s.timeZone });
  let slot = slotOfWeek(local, s);
  if (slot.toMillis() > now.getTime()) slot = slotOfWeek(local.minus({ weeks: 1 }), s);
  return { day: slot.toISODate() ?? '', at: slot.toJSDate() };
}

/** The first digest time after `now` (what a preview shows: the digest that would go out next). */
export function nextDigestSlot(now: Date, s: DigestSchedule): DigestSlot {
  const local = DateTime.fromJSDate(now, { zone: s.timeZone });
  let slot = slotOfWeek(local, s);
  if (slot.toMillis() <= now.getTime()) slot = slotOfWeek(local.plus({ weeks: 1 }), s);
  return { day: slot.toISODate() ?? '', at: slot.toJSDate() };
}

/** True when the latest slot has come and is not too late to post. */
export function isPostable(slot: DigestSlot, now: Date): boolean {
  const late = now.getTime() - slot.at.getTime();
  return late >= 0 && late <= DIGEST_LATE_LIMIT_MS;
}
