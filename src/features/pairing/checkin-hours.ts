import { currentLanguage } from '../../i18n';
import { checkinSlot, localParts, type Person } from '../../lib/working-time';
import { firstSchedule, type PairRhythm } from '../../pairs/checkin-times';

/** One person's local time of a check-in, as staff read it ("08:00", with the weekday when it differs). */
export interface LocalCheckinTime {
  name: string;
  /** "08:00", or "Sun 19:00" when the person's day differs from the mentee's due day. */
  time: string;
}

/** When a pair's check-ins arrive for each person: staff can spot a bad pairing of hours before it starts. */
export interface CheckinHours {
  cadence: string;
  /** ISO weekday of the first due day (the mentee's calendar). */
  weekday: number;
  mentor: LocalCheckinTime;
  mentee: LocalCheckinTime;
  /** Set when the mentor is not @-mentioned (night or a day off for them): their DM's local day and time ("Mon 09:00"). */
  mentorDm?: string;
}

/** "Mon", "lun.", "الاثنين": an ISO weekday's short name in the reader's language. */
function shortWeekday(isoWeekday: number): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, isoWeekday));
  return new Intl.DateTimeFormat(currentLanguage(), { weekday: 'short', timeZone: 'UTC' }).format(day);
}
const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

function localTime(at: Date, tz: string, referenceDay: string): string {
  const p = localParts(at, tz);
  const time = hhmm(p.hour, p.minute);
  return p.day === referenceDay ? time : `${shortWeekday(p.isoWeekday)} ${time}`;
}

/**
 * The first check-in's hour for each person (checkinSlot on the first due day), in their own local
 * time: plain local times with names, because staff want each person's clock, not their own.
 * Undefined when the program has no check-in.
 */
export function checkinHours(
  rhythm: PairRhythm,
  mentor: Person & { name: string },
  mentee: Person & { name: string },
): CheckinHours | undefined {
  const first = firstSchedule(rhythm, mentor, mentee);
  if (!first.nextDueDay) return undefined;
  const slot = checkinSlot(first.nextDueDay, mentor, mentee);
  const day = first.nextDueDay;
  return {
    cadence: rhythm.cadence,
    weekday: localParts(slot.at, mentee.tz).isoWeekday,
    mentor: { name: mentor.name, time: localTime(slot.at, mentor.tz, day) },
    mentee: { name: mentee.name, time: localTime(slot.at, mentee.tz, day) },
    ...(slot.mentionMentor ? {} : { mentorDm: localTime(slot.mentorDmAt, mentor.tz, '') }),
  };
}
