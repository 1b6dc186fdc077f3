import { enqueue } from '../../jobs/outbox';
import { isObjectIdString } from '../../lib/ids';
import { localDay } from '../../lib/time';
import { UserFacingError } from '../../slack/errors';
import { MAX_GOALS } from '../../pairs/limits';
import { isMember, memberIds } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { participantsOf } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { nextStepsOfReply, recordNextStepsFromReply, type Commitment } from '../commitments';
import { isLiveGoal, recordGoalProgressFromReply } from '../goals';
import { CheckinIds } from './ids';
import { text } from './messages';
import { CheckinModel, CheckinReplyModel, type Checkin, type CheckinReply } from './model';
import { laterCheckinPosted } from './queries';
import { MAX_COMMITMENTS_PER_REPLY, validateReply, type ReplyCandidate, type ReplyRules } from './reply-schemas';

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
  /** The goals the answer covers: the open ones (not achieved, changed or dropped), at most five, in the pair's order. */
  goals: Goal[];
  existing: CheckinReply | null;
  /** The next steps stored from the existing reply, by row. */
  nextSteps: Map<number, Commitment>;
}

export function activeGoals(pair: Pair): Goal[] {
  return (pair.goals as Goal[]).filter(isLiveGoal).slice(0, MAX_GOALS);
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
  if (!isMember(pair, userId) || (teamId && teamId !== pair.teamId)) throw refuse(text.notInPair());
  const existing = await CheckinReplyModel.findOne({ checkinId: checkin._id, userId }).lean<CheckinReply>();
  if (existing && (await laterCheckinPosted(checkin))) throw refuse(text.editingClosed(checkin.period));
  const people = await participantsOf(pair);
  const nextSteps = existing
    ? await nextStepsOfReply(existing._id, MAX_COMMITMENTS_PER_REPLY)
    : new Map<number, Commitment>();
  return { checkin, pair, userId, people, goals: activeGoals(pair), existing, nextSteps };
}

/** What the answer is checked against, for this person now. */
export function replyRules(target: ReplyTarget, now: Date): ReplyRules {
  const tz = target.people.get(target.userId)?.tz ?? 'UTC';
  return {
    today: localDay(now, tz),
    programEnd: target.pair.endDate,
    memberIds: memberIds(target.pair),
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
  if (target.existing?.quick) {
    // A full answer replaces a one-tap answer: it counts as the first answer (no "edited").
    edited = false;
    reply = await CheckinReplyModel.findOneAndUpdate(
      { checkinId: checkin._id, userId },
      { $set: { ...fields, quick: false, submittedAt: now } },
      { returnDocument: 'after' },
    ).lean<CheckinReply>();
    if (!reply) throw new Error('check-in reply vanished while replacing a one-tap answer');
  } else if (edited) {
    reply = await CheckinReplyModel.findOneAndUpdate(
      { checkinId: checkin._id, userId },
      { $set: { ...fields, editedAt: now }, $inc: { editCount: 1 } },
      { returnDocument: 'after' },
    ).lean<CheckinReply>();
    if (!reply) throw new Error('check-in reply vanished during an edit');
  }
  const saved = reply!;

  await recordNextStepsFromReply(
    {
      teamId: pair.teamId,
      pairId: pair._id,
      checkinId: checkin._id,
      period: checkin.period,
      replyId: saved._id,
      by: userId,
    },
    input.nextSteps,
    target.people,
    now,
  );
  // Progress on each goal: a note per goal and answer, and a goal reported as started moves to in progress.
  await recordGoalProgressFromReply(
    { teamId: pair.teamId, pairId: pair._id, replyId: saved._id, by: userId },
    fields.goals.map((g) => ({ goalId: g.goalId, status: g.status, note: g.note })),
    now,
  );
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
