import { Types } from 'mongoose';
import { insertNew, updateByIds } from '../../db/bulk';
import type { JobContext } from '../../jobs/job-context';
import { enqueueMany, type NewOutboxEntry } from '../../jobs/outbox';
import { scheduleAfter, type ScheduleState } from '../../pairs/checkin-times';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOfPairs, toPerson } from '../../pairs/participants';
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
 *
 * Each batch of due pairs costs the same few round trips whatever its size: one read of all their
 * participants, then one insert of all the check-ins, one of all the prompts' outbox entries and
 * one write of all the new schedules. Every write is by key (check-in id, outbox key, pair id), so
 * a run that dies between them is simply repeated by the next.
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

/** A check-in to create, with the prompt that goes with it. */
interface Planned {
  pair: Pair;
  state: ScheduleState;
  id: Types.ObjectId;
}

async function createFor(pairs: Pair[], ctx: JobContext): Promise<number> {
  const people = await participantsOfPairs(pairs);
  const planned: Planned[] = [];
  const schedules: Array<{ pairId: Types.ObjectId; schedule: ScheduleState }> = [];
  for (const pair of pairs) {
    const { mentor, mentee } = byRole(pair, people.get(String(pair._id)) ?? new Map());
    if (!mentor || !mentee) continue;
    let state = pair.schedule as unknown as ScheduleState;
    for (let i = 0; i < MAX_CATCH_UP && state.nextCheckinAt && state.nextCheckinAt <= ctx.now; i++) {
      if (ctx.dryRun) {
        ctx.report.push(
          `would create check-in #${state.nextPeriod} for pair ${pair._id} (due ${state.nextCheckinAt.toISOString()})`,
        );
        break;
      }
      planned.push({ pair, state, id: state.nextCheckinId ?? new Types.ObjectId() });
      state = scheduleAfter(state.nextPeriod, state.nextDueDay!, pair, toPerson(mentor), toPerson(mentee));
    }
    if (state !== pair.schedule) schedules.push({ pairId: pair._id, schedule: state });
  }
  if (ctx.dryRun || planned.length === 0) return 0;

  const ids = await ensureCheckins(planned);
  await enqueueMany(
    planned.map(
      ({ pair, state }, i): NewOutboxEntry => ({
        key: `checkin:${pair._id}:${state.nextPeriod}`,
        teamId: pair.teamId,
        kind: 'checkin_prompt',
        pairId: pair._id,
        ref: { checkinId: ids[i] },
        dueAt: state.nextCheckinAt!,
      }),
    ),
  );
  // The schedules last: until they are written, the next run finds the same pairs due and repeats the inserts (no-ops).
  await updateByIds(
    PairModel,
    schedules.map(({ pairId, schedule }) => ({ id: pairId, update: { $set: { schedule } } })),
  );
  for (const { pair, state } of planned) ctx.report.push(`created check-in #${state.nextPeriod} for pair ${pair._id}`);
  return planned.length;
}

/**
 * Inserts the planned check-ins (one round trip) and returns each one's id: the planned id, or for
 * one created before (a repeated run, or another instance: same pair, same period) the stored id.
 */
async function ensureCheckins(planned: Planned[]): Promise<string[]> {
  const inserted = await insertNew(
    CheckinModel,
    planned.map(({ pair, state, id }) => ({
      _id: id,
      teamId: pair.teamId,
      pairId: pair._id,
      period: state.nextPeriod,
      kind: state.nextKind,
      dueDay: state.nextDueDay!,
      dueAt: state.nextCheckinAt!,
      mentionMentor: state.nextMentionMentor ?? true,
      ...(state.nextMentorDmAt ? { mentorDmAt: state.nextMentorDmAt } : {}),
    })),
  );
  const repeated = planned.filter((_, i) => !inserted[i]);
  const stored = new Map<string, string>();
  if (repeated.length > 0) {
    const found = await CheckinModel.find(
      { $or: repeated.map(({ pair, state }) => ({ pairId: pair._id, period: state.nextPeriod })) },
      { pairId: 1, period: 1 },
    ).lean();
    for (const c of found) stored.set(`${c.pairId}:${c.period}`, String(c._id));
  }
  return planned.map(({ pair, state, id }, i) =>
    inserted[i] ? String(id) : (stored.get(`${pair._id}:${state.nextPeriod}`) ?? String(id)),
  );
}
