import http from 'node:http';
import { createHmac } from 'node:crypto';
import { WebClient, ErrorCode, LogLevel, type Logger } from '@slack/web-api';
import { SlackStandIn } from '../support/slack-stand-in';
import { SlackDriver, signBody, inputValues } from '../support/slack-driver';

const TOKEN = 'xoxb-test-token';

/** The Slack error code a WebClient call failed with. */
async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err: any) {
    return err.data?.error ?? `no platform error (${err.code})`;
  }
  throw new Error('expected the call to fail');
}

/** Keeps WebClient from printing the [ERROR] messages the rejections below are expected to carry. */
const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('SlackStandIn with a real WebClient', () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    client = new WebClient(TOKEN, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: quietLogger,
    });
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    standIn.reset();
    standIn.addUser({ id: 'U0MENTOR', name: 'mentor', tz: 'Asia/Tokyo', tz_offset: 32400 });
  });

  it('records a postMessage with its blocks parsed and the token from the header', async () => {
    standIn.addChannel({ id: 'C0PROGRAM', name: 'program', members: [standIn.botUserId] });
    const res = await client.chat.postMessage({ channel: 'C0PROGRAM', text: 'hi', blocks: [section('hello')] });

    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    const [call] = standIn.callsTo('chat.postMessage');
    expect(call.token).toBe(TOKEN);
    expect(call.args.blocks).toEqual([section('hello')]);
    expect(standIn.messages).toEqual([expect.objectContaining({ channel: 'C0PROGRAM', ts: res.ts, text: 'hi' })]);
  });

  it('posts to a user id through a stable DM channel and rejects channels the bot is not in', async () => {
    const first = await client.chat.postMessage({ channel: 'U0MENTOR', text: 'one' });
    const second = await client.chat.postMessage({ channel: 'U0MENTOR', text: 'two' });
    expect(first.channel).toMatch(/^D/);
    expect(second.channel).toBe(first.channel);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    standIn.addChannel({ id: 'C0OTHER', name: 'other', members: [] });
    expect(await slackError(client.chat.postMessage({ channel: 'C0OTHER', text: 'x' }))).toBe('not_in_channel');
    expect(await slackError(client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).toBe('channel_not_found');
    expect(standIn.calls.map((c) => c.result)).toEqual(['ok', 'ok', 'error', 'error']);
  });

  it('rejects a 51-block message with invalid_blocks', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(`block ${i}`));
    const err: any = await client.chat.postMessage({ channel: 'U0MENTOR', text: 'x', blocks }).catch((e) => e);
    expect(err.data.error).toBe('invalid_blocks');
    expect(err.data.response_metadata.messages[0]).toMatch(/\[ERROR\] must be less than 51 items/);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a modal whose title is longer than 24 characters', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'x'.repeat(25) }, blocks: [] };
    expect(await slackError(client.views.open({ trigger_id: '123.456.abc', view }))).toBe('invalid_arguments');

    view.title.text = 'x'.repeat(24);
    const res = await client.views.open({ trigger_id: '123.456.abc', view });
    expect(res.view?.id).toMatch(/^V/);
  });

  it('fails the next call as told, then behaves again', async () => {
    standIn.failNext('conversations.create', { error: 'name_taken' });
    expect(await slackError(client.conversations.create({ name: 'pair-1', is_private: true }))).toBe('name_taken');
    const res = await client.conversations.create({ name: 'pair-1', is_private: true });
    expect(res.channel).toMatchObject({ name: 'pair-1', is_private: true });
    expect(standIn.calls.map((c) => c.result)).toEqual(['error', 'ok']);
  });

  it('rate-limits with Retry-After', async () => {
    standIn.failNext('users.info', { ratelimited: 1 });
    const err: any = await client.users.info({ user: 'U0MENTOR' }).catch((e) => e);
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.code).toBe('slack_webapi_rate_limited_error');
    expect(err.retryAfter).toBe(1);
  });

  it('answers an injected HTTP status', async () => {
    standIn.failNext('chat.postMessage', { status: 500 });
    const err: any = await client.chat.postMessage({ channel: 'U0MENTOR', text: 'x' }).catch((e) => e);
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
    expect(standIn.calls[0]).toMatchObject({ result: 'http', error: 'http_500' });
  });

  it('reports the token scopes on every response', async () => {
    const res = await client.auth.test();
    expect(res.user_id).toBe(standIn.botUserId);
    expect(res.response_metadata?.scopes).toEqual(expect.arrayContaining(['chat:write', 'groups:write', 'users:read']));
  });

  it('knows users, and rejects bad tokens and unknown methods', async () => {
    const res = await client.users.info({ user: 'U0MENTOR' });
    expect(res.user).toMatchObject({ id: 'U0MENTOR', tz: 'Asia/Tokyo', tz_offset: 32400 });
    expect(await slackError(client.users.info({ user: 'U0GHOST' }))).toBe('user_not_found');
    expect(await slackError(client.users.info({ user: 'U0MENTOR', token: 'xoxp-user' }))).toBe('invalid_auth');
    expect(await slackError(client.apiCall('no.such.method'))).toBe('unknown_method');
  });

  it('invites into a created channel the way Slack does', async () => {
    const { channel } = await client.conversations.create({ name: 'pair-2', is_private: true });
    const id = channel!.id!;
    expect(await slackError(client.conversations.invite({ channel: id, users: standIn.botUserId }))).toBe(
      'cant_invite_self',
    );
    await client.conversations.invite({ channel: id, users: 'U0MENTOR' });
    expect(await slackError(client.conversations.invite({ channel: id, users: 'U0MENTOR' }))).toBe(
      'already_in_channel',
    );
    const { members } = await client.conversations.members({ channel: id });
    expect(members).toEqual([standIn.botUserId, 'U0MENTOR']);
  });

  it('records POSTs to a response_url and times out waitFor with a clear message', async () => {
    const url = standIn.responseUrl();
    await fetch(url, {
      method: 'POST',
      body: JSON.stringify({ text: 'done' }),
      headers: { 'content-type': 'application/json' },
    });
    await standIn.waitFor(() => standIn.responses.length === 1);
    expect(standIn.responses[0].body).toEqual({ text: 'done' });
    await expect(standIn.waitFor(() => false, 50)).rejects.toThrow(/not met within 50ms/);
  });
});

describe('SlackDriver', () => {
  it('signs like Slack', () => {
    const body = 'token=abc&command=%2Fmentor';
    const expected = `v0=${createHmac('sha256', 'shh').update(`v0:1700000000:${body}`).digest('hex')}`;
    expect(signBody('shh', body, 1700000000)).toBe(expected);
  });

  it('sends signed slash commands and events with Slack headers', async () => {
    const seen: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
    const app = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const standIn = await SlackStandIn.start();
    try {
      const { port } = app.address() as { port: number };
      const driver = new SlackDriver({
        appUrl: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: 'shh',
        standIn,
      });

      const res = await driver.command('/mentor', 'join', { userId: 'U0MENTOR', timestamp: 1700000000 });
      expect(res).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
      const { headers, body } = seen[0];
      expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(headers['x-slack-request-timestamp']).toBe('1700000000');
      expect(headers['x-slack-signature']).toBe(signBody('shh', body, 1700000000));
      const form = new URLSearchParams(body);
      expect(form.get('command')).toBe('/mentor');
      expect(form.get('response_url')).toMatch(new RegExp(`^${standIn.baseUrl}/response/`));

      await driver.event({ type: 'app_home_opened', user: 'U0MENTOR' }, { retryNum: 1, badSignature: true });
      expect(seen[1].headers).toMatchObject({
        'content-type': 'application/json',
        'x-slack-retry-num': '1',
        'x-slack-retry-reason': 'http_timeout',
      });
      expect(seen[1].headers['x-slack-signature']).not.toBe(
        signBody('shh', seen[1].body, Number(seen[1].headers['x-slack-request-timestamp'])),
      );
      expect(JSON.parse(seen[1].body)).toMatchObject({ type: 'event_callback', event: { type: 'app_home_opened' } });

      const values = inputValues({ goal: { actionId: 'goal_input', type: 'plain_text_input', value: 'learn' } });
      await driver.viewSubmission({ userId: 'U0MENTOR', view: { callback_id: 'join', state: { values } } });
      const payload = JSON.parse(new URLSearchParams(seen[2].body).get('payload')!);
      expect(payload).toMatchObject({
        type: 'view_submission',
        view: {
          callback_id: 'join',
          state: { values: { goal: { goal_input: { type: 'plain_text_input', value: 'learn' } } } },
        },
      });
    } finally {
      await standIn.close();
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    }
  });
});
