import { DAY_MS } from '../../lib/durations';
import type { CheckinFact } from './types';

/**
 * Which posted check-ins count, and the silences in a row they show.
 *
 * A check-in counts as missed once it is over: the next one has been posted, or one check-in
 * period has passed since it was posted. The current one, still open, is never a miss, but a
 * reply to it ends a silence.
 *
 * Paused weeks never count. No check-in is created or posted while a pair is paused (the
 * scheduler and the prompt skip paused pairs), so a pause leaves no check-ins behind; the one
 * check-in a pause can interrupt is the last one before it, which the "welcome back" check-in
 * follows. That one is excused like an open one: a reply to it ends a silence, no reply is no
 * miss (the pair may have paused the day after it was posted).
 *
 * Time away is excused the same way: a side's silence on a check-in due while they were away is
 * no miss for them, and no miss of the pair either (the one left may well wait for the other).
 */
export interface CountedCheckin {
  fact: CheckinFact;
  /** Still open, or interrupted by a pause: no reply to it is no miss. */
  excused: boolean;
}

export function countedCheckins(checkins: CheckinFact[], periodDays: number, now: Date): CountedCheckin[] {
  const sorted = [...checkins].sort((a, b) => a.period - b.period);
  const counted: CountedCheckin[] = [];
  sorted.forEach((fact, i) => {
    const next = sorted[i + 1];
    const over = next !== undefined || now.getTime() - fact.postedAt.getTime() >= periodDays * DAY_MS;
    counted.push({ fact, excused: !over || next?.kind === 'welcome_back' });
  });
  return counted;
}

/** How many of `counted` (oldest first), from the newest back, went without a reply `replied` accepts. */
function inARow(
  counted: CountedCheckin[],
  replied: (c: CheckinFact) => boolean,
  awayExcused: (c: CheckinFact) => boolean,
): number {
  let n = 0;
  for (let i = counted.length - 1; i >= 0; i--) {
    const c = counted[i]!;
    if (replied(c.fact)) break;
    if (!c.excused && !awayExcused(c.fact)) n += 1;
  }
  return n;
}

export interface Streaks {
  /** Missed check-ins in a row: neither side replied. */
  missed: number;
  mentorSilent: number;
  menteeSilent: number;
}

export function streaksOf(counted: CountedCheckin[], mentorId: string, menteeId: string): Streaks {
  return {
    missed: inARow(
      counted,
      (c) => c.repliedBy.length > 0,
      (c) => (c.away?.length ?? 0) > 0,
    ),
    mentorSilent: inARow(
      counted,
      (c) => c.repliedBy.includes(mentorId),
      (c) => c.away?.includes(mentorId) ?? false,
    ),
    menteeSilent: inARow(
      counted,
      (c) => c.repliedBy.includes(menteeId),
      (c) => c.away?.includes(menteeId) ?? false,
    ),
  };
}
