import type { WebClient } from '@slack/web-api';
import { isValidTimeZone } from '../../../lib/time';
import { describeError, slackErrorCode } from '../../../slack/errors';
import { fetchSlackUser, type SlackUser } from '../../../slack/users';
import type { PairInput } from '../schemas';
import { importText } from './messages';
import { type BadRow, type PersonRef, personKey, type ValidRow } from './validate';

/** What Slack said about one person of the file. */
export type Lookup = { user: SlackUser } | { missing: true } | { error: string };

/** A row whose two people are real, active Slack members, with their IDs in the input. */
export interface ResolvedRow {
  line: number;
  input: PairInput;
  mentorName: string;
  menteeName: string;
}

/** Lookups at once: users.lookupByEmail is Tier 3 (about 50 a minute), users.info Tier 4. */
const CONCURRENCY = 4;

/**
 * Finds each person of the file once: by email with users.lookupByEmail, by member ID with users.info.
 * A 429 is waited out by the client (its Retry-After handling); other failures are kept per person.
 */
export async function lookUpPeople(client: WebClient, refs: PersonRef[]): Promise<Map<string, Lookup>> {
  const byKey = new Map<string, PersonRef>();
  for (const ref of refs) byKey.set(personKey(ref), ref);
  const found = new Map<string, Lookup>();
  const queue = [...byKey.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, ref] = next;
      found.set(key, await lookUp(client, ref));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return found;
}

async function lookUp(client: WebClient, ref: PersonRef): Promise<Lookup> {
  try {
    if (ref.kind === 'member') {
      const user = await fetchSlackUser(client, ref.userId);
      return user ? { user } : { missing: true };
    }
    const res = await client.users.lookupByEmail({ email: ref.email });
    const u = res.user;
    if (!u?.id) return { missing: true };
    return {
      user: {
        id: u.id,
        name: u.real_name || u.profile?.real_name || u.profile?.display_name || u.name || u.id,
        tz: u.tz || undefined,
        isBot: Boolean(u.is_bot) || u.id === 'USLACKBOT',
        deleted: Boolean(u.deleted),
      },
    };
  } catch (err) {
    if (slackErrorCode(err) === 'users_not_found' || slackErrorCode(err) === 'user_not_found') return { missing: true };
    return { error: describeError(err) };
  }
}

/**
 * Puts the people Slack found into the rows, with the checks the form makes when it is submitted
 * (a person, active, not a bot; a time zone from the row or the profile; not the same account
 * twice) and one more: two rows naming the same two accounts in different ways. Pure.
 */
export function applyPeople(rows: ValidRow[], people: Map<string, Lookup>): { resolved: ResolvedRow[]; bad: BadRow[] } {
  const resolved: ResolvedRow[] = [];
  const bad: BadRow[] = [];
  const pairsSeen = new Map<string, number>();
  for (const row of rows) {
    const reasons: string[] = [];
    const mentor = personOf('mentor', row.mentor, people, reasons);
    const mentee = personOf('mentee', row.mentee, people, reasons);
    const mentorTz = row.input.mentor.tz || mentor?.tz || '';
    const menteeTz = row.input.mentee.tz || mentee?.tz || '';
    if (mentor && !isValidTimeZone(mentorTz)) reasons.push(importText.noTimeZone('mentor'));
    if (mentee && !isValidTimeZone(menteeTz)) reasons.push(importText.noTimeZone('mentee'));
    if (mentor && mentee && mentor.id === mentee.id) reasons.push(importText.samePerson());
    if (mentor && mentee && reasons.length === 0) {
      const key = [mentor.id, mentee.id].sort().join(':');
      const first = pairsSeen.get(key);
      if (first !== undefined) reasons.push(importText.sameResolvedPair(first));
      else pairsSeen.set(key, row.line);
    }
    if (reasons.length > 0 || !mentor || !mentee) {
      bad.push({ line: row.line, reasons });
      continue;
    }
    resolved.push({
      line: row.line,
      input: {
        ...row.input,
        mentor: { ...row.input.mentor, userId: mentor.id },
        mentee: { ...row.input.mentee, userId: mentee.id },
      },
      mentorName: mentor.name,
      menteeName: mentee.name,
    });
  }
  return { resolved, bad };
}

function personOf(
  role: 'mentor' | 'mentee',
  ref: PersonRef,
  people: Map<string, Lookup>,
  reasons: string[],
): SlackUser | undefined {
  const found = people.get(personKey(ref));
  if (!found || 'missing' in found) {
    reasons.push(
      ref.kind === 'email' ? importText.noAccountForEmail(role, ref.email) : importText.unknownMember(role, ref.userId),
    );
    return undefined;
  }
  if ('error' in found) {
    reasons.push(importText.lookupFailed(role, found.error));
    return undefined;
  }
  if (found.user.isBot) reasons.push(importText.botAccount(role));
  else if (found.user.deleted) reasons.push(importText.deactivated(role));
  else return found.user;
  return undefined;
}
