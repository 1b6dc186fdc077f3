import type { JobContext } from '../../jobs/context';
import type { OutboxHandler } from '../../jobs/outbox';
import { localDay } from '../../lib/time';
import { CommitmentModel } from '../commitments/model';
import { scheduleSilenceNudges } from '../nudges/schedule';
import { PairModel, type Pair } from '../pairing/model';
import type { Participant } from '../participants/model';
import { findParticipants, toPerson } from '../participants/service';
import { CheckinModel, repliedByOf, type Checkin } from './model';
import { checkinPrompt, type PromptInput } from './prompt-view';

/** A prompt posted more than this after its due time says that it comes late. */
const LATE_AFTER_MS = 6 * 3600_000;

/** Everything the prompt shows, read fresh from the database. */
export async function loadPromptInput(
  checkin: Checkin,
  pair: Pair,
  at: Date,
  people?: Map<string, Participant>,
): Promise<PromptInput> {
  people ??= await findParticipants(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
  const mentor = people.get(pair.mentor.userId);
  const mentee = people.get(pair.mentee.userId);
  const menteeTz = mentee?.tz ?? 'UTC';
  const overdue = await CommitmentModel.find({
    pairId: pair._id,
    status: 'open',
    dueDay: { $lt: localDay(at, menteeTz) },
  })
    .sort({ dueDay: 1 })
    .limit(10)
    .lean();
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
    overdue: overdue.map((c) => ({ ownerId: c.ownerId, what: c.what, dueDay: c.dueDay })),
    repliedBy: repliedByOf(checkin),
  };
}

/** Outbox handler for `checkin_prompt`: posts the prompt in the pair's channel, then queues nudges. */
/** What render read, handed to onSent. */
interface Loaded {
  checkin: Checkin;
  people: Map<string, Participant>;
}

export const checkinPromptHandler: OutboxHandler = {
  async render(entry, ctx) {
    const checkin = await CheckinModel.findById(entry.ref.checkinId).lean<Checkin>();
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    if (checkin.prompt?.ts) return { op: 'skip', reason: 'already posted' };
    const people = await findParticipants(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
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
    await scheduleSilenceNudges(checkin, participants, ctx.now);
  },
};
