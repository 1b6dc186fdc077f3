import { inLanguage } from '../../i18n';
import { addDays, localDay } from '../../lib/time';
import { mayPing } from '../../lib/working-time';
import { listPairsOf } from '../../pairs/queries';
import { othersThan } from '../../pairs/membership';
import { findParticipants, toPerson } from '../../pairs/participants';
import { ParticipantModel, participantId, type Participant } from '../../pairs/participants-model';
import { slackDay } from '../../slack/dates';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import { andList } from '../../slack/lists';
import { type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import { reslotPairsOf } from '../local';
import { text } from './messages';
import { type AwayRequest, awayArgsSchema } from './schemas';

export interface AwaySpan {
  from: string;
  until: string;
  reason: string;
  by: string;
}

/** The person, or the sentence saying they are not in the program. */
export async function awayPerson(teamId: string, userId: string, self: boolean): Promise<Participant> {
  const found = (await findParticipants(teamId, [userId])).get(userId);
  if (!found) throw new UserFacingError(self ? text.notAParticipant() : text.personNotInProgram(mention(userId)).text);
  return found;
}

/** The person's calendar day now. */
export const todayOf = (p: Pick<Participant, 'tz'>, now: Date) => localDay(now, p.tz);

/** The dates and reason typed, read against the person's own today; a clear sentence when they do not read. */
export function readAwayArgs(rest: string, today: string): AwayRequest {
  const args = awayArgsSchema(today).safeParse(rest);
  if (!args.success) throw new UserFacingError(text.badDates(args.error.issues[0]?.message ?? '').text);
  return args.data;
}

/** The time away now, else the next one (spans over before today are forgotten). */
export function currentOrNext(p: Pick<Participant, 'away'>, today: string): AwaySpan | undefined {
  return [...(p.away ?? [])]
    .filter((a) => a.until >= today)
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((a) => ({ from: a.from, until: a.until, reason: a.reason ?? '', by: a.by }))[0];
}

export type SetOutcome = { status: 'set'; span: AwaySpan } | { status: 'same'; span: AwaySpan };

/**
 * Time away over for at most this many days stays on record: pair health excuses a side's silence
 * on the check-ins due while they were away, and reads that far back (its window is 90 days).
 */
export const PAST_AWAY_KEPT_DAYS = 90;

/**
 * Stores a time away on the person (replacing any it overlaps, dropping those over for longer than
 * PAST_AWAY_KEPT_DAYS), then moves their pairs' next check-ins (a day both people are away moves
 * on). Safe to repeat: the same span again is 'same', and nobody is told twice.
 */
export async function setAway(p: Participant, req: AwayRequest, by: string, now: Date): Promise<SetOutcome> {
  const today = todayOf(p, now);
  const span: AwaySpan = { ...req, by };
  const kept = (p.away ?? []).filter((a) => a.until >= addDays(today, -PAST_AWAY_KEPT_DAYS));
  if (kept.some((a) => a.from === span.from && a.until === span.until && (a.reason ?? '') === span.reason)) {
    return { status: 'same', span };
  }
  const others = kept.filter((a) => a.until < span.from || a.from > span.until);
  const away = [...others, span].sort((a, b) => a.from.localeCompare(b.from));
  await ParticipantModel.updateOne({ _id: participantId(p.teamId, p.userId) }, { $set: { away } });
  await reslotPairsOf(p.teamId, [p.userId], now);
  return { status: 'set', span };
}

/**
 * Ends the time away now and takes back those still to come: the current one ends yesterday.
 * False when there was none.
 */
export async function cancelAway(p: Participant, now: Date): Promise<boolean> {
  const today = todayOf(p, now);
  const spans = p.away ?? [];
  if (!spans.some((a) => a.until >= today)) return false;
  const away = spans
    .filter((a) => a.from < today)
    .map((a) => ({ from: a.from, until: a.until < today ? a.until : addDays(today, -1), reason: a.reason, by: a.by }));
  await ParticipantModel.updateOne({ _id: participantId(p.teamId, p.userId) }, { $set: { away } });
  await reslotPairsOf(p.teamId, [p.userId], now);
  return true;
}

/**
 * Tells each live pair of the person, in its channel and in the pair's language, that they are
 * away (one line; the partner @-mentioned only in their waking hours of a working day). The time
 * away is saved first; a failed post is logged and not retried (the person's own answer says the
 * channel is told).
 */
export async function tellPartners(
  p: Participant,
  span: AwaySpan,
  deps: Pick<AppDeps, 'client' | 'logger'>,
  now: Date,
): Promise<void> {
  const pairs = (await listPairsOf(p.teamId, p.userId)).filter((pair) => pair.channel?.id);
  for (const pair of pairs) {
    const partners = othersThan(pair, p.userId);
    const people = await findParticipants(p.teamId, partners);
    const named: Mrkdwn[] = partners.map((userId) => {
      const person = people.get(userId);
      return !person || mayPing(now, toPerson(person)) ? mention(userId) : mrkdwn`${person.name || userId}`;
    });
    const line = inLanguage(pair.language, () =>
      text.partnerNotice(
        andList(named),
        p.name || text.yourPartner(),
        slackDay(span.from),
        slackDay(span.until),
        span.reason,
      ),
    );
    try {
      await deps.client.chat.postMessage({ channel: pair.channel!.id!, text: line.text });
    } catch (err) {
      deps.logger.warn(`away notice not posted in ${pair.channel!.id}: ${describeError(err)}`);
    }
  }
}
