import 'dotenv/config';
import { createApp, createLogger } from './app';
import { ConfigError, loadConfig } from './config';
import { connectDatabase, disconnectDatabase } from './db/connection';
import { resolveDatabaseUri } from './db/resolve';
import { createJobClient, createJobContext } from './jobs/job-context';
import { startConfiguredScheduler } from './jobs/job-table';

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
  const { uri, local } = await resolveDatabaseUri(config, (line) => logger.info(line));
  await connectDatabase(uri);
  logger.info('Database connected.');

  const { app, deps } = createApp(config, { logger });
  await app.start(config.port);
  const jobClient = createJobClient(config, deps.logger);
  const scheduler = startConfiguredScheduler(
    config,
    (now) => createJobContext({ config, logger: deps.logger, client: jobClient }, now),
    deps.clock,
  );
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

  const stop = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    scheduler?.stop();
    await app.stop().catch(() => undefined);
    await disconnectDatabase().catch(() => undefined);
    await local?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
