import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createLogger } from '../../src/app';
import { loadConfig } from '../../src/config';
import { PEOPLE, SIGNING_SECRET } from '../support/app-harness';
import { connectTestDatabase, dropTestDatabase } from '../support/database';
import { SlackDriver } from '../support/slack-driver';
import { SlackStandIn } from '../support/slack-stand-in';

/**
 * LOG_LEVEL as the README promises, with the logger the bot really uses (createLogger, a Slack
 * ConsoleLogger writing to the console). Bolt resets the level of a logger it is given to info
 * unless it is told the level too; this would show as info lines at LOG_LEVEL=warn.
 */
let standIn: SlackStandIn;
let lines: string[] = [];
beforeAll(async () => {
  await connectTestDatabase('log_level');
  standIn = await SlackStandIn.start();
  for (const person of Object.values(PEOPLE)) standIn.addUser({ ...person });
});
afterAll(async () => {
  await standIn.close();
  await dropTestDatabase();
});

/** Console lines written while `work` runs against a bot started with this LOG_LEVEL. */
async function consoleLinesAt(level: string, work: (driver: SlackDriver) => Promise<void>): Promise<string[]> {
  lines = [];
  const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    }),
  );
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-log-level-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.url,
    STAFF_USER_IDS: PEOPLE.staff.id,
    LOG_LEVEL: level,
  });
  const { receiver } = createApp(config, { logger: createLogger(config.logLevel) });
  const server = http.createServer(receiver!.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await work(
      new SlackDriver({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, standIn }),
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

/** A command, then an event delivered twice: the bot logs the skipped retry at info level. */
async function commandAndRetriedEvent(driver: SlackDriver, eventId: string): Promise<void> {
  expect((await driver.command('/mentorship', 'help', { userId: PEOPLE.mentee.id })).status).toBe(200);
  const event = { type: 'app_home_opened', user: PEOPLE.mentee.id, channel: 'D0MENTEE', tab: 'home', event_ts: '1.2' };
  await driver.event(event, { eventId });
  await driver.event(event, { eventId, retryNum: 1, retryReason: 'http_timeout' });
}

test('LOG_LEVEL=debug shows info and debug lines (so the capture below would see them)', async () => {
  const written = await consoleLinesAt('debug', async (driver) => {
    await commandAndRetriedEvent(driver, 'Ev0LOGDEBUG');
    // Done when the retry was skipped and the handled delivery's views.publish has come back.
    await standIn.waitFor(
      () =>
        lines.some((l) => /skipping redelivered event Ev0LOGDEBUG/.test(l)) &&
        lines.some((l) => /apiCall\('views.publish'\) end/.test(l)),
    );
  });
  expect(written.some((l) => l.startsWith('[INFO]') && /skipping redelivered event Ev0LOGDEBUG/.test(l))).toBe(true);
  expect(written.some((l) => l.startsWith('[DEBUG]'))).toBe(true);
});

test('LOG_LEVEL=warn: no info or debug line is written while the bot serves requests', async () => {
  standIn.reset();
  const written = await consoleLinesAt('warn', async (driver) => {
    await commandAndRetriedEvent(driver, 'Ev0LOGWARN1');
    // The skipped retry logs nothing here; a later delivery, handled in full after it, marks the end.
    const later = {
      type: 'app_home_opened',
      user: PEOPLE.mentor.id,
      channel: 'D0MENTOR',
      tab: 'home',
      event_ts: '1.3',
    };
    await driver.event(later, { eventId: 'Ev0LOGWARN2' });
    await standIn.waitFor(() => standIn.callsTo('views.publish').length === 2);
  });
  expect(written.filter((l) => l.startsWith('[INFO]') || l.startsWith('[DEBUG]'))).toEqual([]);
});
