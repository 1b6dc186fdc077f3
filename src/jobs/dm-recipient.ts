import { nextAllowedDmTime } from '../lib/working-time';
import type { Pair } from '../pairs/model';
import { participantsOf, toPerson } from '../pairs/participants';
import type { Participant } from '../pairs/participants-model';
import type { Rendered } from './outbox';

/**
 * The first steps of every DM the outbox sends to a member of a pair: find the pair's people, skip
 * when the recipient is not on record, and wait for their waking hours on a working day.
 * Returns the people when the DM may go now, else the outcome to render.
 */
export async function dmRecipientNow(
  pair: Pick<Pair, 'teamId' | 'mentor' | 'mentee'>,
  userId: string,
  now: Date,
): Promise<{ people: Map<string, Participant>; me: Participant } | Rendered> {
  const people = await participantsOf(pair);
  const me = people.get(userId);
  if (!me) return { op: 'skip', reason: 'participant unknown' }; // i18n-exempt: internal reason
  const allowed = nextAllowedDmTime(now, toPerson(me));
  // i18n-exempt: internal reason
  if (allowed.getTime() > now.getTime()) return { op: 'defer', until: allowed, reason: 'quiet hours' };
  return { people, me };
}
