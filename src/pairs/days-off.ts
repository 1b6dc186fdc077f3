import { AsyncLocalStorage } from 'node:async_hooks';
import { countryCodeOf, publicHolidayOn } from '../lib/holidays';
import { ProgramDayOffModel, type ProgramDayOff } from './days-off-model';

/**
 * A program's days off as staff keep them, by country: days added, and library holidays taken back
 * (people work). Read once per job run or request (see `withDaysOffScope`), then used synchronously.
 */
export interface ProgramDaysOff {
  added: Map<string, Set<string>>;
  removed: Map<string, Set<string>>;
}

export const NO_PROGRAM_DAYS_OFF: ProgramDaysOff = { added: new Map(), removed: new Map() };

/** Program days off kept this long in the past are still read (a check-in due a few days ago). */
const PAST_DAYS_READ = 31;

function toProgramDaysOff(entries: Array<Pick<ProgramDayOff, 'country' | 'day' | 'kind'>>): ProgramDaysOff {
  const result: ProgramDaysOff = { added: new Map(), removed: new Map() };
  for (const e of entries) {
    const into = e.kind === 'off' ? result.added : result.removed;
    const days = into.get(e.country) ?? new Set<string>();
    days.add(e.day);
    into.set(e.country, days);
  }
  return result;
}

/** One read: the team's program days off from a month before `now` on (all of them without `now`). */
export async function readProgramDaysOff(teamId: string, now?: Date): Promise<ProgramDaysOff> {
  const since = now ? new Date(now.getTime() - PAST_DAYS_READ * 86_400_000).toISOString().slice(0, 10) : '';
  const entries = await ProgramDayOffModel.find({ teamId, day: { $gte: since } })
    .select({ country: 1, day: 1, kind: 1 })
    .lean<ProgramDayOff[]>();
  return toProgramDaysOff(entries);
}

interface DaysOffScope {
  now: Date;
  byTeam: Map<string, Promise<ProgramDaysOff>>;
}

const scope = new AsyncLocalStorage<DaysOffScope>();

/**
 * Runs `fn` with a memo of program days off: inside it, each team's days off are read once,
 * whatever the number of people loaded (one job run, one request).
 */
export function withDaysOffScope<T>(now: Date, fn: () => Promise<T>): Promise<T> {
  return scope.run({ now, byTeam: new Map() }, fn);
}

/** The team's program days off: from the scope's memo (read once), else read now (outside any scope). */
export function programDaysOffOf(teamId: string): Promise<ProgramDaysOff> {
  const current = scope.getStore();
  if (!current) return readProgramDaysOff(teamId);
  let known = current.byTeam.get(teamId);
  if (!known) {
    known = readProgramDaysOff(teamId, current.now);
    current.byTeam.set(teamId, known);
  }
  return known;
}

/**
 * Whether a local day is a day off for someone of this country: a program day off, else a public
 * holiday of the library that staff did not take back. Unknown country: only program days off
 * kept for no country ("" never matches), so none.
 */
export function dayOffChecker(country: string | null | undefined, program: ProgramDaysOff): (day: string) => boolean {
  const code = countryCodeOf(country);
  if (!code) return () => false;
  const added = program.added.get(code);
  const removed = program.removed.get(code);
  return (day) => {
    if (added?.has(day)) return true;
    if (removed?.has(day)) return false;
    return publicHolidayOn(code, day) !== undefined;
  };
}

/** After staff changed the team's days off: the next read in this scope reads them again. */
export function forgetProgramDaysOff(teamId: string): void {
  scope.getStore()?.byTeam.delete(teamId);
}
