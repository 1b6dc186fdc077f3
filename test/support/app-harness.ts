import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/logger';
import { createApp, type CreatedApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Clock } from '../../src/lib/time';
import { SlackDriver } from './slack-driver';
import { SlackStandIn } from './slack-stand-in';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** People in the stand-in workspace. */
export const PEOPLE = {
  staff: { id: 'U0STAFF001', name: 'sam.staff', real_name: 'Sam Staff', tz: 'Europe/Brussels' },
  staffByChannel: { id: 'U0STAFF002', name: 'sara', real_name: 'Sara Channel', tz: 'Europe/Paris' },
  mentor: { id: 'U0MENTOR01', name: 'alice', real_name: 'Alice Müller', tz: 'America/New_York' },
  mentee: { id: 'U0MENTEE01', name: 'karim', real_name: 'Karim Rahman', tz: 'Asia/Dhaka' },
  mentee2: { id: 'U0MENTEE02', name: 'amira', real_name: 'Amira Ben Salah', tz: 'Africa/Tunis' },
  mentorLA: { id: 'U0MENTOR02', name: 'lee', real_name: 'Lee Park', tz: 'America/Los_Angeles' },
  mentorParis: { id: 'U0MENTOR03', name: 'elise', real_name: 'Élise Martin', tz: 'Europe/Paris' },
  menteeTbilisi: { id: 'U0MENTEE03', name: 'nino', real_name: 'Nino Beridze', tz: 'Asia/Tbilisi' },
  noTz: { id: 'U0NOTZ0001', name: 'notz', real_name: 'No Zone' },
  outsider: { id: 'U0OUTSIDE1', name: 'olga', real_name: 'Olga Outsider', tz: 'Europe/Kyiv' },
  bot: { id: 'U0SOMEBOT1', name: 'somebot', real_name: 'Some Bot', is_bot: true },
  deactivated: { id: 'U0GONE0001', name: 'gone', real_name: 'Gone Away', tz: 'Europe/Rome', deleted: true },
} as const;

export const STAFF_CHANNEL = 'G0STAFFCH1';

export interface Harness extends CreatedApp {
  /** http://127.0.0.1:PORT of the app. */
  baseUrl: string;
  standIn: SlackStandIn;
  driver: SlackDriver;
  config: Readonly<Config>;
  logs: string[];
  /** Forgets what the stand-in saw (and re-creates the staff channel). */
  reset(): void;
  close(): Promise<void>;
}

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.ERROR]: 400,
  [LogLevel.WARN]: 300,
  [LogLevel.INFO]: 200,
  [LogLevel.DEBUG]: 100,
};

/**
 * A logger that keeps lines in memory, so tests can check what is (not) logged. Each line is what
 * @slack/logger's ConsoleLogger would print: it calls `console.<level>('[LEVEL] ', name, ...msg)`,
 * and Node's console formats its arguments with util.format, so objects are printed whole (through
 * util.inspect), never as `[object Object]`. Levels and the name behave as in ConsoleLogger too.
 * (test/harness/logs.test.ts checks that the lines equal what a real ConsoleLogger writes.)
 */
export function memoryLogger(lines: string[]): Logger {
  let level = LogLevel.INFO;
  let name = '';
  const write =
    (at: LogLevel) =>
    (...msg: unknown[]) => {
      if (SEVERITY[at] >= SEVERITY[level]) lines.push(format(`[${at.toUpperCase()}] `, name, ...msg));
    };
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

/** The staff channel (STAFF_CHANNEL): private, with the bot and a staff member who is staff through it. */
export function addStaffChannel(standIn: SlackStandIn): void {
  standIn.addChannel({
    id: STAFF_CHANNEL,
    name: 'program-staff',
    is_private: true,
    members: [PEOPLE.staffByChannel.id, standIn.botUserId],
  });
}

/** What every test workspace starts with: the people of PEOPLE and the staff channel. */
export function addProgram(standIn: SlackStandIn): void {
  for (const person of Object.values(PEOPLE)) standIn.addUser({ ...person });
  addStaffChannel(standIn);
}

/** The real app (HTTP receiver) on a local port, talking to a Slack stand-in. */
export async function startHarness(
  opts: {
    env?: Record<string, string>;
    clock?: Clock;
    /** The app's Web API timeout (SLACK_CALL_TIMEOUT_MS, 10 s, by default). */
    slackTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const standIn = await SlackStandIn.start();
  addProgram(standIn);

  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    STAFF_USER_IDS: PEOPLE.staff.id,
    STAFF_CHANNEL_ID: STAFF_CHANNEL,
    LOG_LEVEL: 'debug',
    ...opts.env,
  });
  const logs: string[] = [];
  const created = createApp(config, {
    clock: opts.clock,
    logger: memoryLogger(logs),
    slackTimeoutMs: opts.slackTimeoutMs,
  });
  const server = http.createServer(created.receiver!.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const driver = new SlackDriver({
    appUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: SIGNING_SECRET,
    teamId: standIn.teamId,
    standIn,
  });

  return {
    ...created,
    baseUrl: `http://127.0.0.1:${port}`,
    standIn,
    driver,
    config,
    logs,
    reset: () => {
      standIn.reset();
      addStaffChannel(standIn);
      logs.length = 0;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await standIn.close();
    },
  };
}
