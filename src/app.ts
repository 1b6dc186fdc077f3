import { App, HTTPReceiver, LogLevel, type CustomRoute } from '@slack/bolt';
import { withDaysOffScope } from './pairs/days-off';
import { inRequestLanguage } from './i18n';
import { DEFAULT_LANGUAGE } from './i18n/languages';
import { languageOfRequest, localeLookupClient } from './pairs/language';
import { ConsoleLogger, type Logger } from '@slack/logger';
import type { Config } from './config';
import { databaseIsUp } from './db/connection';
import { createJobClient } from './jobs/job-context';
import { StaffDirectory } from './features/staff/access';
import { withoutPayloads } from './lib/safe-logger';
import { systemClock, type Clock } from './lib/time';
import { skipRedeliveredEvents } from './slack/deliveries';
import type { AppDeps } from './slack/deps';
import { createHomeRefresher } from './features/home/refresh';
import { describeError, timedOut } from './slack/errors';
import { registerListeners } from './slack/listeners';

export interface CreatedApp {
  app: App;
  deps: AppDeps;
  /** Present in HTTP mode: the receiver whose requestListener serves /slack/events and /healthz. */
  receiver?: HTTPReceiver;
}

const LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

export function createLogger(level: Config['logLevel']): Logger {
  const logger = new ConsoleLogger();
  logger.setLevel(LEVELS[level]);
  logger.setName('mentorship');
  return logger;
}

/** `GET /healthz`: 200 when the database answers, 503 otherwise. */
const healthz: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: async (_req, res) => {
    const up = await databaseIsUp();
    res.writeHead(up ? 200 : 503, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: up, database: up ? 'connected' : 'unavailable' }));
  },
};

/**
 * How long the app's own Web API calls (those made while handling a request) wait for Slack's
 * answer before giving up: without it, a call Slack never answers hangs its listener forever.
 * Shorter than the jobs' 20 s (src/jobs/job-context.ts): someone is waiting for the answer.
 */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/**
 * Builds the Bolt app: Socket Mode when an app token is set, otherwise HTTP on /slack/events.
 * `slackTimeoutMs` replaces SLACK_CALL_TIMEOUT_MS (tests).
 */
export function createApp(
  config: Readonly<Config>,
  opts: { clock?: Clock; logger?: Logger; slackTimeoutMs?: number } = {},
): CreatedApp {
  const logger = withoutPayloads(opts.logger ?? createLogger(config.logLevel));
  const clientOptions = {
    slackApiUrl: config.slack.apiUrl,
    // Interactive paths wait out a Retry-After a few times, not for half an hour.
    retryConfig: {
      retries: 3,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 5000,
      // A call that timed out may have been done (a message posted): not repeated blindly. The
      // outbox looks in the channel before it sends again; a listener logs the failure.
      onFailedAttempt: (err: unknown) => {
        if (timedOut(err)) throw err;
      },
    },
    timeout: opts.slackTimeoutMs ?? SLACK_CALL_TIMEOUT_MS,
  };
  // Bolt sets the level of the logger it is given to INFO unless told otherwise: tell it.
  const logLevel = LEVELS[config.logLevel];
  let app: App;
  let receiver: HTTPReceiver | undefined;
  if (config.slack.appToken) {
    app = new App({
      token: config.slack.botToken,
      appToken: config.slack.appToken,
      socketMode: true,
      logger,
      logLevel,
      clientOptions,
      customRoutes: [healthz],
      // The Socket Mode client opens its connection with apps.connections.open at the same Web API.
      installerOptions: { port: config.port, clientOptions: { slackApiUrl: config.slack.apiUrl } },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret!,
      endpoints: '/slack/events',
      customRoutes: [healthz],
      logger,
      logLevel,
      unhandledRequestTimeoutMillis: 2900,
    });
    app = new App({ token: config.slack.botToken, receiver, logger, logLevel, clientOptions });
  }

  const staff = new StaffDirectory(config.staff, app.client, opts.clock ?? systemClock);
  const deps: AppDeps = {
    config,
    client: app.client,
    outboxClient: createJobClient(config, logger, { timeoutMs: opts.slackTimeoutMs ?? SLACK_CALL_TIMEOUT_MS }),
    clock: opts.clock ?? systemClock,
    staff,
    logger,
    refreshHome: createHomeRefresher({ client: app.client, staff, logger, clock: opts.clock ?? systemClock }),
  };
  app.use(skipRedeliveredEvents(deps.clock));
  // Everything a request answers is in the language of the person who made it (src/i18n); the ack
  // never waits for Slack to say what that is (src/pairs/language.ts).
  const localeClient = localeLookupClient(config.slack.botToken, config.slack.apiUrl);
  app.use(async ({ context, next }) => {
    const { teamId, userId } = context;
    const language = teamId && userId ? await languageOfRequest(teamId, userId, localeClient) : undefined;
    await inRequestLanguage(language?.now ?? DEFAULT_LANGUAGE, language?.settling, next);
  });
  // Program days off are read once per team in a request, whatever the number of people.
  app.use(({ next }) => withDaysOffScope(deps.clock.now(), next));
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error(`unhandled error in a listener: ${describeError(error.original ?? error)}`);
  });
  return { app, deps, receiver };
}
