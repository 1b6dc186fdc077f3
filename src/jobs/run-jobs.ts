import type { JobContext } from './job-context';
import { acquireLease, releaseLease } from './lease';
import { MINUTE_MS } from '../lib/durations';
import { withDaysOffScope } from '../pairs/days-off';

export const JOB_NAMES = ['checkins', 'nudges', 'reminders', 'digest', 'feedback'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export type JobFunction = (ctx: JobContext) => Promise<void>;

/** A lease outlives a crashed run by this much at most. */
export const LEASE_MS = 10 * MINUTE_MS;

/**
 * Runs jobs under their leases: while one instance works a job, another instance's tick of the
 * same job does nothing (and says so). Safe without the lease too: every send is claimed singly.
 */
export async function runJobs(
  names: readonly JobName[],
  jobs: Record<JobName, JobFunction>,
  ctx: JobContext,
): Promise<void> {
  for (const name of names) {
    if (ctx.signal?.aborted) {
      ctx.report.push(`${name}: not started, the process is stopping`);
      continue;
    }
    // Program days off are read once per team in a job run, whatever the number of people.
    const run = () => withDaysOffScope(ctx.now, () => jobs[name](ctx));
    if (ctx.dryRun) {
      await run();
      continue;
    }
    if (!(await acquireLease(`job:${name}`, ctx.instanceId, ctx.now, LEASE_MS))) {
      ctx.report.push(`${name}: another instance is running it; skipped`);
      continue;
    }
    try {
      await run();
    } finally {
      await releaseLease(`job:${name}`, ctx.instanceId);
    }
  }
}
