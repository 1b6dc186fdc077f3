import { currentLanguage } from '../../i18n';
import { addDays, isIsoDay, localDay } from '../../lib/time';
import { countryCodeOf, countryNameOf, publicHolidayOn } from '../../lib/holidays';
import { isWorkingDay } from '../../lib/working-time';
import { ProgramDayOffModel, programDayOffId, type ProgramDayOff } from '../../pairs/days-off-model';
import { findParticipants, toPerson, usualHoursOf } from '../../pairs/participants';
import { ParticipantModel, participantId, type Participant } from '../../pairs/participants-model';
import { UserFacingError } from '../../slack/errors';
import { LocalIds } from './ids';
import { text } from './messages';
import type { HoursForm } from './schemas';

/** Upcoming days off are shown this far ahead. */
export const UPCOMING_DAYS = 60;

export interface UpcomingDayOff {
  day: string;
  name: string;
  estimated: boolean;
}

export interface HoursOverview {
  tz: string;
  days: number[];
  startHour: number;
  endHour: number;
  countryCode?: string;
  countryName?: string;
  temporary?: { startHour: number; endHour: number; until: string };
  upcoming: UpcomingDayOff[];
}

async function participantOf(teamId: string, userId: string): Promise<Participant> {
  const found = (await findParticipants(teamId, [userId])).get(userId);
  if (!found) throw new UserFacingError(text.notAParticipant());
  return found;
}

/** The person's working week, hours, country, a temporary change still to come, and their next days off. */
export async function hoursOverview(teamId: string, userId: string, now: Date): Promise<HoursOverview> {
  const p = await participantOf(teamId, userId);
  const person = toPerson(p);
  const usual = usualHoursOf(p);
  const code = countryCodeOf(p.country);
  const today = localDay(now, p.tz);
  const named = code
    ? await ProgramDayOffModel.find({ teamId, country: code, kind: 'off', day: { $gte: today } })
        .select({ day: 1, name: 1 })
        .lean<ProgramDayOff[]>()
    : [];
  const programName = new Map(named.map((e) => [e.day, e.name ?? '']));
  const upcoming: UpcomingDayOff[] = [];
  for (let k = 0; k < UPCOMING_DAYS; k++) {
    const day = addDays(today, k);
    // A day off on the person's weekend changes nothing for them: only the ones that move something.
    if (!person.isDayOff?.(day) || !isWorkingDay({ ...person, isDayOff: undefined }, day)) continue;
    const holiday = publicHolidayOn(code, day, currentLanguage());
    upcoming.push({
      day,
      name: programName.get(day) || holiday?.name || '',
      estimated: !programName.has(day) && Boolean(holiday?.estimated),
    });
  }
  const temporary = p.workingHours?.temporary;
  return {
    tz: p.tz,
    days: usual.days,
    startHour: usual.startHour,
    endHour: usual.endHour,
    countryCode: code,
    countryName: code ? countryNameOf(code, currentLanguage()) : undefined,
    temporary:
      temporary && temporary.until >= today
        ? { startHour: temporary.startHour, endHour: temporary.endHour, until: temporary.until }
        : undefined,
    upcoming,
  };
}

/** Checks the form as the person filled it; field errors keyed by block_id. */
export function checkHoursForm(form: HoursForm, today: string): void {
  const errors: Record<string, string> = {};
  const B = LocalIds.block;
  if (form.days.length === 0) errors[B.days] = text.noDays();
  if (form.endHour <= form.startHour) errors[B.end] = text.endBeforeStart();
  if (form.temporary) {
    if (form.temporary.endHour <= form.temporary.startHour) errors[B.temporaryEnd] = text.endBeforeStart();
    if (!isIsoDay(form.temporary.until) || form.temporary.until < today) errors[B.temporaryUntil] = text.untilInPast();
  }
  if (Object.keys(errors).length > 0) throw new UserFacingError(Object.values(errors)[0], errors);
}

/** Saves the person's own working week and hours (and the temporary change, or none). */
export async function saveHours(teamId: string, userId: string, form: HoursForm, now: Date): Promise<void> {
  const p = await participantOf(teamId, userId);
  checkHoursForm(form, localDay(now, p.tz));
  await ParticipantModel.updateOne(
    { _id: participantId(teamId, userId) },
    {
      $set: {
        'workingHours.days': [...new Set(form.days)].sort(),
        'workingHours.startHour': form.startHour,
        'workingHours.endHour': form.endHour,
        'workingHours.setByPerson': true,
        'workingHours.temporary': form.temporary ? { ...form.temporary, days: [...new Set(form.days)].sort() } : null,
      },
    },
  );
}

/** A country as staff typed it, as its ISO code; a clear sentence when unknown. */
export function countryOfCommand(typed: string): string {
  const code = countryCodeOf(typed);
  if (!code) throw new UserFacingError(text.badCountry(typed));
  return code;
}

export function dayOfCommand(typed: string): string {
  if (!isIsoDay(typed)) throw new UserFacingError(text.badDay(typed));
  return typed;
}

/** Makes `day` a day off for everyone of `country` in the program (safe to repeat). */
export async function addProgramDayOff(teamId: string, country: string, day: string, name: string, by: string) {
  await ProgramDayOffModel.updateOne(
    { _id: programDayOffId(teamId, country, day) },
    { $set: { teamId, country, day, kind: 'off', name, addedBy: by } },
    { upsert: true },
  );
}

/**
 * Takes a day off back: a program day off is removed; a public holiday of the library becomes a
 * working day for the program (the moon was sighted a day later, say). What happened, or 'nothing'.
 */
export async function removeProgramDayOff(
  teamId: string,
  country: string,
  day: string,
  by: string,
): Promise<'removed' | 'holiday_taken_back' | 'nothing'> {
  const id = programDayOffId(teamId, country, day);
  const existing = await ProgramDayOffModel.findById(id).lean<ProgramDayOff>();
  const holiday = publicHolidayOn(country, day);
  if (holiday && existing?.kind !== 'working') {
    await ProgramDayOffModel.updateOne(
      { _id: id },
      { $set: { teamId, country, day, kind: 'working', name: holiday.name, addedBy: by } },
      { upsert: true },
    );
    return 'holiday_taken_back';
  }
  if (existing?.kind === 'off') {
    await ProgramDayOffModel.deleteOne({ _id: id });
    return 'removed';
  }
  return 'nothing';
}

/** The program's days off (and holidays taken back) from `today` on, by day. */
export async function listProgramDaysOff(teamId: string, today: string): Promise<ProgramDayOff[]> {
  return ProgramDayOffModel.find({ teamId, day: { $gte: today } })
    .sort({ day: 1, country: 1 })
    .limit(100)
    .lean<ProgramDayOff[]>();
}
