/* i18n-exempt-file: the configuration's own problems are read by the operator starting the bot, in English. */
import { z } from 'zod';
import { type Language, LANGUAGES } from './i18n/languages';
import { isValidTimeZone } from './lib/time';

/** Comma-separated list → trimmed, non-empty entries. */
const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/** DIGEST_DAY's values, Monday first (index + 1 is the ISO weekday). */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the Bot User OAuth Token, xoxb-…)' })
    .startsWith('xoxb-', 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: z.preprocess(emptyAsUndefined, z.string().min(8, 'looks too short').optional()),
  SLACK_APP_TOKEN: z.preprocess(emptyAsUndefined, z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: z.preprocess(emptyAsUndefined, z.url('must be a URL such as https://slack.com/api/').optional()),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a port number' }).int('must be a whole number').min(0).max(65535).default(3000),
  ),
  MONGODB_URI: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  STAFF_USER_IDS: csv.pipe(
    z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack user IDs such as U012ABCDEF')),
  ),
  STAFF_CHANNEL_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel ID such as C012ABCDEF')
      .optional(),
  ),
  INVITE_STAFF_TO_PAIR_CHANNELS: booleanFlag(false),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  SCHEDULER_ENABLED: booleanFlag(true),
  DIGEST_DAY: z.preprocess(
    (v) => (typeof v === 'string' ? emptyAsUndefined(v.trim().toLowerCase().slice(0, 3)) : v),
    z.enum(WEEKDAYS, { error: 'must be a day of the week: mon, tue, wed, thu, fri, sat or sun' }).default('mon'),
  ),
  DIGEST_TIME: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, such as 09:00')
      .default('09:00'),
  ),
  PROGRAM_TIMEZONE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Brussels or America/New_York')
      .default('UTC'),
  ),
  WEEKLY_MESSAGE_CAP: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .default(5),
  ),
  STAFF_LANGUAGE: z.preprocess(
    (v) => (typeof v === 'string' ? emptyAsUndefined(v.trim().toLowerCase()) : v),
    z.enum(LANGUAGES, { error: `must be one of the bot's languages: ${LANGUAGES.join(', ')}` }).default('en'),
  ),
});

/** Rules across variables, checked on the raw environment so they are reported with the rest. */
function crossProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!env.STAFF_USER_IDS?.trim() && !env.STAFF_CHANNEL_ID?.trim()) {
    problems.push('STAFF_USER_IDS or STAFF_CHANNEL_ID must be set, or nobody can create pairs');
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  slack: {
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
  };
  port: number;
  mongodbUri?: string;
  dataDir: string;
  staff: { userIds: readonly string[]; channelId?: string; inviteToPairChannels: boolean };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** false: no in-process cron; an external scheduler runs `npm run job` instead. */
  schedulerEnabled: boolean;
  /** The program's time zone: the weekly digest's day and hour are read in it. */
  programTimeZone: string;
  /** When the weekly digest goes to the staff channel: ISO weekday (1 = Monday), hour and minute. */
  digest: { weekday: number; hour: number; minute: number };
  /** Messages the bot sends a person on its own in any 7 days before reminders are folded (src/jobs/message-cap-rules.ts). */
  weeklyMessageCap: number;
  /** The language of what the bot posts in the staff channel on its own (the weekly digest, alerts). */
  staffLanguage: Language;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; throws ConfigError with one line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`)),
    ...crossProblems(env),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return Object.freeze({
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    staff: {
      userIds: Object.freeze([...e.STAFF_USER_IDS]),
      channelId: e.STAFF_CHANNEL_ID,
      inviteToPairChannels: e.INVITE_STAFF_TO_PAIR_CHANNELS,
    },
    logLevel: e.LOG_LEVEL,
    schedulerEnabled: e.SCHEDULER_ENABLED,
    programTimeZone: e.PROGRAM_TIMEZONE,
    digest: Object.freeze({
      weekday: WEEKDAYS.indexOf(e.DIGEST_DAY) + 1,
      hour: Number(e.DIGEST_TIME.slice(0, 2)),
      minute: Number(e.DIGEST_TIME.slice(3, 5)),
    }),
    weeklyMessageCap: e.WEEKLY_MESSAGE_CAP,
    staffLanguage: e.STAFF_LANGUAGE,
  });
}
