/**
 * Socket Mode, the manifest's default, end to end: the real app (createApp with SLACK_APP_TOKEN, so
 * Bolt's SocketModeReceiver and @slack/socket-mode's client) opens its connection through
 * apps.connections.open on the Web API stand-in, then gets envelopes over a real WebSocket from the
 * Socket Mode stand-in, exactly as Slack sends them, and must ack each within 3 seconds.
 */
import type http from 'node:http';
import { format } from 'node:util';
import { createApp, type CreatedApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { CheckinIds } from '../../src/features/checkins/ids';
import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel } from '../../src/pairs/model';
import { addProgram, PEOPLE, STAFF_CHANNEL } from '../support/app-harness';
import { connectTestDatabase, dropTestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';
import { pairFormValues } from '../support/pair-form';
import { SlackDriver } from '../support/slack-driver';
import { SlackStandIn } from '../support/slack-stand-in';
import { type Delivery, SocketModeStandIn } from '../support/socket-mode-stand-in';

const BOT_TOKEN = 'xoxb-socket-mode-bot-token';
/** Text people type into the pair form: it must reach Slack, and never the logs. */
const TYPED_GOAL = 'Lower the SOCKETGOAL-7f3a remittance fee';
const TYPED_CONTEXT = 'SOCKETCONTEXT-91bc: elections in March slow every ministry';
const TYPED_WORD = 'SOCKETWORD-c4d2';
/** Slack's rule for every envelope (and every HTTP request). */
const ACK_WITHIN_MS = 3000;

/** The clock of the app's listeners: the day the pair starts. */
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };

let standIn: SlackStandIn;
let socket: SocketModeStandIn;
let created: CreatedApp;
let config: Readonly<Config>;
/** The payloads Slack would send (the same builders as the HTTP tests). */
let driver: SlackDriver;

/** Everything the app's logger (the real @slack/logger ConsoleLogger) wrote to the console. */
const logs: string[] = [];
const CONSOLE_METHODS = ['debug', 'info', 'warn', 'error', 'log'] as const;
const originalConsole = Object.fromEntries(CONSOLE_METHODS.map((m) => [m, console[m]]));

/** The environment of a Socket Mode deployment, pointed at the stand-ins (PORT 0: any free port for /healthz). */
function configEnv(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: socket.appToken,
    SLACK_API_URL: standIn.url,
    STAFF_USER_IDS: PEOPLE.staff.id,
    STAFF_CHANNEL_ID: STAFF_CHANNEL,
    LOG_LEVEL: 'debug',
    PORT: '0',
  };
}

function captureConsole(): void {
  for (const m of CONSOLE_METHODS) console[m] = (...args: unknown[]) => void logs.push(format(...args));
}
function restoreConsole(): void {
  for (const m of CONSOLE_METHODS) console[m] = originalConsole[m];
}

beforeAll(async () => {
  captureConsole();
  await connectTestDatabase('socket_mode');
  standIn = await SlackStandIn.start();
  addProgram(standIn);
  socket = await SocketModeStandIn.start(standIn);
  config = loadConfig(configEnv());
  // No logger given: the app logs through the ConsoleLogger it makes itself, as `npm start` does.
  created = createApp(config, { clock });
  await created.app.start();
  driver = new SlackDriver({ appUrl: 'unused-in-socket-mode', signingSecret: 'unused', standIn });
});

afterAll(async () => {
  try {
    await created?.app.stop();
    // The client closes its WebSocket with a close handshake: let it finish rather than cut it.
    await eventually(async () => socket.connections.every((c) => c.closed), 'the app to close its WebSocket', 5000);
  } finally {
    await socket?.close();
    await standIn?.close();
    await dropTestDatabase();
    restoreConsole();
  }
});

function expectAckedInTime(d: Delivery): void {
  expect(d.ack.envelope_id).toBe(d.envelopeId);
  expect(d.ackMs).toBeLessThan(ACK_WITHIN_MS);
}

const viewOf = (call: { args: Record<string, any> }) =>
  typeof call.args.view === 'string' ? JSON.parse(call.args.view) : call.args.view;

describe('the connection', () => {
  test('is opened with the app-level token (apps.connections.open), then hello; pings both ways are answered', async () => {
    const opens = standIn.attemptsTo('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]).toMatchObject({ result: 'ok', token: socket.appToken });
    expect(socket.connections).toHaveLength(1);
    expect(socket.connections[0].closed).toBe(false);
    // The bot token is for everything else, and the app token for nothing else.
    const others = standIn.calls.filter((c) => c.method !== 'apps.connections.open');
    expect(others.every((c) => c.token === BOT_TOKEN)).toBe(true);
    await eventually(async () => socket.connections[0].pongs > 0, 'a pong to the stand-in ping', 5000);
    // The client's own heartbeat (a ping every ~1.7 s, a pong expected within 5 s, else it reconnects).
    await eventually(async () => socket.connections[0].pings > 0, 'a ping from the client', 5000);
  });

  test('the stand-in refuses other tokens as Slack does', async () => {
    const call = async (method: string, token: string) => {
      const res = await fetch(`${standIn.url}${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'channel=C0GENERAL1&text=hi',
      });
      return (await res.json()) as { ok: boolean; error?: string; url?: string };
    };
    expect(await call('apps.connections.open', BOT_TOKEN)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await call('apps.connections.open', 'xapp-1-A0OTHER-1-0000')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await call('chat.postMessage', socket.appToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(socket.connections).toHaveLength(1);
  });

  test('GET /healthz answers on PORT in Socket Mode too', async () => {
    const server = (created.app as unknown as { receiver: { httpServer?: http.Server } }).receiver.httpServer;
    const address = server?.address();
    expect(address).toMatchObject({ port: expect.any(Number) });
    const res = await fetch(`http://127.0.0.1:${(address as { port: number }).port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'connected' });
  });
});

describe('envelopes are acknowledged within 3 seconds and handled as in HTTP mode', () => {
  test('/mentorship help: the usage comes back in the ack, privately', async () => {
    const d = await socket.slashCommand(driver.commandPayload('/mentorship', 'help', { userId: PEOPLE.outsider.id }));
    expectAckedInTime(d);
    expect(d.ack.payload).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/\/mentorship pair/),
    });
    expect(standIn.attemptsTo('views.open')).toHaveLength(0);
  });

  test('an unknown subcommand is named back with the usage, in the ack', async () => {
    const d = await socket.slashCommand(
      driver.commandPayload('/mentorship', `${TYPED_WORD} now`, { userId: PEOPLE.outsider.id }),
    );
    expectAckedInTime(d);
    expect(d.ack.payload?.text).toMatch(new RegExp(`I don't know \`${TYPED_WORD}\`[\\s\\S]*/mentorship list`));
  });

  test('/mentorship pair by staff opens the form with the trigger_id of the envelope', async () => {
    const payload = driver.commandPayload('/mentorship', 'pair', { userId: PEOPLE.staff.id });
    const d = await socket.slashCommand(payload);
    expectAckedInTime(d);
    await standIn.waitFor(() => standIn.attemptsTo('views.open').length === 1, 5000, 'views.open');
    const call = standIn.callsTo('views.open')[0];
    expect(call.args.trigger_id).toBe(payload.trigger_id);
    expect(viewOf(call).callback_id).toBe(PairingIds.createModal);
  });

  test('the pair form: a field error comes back in the ack; a valid form is cleared and the pair is set up', async () => {
    const submit = (values: ReturnType<typeof pairFormValues>, id: string) =>
      socket.interactive(
        driver.viewSubmissionPayload({
          userId: PEOPLE.staff.id,
          view: { id, callback_id: PairingIds.createModal, state: { values } },
        }),
      );
    const goals: Array<[string, string]> = [[TYPED_GOAL, 'Fee below 1% by June']];
    const refused = await submit(pairFormValues({ goals, startDate: '2027-02-01', endDate: '2027-01-01' }), 'VSOCK1');
    expectAckedInTime(refused);
    expect(refused.ack.payload).toEqual({
      response_action: 'errors',
      errors: { [PairingIds.block.endDate]: expect.stringMatching(/end date must be after the start/) },
    });
    expect(await PairModel.countDocuments()).toBe(0);

    const accepted = await submit(pairFormValues({ goals, localContext: TYPED_CONTEXT }), 'VSOCK2');
    expectAckedInTime(accepted);
    expect(accepted.ack.payload).toEqual({ response_action: 'clear' });
    await eventually(async () => Boolean(await PairModel.exists({ status: 'active' })), 'an active pair');
    const pair = (await PairModel.findOne().lean())!;
    expect(pair.goals.map((g) => g.title)).toEqual([TYPED_GOAL]);
    // The goals are in the second set-up message, the one the bot pins.
    const pinned = standIn.messages.find(
      (m) => m.channel === pair.channel!.id && m.metadata?.event_payload?.key === `goals:${pair._id}`,
    )!;
    expect(JSON.stringify(pinned.blocks)).toContain(TYPED_GOAL);
    await standIn.waitFor(() => standIn.messages.some((m) => /is ready/.test(m.text ?? '')), 5000, 'staff told');
  });

  test('/mentorship list by staff: acked at once, the list arrives on the response_url', async () => {
    const d = await socket.slashCommand(driver.commandPayload('/mentorship', 'list', { userId: PEOPLE.staff.id }));
    expectAckedInTime(d);
    await standIn.waitFor(() => standIn.responses.length === 1, 5000, 'a response_url answer');
    const answer = JSON.stringify(standIn.responses[0].body);
    expect(answer).toContain('Active pairs');
    expect(answer).toContain('*Alice Müller* → *Karim Rahman*');
    expect(standIn.responses[0].body.response_type).toBe('ephemeral');
  });

  test('Answer (block_actions): acked, and the reply form opens for the mentee', async () => {
    const pair = (await PairModel.findOne().lean())!;
    await runJobsAt({ config, deps: created.deps }, '2026-12-08T13:00:00Z', ['checkins']); // 08:00 New York, 19:00 Dhaka
    const prompt = standIn.messages.find(
      (m) => m.channel === pair.channel!.id && JSON.stringify(m.blocks ?? []).includes(CheckinIds.replyButton),
    );
    expect(prompt).toBeDefined();
    const before = standIn.callsTo('views.open').length;
    const d = await socket.interactive(
      driver.blockActionPayload({
        userId: PEOPLE.mentee.id,
        actionId: CheckinIds.replyButton,
        channelId: prompt!.channel,
        messageTs: prompt!.ts,
      }),
    );
    expectAckedInTime(d);
    expect(d.ack.payload ?? {}).toEqual({});
    await standIn.waitFor(() => standIn.callsTo('views.open').length === before + 1, 5000, 'the reply form');
    expect(viewOf(standIn.callsTo('views.open')[before]).callback_id).toBe(CheckinIds.replyModal);
  });

  test('app_home_opened (events_api): the Home tab is published once; a retried delivery is acked and skipped', async () => {
    const event = { type: 'app_home_opened', user: PEOPLE.mentee.id, channel: 'D0MENTEE', tab: 'home' };
    const payload = driver.eventPayload(event, { eventId: 'Ev0SOCKET01' });
    const first = await socket.eventsApi(payload);
    expectAckedInTime(first);
    await standIn.waitFor(() => standIn.callsTo('views.publish').length === 1, 5000, 'views.publish');
    expect(JSON.stringify(viewOf(standIn.callsTo('views.publish')[0]))).toMatch(/You are the \*mentee\*/);

    const retry = await socket.eventsApi(payload, { retryAttempt: 1, retryReason: 'timeout' });
    expectAckedInTime(retry);
    await eventually(
      async () => logs.some((l) => l.includes('skipping redelivered event Ev0SOCKET01 (retry 1)')),
      'the redelivery to be skipped',
      5000,
    );
    expect(standIn.callsTo('views.publish')).toHaveLength(1);
  });
});

describe('Slack recycling the connection', () => {
  test('on disconnect (refresh_requested) the app opens a new connection and keeps working', async () => {
    socket.disconnect('refresh_requested');
    const second = await socket.waitForConnections(2, 20_000);
    expect(second.number).toBe(2);
    expect(socket.connections[0].closed).toBe(true);
    // (The other attempts are the refused tokens of the test above.)
    const opens = standIn.attemptsTo('apps.connections.open').filter((c) => c.token === socket.appToken);
    expect(opens).toHaveLength(2);
    expect(opens.every((c) => c.result === 'ok')).toBe(true);
    expect(socket.connections[0].url).not.toBe(second.url);

    const before = standIn.responses.length;
    const d = await socket.slashCommand(driver.commandPayload('/mentorship', 'list', { userId: PEOPLE.staff.id }));
    expectAckedInTime(d);
    expect(d.connection).toBe(2);
    await standIn.waitFor(() => standIn.responses.length === before + 1, 5000, 'a response_url answer');
    expect(JSON.stringify(standIn.responses[before].body)).toContain('Active pairs');
    expect(socket.unexpected).toEqual([]);
  }, 30_000);
});

describe('an app-level token Slack does not know', () => {
  test('stops start-up with invalid_auth instead of retrying for ever, and opens no WebSocket', async () => {
    const other = createApp(loadConfig({ ...configEnv(), SLACK_APP_TOKEN: 'xapp-1-A0STANDIN1-1-never-issued' }), {
      clock,
    });
    try {
      await expect(other.app.start()).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
    } finally {
      await other.app.stop();
    }
    expect(standIn.attemptsTo('apps.connections.open').at(-1)).toMatchObject({ error: 'invalid_auth' });
    expect(socket.connections).toHaveLength(2);
  });
});

describe('logs at LOG_LEVEL=debug', () => {
  test('hold no token and no message contents', async () => {
    const all = logs.join('\n');
    // The capture works: the ConsoleLogger wrote debug lines, Socket Mode's among them.
    expect(all).toMatch(/\[DEBUG\]/);
    expect(all).toMatch(/hello/);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(socket.appToken);
    expect(all).not.toMatch(/xox[abp]-|xapp-/);
    expect(all).not.toContain('SOCKETGOAL-7f3a');
    expect(all).not.toContain('SOCKETCONTEXT-91bc');
    expect(all).not.toContain(TYPED_WORD);
  });
});
