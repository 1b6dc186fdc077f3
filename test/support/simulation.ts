import type { JobName } from '../../src/jobs/run-jobs';
import type { Harness } from './app-harness';
import { runJobsAt } from './jobs';

const HOUR = 3600_000;

/**
 * Runs the scheduler every `stepMinutes` of simulated time from `from` to `to` (inclusive),
 * as the in-process cron would, and returns every report line with its tick time.
 */
export async function simulate(
  h: Harness,
  from: string,
  to: string,
  names: JobName[],
  stepMinutes = 60,
): Promise<Array<{ at: string; line: string }>> {
  const lines: Array<{ at: string; line: string }> = [];
  const end = Date.parse(to);
  // A test that timed out does not stop its loop: without this it would tick on into the next tests.
  const test = expect.getState().currentTestName;
  for (let t = Date.parse(from); t <= end; t += stepMinutes * 60_000) {
    if (expect.getState().currentTestName !== test) throw new Error(`simulate: "${test}" ended before its simulation`);
    const at = new Date(t).toISOString();
    for (const line of await runJobsAt(h, at, names)) lines.push({ at, line });
  }
  return lines;
}

/** "Mon 09:00" of an instant in a time zone. */
export function wallTime(at: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export { HOUR };
