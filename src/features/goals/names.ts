import type { WebClient } from '@slack/web-api';
import { memberIds } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import { findParticipants } from '../../pairs/participants';
import { fetchSlackUser } from '../../slack/users';

/**
 * People's names for lines in the pair's channel: shown as names, never as mentions (a goal
 * change is news, not a ping). Participants from their record; anyone else (staff) from Slack.
 */
export async function namesOf(client: WebClient, teamId: string, userIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds.filter(Boolean))];
  const known = await findParticipants(teamId, unique);
  const names = new Map([...known].map(([id, p]) => [id, p.name]));
  for (const id of unique) {
    if (names.has(id)) continue;
    const user = await fetchSlackUser(client, id).catch(() => null);
    names.set(id, user?.name ?? id);
  }
  return names;
}

/** The pair's people, and these others. */
export const pairNames = (client: WebClient, pair: Pair, others: string[] = []) =>
  namesOf(client, pair.teamId, [...memberIds(pair), ...others]);
