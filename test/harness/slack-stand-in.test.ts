import http from 'node:http';
import { createHmac } from 'node:crypto';
import { WebClient, ErrorCode } from '@slack/web-api';
import { quietLogger } from '../support/quiet-logger';
import { SlackStandIn } from '../support/slack-stand-in';
import { SlackDriver, signBody, inputValues } from '../support/slack-driver';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const keyMeta = (key: string) => ({ event_type: 'mentorship_outbox', event_payload: { key } });

describe('SlackStandIn with a real WebClient', () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await SlackStandIn.start({ postRate: null });
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

  it('pins.add pins a message once, in a channel the bot is in, and needs pins:write', async () => {
    standIn.addChannel({ id: 'C0PAIR', name: 'pair', is_private: true, members: [standIn.botUserId] });
    standIn.addChannel({ id: 'C0OTHER', name: 'other', is_private: true, members: ['U0MENTOR'] });
    const { ts } = await client.chat.postMessage({ channel: 'C0PAIR', text: 'goals' });
    await client.pins.add({ channel: 'C0PAIR', timestamp: ts! });
    expect(standIn.pins).toEqual([{ channel: 'C0PAIR', ts }]);
    expect(await slackError(client.pins.add({ channel: 'C0PAIR', timestamp: ts! }))).toBe('already_pinned');
    expect(await slackError(client.pins.add({ channel: 'C0PAIR', timestamp: '1.000001' }))).toBe('message_not_found');
    expect(await slackError(client.pins.add({ channel: 'C0OTHER', timestamp: ts! }))).toBe('channel_not_found');
    expect(await slackError(client.pins.add({ channel: 'C0NONE', timestamp: ts! }))).toBe('channel_not_found');
    expect(standIn.pins).toHaveLength(1);

    const noScope = await SlackStandIn.start({ scopes: ['chat:write'], postRate: null });
    try {
      const other = new WebClient(TOKEN, {
        slackApiUrl: noScope.url,
        retryConfig: { retries: 0 },
        logger: quietLogger,
      });
      expect(await slackError(other.pins.add({ channel: 'C0PAIR', timestamp: ts! }))).toBe('missing_scope');
    } finally {
      await noScope.close();
    }
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
    standIn.registerTriggerId('123.456.abc');
    expect(await slackError(client.views.open({ trigger_id: '123.456.abc', view }))).toBe('invalid_arguments');

    view.title.text = 'x'.repeat(24);
    const res = await client.views.open({ trigger_id: '123.456.abc', view }); // a refused view does not use it up
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

  it("reports the token scopes on every response: the manifest's bot scopes", async () => {
    const res = await client.auth.test();
    expect(res.user_id).toBe(standIn.botUserId);
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../manifests/manifest.json'), 'utf8'));
    expect(res.response_metadata?.scopes).toEqual(manifest.oauth_config.scopes.bot);
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

  describe('trigger ids, as Slack: valid 3 seconds, once', () => {
    const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Hello' }, blocks: [] };

    it('opens a view with a fresh trigger once; a reused one is exchanged, an unknown one invalid', async () => {
      standIn.registerTriggerId('trig.fresh');
      await client.views.open({ trigger_id: 'trig.fresh', view: modal });
      expect(await slackError(client.views.open({ trigger_id: 'trig.fresh', view: modal }))).toBe(
        'exchanged_trigger_id',
      );
      expect(await slackError(client.views.open({ trigger_id: 'trig.made-up', view: modal }))).toBe(
        'invalid_trigger_id',
      );
    });

    it('refuses a trigger older than 3 seconds', async () => {
      standIn.registerTriggerId('trig.old', Date.now() - 3001);
      expect(await slackError(client.views.open({ trigger_id: 'trig.old', view: modal }))).toBe('expired_trigger_id');
      expect(await slackError(client.views.push({ trigger_id: 'trig.old', view: modal }))).toBe('expired_trigger_id');
    });
  });

  describe('conversations and people, as Slack', () => {
    beforeEach(() => {
      standIn.addUser({ id: 'U0GONE', name: 'gone', deleted: true });
      standIn.addChannel({ id: 'C0PAIR', name: 'pair', is_private: true, members: [standIn.botUserId, 'U0MENTOR'] });
    });

    it("updates only the bot's own messages, in channels it is in", async () => {
      const mine = await client.chat.postMessage({ channel: 'C0PAIR', text: 'prompt' });
      await client.chat.update({ channel: 'C0PAIR', ts: mine.ts!, text: 'prompt, edited' });
      const theirs = standIn.postAsUser('C0PAIR', 'U0MENTOR', 'hello');
      expect(await slackError(client.chat.update({ channel: 'C0PAIR', ts: theirs.ts, text: 'x' }))).toBe(
        'cant_update_message',
      );
      expect(await slackError(client.chat.update({ channel: 'C0PAIR', ts: '1.000001', text: 'x' }))).toBe(
        'message_not_found',
      );
      standIn.channels.get('C0PAIR')!.members.delete(standIn.botUserId);
      standIn.channels.get('C0PAIR')!.is_private = false;
      expect(await slackError(client.chat.update({ channel: 'C0PAIR', ts: mine.ts!, text: 'x' }))).toBe(
        'cant_update_message',
      );
      expect(standIn.messages.find((m) => m.ts === mine.ts)!.text).toBe('prompt, edited');
    });

    it('refuses made-up DM ids and deactivated people: open, invite, post', async () => {
      expect(await slackError(client.chat.postMessage({ channel: 'D0MADEUP', text: 'x' }))).toBe('channel_not_found');
      expect(await slackError(client.conversations.open({ users: 'U0GONE' }))).toBe('user_disabled');
      expect(await slackError(client.conversations.invite({ channel: 'C0PAIR', users: 'U0GONE' }))).toBe('cant_invite');
      expect(await slackError(client.chat.postMessage({ channel: 'U0GONE', text: 'x' }))).toBe('channel_not_found');
      // A DM opened before the account was deactivated is archived with it.
      standIn.users.get('U0GONE')!.deleted = false;
      const dm = (await client.conversations.open({ users: 'U0GONE' })).channel!.id!;
      standIn.users.get('U0GONE')!.deleted = true;
      expect(await slackError(client.chat.postMessage({ channel: dm, text: 'x' }))).toBe('is_archived');
      expect(standIn.messages).toHaveLength(0);
    });

    it('pages history newest first: oldest/latest exclusive unless inclusive, limit, cursor, has_more', async () => {
      const posted = [];
      for (let i = 0; i < 5; i++) posted.push(standIn.postAsUser('C0PAIR', 'U0MENTOR', `m${i}`));
      const bot = await client.chat.postMessage({ channel: 'C0PAIR', text: 'bot', metadata: keyMeta('k1') });
      standIn.postAsUser('C0PAIR', 'U0MENTOR', 'in thread', bot.ts);

      const first = await client.conversations.history({ channel: 'C0PAIR', limit: 2, include_all_metadata: true });
      expect(first.messages!.map((m) => m.text)).toEqual(['bot', 'm4']); // no thread replies
      expect(first.messages![0]).toMatchObject({ bot_id: standIn.botId, metadata: keyMeta('k1') });
      expect(first.messages![1].bot_id).toBeUndefined(); // a person's message
      expect(first.has_more).toBe(true);
      const second = await client.conversations.history({
        channel: 'C0PAIR',
        limit: 2,
        cursor: first.response_metadata!.next_cursor,
      });
      expect(second.messages!.map((m) => m.text)).toEqual(['m3', 'm2']);
      const texts = async (args: Record<string, unknown>) =>
        (await client.conversations.history({ channel: 'C0PAIR', ...args })).messages!.map((m) => m.text);
      expect(await texts({ oldest: posted[3].ts })).toEqual(['bot', 'm4']);
      expect(await texts({ oldest: posted[3].ts, inclusive: true })).toEqual(['bot', 'm4', 'm3']);
      expect(await texts({ oldest: posted[0].ts, latest: posted[2].ts })).toEqual(['m1']);
      const last = await client.conversations.history({ channel: 'C0PAIR', oldest: posted[3].ts });
      expect([last.has_more, last.response_metadata?.next_cursor]).toEqual([false, '']);
      expect(await slackError(client.conversations.history({ channel: 'C0PAIR', oldest: 'yesterday' }))).toBe(
        'invalid_ts_oldest',
      );
    });
  });

  describe('Block Kit, as Slack checks it', () => {
    const button = (text: Record<string, unknown>, action_id = 'a') => ({ type: 'button', text, action_id });
    const plain = (text: string) => ({ type: 'plain_text', text });
    const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
    const refused = async (blocks: unknown[]) => {
      const err: any = await client.chat
        .postMessage({ channel: 'U0MENTOR', text: 'x', blocks: blocks as any })
        .catch((e) => e);
      expect(err.data?.error).toBe('invalid_blocks');
      return err.data.response_metadata.messages[0] as string;
    };
    const select = (initial: string) => ({
      type: 'static_select',
      action_id: 's',
      options: [{ text: plain('One'), value: '1' }],
      initial_option: { text: plain('One'), value: initial },
    });
    const actions = (...elements: unknown[]) => [{ type: 'actions', elements }];

    it.each([
      ['empty section text', [section('')], '/blocks/0/text/text', /more than 0 characters/],
      ['empty button text', actions(button(plain(''))), '/blocks/0/elements/0/text/text', /more than 0/],
      ['mrkdwn header', [{ type: 'header', text: mrkdwn('*Hi*') }], '/blocks/0/text/type', /plain_text/],
      ['mrkdwn button', actions(button(mrkdwn('Go'))), '/blocks/0/elements/0/text/type', /plain_text/],
      [
        'duplicate action_id in a block',
        actions(button(plain('A'), 'same'), button(plain('B'), 'same')),
        '/blocks/0/elements/1/action_id',
        /duplicate action_id/,
      ],
      ['initial_option not an option', actions(select('2')), '/blocks/0/elements/0/initial_option', /match/],
      ['empty actions block', actions(), '/blocks/0/elements', /at least 1/],
      [
        'a text input in an actions block',
        actions({ type: 'plain_text_input', action_id: 'i' }),
        '/blocks/0/elements/0/type',
        /not allowed/,
      ],
      [
        'an input block in a message',
        [{ type: 'input', label: plain('L'), element: { type: 'plain_text_input' } }],
        '/blocks/0/type',
        /only allowed in views/,
      ],
      ['an unknown block type', [{ type: 'sectoin', text: mrkdwn('typo') }], '/blocks/0/type', /unknown block type/],
    ])('refuses %s, naming the path', async (_name, blocks, pointer, why) => {
      const message = await refused(blocks);
      expect(message).toContain(`[json-pointer:${pointer}]`);
      expect(message).toMatch(why);
    });

    it('accepts the same blocks done right: an initial option that is one, distinct action_ids', async () => {
      await client.chat.postMessage({
        channel: 'U0MENTOR',
        text: 'x',
        blocks: [
          { type: 'header', text: plain('Hi') },
          ...actions(button(plain('A'), 'a'), button(plain('B'), 'b'), select('1')),
        ] as any,
      });
      expect(standIn.messages).toHaveLength(1);
    });

    it('checks modal input blocks: plain_text label, hint up to 2000 characters', async () => {
      standIn.registerTriggerId('trig.form');
      const element = { type: 'plain_text_input', action_id: 'i' };
      const form = (extra: Record<string, unknown>): any => ({
        type: 'modal',
        title: plain('Form'),
        submit: plain('Save'),
        blocks: [{ type: 'input', block_id: 'b', label: plain('Goal'), element, ...extra }],
      });
      const refusal = async (view: unknown) => {
        const e: any = await client.views.open({ trigger_id: 'trig.form', view: view as any }).catch((x) => x);
        return `${e.data?.error} ${e.data?.response_metadata?.messages?.[0]}`;
      };
      expect(await refusal(form({ hint: plain('h'.repeat(2001)) }))).toMatch(
        /invalid_arguments .*less than 2001 characters \[json-pointer:\/view\/blocks\/0\/hint\/text\]/,
      );
      expect(await refusal(form({ label: mrkdwn('*Goal*') }))).toMatch(/plain_text.*\/view\/blocks\/0\/label\/type/);
      await client.views.open({ trigger_id: 'trig.form', view: form({ hint: plain('h'.repeat(2000)) }) });
    });
  });

  describe('chat.postMessage rate, on by default: about 1 per second per channel after a burst', () => {
    it('answers 429 with Retry-After past the burst, per channel, and lets the caller on after waiting', async () => {
      const paced = await SlackStandIn.start();
      const opts = { slackApiUrl: paced.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
      const c = new WebClient(TOKEN, { ...opts, logger: quietLogger });
      try {
        paced.addUser({ id: 'U0MENTOR', name: 'mentor' });
        paced.addUser({ id: 'U0MENTEE', name: 'mentee' });
        for (let i = 0; i < 10; i++) await c.chat.postMessage({ channel: 'U0MENTOR', text: `m${i}` });
        const err: any = await c.chat.postMessage({ channel: 'U0MENTOR', text: 'one too many' }).catch((e) => e);
        expect(err.code).toBe(ErrorCode.RateLimitedError);
        expect(err.retryAfter).toBe(1);
        await c.chat.postMessage({ channel: 'U0MENTEE', text: 'another channel has its own budget' });
        await new Promise((r) => setTimeout(r, 1000));
        await c.chat.postMessage({ channel: 'U0MENTOR', text: 'after waiting' });
        const [wait] = paced.rateLimitWaits('chat.postMessage');
        expect(wait.retryAfterMs).toBe(1000);
        expect(paced.messages.map((m) => m.text).slice(-2)).toEqual([
          'another channel has its own budget',
          'after waiting',
        ]);
      } finally {
        await paced.close();
      }
    });
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
