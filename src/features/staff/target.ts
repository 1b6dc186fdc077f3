import { channelOfToken } from '../../slack/command-router';
import { isObjectIdString } from '../../lib/ids';
import { PairModel, type Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { staffText as t } from './messages';

/**
 * Which pair a staff command names, and the staff check every staff handler runs first.
 *
 * `<pair>` is `@person` or `#pair-channel`. With `should_escape` on, Slack sends them as tokens,
 * `<@U123|ana>` and `<#C123|mentorship-ana-karim>`: the IDs are read from the tokens, never from
 * the names typed.
 */

/** Throws the staff-only sentence unless `userId` is staff (checked on the server, every time). */
export async function requireStaff(userId: string, deps: Pick<AppDeps, 'staff'>): Promise<void> {
  if (!(await deps.staff.isStaff(userId))) throw new UserFacingError(t.staffOnly());
}

export type PairTarget = { kind: 'person'; userId: string } | { kind: 'channel'; channelId: string };

const PERSON = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
/** A `<@U…>` or `<#C…>` token as a target; undefined for anything else. */
export function parseTarget(word: string): PairTarget | undefined {
  const person = PERSON.exec(word);
  if (person) return { kind: 'person', userId: person[1] };
  const channelId = channelOfToken(word);
  if (channelId) return { kind: 'channel', channelId };
  return undefined;
}

/** True when the command text starts with a person or channel token (a staff member naming a pair). */
export function startsWithTarget(rest: string): boolean {
  return parseTarget(rest.trim().split(/\s+/)[0] ?? '') !== undefined;
}

/** The first word of `rest` as a target, and the words after it; a clear sentence when it is none. */
export function splitTarget(rest: string, usage: string): { target: PairTarget; words: string[] } {
  const [first = '', ...words] = rest.trim().split(/\s+/).filter(Boolean);
  const target = parseTarget(first);
  if (!target) throw new UserFacingError(first ? t.notATarget(first, usage) : t.targetMissing(usage));
  return { target, words };
}

/**
 * The pair a target names. A channel: the pair whose channel it is. A person: their live pair;
 * in several live pairs, the sentence asks for the channel; with none live, their newest ended
 * pair (its status and history can still be read).
 */
export async function findTargetPair(teamId: string, target: PairTarget): Promise<Pair> {
  if (target.kind === 'channel') {
    const pair = await PairModel.findOne({ teamId, 'channel.id': target.channelId })
      .sort({ createdAt: -1 })
      .lean<Pair>();
    if (!pair) throw new UserFacingError(t.notAPairChannel(target.channelId));
    return pair;
  }
  const pairs = await PairModel.find({
    teamId,
    $or: [{ 'mentor.userId': target.userId }, { 'mentee.userId': target.userId }],
  })
    .sort({ createdAt: -1 })
    .lean<Pair[]>();
  const live = pairs.filter((p) => p.status !== 'ended');
  if (live.length === 1) return live[0];
  if (live.length > 1)
    throw new UserFacingError(
      t.severalPairs(
        target.userId,
        live.map((p) => p.channel?.id).filter((id): id is string => Boolean(id)),
      ),
    );
  if (pairs.length > 0) return pairs[0];
  throw new UserFacingError(t.noPairFor(target.userId));
}

/** The pair a button or modal names by id, read again (it may be gone or changed since). */
/** The pair id in a staff modal's private_metadata (JSON { pairId }); '' for anything else, so a forged one reads as a pair gone. */
export function pairIdOfMetadata(raw: string | undefined): string {
  try {
    const parsed = JSON.parse(raw || '{}') as { pairId?: unknown } | null;
    return typeof parsed?.pairId === 'string' ? parsed.pairId : '';
  } catch {
    return '';
  }
}

export async function findPairById(pairId: string): Promise<Pair> {
  const pair = isObjectIdString(pairId) ? await PairModel.findById(pairId).lean<Pair>() : null;
  if (!pair) throw new UserFacingError(t.pairGone());
  return pair;
}
