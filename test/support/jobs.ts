import { createJobClient, createJobContext, type JobContext } from '../../src/jobs/job-context';
import { runJobs, type JobName } from '../../src/jobs/run-jobs';
import { JOBS } from '../../src/jobs/job-table';
import type { Harness } from './app-harness';

/** What a job run needs of the app: its config and deps (an HTTP harness, or the app in Socket Mode). */
export type JobsHarness = Pick<Harness, 'config' | 'deps'>;

export interface JobOptions {
  instanceId?: string;
  dryRun?: boolean;
  sleep?: (ms: number) => Promise<void>;
  /** The Slack client's timeout per call (20 s in production). */
  clientTimeoutMs?: number;
}

/**
 * Runs scheduled jobs once at a simulated `now`, against the harness's stand-in and database,
 * the way the cron tick or `npm run job` does. Returns the run's report lines.
 */
export async function runJobsAt(
  h: JobsHarness,
  now: Date | string,
  names: JobName[] = ['checkins', 'nudges', 'reminders'],
  opts: JobOptions = {},
): Promise<string[]> {
  const ctx = jobContext(h, now, opts);
  await runJobs(names, JOBS, ctx);
  return ctx.report;
}

export function jobContext(h: JobsHarness, now: Date | string, opts: JobOptions = {}): JobContext {
  const client = createJobClient(h.config, h.deps.logger, { timeoutMs: opts.clientTimeoutMs });
  return createJobContext(
    { config: h.config, logger: h.deps.logger, client },
    typeof now === 'string' ? new Date(now) : now,
    {
      instanceId: opts.instanceId ?? 'test-instance',
      dryRun: opts.dryRun,
      sleep: opts.sleep,
    },
  );
}
