import { claimOnce } from '../../db/claims';
import { createJobContext, type JobContext } from '../../jobs/job-context';
import { enqueue, runOutbox } from '../../jobs/outbox';
import { zonedTimeToInstant, type Person } from '../../lib/working-time';
import { welcomeBackSchedule, type ScheduleState } from '../../pairs/checkin-times';
import { isMember } from '../../pairs/membership';
import { PairModel, versionOf, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import { listPairsOf } from '../../pairs/queries';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import { pauseNoticeHandler } from './notice';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { pauseDay, text } from './messages';

export type PauseDeps = Pick<AppDeps, 'config' | 'client' | 'outboxClient' | 'clock' | 'logger'>;

/** How long the immediate send of a notice may take (real time); what is left is sent by the checkins job. */
const NOTICE_BUDGET_MS = 20_000;
const FALLBACK_PERSON: Person = { tz: 'UTC' };

/** The pair's two people as scheduling sees them (UTC where a participant is unknown). */
async function peopleOf(pair: Pair): Promise<{ mentor: Person; mentee: Person }> {
  const { mentor, mentee } = byRole(pair, await participantsOf(pair));
  return { mentor: mentor ? toPerson(mentor) : FALLBACK_PERSON, mentee: mentee ? toPerson(mentee) : FALLBACK_PERSON };
}

export async function menteeTimeZone(pair: Pair): Promise<string> {
  return (await peopleOf(pair)).mentee.tz;
}

/** "until when" of a paused pair, in each reader's own date. */
export function pausedUntilText(pair: Pick<Pair, 'pause'>): Mrkdwn {
  const until = pair.pause?.until;
  return until ? pauseDay(pair.pause?.untilDay, until) : text.furtherNotice();
}

/** "This mentorship is already paused until …", with or without an end on record. */
export function alreadyPausedSentence(pair: Pick<Pair, 'pause'>): string {
  const until = pair.pause?.until;
  return text.alreadyPaused(until ? pauseDay(pair.pause?.untilDay, until) : undefined);
}

/**
 * The pair a `/mentorship pause|resume` is about: the pair whose channel it is typed in, else the
 * typist's only live pair. Participants act on their own pair; staff on any pair, from its channel.
 */
export async function findPairForCommand(
  req: { teamId: string; userId: string; channelId: string },
  isStaff: (userId: string) => Promise<boolean>,
): Promise<Pair> {
  const inChannel = req.channelId
    ? await PairModel.findOne({ teamId: req.teamId, 'channel.id': req.channelId }).sort({ createdAt: -1 }).lean<Pair>()
    : null;
  if (inChannel) {
    if (isMember(inChannel, req.userId) || (await isStaff(req.userId))) return inChannel;
    throw new UserFacingError(text.notYours());
  }
  const mine = await listPairsOf(req.teamId, req.userId);
  if (mine.length === 1) return mine[0];
  if (mine.length > 1) throw new UserFacingError(text.typeInPairChannel());
  if (await isStaff(req.userId)) throw new UserFacingError(text.staffTypeInPairChannel());
  throw new UserFacingError(text.noLivePair());
}

/** Throws the sentence that says why this pair cannot be paused now. */
export function assertCanPause(pair: Pair): void {
  if (pair.status === 'active') return;
  if (pair.status === 'paused') throw new UserFacingError(alreadyPausedSentence(pair));
  if (pair.status === 'ended') throw new UserFacingError(text.ended());
  throw new UserFacingError(text.notSetUp());
}

/** Throws the sentence that says why this pair cannot be resumed now. */
export function assertCanResume(pair: Pair): void {
  if (pair.status === 'paused') return;
  if (pair.status === 'active') throw new UserFacingError(text.notPaused());
  if (pair.status === 'ended') throw new UserFacingError(text.ended());
  throw new UserFacingError(text.notSetUp());
}

export type PauseOutcome =
  | { status: 'paused'; until: Date; untilDay: string; since: Date }
  /** Someone (or a double click) paused it first. */
  | { status: 'already_paused'; pair: Pair }
  | { status: 'not_active'; pair: Pair | null };

/**
 * Pauses an active pair until 00:00 of `untilDay` in the mentee's time zone. The state is written
 * first, conditionally (a double click pauses once); then the notice goes to the pair's channel
 * through the outbox (sent at once, retried by the checkins job if Slack fails).
 */
/** The pair once it no longer reads as it did (polled for up to two seconds). */
async function awaitChange(pair: Pair): Promise<Pair | null> {
  let current: Pair | null = null;
  for (let i = 0; i < 40; i++) {
    current = await PairModel.findById(pair._id).lean<Pair>();
    if (!current || versionOf(current) !== versionOf(pair)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return current;
}

export async function pausePair(
  pair: Pair,
  req: { by: string; untilDay: string; reason: string },
  deps: PauseDeps,
): Promise<PauseOutcome> {
  const now = deps.clock.now();
  const tz = await menteeTimeZone(pair);
  const until = zonedTimeToInstant(req.untilDay, 0, 0, tz);
  const pause = { since: now, by: req.by, reason: req.reason, untilDay: req.untilDay, until };
  // A double click reads the same pair: only the first claim of this version of it pauses.
  const first = pair.status === 'active' && (await claimOnce(`pause:${pair._id}:${versionOf(pair)}`, req.by, now));
  const res = first
    ? await PairModel.updateOne({ _id: pair._id, status: 'active' }, { $set: { status: 'paused', pause } })
    : { modifiedCount: 0 };
  if (res.modifiedCount === 0) {
    // Lost the claim to a request that read the same state (a double click): it is pausing the
    // pair right now, so wait a moment for its write rather than answer from a stale read.
    const current =
      pair.status === 'active' && !first ? await awaitChange(pair) : await PairModel.findById(pair._id).lean<Pair>();
    if (current?.status === 'paused') return { status: 'already_paused', pair: current };
    return { status: 'not_active', pair: current };
  }
  await enqueue({
    key: `pause:${pair._id}:${now.toISOString()}`,
    teamId: pair.teamId,
    kind: 'pause_notice',
    pairId: pair._id,
    ref: { type: 'pause', since: now.toISOString() },
    dueAt: now,
  });
  deps.logger.info(`pair ${pair._id}: paused until ${req.untilDay}`);
  await sendNoticesNow(deps, now);
  return { status: 'paused', until, untilDay: req.untilDay, since: now };
}

/**
 * Ends a pause (time is up, or someone typed `/mentorship resume`): the pair is active again,
 * its next check-in a "welcome back" at the next civil hour, its silence clock restarted. Only
 * the pause it was read with is ended (a second resume of the same pause does nothing).
 * Returns the new schedule, or null when someone else resumed it first.
 */
export async function resumePair(pair: Pair, ctx: JobContext, by?: string): Promise<ScheduleState | null> {
  const { mentor, mentee } = await peopleOf(pair);
  const schedule = welcomeBackSchedule(ctx.now, pair.schedule?.nextPeriod ?? 1, pair, mentor, mentee);
  const since = pair.pause?.since;
  if (
    pair.status !== 'paused' ||
    !(await claimOnce(`resume:${pair._id}:${versionOf(pair)}`, by ?? ctx.instanceId, ctx.now))
  )
    return null;
  const res = await PairModel.updateOne(
    { _id: pair._id, status: 'paused', ...(since ? { 'pause.since': since } : {}) },
    { $set: { status: 'active', schedule, lastActivityAt: ctx.now }, $unset: { pause: '', atRisk: '' } },
  );
  if (res.modifiedCount === 0) return null;
  await enqueue({
    key: `resume:${pair._id}:${(since ?? ctx.now).toISOString()}`,
    teamId: pair.teamId,
    kind: 'pause_notice',
    pairId: pair._id,
    ref: { type: 'resume', ...(by ? { by } : {}) },
    dueAt: ctx.now,
  });
  ctx.report.push(
    `resumed pair ${pair._id}${by ? ` (by ${by})` : ''}${
      schedule.nextCheckinAt
        ? `, welcome-back check-in #${schedule.nextPeriod} at ${schedule.nextCheckinAt.toISOString()}`
        : ', no check-in left'
    }`,
  );
  return schedule;
}

/** `/mentorship resume`: the same resume as the job's, at once, and its notice sent now. */
export async function resumePairNow(pair: Pair, by: string, deps: PauseDeps): Promise<ScheduleState | null> {
  const now = deps.clock.now();
  const ctx = createJobContext({ config: deps.config, logger: deps.logger, client: deps.outboxClient }, now);
  const schedule = await resumePair(pair, ctx, by);
  if (schedule) {
    deps.logger.info(`pair ${pair._id}: resumed early`);
    await sendNoticesNow(deps, now);
  }
  return schedule;
}

/** Sends due pause notices now; a failure stays in the outbox for the checkins job. */
async function sendNoticesNow(deps: PauseDeps, now: Date): Promise<void> {
  const ctx = createJobContext({ config: deps.config, logger: deps.logger, client: deps.outboxClient }, now);
  try {
    await runOutbox({ pause_notice: pauseNoticeHandler }, ctx, NOTICE_BUDGET_MS);
  } catch (err) {
    deps.logger.warn(`pause notice not sent yet (the checkins job retries): ${describeError(err)}`);
  }
}
