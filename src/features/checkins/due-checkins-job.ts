import { Types } from 'mongoose';
import type { JobContext } from '../../jobs/job-context';
import { enqueue } from '../../jobs/outbox';
import { scheduleAfter, type ScheduleState } from '../../pairs/checkin-times';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import { CheckinModel } from './model';

const BATCH = 500;
/** Due pairs handled by one run at most (the rest wait for the next tick). */
const MAX_BATCHES = 20;
/** Catch-up after downtime: at most this many missed check-ins per pair in one run. */
const MAX_CATCH_UP = 60;

/**
 * Creates the check-ins that are due (an indexed query on nextCheckinAt, so the cost follows the
 * work due, not the number of pairs), and queues their prompts. After downtime each missed
 * check-in is created once, however many ticks were missed.
 */
export async function createDueCheckins(ctx: JobContext): Promise<number> {
  let created = 0;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const pairs = await PairModel.find({ status: 'active', 'schedule.nextCheckinAt': { $lte: ctx.now } })
      .sort({ 'schedule.nextCheckinAt': 1 })
      .limit(BATCH)
      .lean<Pair[]>();
    if (pairs.length === 0) break;
    created += await createFor(pairs, ctx);
    if (ctx.dryRun || pairs.length < BATCH) break;
  }
  return created;
}

async function createFor(pairs: Pair[], ctx: JobContext): Promise<number> {
  let created = 0;
  for (const pair of pairs) {
    const { mentor, mentee } = byRole(pair, await participantsOf(pair));
    if (!mentor || !mentee) continue;
    let state = pair.schedule as unknown as ScheduleState;
    for (let i = 0; i < MAX_CATCH_UP && state.nextCheckinAt && state.nextCheckinAt <= ctx.now; i++) {
      if (ctx.dryRun) {
        ctx.report.push(
          `would create check-in #${state.nextPeriod} for pair ${pair._id} (due ${state.nextCheckinAt.toISOString()})`,
        );
        break;
      }
      const checkinId = await ensureCheckin(pair, state);
      await enqueue({
        key: `checkin:${pair._id}:${state.nextPeriod}`,
        teamId: pair.teamId,
        kind: 'checkin_prompt',
        pairId: pair._id,
        ref: { checkinId },
        dueAt: state.nextCheckinAt,
      });
      // Every step above is an insert by key, so a run that dies here is simply repeated by the next.
      const next = scheduleAfter(state.nextPeriod, state.nextDueDay!, pair, toPerson(mentor), toPerson(mentee));
      await PairModel.updateOne({ _id: pair._id }, { $set: { schedule: next } });
      created += 1;
      ctx.report.push(`created check-in #${state.nextPeriod} for pair ${pair._id}`);
      state = next;
    }
  }
  return created;
}

async function ensureCheckin(pair: Pair, state: ScheduleState): Promise<string> {
  const id = state.nextCheckinId ?? new Types.ObjectId();
  try {
    await CheckinModel.create({
      _id: id,
      teamId: pair.teamId,
      pairId: pair._id,
      period: state.nextPeriod,
      kind: state.nextKind,
      dueDay: state.nextDueDay!,
      dueAt: state.nextCheckinAt!,
      mentionMentor: state.nextMentionMentor ?? true,
      ...(state.nextMentorDmAt ? { mentorDmAt: state.nextMentorDmAt } : {}),
    });
    return String(id);
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    // Created before (a repeated run, or another instance): same period, same check-in.
    const existing = await CheckinModel.findById(id).lean();
    return String(
      existing?._id ?? (await CheckinModel.findOne({ pairId: pair._id, period: state.nextPeriod }).lean())!._id,
    );
  }
}
