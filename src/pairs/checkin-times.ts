import { Types } from 'mongoose';
import { addDays, localDay } from '../lib/time';
import { checkinSlot, type Person, presentAnyway, workingDayOnOrAfter } from '../lib/working-time';

/**
 * Check-in time maths: when a pair's next check-in falls (its cadence, the mentee's working days,
 * an hour when nobody is pinged at night or on their weekend: lib/working-time.ts `checkinSlot`). The result is stored on the pair (`pair.schedule`); pairing, check-ins
 * and pause all compute it, so it lives with the pair.
 */
export type CheckinKind = 'regular' | 'welcome_back';

export interface PairRhythm {
  cadence: string;
  startDate: string;
  endDate: string;
}

/** What the scheduler creates next for a pair; `nextCheckinAt` null when the program has no check-in left. */
export interface ScheduleState {
  nextPeriod: number;
  /** The id the check-in will have: creating it is an insert by primary key, safe to repeat. */
  nextCheckinId: Types.ObjectId;
  nextDueDay: string | null;
  nextCheckinAt: Date | null;
  nextKind: CheckinKind;
  /** False when the prompt goes out outside the mentor's waking hours: it names them without an @-mention. */
  nextMentionMentor: boolean;
  /** When not mentioned, the mentor gets a short DM then (the next 09:00 of their working day); else null. */
  nextMentorDmAt: Date | null;
}

export function intervalDays(cadence: string): number {
  return cadence === 'biweekly' ? 14 : 7;
}

/**
 * The day itself, or the next day the mentee works (a due day on their weekend or a day off moves
 * forward). Time away of one side does not move it (the prompt goes out, the one away is not
 * @-mentioned); a day both are away does, past the end of the shorter time away.
 */
function onMenteeWorkingDay(day: string, mentor: Person, mentee: Person): string {
  const present = presentAnyway(mentee);
  let d = workingDayOnOrAfter(day, present);
  for (let guard = 0; guard < 400 && mentee.isAway?.(d) && mentor.isAway?.(d); guard++) {
    d = workingDayOnOrAfter(addDays(d, 1), present);
  }
  return d;
}

function slot(
  period: number,
  nominalDay: string,
  kind: CheckinKind,
  rhythm: PairRhythm,
  mentor: Person,
  mentee: Person,
): ScheduleState {
  const nextCheckinId = new Types.ObjectId();
  if (nominalDay > rhythm.endDate)
    return {
      nextPeriod: period,
      nextCheckinId,
      nextDueDay: null,
      nextCheckinAt: null,
      nextKind: kind,
      nextMentionMentor: true,
      nextMentorDmAt: null,
    };
  const day = onMenteeWorkingDay(nominalDay, mentor, mentee);
  // The hour is chosen as if nobody were away; the prompt leaves the @-mention of whoever is away out.
  const chosen = checkinSlot(day, presentAnyway(mentor), presentAnyway(mentee));
  return {
    nextPeriod: period,
    nextCheckinId,
    nextDueDay: day,
    nextCheckinAt: chosen.at,
    nextKind: kind,
    nextMentionMentor: chosen.mentionMentor,
    nextMentorDmAt: chosen.mentionMentor ? null : chosen.mentorDmAt,
  };
}

/** The first check-in: one interval after the program starts. */
export function firstSchedule(rhythm: PairRhythm, mentor: Person, mentee: Person): ScheduleState {
  return slot(1, addDays(rhythm.startDate, intervalDays(rhythm.cadence)), 'regular', rhythm, mentor, mentee);
}

/** The check-in after `period` (due on `dueDay`): one interval later. */
export function scheduleAfter(
  period: number,
  dueDay: string,
  rhythm: PairRhythm,
  mentor: Person,
  mentee: Person,
): ScheduleState {
  return slot(period + 1, addDays(dueDay, intervalDays(rhythm.cadence)), 'regular', rhythm, mentor, mentee);
}

/**
 * The same next check-in (period, id, due day), at the hour that suits the people now in the pair:
 * after staff put someone new on one side, whose time zone and working days differ.
 */
export function reslotFor(
  state: Pick<ScheduleState, 'nextPeriod' | 'nextCheckinId' | 'nextDueDay' | 'nextKind'>,
  rhythm: PairRhythm,
  mentor: Person,
  mentee: Person,
): ScheduleState | undefined {
  if (!state.nextDueDay) return undefined;
  const again = slot(state.nextPeriod, state.nextDueDay, state.nextKind, rhythm, mentor, mentee);
  return { ...again, nextCheckinId: state.nextCheckinId };
}

/**
 * After a pause: a "welcome back" check-in at the first slot from `now` on (today in the
 * mentee's time zone if its slot is still ahead, else the next working day).
 */
export function welcomeBackSchedule(
  now: Date,
  period: number,
  rhythm: PairRhythm,
  mentor: Person,
  mentee: Person,
): ScheduleState {
  let day = localDay(now, mentee.tz);
  for (let i = 0; i < 14; i++, day = addDays(day, 1)) {
    const state = slot(period, day, 'welcome_back', rhythm, mentor, mentee);
    if (!state.nextCheckinAt || state.nextDueDay !== day) continue;
    if (state.nextCheckinAt >= now) return state;
  }
  return slot(period, day, 'welcome_back', rhythm, mentor, mentee);
}
