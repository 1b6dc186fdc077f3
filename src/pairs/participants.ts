import { countryCodeOf, workingWeekOf } from '../lib/holidays';
import { isLanguage } from '../i18n/languages';
import { noteLanguage } from './known-languages';
import { DEFAULT_WORKING_HOURS, type Person, type WorkingHours } from '../lib/working-time';
import { dayOffChecker, NO_PROGRAM_DAYS_OFF, type ProgramDaysOff, programDaysOffOf } from './days-off';
import { memberIds } from './membership';
import type { Pair } from './model';
import { ParticipantModel, participantId, type Participant } from './participants-model';

export interface ParticipantDetails {
  teamId: string;
  userId: string;
  name: string;
  tz: string;
  country?: string;
  language?: string;
}

/** Creates or refreshes a participant; safe to repeat. */
export async function upsertParticipant(details: ParticipantDetails): Promise<void> {
  const { teamId, userId, ...rest } = details;
  const set: Record<string, unknown> = { name: rest.name, tz: rest.tz };
  if (rest.country) set.country = rest.country;
  if (rest.language) set.language = rest.language;
  const upsert = () =>
    ParticipantModel.updateOne(
      { _id: participantId(teamId, userId) },
      { $set: set, $setOnInsert: { teamId, userId } },
      { upsert: true },
    );
  try {
    await upsert();
  } catch (err) {
    // Two upserts of the same new person at once (two forms for the same people): both tried the
    // insert and one lost on the key. The document exists now, so the retry is an update.
    if ((err as { code?: number }).code !== 11000) throw err;
    await upsert();
  }
  // This process answers them in it from their first click (others, at their next refresh).
  if (isLanguage(rest.language)) noteLanguage(participantId(teamId, userId), rest.language, 'participant');
}

/**
 * Participants as the loaders below return them: with their program's days off (read once per job
 * run or request, see src/pairs/days-off.ts), so `toPerson` can stay synchronous.
 */
type WithDaysOff = { programDaysOff?: ProgramDaysOff };

function withDaysOff<T extends object>(people: T[], program: ProgramDaysOff): Array<T & WithDaysOff> {
  return people.map((p) => Object.assign(p, { programDaysOff: program }));
}

/** The participants with these user IDs, each read by primary key. */
export async function findParticipants(teamId: string, userIds: string[]): Promise<Map<string, Participant>> {
  const unique = [...new Set(userIds)];
  const [found, program] = await Promise.all([
    Promise.all(unique.map((userId) => ParticipantModel.findById(participantId(teamId, userId)).lean<Participant>())),
    unique.length > 0 ? programDaysOffOf(teamId) : NO_PROGRAM_DAYS_OFF,
  ]);
  const known = withDaysOff(
    found.filter((p): p is Participant => p !== null),
    program,
  );
  return new Map(known.map((p) => [p.userId, p]));
}

type ScheduledFields = Pick<Participant, 'tz' | 'workingHours'> & {
  country?: string | null;
  away?: Array<{ from: string; until: string }> | null;
} & WithDaysOff;

/** Whether a local day falls in one of these times away. */
export function awayChecker(away: ScheduledFields['away']): ((day: string) => boolean) | undefined {
  const spans = (away ?? []).map((a) => ({ from: a.from, until: a.until }));
  if (spans.length === 0) return undefined;
  return (day) => spans.some((a) => a.from <= day && day <= a.until);
}

/** The person's usual working hours: theirs once they set them, else their country's week, 09:00–18:00. */
export function usualHoursOf(p: Pick<ScheduledFields, 'workingHours' | 'country'>): WorkingHours {
  const wh = p.workingHours;
  const days = wh?.setByPerson && wh.days.length > 0 ? [...wh.days] : workingWeekOf(countryCodeOf(p.country));
  return {
    startHour: wh?.startHour ?? DEFAULT_WORKING_HOURS.startHour,
    endHour: wh?.endHour ?? DEFAULT_WORKING_HOURS.endHour,
    days,
  };
}

/**
 * The part of a participant that scheduling needs: their usual hours, a temporary change, and their
 * days off (their country's public holidays and the program's days off, from `program` or from what
 * the loaders attached).
 */
export function toPerson(p: ScheduledFields, program?: ProgramDaysOff): Person {
  const temporary = p.workingHours?.temporary;
  const person: Person = {
    tz: p.tz,
    workingHours: usualHoursOf(p),
    temporaryHours:
      temporary && temporary.days.length > 0
        ? {
            startHour: temporary.startHour,
            endHour: temporary.endHour,
            days: [...temporary.days],
            until: temporary.until,
          }
        : undefined,
  };
  const dayOff = dayOffChecker(p.country, program ?? p.programDaysOff ?? NO_PROGRAM_DAYS_OFF);
  const isAway = awayChecker(p.away);
  return {
    ...person,
    isDayOff: isAway ? (day) => isAway(day) || dayOff(day) : dayOff,
    ...(isAway ? { isAway } : {}),
  };
}

/** The pair's two participants, by user ID (either is missing when not on record). */
export async function participantsOf(
  pair: Pick<Pair, 'teamId' | 'mentor' | 'mentee'>,
): Promise<Map<string, Participant>> {
  return findParticipants(pair.teamId, memberIds(pair));
}

/**
 * The two participants of each of many pairs, by pair ID (each a map by user ID, as participantsOf
 * gives): one read by primary key for all of them, whatever the number of pairs.
 */
export async function participantsOfPairs(
  pairs: Array<Pick<Pair, '_id' | 'teamId' | 'mentor' | 'mentee'>>,
): Promise<Map<string, Map<string, Participant>>> {
  const ids = [...new Set(pairs.flatMap((pair) => memberIds(pair).map((u) => participantId(pair.teamId, u))))];
  const teams = [...new Set(pairs.map((pair) => pair.teamId))];
  const [found, programs] = await Promise.all([
    ids.length > 0 ? ParticipantModel.find({ _id: { $in: ids } }).lean<Participant[]>() : [],
    Promise.all(teams.map(async (teamId) => [teamId, await programDaysOffOf(teamId)] as const)),
  ]);
  const programOf = new Map(programs);
  const byId = new Map(
    found.map((p) => [
      participantId(p.teamId, p.userId),
      Object.assign(p, { programDaysOff: programOf.get(p.teamId) ?? NO_PROGRAM_DAYS_OFF }),
    ]),
  );
  return new Map(
    pairs.map((pair) => {
      const people = new Map<string, Participant>();
      for (const userId of memberIds(pair)) {
        const person = byId.get(participantId(pair.teamId, userId));
        if (person) people.set(userId, person);
      }
      return [String(pair._id), people];
    }),
  );
}

/** The pair's mentor and mentee among `people` (either undefined when not on record). */
export function byRole(
  pair: Pick<Pair, 'mentor' | 'mentee'>,
  people: Map<string, Participant>,
): { mentor?: Participant; mentee?: Participant } {
  return { mentor: people.get(pair.mentor.userId), mentee: people.get(pair.mentee.userId) };
}

/**
 * Who of these pairs' people has time away on record, by "<teamId>:<userId>": their time zone and
 * a check of their days away. One read by primary key (only those with time away come back).
 */
export async function awayOfPairs(
  pairs: Array<Pick<Pair, 'teamId' | 'mentor' | 'mentee'>>,
): Promise<Map<string, { tz: string; isAway: (day: string) => boolean; spans: { from: string; until: string }[] }>> {
  const ids = [...new Set(pairs.flatMap((pair) => memberIds(pair).map((u) => participantId(pair.teamId, u))))];
  if (ids.length === 0) return new Map();
  const found = await ParticipantModel.find({ _id: { $in: ids }, 'away.0': { $exists: true } })
    .select({ tz: 1, away: 1 })
    .lean<Array<Pick<Participant, 'tz' | 'away'> & { _id: string }>>();
  const out = new Map<
    string,
    { tz: string; isAway: (day: string) => boolean; spans: { from: string; until: string }[] }
  >();
  for (const p of found) {
    const isAway = awayChecker(p.away);
    if (isAway) out.set(p._id, { tz: p.tz, isAway, spans: p.away.map((a) => ({ from: a.from, until: a.until })) });
  }
  return out;
}
