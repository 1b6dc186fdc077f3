import { randomBytes } from 'node:crypto';
import { claimOnce } from '../../db/claims';
import { enqueue } from '../../jobs/outbox';
import { HOUR_MS } from '../../lib/durations';
import { memberIds, roleOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { type MeetingPick, MeetingPickModel, pickId } from './model';
import { pickValueSchema } from './schemas';
import { inconveniencedBy, type Proposal, type ProposedSlot, proposeSlots, type Side } from './slots';

/** A proposal as stored on the pair (`meeting.proposal`). */
export interface StoredProposal {
  id: string;
  by: string;
  at: Date;
  mode: 'overlap' | 'stretch';
  stretch: Side | 'both' | null;
  slots: ProposedSlot[];
  /** Each side's pick so far (kept in the meet feature's own collection, see model.ts). */
  picks?: Partial<Record<Side, string>>;
  agreedKey?: string | null;
  channelId?: string | null;
  ts?: string | null;
}

export const proposalOf = (pair: Pick<Pair, 'meeting'>): StoredProposal | undefined =>
  (pair.meeting?.proposal?.id ? pair.meeting.proposal : undefined) as StoredProposal | undefined;

/** The pair whose channel this is (the newest, should a channel have held two). */
export function pairOfChannel(teamId: string, channelId: string): Promise<Pair | null> {
  return PairModel.findOne({ teamId, 'channel.id': channelId }).sort({ createdAt: -1 }).lean<Pair>();
}

/** The pair's mentor and mentee as on record; undefined when either is not. */
export async function peopleOf(pair: Pair): Promise<Record<Side, Participant> | undefined> {
  const { mentor, mentee } = byRole(pair, await participantsOf(pair));
  return mentor && mentee ? { mentor, mentee } : undefined;
}

/**
 * Works out three slots for the pair from `now` and stores them as its proposal, replacing any
 * earlier one (whose buttons then answer that it was replaced). Nothing is stored when no hour suits.
 */
export async function proposeMeeting(
  pair: Pair,
  people: Record<Side, Participant>,
  by: string,
  now: Date,
): Promise<{ proposal: Proposal; stored?: StoredProposal }> {
  const proposal = proposeSlots(toPerson(people.mentor), toPerson(people.mentee), now, {
    lastInconvenienced: (pair.meeting?.lastInconvenienced as Side | null | undefined) ?? null,
  });
  if (proposal.mode === 'none') return { proposal };
  const stored: StoredProposal = {
    id: randomBytes(4).toString('hex'),
    by,
    at: now,
    mode: proposal.mode,
    stretch: proposal.stretch,
    slots: proposal.slots,
  };
  await PairModel.updateOne({ _id: pair._id }, { $set: { 'meeting.proposal': stored } });
  // The picks of a replaced proposal are of no use any more.
  await MeetingPickModel.deleteMany({ pairId: pair._id, proposalId: { $ne: stored.id } });
  return { proposal, stored };
}

/** Remembers where the proposal is shown, so picks can update it (unless a newer one replaced it). */
export async function recordShown(pair: Pair, proposalId: string, channelId: string, ts: string): Promise<void> {
  await PairModel.updateOne(
    { _id: pair._id, 'meeting.proposal.id': proposalId },
    { $set: { 'meeting.proposal.channelId': channelId, 'meeting.proposal.ts': ts } },
  );
}

export type PickOutcome =
  | { status: 'gone' | 'not_yours' | 'replaced' | 'unknown_slot' | 'past' }
  | { status: 'agreed_already'; at: Date }
  /** The pick is stored; not (yet) the same as the partner's. */
  | { status: 'picked'; pair: Pair; proposal: StoredProposal; slot: ProposedSlot; partnerId: string }
  /** Both picked this slot: this request agreed it (exactly one request does). */
  | { status: 'agreed'; pair: Pair; proposal: StoredProposal; slot: ProposedSlot };

/** Each side's pick of the proposal so far. */
export async function picksOf(pairId: string, proposalId: string): Promise<Partial<Record<Side, string>>> {
  const found = await MeetingPickModel.find({
    _id: { $in: (['mentor', 'mentee'] as const).map((role) => pickId(pairId, proposalId, role)) },
  }).lean<MeetingPick[]>();
  return Object.fromEntries(found.map((p) => [p.role, p.slotKey]));
}

/** Stores the person's pick (their own document: a repeated press writes the same again). */
async function storePick(pair: Pair, proposalId: string, role: Side, slotKey: string, by: string): Promise<void> {
  const pairId = String(pair._id);
  const write = () =>
    MeetingPickModel.updateOne(
      { _id: pickId(pairId, proposalId, role) },
      { $set: { slotKey, by }, $setOnInsert: { teamId: pair.teamId, pairId: pair._id, proposalId, role } },
      { upsert: true },
    );
  try {
    await write();
  } catch (err) {
    // A double click: both tried the insert and one lost on the key; the document exists now.
    if ((err as { code?: number }).code !== 11000) throw err;
    await write();
  }
}

/**
 * A "Pick" press by `userId`: checked against the pair's current proposal and the person (only
 * its mentor and mentee pick; forged values and outsiders change nothing). A repeated press is
 * the same pick again. Each pick is written before both are read, so of two people picking the
 * same time at once at least the later sees both; the one request that claims the agreement
 * stores it as the pair's next meeting and queues each person's reminder an hour before.
 */
export async function recordPick(value: string, userId: string, now: Date): Promise<PickOutcome> {
  const parsed = pickValueSchema.safeParse(value);
  if (!parsed.success) return { status: 'gone' };
  const { pairId, proposalId, slotKey } = parsed.data;
  const pair = await PairModel.findById(pairId).lean<Pair>();
  if (!pair) return { status: 'gone' };
  const role = roleOf(pair, userId);
  if (!role) return { status: 'not_yours' };
  const current = proposalOf(pair);
  if (!current) return { status: 'gone' };
  if (current.id !== proposalId) return { status: 'replaced' };
  const slot = current.slots.find((s) => s.key === slotKey);
  if (!slot) return { status: 'unknown_slot' };
  const agreed = agreedSlot(current);
  if (agreed) return { status: 'agreed_already', at: agreed.at };
  if (slot.at.getTime() <= now.getTime()) return { status: 'past' };

  await storePick(pair, proposalId, role, slotKey, userId);
  const picks = await picksOf(pairId, proposalId);
  const proposal = { ...current, picks };
  const partnerId = memberIds(pair).find((id) => id !== userId) ?? userId;
  if (picks.mentor !== slotKey || picks.mentee !== slotKey)
    return { status: 'picked', pair, proposal, slot, partnerId };
  // Both pressed at once, or a press delivered twice: one of them agrees, the other says so.
  if (!(await claimOnce(`meet:${pairId}:${proposalId}:agreed`, userId, now)))
    return { status: 'agreed_already', at: slot.at };

  const previous = (pair.meeting?.lastInconvenienced as Side | null | undefined) ?? null;
  await PairModel.updateOne(
    { _id: pair._id },
    {
      $set: {
        'meeting.proposal.agreedKey': slotKey,
        'meeting.next': { at: slot.at, agreedAt: now, slotKey, proposalId },
        'meeting.lastInconvenienced': inconveniencedBy(slot, previous),
      },
    },
  );
  await queueReminders(pair, proposalId, slot, now);
  return { status: 'agreed', pair, proposal: { ...proposal, agreedKey: slotKey }, slot };
}

/** The slot both agreed on, if they have. */
export function agreedSlot(proposal: Pick<StoredProposal, 'agreedKey' | 'slots'>): ProposedSlot | undefined {
  return proposal.agreedKey ? proposal.slots.find((s) => s.key === proposal.agreedKey) : undefined;
}

export const REMINDER_BEFORE_MS = HOUR_MS;

/** Each person's reminder DM an hour before (at once when that is past); one per person and proposal. */
async function queueReminders(pair: Pair, proposalId: string, slot: ProposedSlot, now: Date): Promise<void> {
  const dueAt = new Date(Math.max(slot.at.getTime() - REMINDER_BEFORE_MS, now.getTime()));
  for (const userId of memberIds(pair)) {
    await enqueue({
      key: `meeting:${pair._id}:${proposalId}:${userId}`,
      teamId: pair.teamId,
      kind: 'meeting_reminder',
      pairId: pair._id,
      ref: { userId, proposalId, slotKey: slot.key },
      dueAt,
    });
  }
}
