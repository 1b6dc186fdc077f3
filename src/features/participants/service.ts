import type { Person } from '../../lib/working-time';
import { ParticipantModel, participantId, type Participant } from './model';

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
  await ParticipantModel.updateOne(
    { _id: participantId(teamId, userId) },
    { $set: set, $setOnInsert: { teamId, userId } },
    { upsert: true },
  );
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
