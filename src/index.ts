import 'dotenv/config';
/* i18n-exempt-file: start-up and shutdown lines for the operator's console and logs, never shown in Slack. */
import { createApp, createLogger } from './app';
import { ConfigError, loadConfig } from './config';
import { connectDatabase, disconnectDatabase } from './db/connection';
import { resolveDatabaseUri } from './db/resolve';
import { createJobClient, createJobContext } from './jobs/job-context';
import { startConfiguredScheduler } from './jobs/job-table';
import { createShutdown } from './lib/shutdown';
import { describeError } from './slack/errors';
import { startKnownLanguages } from './pairs/known-languages';

/** Start-up: config -> database -> app -> listeners -> scheduler. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      console.error('See .env.example for every variable.');
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  // Installed before anything starts, so a signal during start-up also stops cleanly (see lib/shutdown.ts).
  const shutdown = createShutdown({
    log: (line, level) => (level === 'warn' ? logger.warn(line) : logger.info(line)),
    exit: (code) => process.exit(code),
  });
  shutdown.install();
  const { uri, local } = await resolveDatabaseUri(config, (line) => logger.info(line));
  if (local) shutdown.onStop('the local database', () => local.stop());
  await connectDatabase(uri);
  shutdown.onStop('the database connection', () => disconnectDatabase());
  logger.info('Database connected.');
  if (shutdown.signal.aborted) return;
  // Everyone's stored language in memory, so that no request waits for it (src/pairs/known-languages.ts).
  const languages = startKnownLanguages((err) =>
    logger.warn(`Could not read the stored languages: ${describeError(err)}`),
  );
  shutdown.onStop('the refresh of stored languages', () => languages.stop());

  const { app, deps } = createApp(config, { logger });
  await app.start(config.port);
  const jobClient = createJobClient(config, deps.logger);
  const scheduler = startConfiguredScheduler(
    config,
    (now) => createJobContext({ config, logger: deps.logger, client: jobClient }, now, { signal: shutdown.signal }),
    deps.clock,
  );
  // Steps run last registered first. The running tick began to wind down when the signal came (it
  // claims nothing more); meanwhile Slack's requests stop being taken (those in progress are answered),
  // then the tick is waited for, then the database closes.
  if (scheduler) {
    shutdown.signal.addEventListener('abort', () => scheduler.stop(), { once: true });
    shutdown.onStop('the running tick', () => scheduler.idle());
  }
  shutdown.onStop(config.slack.appToken ? 'the Socket Mode connection' : 'the HTTP receiver', async () => {
    await app.stop();
  });
  logger.info(
    scheduler
      ? 'Scheduler on: check-ins, nudges and reminders run in-process.'
      : 'Scheduler off (SCHEDULER_ENABLED=false): run `npm run job -- all` from an external scheduler.',
  );
  logger.info(
    config.slack.appToken
      ? `Running in Socket Mode (health check on :${config.port}/healthz).`
      : `Listening on :${config.port} (/slack/events, /healthz).`,
  );
  // One check-ins tick at start-up: sends a stopped instance handed back go out now, not at the next 5-minute mark.
  if (scheduler) void scheduler.runNow('checkins');
}

main().catch((err: unknown) => {
  console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
