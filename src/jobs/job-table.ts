/* i18n-exempt-file: operator-facing: the job descriptions are for `npm run job` and the logs */
import cron from 'node-cron';
import { pruneClaims } from '../db/claims';
import { createDueCheckins } from '../features/checkins/due-checkins-job';
import { checkinDmHandler } from '../features/checkins/checkin-dm';
import { createCheckinPromptHandler } from '../features/checkins/prompt';
import { replySummaryHandler } from '../features/checkins/reply-summary';
import { commitmentReminderHandler, enqueueDueReminders } from '../features/commitments/jobs';
import { runDigestJob } from '../features/digest';
import { createFeedbackJob } from '../features/feedback/jobs';
import { meetingReminderHandler } from '../features/meet';
import { pairActionsBlock } from '../features/staff/pair-actions';
import { atRiskAlertHandler } from '../features/nudges/at-risk';
import { flagSilentPairs, silenceNudgeHandler } from '../features/nudges/jobs';
import { queueSilenceNudges } from '../features/nudges/silence-nudges';
import { welcomeDmHandler } from '../features/pairing/welcome-dm';
import { pauseNoticeHandler, resumeDuePauses } from '../features/pause/jobs';
import { pairEndedNoticeHandler } from '../features/staff/end-service';
import type { Config } from '../config';
import type { Clock } from '../lib/time';
import { pruneDeliveries } from '../slack/deliveries';
import type { JobContext } from './job-context';
import { pruneMessageCap } from './message-cap';
import { runOutbox } from './outbox';
import { runJobs, type JobFunction, type JobName } from './run-jobs';
import { DAY_MS } from '../lib/durations';

/**
 * The job table: every scheduled job, its cron expression (UTC) and what it does.
 * Each job is safe to run twice and at any time; `npm run job -- <name>` runs one once.
 */
export const JOB_TABLE: ReadonlyArray<{ name: JobName; cron: string; does: string }> = [
  { name: 'checkins', cron: '*/5 * * * *', does: 'resumes ended pauses, creates due check-ins, posts their prompts' },
  {
    name: 'nudges',
    cron: '*/15 * * * *',
    does: 'nudges silent participants kindly, flags pairs at risk to staff, prunes old claims',
  },
  {
    name: 'reminders',
    cron: '*/15 * * * *',
    does: 'reminds owners of commitments due the next working day, and each person an hour before an agreed meeting',
  },
  {
    name: 'digest',
    cron: '*/15 * * * *',
    does: 'posts the weekly digest to the staff channel once its day and hour have come, then its thread and files',
  },
  {
    name: 'feedback',
    cron: '*/15 * * * *',
    does: 'asks each person for feedback at one month, the midpoint and a week before the end (in their working hours), reminds once, posts shared answers and alerts staff',
  },
];

/** A posted check-in prompt queues its silence nudges (wired here, so check-ins need not know nudges). */
const checkinPromptHandler = createCheckinPromptHandler(queueSilenceNudges);

export const JOBS: Record<JobName, JobFunction> = {
  async checkins(ctx) {
    await resumeDuePauses(ctx);
    await createDueCheckins(ctx);
    await runOutbox(
      {
        checkin_prompt: checkinPromptHandler,
        checkin_dm: checkinDmHandler,
        welcome_dm: welcomeDmHandler,
        reply_summary: replySummaryHandler,
        pause_notice: pauseNoticeHandler,
        pair_ended_notice: pairEndedNoticeHandler,
      },
      ctx,
    );
  },
  async nudges(ctx) {
    await pruneOld(ctx);
    await flagSilentPairs(ctx);
    await runOutbox({ silence_nudge: silenceNudgeHandler, at_risk_alert: atRiskAlertHandler }, ctx);
  },
  async reminders(ctx) {
    await enqueueDueReminders(ctx);
    await runOutbox({ commitment_reminder: commitmentReminderHandler, meeting_reminder: meetingReminderHandler }, ctx);
  },
  digest: runDigestJob,
  feedback: createFeedbackJob(pairActionsBlock),
};

/** Housekeeping: claims older than two days, event keys older than a week, the weekly cap's old folds and counters. */
async function pruneOld(ctx: JobContext): Promise<void> {
  if (ctx.dryRun) return;
  await pruneClaims(new Date(ctx.now.getTime() - 2 * DAY_MS));
  await pruneDeliveries(new Date(ctx.now.getTime() - 7 * DAY_MS));
  await pruneMessageCap(ctx.now);
}

/** The in-process scheduler: `stop` ends the cron, `idle` resolves once no tick is running. */
export interface Scheduler {
  stop(): void;
  idle(): Promise<void>;
  /** Runs one job's tick now (as the cron would; not doubled if it is already running). */
  runNow(name: JobName): Promise<void>;
}

/** Starts the in-process cron (unless SCHEDULER_ENABLED=false); a tick still running is not doubled. */
export function startScheduler(makeContext: (now: Date) => JobContext, clock: Clock): Scheduler {
  const running = new Map<JobName, Promise<void>>();
  const tick = (name: JobName): Promise<void> => {
    const already = running.get(name);
    if (already) return already;
    const ctx = makeContext(clock.now());
    const run = runJobs([name], JOBS, ctx)
      .catch((err: unknown) => {
        ctx.logger.error(`job ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => running.delete(name));
    running.set(name, run);
    return run;
  };
  const tasks = JOB_TABLE.map(({ name, cron: expression }) =>
    cron.schedule(expression, () => tick(name), { timezone: 'UTC', name: `mentorship-${name}` }),
  );
  return {
    stop: () => {
      for (const t of tasks) t.stop();
    },
    idle: async () => {
      await Promise.all(running.values());
    },
    runNow: tick,
  };
}

/**
 * The scheduler the configuration asks for: the in-process cron, or none with
 * SCHEDULER_ENABLED=false (an external scheduler then runs `npm run job`).
 */
export function startConfiguredScheduler(
  config: Readonly<Pick<Config, 'schedulerEnabled'>>,
  makeContext: (now: Date) => JobContext,
  clock: Clock,
): Scheduler | undefined {
  return config.schedulerEnabled ? startScheduler(makeContext, clock) : undefined;
}
