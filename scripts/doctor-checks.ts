/**
 * `npm run doctor`: checks the set-up step by step (configuration, database, Slack token, scopes,
 * staff channel, connection mode) and says in plain words how to fix what is wrong.
 * Secrets (tokens, signing secret, database password) are never printed.
 */
import path from 'node:path';
import mongoose from 'mongoose';
import { LogLevel, WebClient, type Logger } from '@slack/web-api';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db/connection';
import { EXTRA_SCOPES, METHOD_SCOPES, missingScopes } from '../src/slack/scopes';

const OK = '✔';
const FAIL = '✖';
const WARN = '!';

/** The app's name in Slack, as set in manifests/manifest.json. */
const BOT_MENTION = '@Mentorship';

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/** What to say for the Slack error codes people usually meet with a bot token. */
const TOKEN_ERRORS: Record<string, string> = {
  invalid_auth:
    "Slack does not recognise SLACK_BOT_TOKEN. Copy the Bot User OAuth Token (xoxb-…) again from your app's OAuth & Permissions page.",
  not_authed: 'No token reached Slack. Set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…).',
  account_inactive:
    'SLACK_BOT_TOKEN belongs to an app or user that is no longer active (the app was uninstalled or deleted). Reinstall the app and copy the new Bot User OAuth Token.',
  token_revoked:
    'SLACK_BOT_TOKEN has been revoked (the app was uninstalled or the token was regenerated). Reinstall the app and copy the new Bot User OAuth Token.',
  token_expired:
    'SLACK_BOT_TOKEN has expired: token rotation is on for this app. Turn it off (settings.token_rotation_enabled: false) and reinstall, or use a non-expiring token.',
  ratelimited: 'Slack is rate-limiting this token right now. Wait a minute and run the doctor again.',
};

interface SlackFailure {
  /** Slack's error code, "http_<status>", "ratelimited" or "unreachable". */
  code: string;
  /** Extra fields of a platform error (e.g. `needed` for missing_scope). */
  data: Record<string, unknown>;
}

/** Reads the useful part of a WebClient error, never its request (which holds the token). */
function slackFailure(err: unknown): SlackFailure {
  const e = err as { code?: unknown; data?: Record<string, unknown>; statusCode?: unknown } | undefined;
  if (e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string')
    return { code: e.data.error, data: e.data };
  if (e?.code === 'slack_webapi_rate_limited_error') return { code: 'ratelimited', data: {} };
  if (e?.code === 'slack_webapi_http_error') return { code: `http_${String(e.statusCode ?? 'error')}`, data: {} };
  return { code: 'unreachable', data: {} };
}

/** Host (and port) of a MongoDB URI, without user name or password. */
function databaseHost(uri: string): string {
  return /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1] ?? 'the configured server';
}

/** The password in a MongoDB URI, if any, so that it can be kept out of the report. */
function databasePassword(uri: string | undefined): string | undefined {
  const auth = uri ? /^mongodb(?:\+srv)?:\/\/([^@/]*)@/.exec(uri)?.[1] : undefined;
  const password = auth?.includes(':') ? auth.slice(auth.indexOf(':') + 1) : undefined;
  if (!password) return undefined;
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}

class Report {
  ok = true;
  constructor(private readonly out: (line: string) => void) {}
  pass(line: string): void {
    this.out(`${OK} ${line}`);
  }
  warn(line: string, ...details: string[]): void {
    this.out(`${WARN} ${line}`);
    for (const d of details) this.out(`    ${d}`);
  }
  fail(line: string, fix: string, ...details: string[]): void {
    this.ok = false;
    this.out(`${FAIL} ${line}`);
    for (const d of details) this.out(`    ${d}`);
    this.out(`    Fix: ${fix}`);
  }
}

/**
 * Runs every check, printing one line per check (✔ passed, ✖ failed, ! worth knowing) and a fix
 * for each failure. Resolves to true when nothing failed.
 */
export async function runDoctor(env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<boolean> {
  // Whatever happens below, no secret from the environment reaches the output.
  const secrets = [
    env.SLACK_BOT_TOKEN,
    env.SLACK_SIGNING_SECRET,
    env.SLACK_APP_TOKEN,
    databasePassword(env.MONGODB_URI),
  ].filter((s): s is string => typeof s === 'string' && s.trim().length >= 4);
  const safePrint = (line: string) =>
    print(secrets.reduce((text, secret) => text.split(secret).join('[hidden]'), line));
  const report = new Report(safePrint);

  // 1. Configuration
  let config: Readonly<Config>;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    report.fail(
      `Configuration: ${err.problems.length} problem${err.problems.length === 1 ? '' : 's'} in the environment (.env)`,
      'correct these variables in .env (or the environment), then run `npm run doctor` again.',
      ...err.problems,
    );
    report.warn('Other checks skipped until the configuration is valid.');
    return false;
  }
  report.pass('Configuration: all variables are valid.');

  // 2. Database
  await checkDatabase(config, report);

  // 3. Slack token
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    logger: silentLogger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
  });
  let granted: string[] | undefined;
  let botUserId: string | undefined;
  try {
    const auth = await client.auth.test();
    granted = auth.response_metadata?.scopes;
    botUserId = auth.user_id;
    report.pass(
      `Slack token: works for workspace "${auth.team ?? auth.team_id ?? '?'}" as bot user @${auth.user ?? '?'}${auth.user_id ? ` (${auth.user_id})` : ''}.`,
    );
  } catch (err) {
    const { code } = slackFailure(err);
    const apiUrl = config.slack.apiUrl ?? 'https://slack.com/api/';
    const fix =
      TOKEN_ERRORS[code] ??
      (code === 'unreachable'
        ? `check the network connection (and any proxy)${config.slack.apiUrl ? ', and SLACK_API_URL (normally leave it unset)' : ''}.`
        : code.startsWith('http_')
          ? 'Slack had a problem answering; try again in a few minutes (see https://status.slack.com).'
          : 'check SLACK_BOT_TOKEN: it must be the Bot User OAuth Token (xoxb-…) of this app.');
    report.fail(`Slack token: auth.test failed (${code === 'unreachable' ? `could not reach ${apiUrl}` : code}).`, fix);
    report.warn('Scopes and staff channel checks skipped until the token works.');
    checkMode(config, report);
    return report.ok;
  }

  // 4. Scopes
  checkScopes(granted, report);

  // 5. Staff
  await checkStaff(config, client, botUserId, report);
  checkDigest(config, report);

  // 6. Mode
  checkMode(config, report);
  return report.ok;
}

async function checkDatabase(config: Readonly<Config>, report: Report): Promise<void> {
  if (!config.mongodbUri) {
    report.pass(
      `Database: MONGODB_URI is not set, so \`npm start\` will start a local database with its data in ${path.resolve(config.dataDir)} (DATA_DIR).`,
    );
    return;
  }
  const host = databaseHost(config.mongodbUri);
  try {
    await connectDatabase(config.mongodbUri);
    const admin = mongoose.connection.db!.admin();
    await admin.ping();
    let version = '';
    try {
      const info = await admin.buildInfo();
      const ferret = (info as { ferretdb?: { version?: unknown } }).ferretdb?.version;
      if (typeof info.version === 'string')
        version = ` (server version ${info.version}${typeof ferret === 'string' ? `, FerretDB ${ferret}` : ''})`;
    } catch {
      // Some hosted servers do not allow buildInfo; the ping is what matters.
    }
    report.pass(`Database: connected to ${host} and it answers${version}.`);
  } catch (err) {
    const name = err instanceof Error ? err.name : 'Error';
    const message = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err).slice(0, 200);
    const authProblem = /auth/i.test(message);
    report.fail(
      `Database: cannot use MONGODB_URI at ${host} (${name}: ${message}).`,
      authProblem
        ? 'check the user name and password in MONGODB_URI, and that this user may read and write the database.'
        : 'check that the MongoDB server is running and reachable from here (host, port, firewall, IP allow-list), or unset MONGODB_URI to let `npm start` run a local database.',
    );
  } finally {
    await disconnectDatabase().catch(() => undefined);
  }
}

function checkScopes(granted: string[] | undefined, report: Report): void {
  if (!granted) {
    report.warn(
      'Scopes: Slack did not say which scopes the token has, so they could not be checked.',
      `The app needs: ${neededScopes().join(', ')}.`,
    );
    return;
  }
  const missing = missingScopes(granted);
  if (missing.length === 0) {
    report.pass(`Scopes: the token has every scope the app uses (${neededScopes().join(', ')}).`);
    return;
  }
  const scopes = [...new Set(missing.map((line) => line.slice(line.lastIndexOf(' needs ') + 7).split(' or ')[0]))];
  report.fail(
    `Scopes: the token lacks ${missing.length === 1 ? 'a scope' : 'scopes'} the app uses (${scopes.join(', ')}):`,
    'add them under OAuth & Permissions → Bot Token Scopes (or reinstall from manifests/manifest.json), then reinstall the app and update SLACK_BOT_TOKEN if it changed.',
    ...missing,
  );
}

/** The smallest useful scope list: the first scope of each method, plus EXTRA_SCOPES. */
function neededScopes(): string[] {
  const scopes = new Set<string>(EXTRA_SCOPES);
  for (const anyOf of Object.values(METHOD_SCOPES)) if (anyOf.length > 0) scopes.add(anyOf[0]);
  return [...scopes];
}

async function checkStaff(
  config: Readonly<Config>,
  client: WebClient,
  botUserId: string | undefined,
  report: Report,
): Promise<void> {
  const { userIds, channelId } = config.staff;
  if (userIds.length > 0)
    report.pass(`Staff: ${userIds.length} person${userIds.length === 1 ? '' : 's'} in STAFF_USER_IDS.`);
  if (!channelId) return;
  const invite = `invite the bot: open the channel in Slack and type \`/invite ${BOT_MENTION}\`. Also check that STAFF_CHANNEL_ID is the channel's ID (channel name → View channel details → the ID at the bottom).`;
  let step = 'conversations.info';
  try {
    const info = await client.conversations.info({ channel: channelId });
    step = 'conversations.members';
    const page = await client.conversations.members({ channel: channelId, limit: 1000 });
    const more = page.response_metadata?.next_cursor ? '+' : '';
    const name = info.channel?.name ? `#${info.channel.name}` : channelId;
    const members = page.members ?? [];
    report.pass(
      `Staff channel: the bot can read ${name} (${members.length}${more} member${members.length === 1 ? '' : 's'}).`,
    );
    if (!more && members.every((id) => id === botUserId)) {
      if (userIds.length === 0) {
        report.fail(
          `Staff channel: nobody but the bot is in ${name}, so nobody can create pairs.`,
          `invite program staff to ${name}, or set STAFF_USER_IDS.`,
        );
      } else {
        report.warn(
          `Staff channel: nobody but the bot is in ${name}; only the people in STAFF_USER_IDS can create pairs for now.`,
        );
      }
    }
  } catch (err) {
    const { code, data } = slackFailure(err);
    if (code === 'channel_not_found' || code === 'not_in_channel') {
      report.fail(`Staff channel: the bot cannot see ${channelId} (${code}).`, invite);
    } else if (code === 'missing_scope') {
      const needed =
        typeof data.needed === 'string'
          ? data.needed
          : 'groups:read (private channel) or channels:read (public channel)';
      report.fail(
        `Staff channel: ${step} needs the ${needed} scope.`,
        'add it under OAuth & Permissions → Bot Token Scopes (or reinstall from manifests/manifest.json), then reinstall the app.',
      );
    } else {
      report.fail(
        `Staff channel: reading ${channelId} failed (${code}).`,
        code === 'unreachable' || code.startsWith('http_') ? 'try again in a few minutes.' : invite,
      );
    }
  }
}

const WEEKDAY_NAMES = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** Where and when the weekly digest goes, or why it does not. */
function checkDigest(config: Readonly<Config>, report: Report): void {
  const { weekday, hour, minute } = config.digest;
  const when = `${WEEKDAY_NAMES[weekday - 1]} at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${config.programTimeZone}`;
  if (config.staff.channelId)
    report.pass(`Weekly digest: ${when}, to the staff channel (DIGEST_DAY, DIGEST_TIME, PROGRAM_TIMEZONE).`);
  else
    report.warn(
      'Weekly digest: no STAFF_CHANNEL_ID, so no weekly digest is posted; staff can still preview it with `/mentorship digest`.',
    );
}

function checkMode(config: Readonly<Config>, report: Report): void {
  if (config.slack.appToken) {
    report.pass(
      `Mode: Socket Mode (SLACK_APP_TOKEN is set): no public URL is needed; the health check listens on port ${config.port} (/healthz).`,
    );
    return;
  }
  report.pass(`Mode: HTTP on port ${config.port} (SLACK_APP_TOKEN is not set).`);
  report.warn(
    'HTTP mode needs a public HTTPS address: in the app settings turn Socket Mode off and set the Request URL',
    'of Slash Commands, Interactivity and Event Subscriptions to https://<your-host>/slack/events.',
  );
}
