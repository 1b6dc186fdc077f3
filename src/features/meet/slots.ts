/**
 * Meeting slots fair to both people of a pair (pure: no Slack, no database, no Date.now()).
 *
 * A slot is one hour. It is proposed only on a local day that is one of each person's next ten
 * working days (their own working week, less public holidays, program days off and time away),
 * and starts on the hour or half hour of the mentee's clock (and so of the mentor's, unless one
 * of them lives in a :45 zone such as Nepal's).
 *
 * - When the two people's working hours overlap somewhere in that window, the slots are inside
 *   both people's hours: the earliest one on each day, earliest days first.
 * - When they never overlap, the slots are the least bad hours: never before 07:00 or after 22:00
 *   for either, asking first the person whose turn it is to stretch (not the one inconvenienced
 *   last time), then the fewest minutes outside working hours, then the nearest to them.
 *
 * Three slots on three different days when there are three such days; on fewer days, slots that
 * do not overlap each other.
 */
import { addDays } from '../../lib/time';
import { MINUTE_MS } from '../../lib/durations';
import { hoursOn, isWorkingDay, localParts, type Person } from '../../lib/working-time';

export type Side = 'mentor' | 'mentee';
const SIDES: readonly Side[] = ['mentor', 'mentee'];

export const MEET_RULES = {
  /** Slots fall in each person's next this many working days. */
  workingDays: 10,
  slotCount: 3,
  slotMinutes: 60,
  /** The first slot is at least this far from now: time for both to pick, and for the reminder. */
  minLeadMinutes: 120,
  /** A stretched hour stays inside 07:00–22:00 local for both people: never at night. */
  wakingStartHour: 7,
  wakingEndHour: 22,
  /** Working days are looked for this many calendar days ahead, at most (a long time away). */
  maxCalendarDays: 60,
} as const;

export interface SlotOptions {
  /** Who stretched for the last agreed meeting: the other one is asked first this time. */
  lastInconvenienced?: Side | null;
  workingDays?: number;
  count?: number;
  minLeadMinutes?: number;
}

export interface ProposedSlot {
  at: Date;
  /** Names the slot in a button and on the pair: "20261208T0300Z" (the start, UTC). */
  key: string;
  /** Minutes of the hour outside each person's working hours (both 0 inside the overlap). */
  outside: Record<Side, number>;
}

export interface Proposal {
  /** `overlap`: inside both people's hours; `stretch`: the hours never overlap; `none`: no hour at all. */
  mode: 'overlap' | 'stretch' | 'none';
  slots: ProposedSlot[];
  /** Who is asked to stretch (stretch mode only): one side, or both a little. */
  stretch: Side | 'both' | null;
}

/** How one candidate hour sits for one person. */
interface Fit {
  day: string;
  outside: number;
  /** How far the hour reaches past the person's working hours, in minutes (0 inside them). */
  reach: number;
  waking: boolean;
}

interface Candidate {
  at: Date;
  fit: Record<Side, Fit>;
}

/** The person's next `n` working days (local "YYYY-MM-DD"), from their local today. */
function nextWorkingDays(person: Person, from: Date, n: number): Set<string> {
  const today = localParts(from, person.tz).day;
  const days = new Set<string>();
  for (let k = 0; k < MEET_RULES.maxCalendarDays && days.size < n; k++) {
    const day = addDays(today, k);
    if (isWorkingDay(person, day)) days.add(day);
  }
  return days;
}

/** The hour from `at` as `person` lives it, or undefined when it is not on one of their window's days. */
function fitOf(person: Person, at: Date, window: Set<string>): Fit | undefined {
  const p = localParts(at, person.tz);
  if (!window.has(p.day)) return undefined;
  const start = p.hour * 60 + p.minute;
  const end = start + MEET_RULES.slotMinutes;
  const hours = hoursOn(person, p.day);
  const [workStart, workEnd] = [hours.startHour * 60, hours.endHour * 60];
  const inside = Math.max(0, Math.min(end, workEnd) - Math.max(start, workStart));
  const reach = Math.max(0, workStart - start, end - workEnd);
  const waking = start >= MEET_RULES.wakingStartHour * 60 && end <= MEET_RULES.wakingEndHour * 60;
  return { day: p.day, outside: MEET_RULES.slotMinutes - inside, reach, waking };
}

/** "20261208T0300Z": a slot's start, UTC, to the minute. */
export function slotKeyOf(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
}

/**
 * Three one-hour slots for the mentor and the mentee, from `from` on (see the top of this file).
 * `mode: 'none'` when no hour of the window suits both even stretched (time away, say).
 */
export function proposeSlots(mentor: Person, mentee: Person, from: Date, opts: SlotOptions = {}): Proposal {
  const count = opts.count ?? MEET_RULES.slotCount;
  const workingDays = opts.workingDays ?? MEET_RULES.workingDays;
  const people: Record<Side, Person> = { mentor, mentee };
  const windows = {
    mentor: nextWorkingDays(mentor, from, workingDays),
    mentee: nextWorkingDays(mentee, from, workingDays),
  };
  const candidates = candidatesFrom(people, windows, from, opts.minLeadMinutes ?? MEET_RULES.minLeadMinutes);

  const inside = candidates.filter((c) => c.fit.mentor.outside === 0 && c.fit.mentee.outside === 0);
  if (inside.length > 0) return { mode: 'overlap', slots: spreadOut(inside, count), stretch: null };

  const turn: Side = opts.lastInconvenienced === 'mentor' ? 'mentee' : 'mentor';
  const rank = (c: Candidate): number => {
    const out = SIDES.filter((s) => c.fit[s].outside > 0);
    return out.length === 2 ? 2 : out[0] === turn ? 0 : 1;
  };
  const total = (c: Candidate, what: 'outside' | 'reach') => c.fit.mentor[what] + c.fit.mentee[what];
  const stretched = candidates
    .filter((c) => c.fit.mentor.waking && c.fit.mentee.waking)
    .map((c) => ({ c, score: [rank(c), total(c, 'outside'), total(c, 'reach'), c.at.getTime()] }))
    .sort((a, b) => compareScores(a.score, b.score))
    .map((x) => x.c);
  if (stretched.length === 0) return { mode: 'none', slots: [], stretch: null };
  const slots = spreadOut(stretched, count);
  const who = new Set(slots.flatMap((s) => SIDES.filter((side) => s.outside[side] > 0)));
  const stretch = who.size === 1 ? [...who][0] : 'both';
  return { mode: 'stretch', slots, stretch };
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Every half-hour start (mentee's clock) from `from` + lead to the end of both windows, with how it sits for each. */
function candidatesFrom(
  people: Record<Side, Person>,
  windows: Record<Side, Set<string>>,
  from: Date,
  leadMinutes: number,
): Candidate[] {
  const lastDay = [...windows.mentor, ...windows.mentee].sort().at(-1);
  if (!lastDay || windows.mentor.size === 0 || windows.mentee.size === 0) return [];
  // Two days past the last window day in UTC covers every zone's end of that day.
  const end = Date.parse(`${addDays(lastDay, 2)}T00:00:00Z`);
  const quarter = 15 * MINUTE_MS;
  let t = Math.ceil((from.getTime() + leadMinutes * MINUTE_MS) / quarter) * quarter;
  const found: Candidate[] = [];
  for (; t < end; t += quarter) {
    const at = new Date(t);
    if (localParts(at, people.mentee.tz).minute % 30 !== 0) continue;
    const mentor = fitOf(people.mentor, at, windows.mentor);
    const mentee = mentor && fitOf(people.mentee, at, windows.mentee);
    if (mentor && mentee) found.push({ at, fit: { mentor, mentee } });
  }
  return found;
}

/**
 * Up to `count` of the candidates, taken in their order: first one per day (a day neither person
 * has a slot on yet), then, when there are fewer days than slots, any that do not overlap those
 * taken. Returned in time order.
 */
function spreadOut(ordered: Candidate[], count: number): ProposedSlot[] {
  const taken: Candidate[] = [];
  const daysOf = (side: Side) => new Set(taken.map((c) => c.fit[side].day));
  for (const c of ordered) {
    if (taken.length >= count) break;
    if (!daysOf('mentor').has(c.fit.mentor.day) && !daysOf('mentee').has(c.fit.mentee.day)) taken.push(c);
  }
  const apart = (a: Candidate, b: Candidate) =>
    Math.abs(a.at.getTime() - b.at.getTime()) >= MEET_RULES.slotMinutes * MINUTE_MS;
  for (const c of ordered) {
    if (taken.length >= count) break;
    if (taken.every((t) => apart(t, c))) taken.push(c);
  }
  return taken
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((c) => ({
      at: c.at,
      key: slotKeyOf(c.at),
      outside: { mentor: c.fit.mentor.outside, mentee: c.fit.mentee.outside },
    }));
}

/**
 * Who an agreed slot inconvenienced, for the next proposal's turn: the one outside their hours
 * (the one further outside when both were); `previous` when it suited both; on a tie, the one
 * who was not inconvenienced last time.
 */
export function inconveniencedBy(slot: Pick<ProposedSlot, 'outside'>, previous: Side | null): Side | null {
  const { mentor, mentee } = slot.outside;
  if (mentor === 0 && mentee === 0) return previous;
  if (mentor !== mentee) return mentor > mentee ? 'mentor' : 'mentee';
  return previous === 'mentor' ? 'mentee' : 'mentor';
}
