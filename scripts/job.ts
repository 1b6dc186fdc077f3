import 'dotenv/config';
import { createLogger } from '../src/app';
import { loadConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { resolveDatabaseUri } from '../src/db/resolve';
import { createJobClient, createJobContext } from '../src/jobs/job-context';
import { JOB_NAMES, runJobs, type JobName } from '../src/jobs/run-jobs';
import { JOBS } from '../src/jobs/job-table';
import { withoutPayloads } from '../src/lib/safe-logger';
import { createShutdown } from '../src/lib/shutdown';

const USAGE =
  'usage: npm run job -- <checkins|nudges|reminders|digest|feedback|all> [--now 2026-12-01T09:00:00Z] [--dry-run]';

export function parseJobArgs(argv: string[]): { names: JobName[]; now: Date; dryRun: boolean } {
  const [which, ...rest] = argv;
  const names = which === 'all' ? [...JOB_NAMES] : JOB_NAMES.includes(which as JobName) ? [which as JobName] : null;
  if (!names) throw new Error(`unknown job "${which ?? ''}"\n${USAGE}`);
  let now = new Date();
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--dry-run') dryRun = true;
    else if (rest[i] === '--now') {
      now = new Date(rest[++i] ?? '');
      if (Number.isNaN(now.getTime()))
        throw new Error(`--now needs an ISO date-time such as 2026-12-01T09:00:00Z\n${USAGE}`);
    } else throw new Error(`unknown option "${rest[i]}"\n${USAGE}`);
  }
  return { names, now, dryRun };
}

/**
 * `npm run job -- <name>`: runs jobs once, for operators and external schedulers, and prints what
 * it did (or would do). Returns the exit code: 0 done, 1 failed, 2 bad arguments.
 */
export async function runJobCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  /** Aborted by SIGTERM or SIGINT (see main): the run claims nothing more and hands back what it holds. */
  signal?: AbortSignal,
): Promise<number> {
  let args: ReturnType<typeof parseJobArgs>;
  let config: ReturnType<typeof loadConfig>;
  try {
    args = parseJobArgs(argv);
    config = loadConfig(env);
  } catch (err) {
    print(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const logger = withoutPayloads(createLogger(config.logLevel));
  try {
    const { uri, local } = await resolveDatabaseUri(config, (line) => logger.info(line));
    await connectDatabase(uri);
    try {
      const ctx = createJobContext({ config, logger, client: createJobClient(config, logger) }, args.now, {
        dryRun: args.dryRun,
        signal,
      });
      await runJobs(args.names, JOBS, ctx);
      print(`${args.dryRun ? 'Dry run' : 'Ran'} ${args.names.join(', ')} at ${args.now.toISOString()}:`);
      print(ctx.report.length ? ctx.report.map((l) => `  ${l}`).join('\n') : '  nothing was due');
      if (signal?.aborted) print('Stopped by a signal: what was not sent is handed back to the next run.');
      return 0;
    } finally {
      await disconnectDatabase();
      await local?.stop();
    }
  } catch (err) {
    print(`job failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/**
 * The command line: `node dist/scripts/job.js …`, or `npm run job -- …` through scripts/run-compiled.js.
 * SIGTERM or SIGINT stops it as it stops the app (src/lib/shutdown.ts): a send in progress finishes
 * or is handed back, the database closes, and it exits within 10 s; a second signal exits at once.
 */
export function main(): void {
  const shutdown = createShutdown({
    log: (line, level) => (level === 'warn' ? console.error(line) : console.log(line)),
    exit: (code) => process.exit(code),
  });
  shutdown.install();
  const run = runJobCommand(process.argv.slice(2), process.env, (line) => console.log(line), shutdown.signal);
  shutdown.onStop('the running job', async () => {
    if ((await run) !== 0) throw new Error('the job failed');
  });
  void run.then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
