import type { JobContext } from '../../jobs/job-context';
import { enqueue, type OutboxHandler } from '../../jobs/outbox';
import { localDay } from '../../lib/time';
import { mayPing, nextWorkingMorning, type Person } from '../../lib/working-time';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { openCommitments } from '../commitments';
import { text } from './messages';
import { CheckinModel, CheckinReplyModel, repliedByOf, type Checkin, type CheckinReply } from './model';
import { checkinPrompt, type PromptInput } from './prompt-view';
import { HOUR_MS } from '../../lib/durations';

/** A prompt posted more than this after its due time says that it comes late. */
const LATE_AFTER_MS = 6 * HOUR_MS;

/** Everything the prompt shows, read fresh from the database. */
export async function loadPromptInput(
  checkin: Checkin,
  pair: Pair,
  at: Date,
  people?: Map<string, Participant>,
): Promise<PromptInput> {
  people ??= await participantsOf(pair);
  const { mentor, mentee } = byRole(pair, people);
  const menteeTz = mentee?.tz ?? 'UTC';
  const today = localDay(at, menteeTz);
  const openSteps = (await openCommitments(pair._id, 10)).map((c) => ({
    owner: people.get(c.ownerId)?.name || text.yourPartner(),
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
    goalTitles: pair.goals.filter((g) => g.status !== 'dropped').map((g) => g.title),
    openSteps,
    repliedBy: repliedByOf(checkin),
    quickAnswers: await quickAnswersOf(checkin),
    answerBy: await answerByOf(checkin, pair),
  };
}

/** The one-tap answers to this check-in, by person. */
async function quickAnswersOf(checkin: Checkin): Promise<Record<string, 'did_not_meet' | 'skipped'>> {
  const quick = await CheckinReplyModel.find({ checkinId: checkin._id, quick: true }).lean<CheckinReply[]>();
  return Object.fromEntries(quick.map((r) => [r.userId, r.met === 'skipped' ? 'skipped' : 'did_not_meet'] as const));
}

/** Answers are expected by the next check-in: its due time (none after the program's last check-in). */
async function answerByOf(checkin: Checkin, pair: Pair): Promise<Date | undefined> {
  const next = await CheckinModel.findOne({ pairId: checkin.pairId, period: checkin.period + 1 }).lean<Checkin>();
  if (next) return next.dueAt;
  const schedule = pair.schedule;
  return schedule?.nextPeriod === checkin.period + 1 ? (schedule.nextCheckinAt ?? undefined) : undefined;
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
 * nudges feature here, which queues its silence nudges), so check-ins need not know nudges.
 */
export type PromptPostedListener = (
  checkin: Pick<Checkin, '_id' | 'teamId' | 'pairId' | 'period'>,
  participants: Array<{ userId: string; person: Person }>,
  postedAt: Date,
) => Promise<void>;

/** Outbox handler for `checkin_prompt`: posts the prompt in the pair's channel, then tells `onPosted`. */
export const createCheckinPromptHandler = (onPosted: PromptPostedListener): OutboxHandler => ({
  async render(entry, ctx) {
    const checkin = await CheckinModel.findById(entry.ref.checkinId).lean<Checkin>();
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    if (checkin.prompt?.ts) return { op: 'skip', reason: 'already posted' };
    const people = await participantsOf(pair);
    const input = await loadPromptInput(checkin, pair, ctx.now, people);
    const roles = { mentor: pair.mentor.userId, mentee: pair.mentee.userId };
    const loaded: Loaded = { checkin, people, mention: input.mention, roles };
    return { op: 'post', to: pair.channel!.id!, ...checkinPrompt(input), loaded };
  },

  async onSent(_entry, sent, ctx: JobContext, loaded) {
    const { checkin, people, mention, roles } = loaded as Loaded;
    const late = ctx.now.getTime() - checkin.dueAt.getTime() > LATE_AFTER_MS;
    await CheckinModel.updateOne(
      { _id: checkin._id },
      { $set: { prompt: { channelId: sent.channelId, ts: sent.ts, postedAt: ctx.now, late } } },
    );
    const participants = [...people.values()].map((p) => ({ userId: p.userId, person: toPerson(p) }));
    await queueCheckinDms(checkin, people, mention, roles, ctx.now);
    await onPosted(checkin, participants, ctx.now);
  },
});

/**
 * Whoever the prompt could not @-mention (night or a day off for them) gets a short DM at the
 * start of their next working day: the mentor at the check-in's `mentorDmAt`.
 */
async function queueCheckinDms(
  checkin: Checkin,
  people: Map<string, Participant>,
  mention: PromptInput['mention'],
  roles: Loaded['roles'],
  now: Date,
): Promise<void> {
  // No database read unless someone was left unmentioned: the prompt's cost stays the same.
  for (const role of ['mentor', 'mentee'] as const) {
    if (mention[role]) continue;
    const userId = roles[role];
    const person = people.get(userId);
    const planned = role === 'mentor' ? checkin.mentorDmAt : undefined;
    const dueAt =
      planned && planned >= now ? planned : nextWorkingMorning(now, person ? toPerson(person) : { tz: 'UTC' });
    await enqueue({
      key: `checkin-${role}-dm:${checkin._id}`,
      teamId: checkin.teamId,
      kind: 'checkin_dm',
      pairId: checkin.pairId,
      ref: { checkinId: String(checkin._id), userId },
      dueAt,
    });
  }
}
