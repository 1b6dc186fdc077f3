import type { Types } from 'mongoose';
import { toPerson } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { CommitmentModel, type Commitment } from './model';
import { reminderTime } from './reminder-time';

/**
 * Commitments as check-ins see them: the next steps of an answer (one commitment per row of the
 * answer, so an edited answer updates rather than duplicates), and the ones overdue.
 */

/** The key of the commitment made in row `row` of the answer `replyId`. */
function sourceKey(replyId: unknown, row: number): string {
  return `${String(replyId)}:${row}`;
}

/** The answer a next step comes from, and who is answering. */
export interface NextStepSource {
  teamId: string;
  pairId: Types.ObjectId;
  checkinId: Types.ObjectId;
  /** The check-in's number, shown in the reminder. */
  period?: number;
  replyId: unknown;
  /** Who wrote the answer. */
  by: string;
}

export interface NextStepInput {
  row: number;
  /** Empty: the row was emptied, and an open step there is withdrawn. */
  what: string;
  ownerId: string;
  dueDay: string;
}

/** The commitments made in the answer `replyId` (rows 1 to `rows`), by row. */
export async function nextStepsOfReply(replyId: unknown, rows: number): Promise<Map<number, Commitment>> {
  const keys = Array.from({ length: rows }, (_, i) => sourceKey(replyId, i + 1));
  const found = await CommitmentModel.find({ sourceKey: { $in: keys } }).lean<Commitment[]>();
  const byRow = found.map((c) => [Number(c.sourceKey.split(':')[1]), c] as const).sort(([a], [b]) => a - b);
  return new Map(byRow);
}

/** The pair's open commitments due before `day`, oldest first, at most `limit`. */
export async function overdueCommitments(
  pairId: Types.ObjectId,
  day: string,
  limit = 10,
): Promise<Array<Pick<Commitment, 'ownerId' | 'what' | 'dueDay'>>> {
  const overdue = await CommitmentModel.find({ pairId, status: 'open', dueDay: { $lt: day } })
    .sort({ dueDay: 1 })
    .limit(limit)
    .lean<Commitment[]>();
  return overdue.map((c) => ({ ownerId: c.ownerId, what: c.what, dueDay: c.dueDay }));
}

/** The pair's open next steps (not done, not dropped), soonest due first, at most `limit`. */
export async function openCommitments(
  pairId: Types.ObjectId,
  limit = 10,
): Promise<Array<Pick<Commitment, 'ownerId' | 'what' | 'dueDay'>>> {
  const open = await CommitmentModel.find({ pairId, status: 'open' })
    .sort({ dueDay: 1 })
    .limit(limit)
    .lean<Commitment[]>();
  return open.map((c) => ({ ownerId: c.ownerId, what: c.what, dueDay: c.dueDay }));
}

/**
 * Records the next steps of an answer as commitments, each with its reminder time (10:00 the
 * owner's time, the working day before it is due; `people` gives their time zones). Safe to
 * repeat: a row already stored is updated, a done or dropped one left as it is.
 */
export async function recordNextStepsFromReply(
  source: NextStepSource,
  steps: NextStepInput[],
  people: Map<string, Participant>,
  now: Date,
): Promise<void> {
  for (const step of steps) await recordNextStep(source, step, people, now);
}

async function recordNextStep(
  source: NextStepSource,
  step: NextStepInput,
  people: Map<string, Participant>,
  now: Date,
): Promise<void> {
  const key = sourceKey(source.replyId, step.row);
  if (!step.what) {
    // An emptied row: the step is withdrawn, unless it was already done or dropped.
    await CommitmentModel.deleteOne({ sourceKey: key, status: 'open' });
    return;
  }
  const owner = people.get(step.ownerId);
  const remindAt = reminderTime(step.dueDay, owner ? toPerson(owner) : { tz: 'UTC' });
  const values = { ownerId: step.ownerId, what: step.what, dueDay: step.dueDay, remindAt };
  const found = await CommitmentModel.findOne({ sourceKey: key }).lean<Commitment>();
  if (!found) {
    try {
      await CommitmentModel.create({
        teamId: source.teamId,
        pairId: source.pairId,
        checkinId: source.checkinId,
        ...(source.period ? { checkinPeriod: source.period } : {}),
        sourceKey: key,
        ...values,
        createdBy: source.by,
        history: [{ at: now, by: source.by, change: 'created' }],
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
    { $set: set, $push: { history: { at: now, by: source.by, change: 'edited' } } },
  );
}
