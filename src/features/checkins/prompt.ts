import type { JobContext } from '../../jobs/job-context';
import type { OutboxHandler } from '../../jobs/outbox';
import { localDay } from '../../lib/time';
import type { Person } from '../../lib/working-time';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { overdueCommitments } from '../commitments';
import { CheckinModel, repliedByOf, type Checkin } from './model';
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
  const overdue = await overdueCommitments(pair._id, localDay(at, menteeTz), 10);
  const postedAt = checkin.prompt?.postedAt ?? at;
  return {
    checkinId: String(checkin._id),
    period: checkin.period,
    kind: checkin.kind,
    dueDay: checkin.dueDay,
    late: checkin.prompt?.late ?? postedAt.getTime() - checkin.dueAt.getTime() > LATE_AFTER_MS,
    postedAt,
    mentor: { userId: pair.mentor.userId, tz: mentor?.tz ?? 'UTC' },
    mentee: { userId: pair.mentee.userId, tz: menteeTz },
    goalTitles: pair.goals.filter((g) => g.status !== 'dropped').map((g) => g.title),
    overdue,
    repliedBy: repliedByOf(checkin),
  };
}

/** What render read, handed to onSent. */
interface Loaded {
  checkin: Checkin;
  people: Map<string, Participant>;
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
    const loaded: Loaded = { checkin, people };
    return { op: 'post', to: pair.channel!.id!, ...checkinPrompt(input), loaded };
  },

  async onSent(_entry, sent, ctx: JobContext, loaded) {
    const { checkin, people } = loaded as Loaded;
    const late = ctx.now.getTime() - checkin.dueAt.getTime() > LATE_AFTER_MS;
    await CheckinModel.updateOne(
      { _id: checkin._id },
      { $set: { prompt: { channelId: sent.channelId, ts: sent.ts, postedAt: ctx.now, late } } },
    );
    const participants = [...people.values()].map((p) => ({ userId: p.userId, person: toPerson(p) }));
    await onPosted(checkin, participants, ctx.now);
  },
});
