import { Types } from 'mongoose';
import { isObjectIdString } from '../../lib/ids';
import { type ClosedGoalStatus, GOAL_LIMITS, goalStatusOf, isLiveGoal } from '../../pairs/goal-status';
import { MAX_GOALS } from '../../pairs/limits';
import { isMember } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { UserFacingError } from '../../slack/errors';
import { GoalIds } from './ids';
import { text } from './messages';
import { GoalNoteModel, type GoalNote } from './model';
import type { CloseInput, GoalFields, MilestoneInput, UpdateInput } from './schemas';

/**
 * The goal lifecycle: add, edit, update (progress note, status, milestones), close. Every change
 * is checked on the server against the person acting (the pair's mentor or mentee, or staff) and
 * the pair as stored now; what a button's value or a modal's private_metadata says is only a hint.
 */

/** A goal as stored on the pair (read as a plain object; older goals lack the newer fields). */
export interface Goal {
  _id: Types.ObjectId;
  title: string;
  successCriteria: string;
  status?: string | null;
  noteCount?: number | null;
  lastNote?: { by?: string | null; at?: Date | null; text?: string | null; progress?: string | null } | null;
  milestones?: Array<{ title?: string | null; dueDay?: string | null; done?: boolean | null }> | null;
  closed?: { by?: string | null; at?: Date | null; what?: string | null } | null;
  addedBy?: string | null;
  addedAt?: Date | null;
  addKey?: string | null;
}
export const goalsOf = (pair: Pair): Goal[] => pair.goals as unknown as Goal[];

export interface StaffCheck {
  isStaff(userId: string): Promise<boolean>;
}

/** A refusal, on the modal's field `block` when there is one. */
const refuse = (sentence: string, block?: string) => new UserFacingError(sentence, block ? { [block]: sentence } : {});

/** The pair, when `userId` may change its goals (its mentor, its mentee, or staff); a sentence otherwise. */
export async function loadPairFor(
  teamId: string,
  pairId: string,
  userId: string,
  staff: StaffCheck,
  block?: string,
): Promise<Pair> {
  const pair = isObjectIdString(pairId) ? await PairModel.findOne({ _id: pairId, teamId }).lean<Pair>() : null;
  if (!pair) throw refuse(text.pairGone(), block);
  if (!isMember(pair, userId) && !(await staff.isStaff(userId))) throw refuse(text.notYours(), block);
  return pair;
}

/** The goal of the pair with this id; "no longer exists" otherwise. */
export function goalOf(pair: Pair, goalId: string, block?: string): Goal {
  const goal = goalsOf(pair).find((g) => String(g._id) === goalId);
  if (!goal) throw refuse(text.goalGone(), block);
  return goal;
}

/** The pair whose channel this is (the newest, should a channel have been reused). */
export async function pairOfChannel(teamId: string, channelId: string): Promise<Pair | null> {
  return PairModel.findOne({ teamId, 'channel.id': channelId }).sort({ createdAt: -1 }).lean<Pair>();
}

type Mutation<T> = { goals: Goal[]; result: T } | { unchanged: T };

/**
 * Changes the pair's goals against the pair as stored now: `change` gets the fresh pair and
 * returns the new goals (or that nothing changes); the write only lands if nobody wrote the pair
 * in between (its updatedAt), else it is done again on the newer pair.
 */
async function mutateGoals<T>(pairId: Types.ObjectId, change: (pair: Pair) => Mutation<T>): Promise<T> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const pair = await PairModel.findById(pairId).lean<Pair>();
    if (!pair) throw refuse(text.pairGone());
    const outcome = change(pair);
    if ('unchanged' in outcome) return outcome.unchanged;
    const res = await PairModel.updateOne(
      { _id: pairId, updatedAt: pair.updatedAt },
      { $set: { goals: outcome.goals } },
    );
    if (res.modifiedCount === 1) return outcome.result;
  }
  throw new Error('goals: the pair kept changing while its goals were written');
}

export type Change = { changed: true; goal: Goal } | { changed: false };

/** Adds a goal (at most MAX_GOALS live ones). `key` (the form's view id) adds it once however often it is sent. */
export async function addGoal(pair: Pair, userId: string, fields: GoalFields, key: string, now: Date): Promise<Change> {
  return mutateGoals<Change>(pair._id, (fresh) => {
    const goals = goalsOf(fresh);
    if (goals.some((g) => g.addKey === key)) return { unchanged: { changed: false } };
    if (goals.filter(isLiveGoal).length >= MAX_GOALS) throw refuse(text.tooManyGoals(MAX_GOALS), GoalIds.block.title);
    if (goals.length >= GOAL_LIMITS.stored) throw refuse(text.tooManyStored(GOAL_LIMITS.stored), GoalIds.block.title);
    const goal: Goal = {
      _id: new Types.ObjectId(),
      title: fields.title,
      successCriteria: fields.successCriteria,
      status: 'not_started',
      noteCount: 0,
      milestones: [],
      addedBy: userId,
      addedAt: now,
      addKey: key,
    };
    return { goals: [...goals, goal], result: { changed: true, goal } };
  });
}

/** Changes a goal's title and what success looks like. */
export async function editGoal(pair: Pair, goalId: string, fields: GoalFields): Promise<Change> {
  return mutateGoals<Change>(pair._id, (fresh) => {
    const goal = goalOf(fresh, goalId, GoalIds.block.title);
    if (goal.title === fields.title && goal.successCriteria === fields.successCriteria)
      return { unchanged: { changed: false } };
    const edited = { ...goal, ...fields };
    return { goals: replace(fresh, edited), result: { changed: true, goal: edited } };
  });
}

const replace = (pair: Pair, goal: Goal) => goalsOf(pair).map((g) => (String(g._id) === String(goal._id) ? goal : g));

const sameMilestones = (a: NonNullable<Goal['milestones']>, b: readonly MilestoneInput[]) =>
  a.length === b.length &&
  a.every((m, i) => m.title === b[i].title && m.dueDay === b[i].dueDay && Boolean(m.done) === Boolean(b[i].done));

/** The goal's notes count and latest note, as stored in goalnotes now. */
async function notesSummary(pairId: Types.ObjectId, goalId: string) {
  const [count, latest] = await Promise.all([
    GoalNoteModel.countDocuments({ pairId, goalId }),
    GoalNoteModel.findOne({ pairId, goalId }).sort({ at: -1, _id: -1 }).lean<GoalNote>(),
  ]);
  const lastNote = latest
    ? {
        by: latest.by,
        at: latest.at,
        text: latest.text ?? '',
        ...(latest.progress ? { progress: latest.progress } : {}),
      }
    : undefined;
  return { noteCount: count, lastNote };
}

export type UpdateChange = { changed: true; goal: Goal; noted: boolean; statusChanged: boolean } | { changed: false };

/**
 * The update form: a progress note (kept in goalnotes, once per `key`), the status while the goal
 * is open, and its milestones. A closed goal is not updated (it can be edited).
 */
export async function updateGoal(
  pair: Pair,
  goalId: string,
  userId: string,
  input: UpdateInput,
  key: string,
  now: Date,
): Promise<UpdateChange> {
  const goal = goalOf(pair, goalId, GoalIds.block.status);
  if (!isLiveGoal(goal)) throw refuse(text.alreadyClosed(goalStatusOf(goal)), GoalIds.block.status);
  let noted = false;
  if (input.note) {
    try {
      await GoalNoteModel.create({
        teamId: pair.teamId,
        pairId: pair._id,
        goalId,
        by: userId,
        at: now,
        text: input.note,
        source: 'update',
        key: `update:${key}`,
      });
      noted = true;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err; // the same form again: the note is there
    }
  }
  const summary = await notesSummary(pair._id, goalId);
  return mutateGoals<UpdateChange>(pair._id, (fresh) => {
    const current = goalOf(fresh, goalId, GoalIds.block.status);
    if (!isLiveGoal(current)) throw refuse(text.alreadyClosed(goalStatusOf(current)), GoalIds.block.status);
    const statusChanged = goalStatusOf(current) !== input.status;
    const milestonesChanged = !sameMilestones(current.milestones ?? [], input.milestones);
    const notesChanged = (current.noteCount ?? 0) !== summary.noteCount;
    if (!statusChanged && !milestonesChanged && !notesChanged && current.status === input.status)
      return { unchanged: { changed: false } };
    const updated: Goal = {
      ...current,
      status: input.status,
      milestones: input.milestones,
      noteCount: summary.noteCount,
      ...(summary.lastNote ? { lastNote: summary.lastNote } : {}),
    };
    const changed = statusChanged || milestonesChanged || noted;
    if (!changed) return { goals: replace(fresh, updated), result: { changed: false } };
    return { goals: replace(fresh, updated), result: { changed: true, goal: updated, noted, statusChanged } };
  });
}

/** Closes the goal: achieved, changed or dropped, with what happened. The same close sent again changes nothing. */
export async function closeGoal(
  pair: Pair,
  goalId: string,
  userId: string,
  input: Pick<CloseInput, 'status' | 'what'>,
  now: Date,
): Promise<Change> {
  return mutateGoals<Change>(pair._id, (fresh) => {
    const goal = goalOf(fresh, goalId, GoalIds.block.closeStatus);
    const status = goalStatusOf(goal);
    if (!isLiveGoal(goal)) {
      if (status === input.status && goal.closed?.what === input.what) return { unchanged: { changed: false } };
      throw refuse(text.alreadyClosed(status), GoalIds.block.closeStatus);
    }
    const status_: ClosedGoalStatus = input.status;
    const closed: Goal = { ...goal, status: status_, closed: { by: userId, at: now, what: input.what } };
    return { goals: replace(fresh, closed), result: { changed: true, goal: closed } };
  });
}

/** The goal's latest notes, newest first (for the update form). */
export async function latestNotes(pairId: Types.ObjectId, goalId: string, limit = 3): Promise<GoalNote[]> {
  return GoalNoteModel.find({ pairId, goalId }).sort({ at: -1, _id: -1 }).limit(limit).lean<GoalNote[]>();
}
