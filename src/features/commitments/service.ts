import type { WebClient } from '@slack/web-api';
import { inLanguage } from '../../i18n';
import { isObjectIdString } from '../../lib/ids';
import { OutboxModel, type OutboxEntry } from '../../jobs/outbox-model';
import { addDays, localDay } from '../../lib/time';
import type { Person } from '../../lib/working-time';
import { UserFacingError } from '../../slack/errors';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { PairModel, type Pair } from '../../pairs/model';
import { findParticipants, toPerson } from '../../pairs/participants';
import { CommitmentIds, reminderKey } from './ids';
import { text } from './messages';
import { CommitmentModel, type Commitment } from './model';
import { reminderTime } from './reminder-time';
import { sentenceMessage } from './views';
import { PROGRAM_RULES } from '../../pairs/limits';

/**
 * The owner's time zone, working days and language, in one read (UTC, Mon–Fri and English when
 * they are not on record).
 */
export async function ownerOf(teamId: string, userId: string): Promise<{ person: Person; language: string }> {
  const found = (await findParticipants(teamId, [userId])).get(userId);
  return found ? { person: toPerson(found), language: found.language } : { person: { tz: 'UTC' }, language: 'en' };
}

/** The owner's time zone and working days (UTC and Mon–Fri when they are not on record). */
export async function ownerPerson(teamId: string, userId: string): Promise<Person> {
  return (await ownerOf(teamId, userId)).person;
}

/**
 * The commitment and its pair, when `userId` owns it. Anyone else gets a refusal (checked here,
 * on the server, for buttons and modal submissions alike); `block` places it on a modal field.
 */
export async function loadOwned(
  commitmentId: string,
  userId: string,
  block?: string,
): Promise<{ commitment: Commitment; pair: Pair | null }> {
  const fail = (sentence: string) => new UserFacingError(sentence, block ? { [block]: sentence } : {});
  if (!isObjectIdString(commitmentId)) throw fail(text.notFound());
  const commitment = await CommitmentModel.findById(commitmentId).lean<Commitment>();
  if (!commitment) throw fail(text.notFound());
  if (commitment.ownerId !== userId) throw fail(text.notOwner());
  const pair = await PairModel.findById(commitment.pairId).lean<Pair>();
  return { commitment, pair };
}

export type DoneOutcome =
  | { status: 'done'; commitment: Commitment; pair: Pair | null }
  | { status: 'already_done' | 'already_dropped'; commitment: Commitment };

/** Marks the commitment done (once: a repeated click finds it done and says so). */
export async function markDone(commitmentId: string, userId: string, now: Date): Promise<DoneOutcome> {
  const { commitment, pair } = await loadOwned(commitmentId, userId);
  const updated = await CommitmentModel.findOneAndUpdate(
    { _id: commitment._id, ownerId: userId, status: 'open' },
    { $set: { status: 'done' }, $unset: { remindAt: '' }, $push: { history: { at: now, by: userId, change: 'done' } } },
    { returnDocument: 'after' },
  ).lean<Commitment>();
  if (updated) return { status: 'done', commitment: updated, pair };
  const current = (await CommitmentModel.findById(commitment._id).lean<Commitment>()) ?? commitment;
  return { status: current.status === 'dropped' ? 'already_dropped' : 'already_done', commitment: current };
}

/** The day the extend modal suggests: a week after the current due day, but after today. */
export function suggestedNewDay(dueDay: string, today: string): string {
  const base = dueDay > today ? dueDay : today;
  return addDays(base, 7);
}

export type ExtendOutcome =
  | { changed: true; commitment: Commitment; pair: Pair | null; oldDay: string }
  | { changed: false };

/**
 * Moves the due day: after the current one, after today in the owner's time zone, and at most
 * 30 days after the program ends. Schedules a fresh reminder. Field errors as UserFacingError.
 */
export async function extendCommitment(
  commitmentId: string,
  userId: string,
  newDay: string,
  now: Date,
): Promise<ExtendOutcome> {
  const B = CommitmentIds.block.newDueDay;
  const fieldError = (sentence: string) => new UserFacingError(sentence, { [B]: sentence });
  const { commitment, pair } = await loadOwned(commitmentId, userId, B);
  if (commitment.status !== 'open')
    throw fieldError(
      commitment.status === 'done'
        ? text.alreadyDoneOnForm(commitment.what)
        : text.alreadyDroppedOnForm(commitment.what),
    );
  // The same form delivered twice: it is already where it should be.
  if (commitment.dueDay === newDay) return { changed: false };

  const person = await ownerPerson(commitment.teamId, userId);
  if (newDay <= commitment.dueDay) throw fieldError(text.dayNotAfterCurrent(commitment.dueDay));
  if (newDay <= localDay(now, person.tz)) throw fieldError(text.dayNotAfterToday());
  if (pair) {
    const latest = addDays(pair.endDate, PROGRAM_RULES.daysAfterProgramEnd);
    if (newDay > latest) throw fieldError(text.dayTooLate(latest));
  }

  const updated = await CommitmentModel.findOneAndUpdate(
    { _id: commitment._id, ownerId: userId, status: 'open', dueDay: commitment.dueDay },
    {
      $set: { dueDay: newDay, remindAt: reminderTime(newDay, person) },
      $push: { history: { at: now, by: userId, change: `due ${commitment.dueDay} -> ${newDay}` } },
    },
    { returnDocument: 'after' },
  ).lean<Commitment>();
  if (updated) return { changed: true, commitment: updated, pair, oldDay: commitment.dueDay };
  // Changed in between (another click, another device): judge again against what is stored now.
  const current = await CommitmentModel.findById(commitment._id).lean<Commitment>();
  if (current?.status === 'open' && current.dueDay === newDay) return { changed: false };
  throw fieldError(current?.status === 'open' ? text.dayNotAfterCurrent(current.dueDay) : text.notOpenForExtend());
}

export type DropOutcome = { changed: true; commitment: Commitment; pair: Pair | null } | { changed: false };

/** Drops the commitment with the owner's reason (shared with the partner). */
export async function dropCommitment(
  commitmentId: string,
  userId: string,
  reason: string,
  now: Date,
): Promise<DropOutcome> {
  const B = CommitmentIds.block.dropReason;
  const { commitment, pair } = await loadOwned(commitmentId, userId, B);
  if (commitment.status === 'dropped') return { changed: false };
  if (commitment.status === 'done')
    throw new UserFacingError(text.alreadyDoneOnForm(commitment.what), {
      [B]: text.alreadyDoneOnForm(commitment.what),
    });
  const updated = await CommitmentModel.findOneAndUpdate(
    { _id: commitment._id, ownerId: userId, status: 'open' },
    {
      $set: { status: 'dropped', dropReason: reason },
      $unset: { remindAt: '' },
      $push: { history: { at: now, by: userId, change: 'dropped' } },
    },
    { returnDocument: 'after' },
  ).lean<Commitment>();
  if (updated) return { changed: true, commitment: updated, pair };
  const current = await CommitmentModel.findById(commitment._id).lean<Commitment>();
  if (current?.status === 'dropped') return { changed: false };
  throw new UserFacingError(text.alreadyDoneOnForm(commitment.what), {
    [B]: text.alreadyDoneOnForm(commitment.what),
  });
}

/**
 * A short note in the pair's channel, so the partner knows: `sentence` is built here, in the pair's
 * common language (whoever acted).
 */
export async function tellPartner(client: WebClient, pair: Pair | null, sentence: () => Mrkdwn): Promise<void> {
  const channel = pair?.channel?.id;
  if (!channel) return;
  await client.chat.postMessage({ channel, ...inLanguage(pair.language, () => sentenceMessage(sentence())) });
}

/**
 * Replaces the reminder DM for `dueDay` (found through its outbox entry, not through anything the
 * form carries) with a sentence, so its buttons are gone. Best effort: false when there is none.
 */
export async function replaceReminder(
  client: WebClient,
  commitmentId: string,
  dueDay: string,
  sentence: Mrkdwn,
): Promise<boolean> {
  const entry = await OutboxModel.findOne({ key: reminderKey(commitmentId, dueDay) }).lean<OutboxEntry>();
  const sent = entry?.sent;
  if (!sent?.channelId || !sent.ts) return false;
  await client.chat.update({ channel: sent.channelId, ts: sent.ts, ...sentenceMessage(sentence) });
  return true;
}
