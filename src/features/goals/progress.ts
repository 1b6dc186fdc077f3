import type { Types } from 'mongoose';
import { goalStatusOf, isLiveGoal } from '../../pairs/goal-status';
import { PairModel, type Pair } from '../../pairs/model';
import { GoalNoteModel, type GoalNote } from './model';
import { type Goal, goalsOf } from './service';

/** A check-in answer's progress on one goal: the answer form's status and note. */
export interface GoalProgressInput {
  goalId: string;
  /** The form's status: not_started, some_progress, on_track, stuck, achieved (or none). */
  status?: string | null;
  note?: string | null;
}

export interface ProgressSource {
  teamId: string;
  pairId: Types.ObjectId;
  /** The answer: its notes are keyed by it, so an edited answer updates its notes rather than adding more. */
  replyId: unknown;
  /** Who answered. */
  by: string;
}

/** Statuses of an answer that say work on the goal has begun. */
const STARTED = new Set(['some_progress', 'on_track', 'stuck', 'achieved']);

/**
 * Records a check-in answer's progress on the pair's goals: one progress note per goal and answer
 * (updated when the answer is edited), and a not-started goal that the answer reports as started
 * moves to in progress. An answer never closes a goal (closing asks what happened). Safe to repeat.
 */
export async function recordGoalProgressFromReply(
  source: ProgressSource,
  goals: GoalProgressInput[],
  now: Date,
): Promise<void> {
  // "Not started" with nothing written is no news: no note for it.
  const reported = goals.filter((g) => g.goalId && ((g.status && g.status !== 'not_started') || g.note?.trim()));
  if (!reported.length) return;
  for (const g of reported) {
    const key = `checkin:${String(source.replyId)}:${g.goalId}`;
    await GoalNoteModel.updateOne(
      { teamId: source.teamId, key },
      {
        $set: { text: g.note?.trim() ?? '', ...(g.status ? { progress: g.status } : {}), at: now },
        $setOnInsert: {
          teamId: source.teamId,
          pairId: source.pairId,
          goalId: g.goalId,
          by: source.by,
          source: 'checkin',
          key,
        },
      },
      { upsert: true },
    ).catch(async (err) => {
      // Two deliveries of the same answer at once: the other inserted it; update it.
      if ((err as { code?: number }).code !== 11000) throw err;
      await GoalNoteModel.updateOne({ teamId: source.teamId, key }, { $set: { text: g.note?.trim() ?? '', at: now } });
    });
  }
  const summaries = new Map(
    await Promise.all(
      reported.map(async (g) => {
        const [count, latest] = await Promise.all([
          GoalNoteModel.countDocuments({ pairId: source.pairId, goalId: g.goalId }),
          GoalNoteModel.findOne({ pairId: source.pairId, goalId: g.goalId }).sort({ at: -1, _id: -1 }).lean<GoalNote>(),
        ]);
        return [g.goalId, { count, latest }] as const;
      }),
    ),
  );
  const started = new Set(reported.filter((g) => g.status && STARTED.has(g.status)).map((g) => g.goalId));
  for (let attempt = 0; attempt < 8; attempt++) {
    const pair = await PairModel.findById(source.pairId).lean<Pair>();
    if (!pair) return;
    let changed = false;
    const next = goalsOf(pair).map((goal): Goal => {
      const summary = summaries.get(String(goal._id));
      if (!summary) return goal;
      const status = goalStatusOf(goal);
      // Moves a not-started goal on; a stored 'open' becomes explicit, so notes alone do not change how it reads.
      const newStatus =
        isLiveGoal(goal) && status === 'not_started' && started.has(String(goal._id))
          ? 'in_progress'
          : goal.status === 'open' || !goal.status
            ? status
            : goal.status;
      const l = summary.latest;
      const lastNote = l
        ? { by: l.by, at: l.at, text: l.text ?? '', ...(l.progress ? { progress: l.progress } : {}) }
        : goal.lastNote;
      if (
        newStatus === goal.status &&
        summary.count === (goal.noteCount ?? 0) &&
        String(lastNote?.at?.getTime()) === String(goal.lastNote?.at?.getTime()) &&
        lastNote?.text === goal.lastNote?.text &&
        (lastNote?.progress ?? undefined) === (goal.lastNote?.progress ?? undefined)
      )
        return goal;
      changed = true;
      return { ...goal, status: newStatus, noteCount: summary.count, lastNote };
    });
    if (!changed) return;
    const res = await PairModel.updateOne({ _id: pair._id, updatedAt: pair.updatedAt }, { $set: { goals: next } });
    if (res.modifiedCount === 1) return;
  }
  throw new Error('goals: the pair kept changing while a check-in answer’s progress was written');
}
