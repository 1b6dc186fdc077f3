import { enqueue } from '../../jobs/outbox';
import { isObjectIdString } from '../../lib/ids';
import { localDay } from '../../lib/time';
import { UserFacingError } from '../../slack/errors';
import { CommitmentModel, type Commitment } from '../commitments/model';
import { reminderTime } from '../commitments/schedule';
import { MAX_GOALS } from '../pairing/ids';
import { PairModel, type Pair } from '../pairing/model';
import type { Participant } from '../participants/model';
import { findParticipants, toPerson } from '../participants/service';
import { CheckinIds, MAX_COMMITMENTS_PER_REPLY } from './ids';
import { text } from './messages';
import { CheckinModel, CheckinReplyModel, type Checkin, type CheckinReply } from './model';
import { validateReply, type ReplyCandidate, type ReplyRules } from './reply-schemas';

/** A refusal shown on the modal's first field (and as an ephemeral message for the button). */
function refuse(message: string): UserFacingError {
  return new UserFacingError(message, { [CheckinIds.block.met]: message });
}

type Goal = Pair['goals'][number] & { _id?: unknown };

/** Everything a reply needs, checked: the person is in the pair and may (still) answer. */
export interface ReplyTarget {
  checkin: Checkin;
  pair: Pair;
  userId: string;
  people: Map<string, Participant>;
  /** The goals the answer covers: not dropped, at most five, in the pair's order. */
  goals: Goal[];
  existing: CheckinReply | null;
  /** The next steps stored from the existing reply, by row. */
  nextSteps: Map<number, Commitment>;
}

export function sourceKey(replyId: unknown, row: number): string {
  return `${String(replyId)}:${row}`;
}

export function activeGoals(pair: Pair): Goal[] {
  return (pair.goals as Goal[]).filter((g) => g.status !== 'dropped').slice(0, MAX_GOALS);
}

/** True once a check-in after this one has been posted: answers to this one are then final. */
export async function laterCheckinPosted(checkin: Checkin): Promise<boolean> {
  return Boolean(
    await CheckinModel.exists({
      pairId: checkin.pairId,
      period: { $gt: checkin.period },
      'prompt.ts': { $exists: true },
    }),
  );
}

/**
 * Loads the check-in, its pair and the person's earlier answer, and checks (on the server) that
 * the person is the pair's mentor or mentee and that an earlier answer is still editable.
 * A first answer is always accepted, even after the next check-in went out: it counts for its period.
 */
export async function loadReplyTarget(checkinId: string, userId: string, teamId?: string): Promise<ReplyTarget> {
  if (!isObjectIdString(checkinId)) throw refuse(text.checkinNotFound());
  const checkin = await CheckinModel.findById(checkinId).lean<Checkin>();
  const pair = checkin ? await PairModel.findById(checkin.pairId).lean<Pair>() : null;
  if (!checkin || !pair) throw refuse(text.checkinNotFound());
  const member = userId === pair.mentor.userId || userId === pair.mentee.userId;
  if (!member || (teamId && teamId !== pair.teamId)) throw refuse(text.notInPair());
  const existing = await CheckinReplyModel.findOne({ checkinId: checkin._id, userId }).lean<CheckinReply>();
  if (existing && (await laterCheckinPosted(checkin))) throw refuse(text.editingClosed(checkin.period));
  const people = await findParticipants(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
  const nextSteps = new Map<number, Commitment>();
  if (existing) {
    const keys = Array.from({ length: MAX_COMMITMENTS_PER_REPLY }, (_, i) => sourceKey(existing._id, i + 1));
    for (const c of await CommitmentModel.find({ sourceKey: { $in: keys } }).lean<Commitment[]>()) {
      nextSteps.set(Number(c.sourceKey.split(':')[1]), c);
    }
  }
  return { checkin, pair, userId, people, goals: activeGoals(pair), existing, nextSteps };
}

/** What the answer is checked against, for this person now. */
export function replyRules(target: ReplyTarget, now: Date): ReplyRules {
  const tz = target.people.get(target.userId)?.tz ?? 'UTC';
  return {
    today: localDay(now, tz),
    programEnd: target.pair.endDate,
    memberIds: [target.pair.mentor.userId, target.pair.mentee.userId],
    goalCount: target.goals.length,
    keptDueDays: Object.fromEntries([...target.nextSteps].map(([row, c]) => [row, c.dueDay])),
  };
}

export interface SavedReply {
  reply: CheckinReply;
  edited: boolean;
}

/**
 * Stores an answer, before any Slack side effect: the reply (one per person and check-in; an
 * edit updates it), its next steps as commitments (one per row, so an edit never duplicates),
 * the check-in's "replied" mark, the pair's activity (ending an at-risk episode), and the
 * summary for the prompt's thread in the outbox. Validates again with the modal's schema.
 */
export async function saveReply(target: ReplyTarget, candidate: ReplyCandidate, now: Date): Promise<SavedReply> {
  const validation = validateReply(candidate, replyRules(target, now));
  if (!validation.ok) throw new UserFacingError(text.fixTheForm(), validation.errors);
  const input = validation.input;
  const { checkin, pair, userId } = target;

  const fields = {
    met: input.met,
    goals: target.goals.map((g, i) => ({
      goalId: String(g._id),
      title: g.title,
      status: input.goals[i].status,
      note: input.goals[i].note,
    })),
    worked: input.worked,
    didNotWork: input.didNotWork,
    adaptation: input.adaptation,
    blockers: input.blockers,
    staffNote: input.staffNote,
  };

  let reply: CheckinReply | null = null;
  let edited = Boolean(target.existing);
  if (!target.existing) {
    try {
      const doc = await CheckinReplyModel.create({
        teamId: pair.teamId,
        pairId: pair._id,
        checkinId: checkin._id,
        period: checkin.period,
        userId,
        ...fields,
        submittedAt: now,
      });
      reply = doc.toObject() as CheckinReply;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      edited = true; // the same person answered in another window a moment ago
    }
  }
  if (edited) {
    reply = await CheckinReplyModel.findOneAndUpdate(
      { checkinId: checkin._id, userId },
      { $set: { ...fields, editedAt: now }, $inc: { editCount: 1 } },
      { returnDocument: 'after' },
    ).lean<CheckinReply>();
    if (!reply) throw new Error('check-in reply vanished during an edit');
  }
  const saved = reply!;

  for (const step of input.nextSteps) {
    await saveNextStep(target, saved, step, now);
  }
  await CheckinModel.updateOne({ _id: checkin._id }, { $addToSet: { repliedBy: userId } });
  await PairModel.updateOne({ _id: pair._id }, { $set: { lastActivityAt: now }, $unset: { atRisk: '' } });
  await enqueue({
    key: `summary:${saved._id}:${saved.editCount ?? 0}`,
    teamId: pair.teamId,
    kind: 'reply_summary',
    pairId: pair._id,
    ref: { replyId: String(saved._id) },
    dueAt: now,
  });
  return { reply: saved, edited };
}

async function saveNextStep(
  target: ReplyTarget,
  reply: CheckinReply,
  step: { row: number; what: string; ownerId: string; dueDay: string },
  now: Date,
): Promise<void> {
  const key = sourceKey(reply._id, step.row);
  if (!step.what) {
    // An emptied row: the step is withdrawn, unless it was already done or dropped.
    await CommitmentModel.deleteOne({ sourceKey: key, status: 'open' });
    return;
  }
  const owner = target.people.get(step.ownerId);
  const remindAt = reminderTime(step.dueDay, owner ? toPerson(owner) : { tz: 'UTC' });
  const values = { ownerId: step.ownerId, what: step.what, dueDay: step.dueDay, remindAt };
  const found = await CommitmentModel.findOne({ sourceKey: key }).lean<Commitment>();
  if (!found) {
    try {
      await CommitmentModel.create({
        teamId: target.pair.teamId,
        pairId: target.pair._id,
        checkinId: target.checkin._id,
        sourceKey: key,
        ...values,
        createdBy: target.userId,
        history: [{ at: now, by: target.userId, change: 'created' }],
      });
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  const current = found ?? (await CommitmentModel.findOne({ sourceKey: key }).lean<Commitment>());
  if (!current || current.status !== 'open') return; // a done or dropped step stays as it is
  const rescheduled = current.ownerId !== values.ownerId || current.dueDay !== values.dueDay;
  if (!rescheduled && current.what === values.what) return;
  // The reminder time is only reset when the owner or the day changed (a reminder already queued stays as it is).
  const set = rescheduled ? values : { what: values.what };
  await CommitmentModel.updateOne(
    { _id: current._id, status: 'open' },
    { $set: set, $push: { history: { at: now, by: target.userId, change: 'edited' } } },
  );
}
