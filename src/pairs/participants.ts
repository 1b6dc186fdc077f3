import type { Person } from '../lib/working-time';
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
}

/** The participants with these user IDs, each read by primary key. */
export async function findParticipants(teamId: string, userIds: string[]): Promise<Map<string, Participant>> {
  const unique = [...new Set(userIds)];
  const found = await Promise.all(
    unique.map((userId) => ParticipantModel.findById(participantId(teamId, userId)).lean<Participant>()),
  );
  return new Map(found.filter((p): p is Participant => p !== null).map((p) => [p.userId, p]));
}

/** The part of a participant that scheduling needs. */
export function toPerson(p: Pick<Participant, 'tz' | 'workingHours'>): Person {
  const wh = p.workingHours;
  return {
    tz: p.tz,
    workingHours: wh ? { startHour: wh.startHour, endHour: wh.endHour, days: [...wh.days] } : undefined,
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
  const found = ids.length > 0 ? await ParticipantModel.find({ _id: { $in: ids } }).lean<Participant[]>() : [];
  const byId = new Map(found.map((p) => [participantId(p.teamId, p.userId), p]));
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
