import 'dotenv/config';
import { readFileSync } from 'node:fs';
import type { Logger } from '@slack/logger';
import { WebClient, WebClientEvent } from '@slack/web-api';
import { SingleBar, Presets } from 'cli-progress';
import { createLogger } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import type { LocalDatabase } from '../src/db/local-database';
import { resolveDatabaseUri } from '../src/db/resolve';
import { checkCohort } from '../src/features/pairing/import/cohort';
import { dryRunLines, rejectionLines, rowResultLine, summaryLines } from '../src/features/pairing/import/report';
import { runImport, type RowResult } from '../src/features/pairing/import/run';
import { StaffDirectory } from '../src/features/staff/access';
import { systemClock } from '../src/lib/time';
import { withoutPayloads } from '../src/lib/safe-logger';

const USAGE = 'usage: npm run import -- <cohort.csv> [--dry-run] [--by U012ABCDEF]';

/** Exit codes: 0 done, 1 bad rows or pairs not finished, 2 bad arguments or set-up, 130 stopped by Ctrl-C. */
export const EXIT = { done: 0, notDone: 1, usage: 2, interrupted: 130 } as const;

export interface ImportArgs {
  file: string;
  dryRun: boolean;
  by?: string;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let file: string | undefined;
  let dryRun = false;
  let by: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--by') {
      by = argv[++i] ?? '';
      if (!/^[UW][A-Z0-9]{2,}$/.test(by)) throw new Error(`--by needs a staff member ID such as U012ABCDEF\n${USAGE}`);
    } else if (arg.startsWith('--')) throw new Error(`unknown option "${arg}"\n${USAGE}`);
    else if (file) throw new Error(`one file at a time ("${file}", then "${arg}")\n${USAGE}`);
    else file = arg;
  }
  if (!file) throw new Error(`which file? ${USAGE}`);
  return { file, dryRun, by };
}

export interface ImportIo {
  print(line: string): void;
  /** A progress bar on a terminal; plain lines otherwise. */
  isTTY?: boolean;
  stream?: NodeJS.WritableStream;
  /** Aborted on Ctrl-C: the pair under way finishes, then the run stops. */
  signal?: AbortSignal;
}

/**
 * The import's Web API client. Rate limits are waited out here: a 429 pauses the client's queue
 * for Retry-After, then the call is retried (WebClient's default policy, up to 10 retries in about
 * 30 minutes); calls are one pair at a time, so conversations.create (Tier 2) sets the pace.
 */
export function createImportClient(config: Readonly<Config>, logger: Logger): WebClient {
  return new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, timeout: 30_000, logger });
}

/** `npm run import -- cohort.csv`: returns the exit code (see EXIT). */
export async function runImportCommand(argv: string[], env: NodeJS.ProcessEnv, io: ImportIo): Promise<number> {
  let args: ImportArgs;
  let config: Readonly<Config>;
  let content: Buffer;
  try {
    args = parseImportArgs(argv);
    config = loadConfig(env);
    content = readFileSync(args.file);
  } catch (err) {
    io.print(err instanceof Error ? err.message : String(err));
    return EXIT.usage;
  }
  const logger = withoutPayloads(createLogger(config.logLevel));
  const client = createImportClient(config, logger);
  // Said when Slack asks to slow down, so a pause is not taken for a hang; on a terminal, in the bar.
  let onRateLimit = (line: string) => io.print(line);
  client.on(WebClientEvent.RATE_LIMITED, (seconds: number, { url }: { url: string }) =>
    onRateLimit(`Slack asks to slow down (${url.split('/').pop()}): waiting ${seconds} s, then going on.`),
  );
  let createdBy: string;
  let teamId: string;
  try {
    teamId = String((await client.auth.test()).team_id ?? '');
    const by = args.by ?? config.staff.userIds[0];
    if (!by) {
      io.print(`Say who is importing: --by <your member ID> (STAFF_USER_IDS is empty).\n${USAGE}`);
      return EXIT.usage;
    }
    if (!(await new StaffDirectory(config.staff, client, systemClock).isStaff(by))) {
      io.print(`${by} is not program staff (STAFF_USER_IDS or the staff channel): only staff can create pairs.`);
      return EXIT.usage;
    }
    createdBy = by;
  } catch (err) {
    io.print(`Slack could not be reached with SLACK_BOT_TOKEN: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.usage;
  }

  let local: LocalDatabase | undefined;
  try {
    const db = await resolveDatabaseUri(config, (line) => logger.info(line));
    local = db.local;
    await connectDatabase(db.uri);
  } catch (err) {
    io.print(`The database could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    await local?.stop();
    return EXIT.usage;
  }
  try {
    const check = await checkCohort(content, { client, teamId });
    if (io.signal?.aborted) {
      io.print('Stopped on request while checking the file; nothing was created.');
      return EXIT.interrupted;
    }
    if (!check.ok) {
      for (const line of rejectionLines(check)) io.print(line);
      return EXIT.notDone;
    }
    if (args.dryRun) {
      for (const line of dryRunLines(check.planned)) io.print(line);
      return EXIT.done;
    }
    const todo = (action: string) => check.planned.filter((row) => row.action === action).length;
    io.print(
      `All ${check.rows} rows are valid: ${todo('create')} to create, ${todo('finish')} to finish, ${todo('none')} done before. ` +
        `Working as ${createdBy}, one pair at a time…`,
    );
    const progress = progressReporter(io, check.planned.length);
    onRateLimit = progress.note;
    const { results, stopped } = await runImport(
      check.planned,
      { client, clock: systemClock, staff: config.staff, staffLanguage: config.staffLanguage },
      { teamId, createdBy, signal: io.signal, onRow: progress.row },
    );
    progress.stop();
    const summary = summaryLines(results, check.planned.length, stopped);
    for (const line of summary.lines) io.print(line);
    if (stopped === 'interrupted') return EXIT.interrupted;
    return summary.complete ? EXIT.done : EXIT.notDone;
  } catch (err) {
    io.print(`The import stopped: ${err instanceof Error ? err.message : String(err)}. Run it again to resume.`);
    return EXIT.notDone;
  } finally {
    await disconnectDatabase();
    await local?.stop();
  }
}

/** A bar on a terminal (failures listed after it); one line per row otherwise, for logs and pipes. */
function progressReporter(io: ImportIo, total: number) {
  if (!io.isTTY) {
    return {
      row: (r: RowResult, done: number, all: number) => io.print(rowResultLine(r, done, all)),
      note: (line: string) => io.print(line),
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    {
      format: 'Importing |{bar}| {value}/{total} pairs · {eta_formatted} left · line {line}{note}',
      stream: io.stream,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { line: '-', note: '' });
  return {
    row: (r: RowResult, done: number) => bar.update(done, { line: r.line, note: '' }),
    note: (line: string) => bar.update({ note: ` · ${line}` }),
    stop: () => bar.stop(),
  };
}

/** The command line, through scripts/run-compiled.js: Ctrl-C once stops after the pair under way, twice at once. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    console.log('\nStopping after the pair under way (Ctrl-C again to stop at once; run again to resume)…');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    process.exitCode = await runImportCommand(process.argv.slice(2), process.env, {
      print: (line) => console.log(line),
      isTTY: Boolean(process.stdout.isTTY),
      stream: process.stdout,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

if (require.main === module) main();
