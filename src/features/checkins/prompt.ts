import { Types } from 'mongoose';
import { inLanguage } from '../../i18n';
import type { JobContext } from '../../jobs/job-context';
import type { AfterSend, NewOutboxEntry, OutboxHandler } from '../../jobs/outbox';
import type { OutboxEntry } from '../../jobs/outbox-model';
import { localDay } from '../../lib/time';
import { mayPing, nextWorkingMorning, type Person } from '../../lib/working-time';
import { isLiveGoal } from '../../pairs/goal-status';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, participantsOfPairs, toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { openCommitments, openCommitmentsOfPairs } from '../commitments';
import { CheckinModel, CheckinReplyModel, repliedByOf, type Checkin, type CheckinReply } from './model';
import { nextCheckinsDue, quickAnswersOfCheckins, type QuickAnswers } from './pairs-batch';
import { checkinPrompt, type PromptInput } from './prompt-view';
import { HOUR_MS } from '../../lib/durations';

/** A prompt posted more than this after its due time says that it comes late. */
const LATE_AFTER_MS = 6 * HOUR_MS;

/** An open commitment as a prompt lists it. */
type OpenStep = { ownerId: string; what: string; dueDay: string };
/** A prompt lists at most this many open commitments, soonest due first. */
const OPEN_STEPS = 10;

/** What a prompt shows besides the check-in, the pair and its people. */
interface PromptExtras {
  openSteps: OpenStep[];
  quickAnswers: QuickAnswers;
  answerBy: Date | undefined;
}

/** Everything the prompt shows, read fresh from the database. */
export async function loadPromptInput(
  checkin: Checkin,
  pair: Pair,
  at: Date,
  people?: Map<string, Participant>,
): Promise<PromptInput> {
  people ??= await participantsOf(pair);
  return promptInputOf(checkin, pair, at, people, {
    openSteps: await openCommitments(pair._id, OPEN_STEPS),
    quickAnswers: await quickAnswersOf(checkin),
    answerBy: await answerByOf(checkin, pair),
  });
}

/** The prompt's content from what was read (for one prompt, or for a batch of them). */
function promptInputOf(
  checkin: Checkin,
  pair: Pair,
  at: Date,
  people: Map<string, Participant>,
  extras: PromptExtras,
): PromptInput {
  const { mentor, mentee } = byRole(pair, people);
  const menteeTz = mentee?.tz ?? 'UTC';
  const today = localDay(at, menteeTz);
  const openSteps = extras.openSteps.map((c) => ({
    owner: people.get(c.ownerId)?.name ?? '',
    what: c.what,
    dueDay: c.dueDay,
    overdue: c.dueDay < today,
  }));
  const postedAt = checkin.prompt?.postedAt ?? at;
  const mentorPerson = mentor ? toPerson(mentor) : { tz: 'UTC' };
  const menteePerson = mentee ? toPerson(mentee) : { tz: menteeTz };
  return {
    checkinId: String(checkin._id),
    period: checkin.period,
    kind: checkin.kind,
    dueDay: checkin.dueDay,
    late: checkin.prompt?.late ?? postedAt.getTime() - checkin.dueAt.getTime() > LATE_AFTER_MS,
    postedAt,
    mentor: { userId: pair.mentor.userId, tz: mentor?.tz ?? 'UTC', name: mentor?.name ?? '' },
    mentee: { userId: pair.mentee.userId, tz: menteeTz, name: mentee?.name ?? '' },
    // Nobody is @-mentioned at night or on their weekend (the hour it is posted, even when late).
    mention: {
      mentor: (checkin.mentionMentor ?? true) && mayPing(postedAt, mentorPerson),
      mentee: mayPing(postedAt, menteePerson),
    },
    goalTitles: pair.goals.filter(isLiveGoal).map((g) => g.title),
    openSteps,
    repliedBy: repliedByOf(checkin),
    quickAnswers: extras.quickAnswers,
    answerBy: extras.answerBy,
  };
}

/** The one-tap answers to this check-in, by person. */
async function quickAnswersOf(checkin: Checkin): Promise<QuickAnswers> {
  const quick = await CheckinReplyModel.find({ checkinId: checkin._id, quick: true }).lean<CheckinReply[]>();
  return Object.fromEntries(quick.map((r) => [r.userId, r.met === 'skipped' ? 'skipped' : 'did_not_meet'] as const));
}

/** Answers are expected by the next check-in: its due time (none after the program's last check-in). */
async function answerByOf(checkin: Checkin, pair: Pair): Promise<Date | undefined> {
  const next = await CheckinModel.findOne({ pairId: checkin.pairId, period: checkin.period + 1 }).lean<Checkin>();
  return answerByFrom(checkin, pair, next?.dueAt);
}

/** The next check-in's due time: the stored next check-in's, else the pair's schedule's when it is the next. */
function answerByFrom(checkin: Checkin, pair: Pair, storedNextDue: Date | undefined): Date | undefined {
  if (storedNextDue) return storedNextDue;
  const schedule = pair.schedule;
  return schedule?.nextPeriod === checkin.period + 1 ? (schedule.nextCheckinAt ?? undefined) : undefined;
}

/**
 * The next check-in can be stored only once the pair's schedule has moved past it: while the
 * schedule's next period is this one's next, its due time is the schedule's and nothing is read.
 */
const nextMayBeStored = (checkin: Checkin, pair: Pair | undefined) => pair?.schedule?.nextPeriod !== checkin.period + 1;

/** What the prompts of a batch need, read once for all of them (see OutboxHandler.load). */
interface PromptBatch {
  checkins: Map<string, Checkin>;
  pairs: Map<string, Pair>;
  /** By pair ID, each pair's people by user ID. */
  people: Map<string, Map<string, Participant>>;
  /** By pair ID. */
  openSteps: Map<string, OpenStep[]>;
  /** By check-in ID. */
  quickAnswers: Map<string, QuickAnswers>;
  /** "<pairId>:<period>" of stored check-ins that come next after one of the batch. */
  nextDue: Map<string, Date>;
}

const objectIds = (values: unknown[]) => [
  ...new Map(
    values.filter((v) => Types.ObjectId.isValid(String(v))).map((v) => [String(v), new Types.ObjectId(String(v))]),
  ).values(),
];

/**
 * Reads what the prompts of these entries show: their check-ins, pairs, people, open steps,
 * one-tap answers and next check-ins, one query each for the whole batch (the last only for the
 * few whose next check-in may already be stored: a catch-up after downtime).
 */
async function loadPromptBatch(entries: OutboxEntry[]): Promise<PromptBatch> {
  const checkinIds = objectIds(entries.map((e) => e.ref.checkinId));
  const pairIds = objectIds(entries.map((e) => e.pairId));
  const [checkins, pairs, quickAnswers, openSteps] = await Promise.all([
    checkinIds.length > 0 ? CheckinModel.find({ _id: { $in: checkinIds } }).lean<Checkin[]>() : [],
    pairIds.length > 0 ? PairModel.find({ _id: { $in: pairIds } }).lean<Pair[]>() : [],
    quickAnswersOfCheckins(checkinIds),
    openStepsOfPairs(pairIds),
  ]);
  const pairsById = new Map(pairs.map((p) => [String(p._id), p]));
  const [people, nextDue] = await Promise.all([
    participantsOfPairs(pairs),
    nextCheckinsDue(checkins.filter((c) => nextMayBeStored(c, pairsById.get(String(c.pairId))))),
  ]);
  return {
    checkins: new Map(checkins.map((c) => [String(c._id), c])),
    pairs: pairsById,
    people,
    openSteps,
    quickAnswers,
    nextDue,
  };
}

/** The open commitments of these pairs, at most OPEN_STEPS a pair, soonest due first, by pair ID: one read. */
async function openStepsOfPairs(pairIds: Types.ObjectId[]): Promise<Map<string, OpenStep[]>> {
  // Soonest first across all the pairs: OPEN_STEPS a pair is in the first rows unless pairs have 100 open on average.
  const rows = await openCommitmentsOfPairs(pairIds, 100 * pairIds.length);
  const byPair = new Map<string, OpenStep[]>();
  for (const row of rows) {
    const steps = byPair.get(row.pairId) ?? [];
    if (steps.length < OPEN_STEPS) steps.push({ ownerId: row.ownerId, what: row.what, dueDay: row.dueDay });
    byPair.set(row.pairId, steps);
  }
  return byPair;
}

/** What render read, handed to onSent. */
interface Loaded {
  checkin: Checkin;
  people: Map<string, Participant>;
  mention: PromptInput['mention'];
  /** The pair's two people by role: who gets a DM when the prompt could not mention them. */
  roles: { mentor: string; mentee: string };
}

/**
 * Told of each prompt once it is in the channel, with the pair's people (the job table wires the
 * nudges feature here, which queues its silence nudges), so check-ins need not know nudges. What
 * it queues goes through `after`, written with the batch of prompts it belongs to.
 */
export type PromptPostedListener = (
  checkin: Pick<Checkin, '_id' | 'teamId' | 'pairId' | 'period'>,
  participants: Array<{ userId: string; person: Person }>,
  postedAt: Date,
  after?: Pick<AfterSend, 'enqueue'>,
) => Promise<void>;

/**
 * Outbox handler for `checkin_prompt`: posts the prompt in the pair's channel, then tells
 * `onPosted`. Sent in batches: `load` reads what a batch of prompts shows in a few queries, and
 * what follows the posts (the check-ins' "posted", the DMs, the nudges) is written together.
 */
export const createCheckinPromptHandler = (onPosted: PromptPostedListener): OutboxHandler => ({
  load: (entries) => loadPromptBatch(entries),

  async render(entry, ctx, batch) {
    const b = (batch as PromptBatch | undefined) ?? (await loadPromptBatch([entry]));
    const checkin = b.checkins.get(String(entry.ref.checkinId));
    const pair = b.pairs.get(String(entry.pairId));
    // i18n-exempt: outbox skip reasons are logged for operators, never shown
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    // i18n-exempt: outbox skip reason, logged
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    // i18n-exempt: outbox skip reason, logged
    if (checkin.prompt?.ts) return { op: 'skip', reason: 'already posted' };
    const pairId = String(pair._id);
    const people = b.people.get(pairId) ?? new Map<string, Participant>();
    const input = promptInputOf(checkin, pair, ctx.now, people, {
      openSteps: b.openSteps.get(pairId) ?? [],
      quickAnswers: b.quickAnswers.get(String(checkin._id)) ?? {},
      answerBy: answerByFrom(checkin, pair, b.nextDue.get(`${pairId}:${checkin.period + 1}`)),
    });
    const roles = { mentor: pair.mentor.userId, mentee: pair.mentee.userId };
    const loaded: Loaded = { checkin, people, mention: input.mention, roles };
    // In the pair's common language: the channel is theirs.
    return { op: 'post', to: pair.channel!.id!, ...inLanguage(pair.language, () => checkinPrompt(input)), loaded };
  },

  async onSent(_entry, sent, ctx: JobContext, loaded, after) {
    const { checkin, people, mention, roles } = loaded as Loaded;
    const late = ctx.now.getTime() - checkin.dueAt.getTime() > LATE_AFTER_MS;
    await after.update(CheckinModel, checkin._id, {
      $set: { prompt: { channelId: sent.channelId, ts: sent.ts, postedAt: ctx.now, late } },
    });
    const participants = [...people.values()].map((p) => ({ userId: p.userId, person: toPerson(p) }));
    for (const dm of checkinDms(checkin, people, mention, roles, ctx.now)) await after.enqueue(dm);
    await onPosted(checkin, participants, ctx.now, after);
  },
});

/**
 * Whoever the prompt could not @-mention (night or a day off for them) gets a short DM at the
 * start of their next working day: the mentor at the check-in's `mentorDmAt`.
 */
function checkinDms(
  checkin: Checkin,
  people: Map<string, Participant>,
  mention: PromptInput['mention'],
  roles: Loaded['roles'],
  now: Date,
): NewOutboxEntry[] {
  const dms: NewOutboxEntry[] = [];
  for (const role of ['mentor', 'mentee'] as const) {
    if (mention[role]) continue;
    const userId = roles[role];
    const person = people.get(userId);
    // Someone away is told nothing: the prompt names them, the partner was told they are away.
    if (person && toPerson(person).isAway?.(localDay(now, person.tz))) continue;
    const planned = role === 'mentor' ? checkin.mentorDmAt : undefined;
    const dueAt =
      planned && planned >= now ? planned : nextWorkingMorning(now, person ? toPerson(person) : { tz: 'UTC' });
    dms.push({
      key: `checkin-${role}-dm:${checkin._id}`,
      teamId: checkin.teamId,
      kind: 'checkin_dm',
      pairId: checkin.pairId,
      ref: { checkinId: String(checkin._id), userId },
      dueAt,
    });
  }
  return dms;
}
