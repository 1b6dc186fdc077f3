/**
 * A local HTTP server standing in for the Slack Web API. Point a real WebClient at it with
 * `slackApiUrl: standIn.url`. It keeps a small model of the workspace (users, channels, messages,
 * views), answers with Slack's response shapes and error codes, and records every call.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseQuery } from 'node:querystring';
import { checkMessageBlocks, checkView } from './block-kit-limits';

type Json = Record<string, any>;

export interface RecordedCall {
  method: string;
  args: Record<string, any>;
  token?: string;
  at: number;
  result: 'ok' | 'error' | 'http';
  /** The Slack error code ('ratelimited' or 'http_<status>' for HTTP-level failures). */
  error?: string;
  /** The Retry-After (seconds) of a 429. */
  retryAfter?: number;
}
export interface StandInUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  tz_offset?: number;
  is_bot?: boolean;
  deleted?: boolean;
  locale?: string;
  team_id?: string;
  /** The profile's email, found by users.lookupByEmail. */
  email?: string;
}
export interface StandInChannel {
  id: string;
  name: string;
  is_private: boolean;
  members: Set<string>;
  purpose?: string;
  archived?: boolean;
}
export interface StandInMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: any[];
  thread_ts?: string;
  /** The bot for posted messages; the recipient for ephemeral ones. */
  user?: string;
  ephemeral?: boolean;
  updated?: boolean;
  /** Message metadata ({event_type, event_payload}) as given to chat.postMessage. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Files shared by files.completeUploadExternal (the message's text is its initial_comment). */
  files?: Array<{ id: string; name: string; title: string }>;
}
/** A file uploaded through files.getUploadURLExternal and its upload URL. */
export interface StandInFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  bytes?: Buffer;
  title?: string;
  /** Where files.completeUploadExternal shared it. */
  channel?: string;
  threadTs?: string;
  initialComment?: string;
  completed: boolean;
}
/**
 * An injected failure of the next call: a Slack error, an HTTP status, a 429 with Retry-After
 * (seconds), or `hang` (ms): Slack does the call as usual but its answer arrives only that late,
 * as when Slack is slow and the caller's timeout fires after the message was posted. A `status` with
 * `afterCall` does the call, then answers with that HTTP status (Slack failed after posting).
 */
export type Failure =
  | { error: string }
  | { status: number; afterCall?: boolean }
  | { ratelimited: number }
  | { hang: number };
export interface StandInOptions {
  /** The token's scopes; the manifest's by default (a smaller list proves missing-scope handling). */
  scopes?: string[];
  teamId?: string;
  botUserId?: string;
  /** chat.postMessage per channel: `burst` at once, then `perSecond`; null for no limit. */
  postRate?: { burst: number; perSecond: number } | null;
}

/** The bot scopes the app asks for: the manifest's own list, so the stand-in cannot drift from it. */
export const MANIFEST_SCOPES: readonly string[] = JSON.parse(readFileSync(manifestPath(), 'utf8')).oauth_config.scopes
  .bot;

/** manifests/manifest.json of this checkout, from test/support (jest) or dist/test/support (the compiled benchmarks). */
function manifestPath(): string {
  const near = path.join(__dirname, '../../manifests/manifest.json');
  return existsSync(near) ? near : path.join(__dirname, '../../../manifests/manifest.json');
}
/** Slack's trigger_ids are valid this long after the interaction, and for one views.open/push. */
export const TRIGGER_TTL_MS = 3000;
/**
 * chat.postMessage's limit: about one message per second per channel, with a short burst allowed
 * (Slack's docs). On by default; `start({ postRate: null })` turns it off.
 */
export const DEFAULT_POST_RATE = { burst: 10, perSecond: 1 };

/** Form fields that WebClient JSON-encodes because they hold objects or arrays. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'files'];
/** Slack lets a response_url be used this many times. */
const RESPONSE_URL_USES = 5;

class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Json = {},
  ) {
    super(code);
  }
}
function fail(code: string, extra?: Json): never {
  throw new SlackApiError(code, extra);
}
const bool = (v: unknown): boolean => v === true || v === 'true' || v === '1';
const list = (v: unknown): string[] =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function parseArgs(raw: string, contentType = ''): Json | null {
  if (contentType.includes('application/json')) {
    try {
      return raw ? JSON.parse(raw) : {};
    } catch {
      return null;
    }
  }
  const args: Json = { ...parseQuery(raw) };
  for (const field of JSON_FIELDS) {
    if (typeof args[field] !== 'string') continue;
    try {
      args[field] = JSON.parse(args[field]);
    } catch {
      /* left as a string: reported as badly formatted */
    }
  }
  return args;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: Json | string): void {
  const json = typeof body !== 'string';
  res.writeHead(status, { 'content-type': json ? 'application/json; charset=utf-8' : 'text/plain' });
  res.end(json ? JSON.stringify(body) : body);
}

export class SlackStandIn {
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId = 'B0STANDIN1';
  readonly scopes: string[];
  calls: RecordedCall[] = [];
  users = new Map<string, StandInUser>();
  channels = new Map<string, StandInChannel>();
  messages: StandInMessage[] = [];
  /** Posts to response_url, with when they arrived (ms since the epoch). */
  responses: Array<{ id: string; body: any; at: number }> = [];
  /** Messages pinned with pins.add. */
  pins: Array<{ channel: string; ts: string }> = [];
  /**
   * Modals opened or pushed, by view id. Home tabs (views.publish) are kept apart in `homeTabs`:
   * features publish them in the background after changes, and a test's "the modal just opened"
   * must not find one.
   */
  views = new Map<string, Json>();
  /** Home tabs published, by view id (one per user, kept across publishes as Slack does); see `homeViewOf`. */
  homeTabs = new Map<string, Json>();
  /** Files uploaded (files.getUploadURLExternal, the upload, files.completeUploadExternal), by id. */
  files = new Map<string, StandInFile>();
  /** Socket Mode (set by SocketModeStandIn): apps.connections.open gives `openUrl()` to `appToken`. */
  socketMode?: { appToken: string; openUrl: () => string };

  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((err) => send(res, 500, `stand-in bug: ${err instanceof Error ? err.stack : err}`));
  });
  private port = 0;
  private counter = 0;
  private lastTsMicros = 0;
  private failures = new Map<string, Array<{ failure: Failure; match?: (args: Record<string, any>) => boolean }>>();
  private limits = new Map<
    string,
    { perWindow: number; windowMs: number; retryAfter: number; windowStart: number; used: number }
  >();
  private bursts = new Map<string, { every: number; retryAfter: number; count: number }>();
  private dms = new Map<string, string>(); // sorted user ids -> D/G id
  private homeViews = new Map<string, string>(); // user id -> home view id
  private responseUrlUses = new Map<string, number>();
  /** trigger_id -> when it was minted (by the driver) and whether a view was opened with it. */
  private triggers = new Map<string, { mintedAt: number; used: boolean }>();
  private postRate: { burst: number; perSecond: number } | null;
  /** Token buckets of chat.postMessage, per channel argument. */
  private postBuckets = new Map<string, { tokens: number; at: number }>();

  private constructor(opts: StandInOptions) {
    this.scopes = opts.scopes ?? [...MANIFEST_SCOPES];
    this.postRate = opts.postRate === undefined ? DEFAULT_POST_RATE : opts.postRate;
    this.teamId = opts.teamId ?? 'T0STANDIN1';
    this.botUserId = opts.botUserId ?? 'U0STANDBOT';
    this.addUser({ id: this.botUserId, name: 'mentorship-bot', is_bot: true });
  }

  static async start(opts: StandInOptions = {}): Promise<SlackStandIn> {
    const standIn = new SlackStandIn(opts);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.port = (standIn.server.address() as { port: number }).port;
    return standIn;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get url(): string {
    return `${this.baseUrl}/api/`;
  }

  /** Only the calls that Slack answered with ok:true. For "no call was made", use `attemptsTo`. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.result === 'ok');
  }

  /** Every call of `method` that reached the stand-in, whatever Slack answered (ok, error, HTTP failure). */
  attemptsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The Home tab last published for one user (views.publish keeps one home view per user, as Slack does). */
  homeViewOf(userId: string): Json | undefined {
    const id = this.homeViews.get(userId);
    return id ? this.homeTabs.get(id) : undefined;
  }

  /** The DM channel the stand-in opened for one user (conversations.open or a post to their user ID), if any. */
  dmChannelOf(userId: string): string | undefined {
    return this.dms.get(userId);
  }

  /**
   * Records a trigger_id as minted now (or at `mintedAt`), as Slack does when it sends an
   * interaction; views.open/push accept it once, within TRIGGER_TTL_MS. The driver calls this.
   */
  registerTriggerId(id: string, mintedAt = Date.now()): void {
    // The first minting stands: sending the same trigger again (a retried delivery) does not renew it.
    if (!this.triggers.has(id)) this.triggers.set(id, { mintedAt, used: false });
  }

  /** A message a person (not the bot) posts in a channel, or in a thread with `threadTs`. */
  postAsUser(channel: string, userId: string, text: string, threadTs?: string): StandInMessage {
    if (!this.users.has(userId)) throw new Error(`postAsUser: unknown user ${userId}`);
    return this.store({ channel, ts: this.nextTs(), text, user: userId, thread_ts: threadTs });
  }

  /**
   * For each 429 the stand-in answered to `method`: the Retry-After it asked for and how long the
   * caller actually waited before its next call of that method (ms, real clock; undefined if none).
   */
  rateLimitWaits(method: string): Array<{ retryAfterMs: number; waitedMs: number | undefined }> {
    const calls = this.attemptsTo(method);
    return calls.flatMap((c, i) =>
      c.error === 'ratelimited'
        ? [{ retryAfterMs: (c.retryAfter ?? 0) * 1000, waitedMs: calls[i + 1] ? calls[i + 1].at - c.at : undefined }]
        : [],
    );
  }

  /**
   * The next `times` calls of `method` fail with `failure`; with `match`, only calls whose
   * arguments it accepts (e.g. a chat.postMessage carrying a given outbox key), others pass.
   * `method` 'upload' is the POST of a file's bytes to the URL files.getUploadURLExternal gave
   * (its arguments: `{ file_id }`; an HTTP status, a 429 or a hang, as Slack's upload host answers).
   */
  failNext(method: string, failure: Failure, times = 1, match?: (args: Record<string, any>) => boolean): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ failure, match });
    this.failures.set(method, queue);
  }

  /** The first injected failure of `method` that applies to a call with these arguments, taken off its queue. */
  private takeFailure(method: string, args: Record<string, any>): Failure | undefined {
    const queue = this.failures.get(method);
    const i = queue?.findIndex((f) => !f.match || f.match(args)) ?? -1;
    return i < 0 ? undefined : queue!.splice(i, 1)[0].failure;
  }

  /**
   * A sustained rate limit, as Slack's tiers work: at most `perWindow` calls of `method` per
   * `windowMs`; past that, HTTP 429 with `Retry-After: retryAfter` (seconds). `null` removes it.
   */
  rateLimit(method: string, limit: { perWindow: number; windowMs: number; retryAfter: number } | null): void {
    if (limit) this.limits.set(method, { ...limit, windowStart: 0, used: 0 });
    else this.limits.delete(method);
  }

  /**
   * Bursty rate limiting that does not depend on how fast the caller is: after every `every`
   * accepted calls of `method`, the next call gets HTTP 429 with `Retry-After: retryAfter`.
   */
  rateLimitEvery(method: string, limit: { every: number; retryAfter: number } | null): void {
    if (limit) this.bursts.set(method, { ...limit, count: 0 });
    else this.bursts.delete(method);
  }

  /** Seconds to wait when this chat.postMessage is over its channel's rate, else undefined. */
  private overPostRate(method: string, args: Json): number | undefined {
    if (method !== 'chat.postMessage' || !this.postRate) return undefined;
    const { burst, perSecond } = this.postRate;
    const key = String(args.channel ?? '');
    const now = Date.now();
    const bucket = this.postBuckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.postBuckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  private overLimit(method: string): number | undefined {
    const burst = this.bursts.get(method);
    if (burst) {
      burst.count += 1;
      if (burst.count > burst.every) {
        burst.count = 0;
        return burst.retryAfter;
      }
    }
    const l = this.limits.get(method);
    if (!l) return undefined;
    const now = Date.now();
    if (now - l.windowStart >= l.windowMs) {
      l.windowStart = now;
      l.used = 0;
    }
    l.used += 1;
    return l.used > l.perWindow ? l.retryAfter : undefined;
  }

  addUser(user: StandInUser): void {
    this.users.set(user.id, user);
  }

  addChannel(c: {
    id: string;
    name: string;
    is_private?: boolean;
    members?: string[];
    purpose?: string;
    archived?: boolean;
  }): StandInChannel {
    const channel = { ...c, is_private: c.is_private ?? false, members: new Set(c.members ?? []) };
    this.channels.set(c.id, channel);
    return channel;
  }

  /** A fresh response_url (as sent with slash commands and block actions); POSTs to it land in `responses`. */
  responseUrl(): string {
    const id = randomBytes(8).toString('hex');
    this.responseUrlUses.set(id, 0);
    return `${this.baseUrl}/response/${id}`;
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, description = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method}(${c.error ?? 'ok'})`).join(', ') || 'none';
        throw new Error(
          `SlackStandIn.waitFor: ${description} not met within ${timeoutMs}ms. Web API calls so far: ${seen}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Forgets calls, messages, responses, failures, channels, DMs and views; keeps users and issued response URLs. */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.responses.length = 0;
    this.pins.length = 0;
    for (const map of [
      this.failures,
      this.limits,
      this.bursts,
      this.channels,
      this.dms,
      this.views,
      this.homeTabs,
      this.homeViews,
      this.postBuckets,
      this.files,
    ])
      map.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const bytes = await readBody(req);
    if (url.pathname.startsWith('/upload/'))
      return this.handleUpload(url.pathname.slice('/upload/'.length), req, bytes, res);
    const raw = bytes.toString('utf8');
    if (url.pathname.startsWith('/response/'))
      return this.handleResponseUrl(url.pathname.slice('/response/'.length), raw, res);
    if (!url.pathname.startsWith('/api/')) return send(res, 404, 'not found');

    const method = url.pathname.slice('/api/'.length);
    const parsed = parseArgs(raw, req.headers['content-type']);
    const { token: bodyToken, ...args } = { ...Object.fromEntries(url.searchParams), ...parsed };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? bodyToken;
    const record = (result: RecordedCall['result'], error?: string) =>
      this.calls.push({ method, args, token, at: Date.now(), result, ...(error ? { error } : {}) });
    res.setHeader('x-oauth-scopes', this.scopes.join(','));

    const limited = this.overLimit(method) ?? this.overPostRate(method, args);
    const injected = limited !== undefined ? { ratelimited: limited } : this.takeFailure(method, args);
    const hangMs = injected && 'hang' in injected ? injected.hang : 0;
    const statusAfterCall = injected && 'status' in injected && injected.afterCall ? injected.status : 0;
    const failure =
      hangMs || statusAfterCall ? undefined : (injected as Exclude<Failure, { hang: number }> | undefined);
    if (failure && 'status' in failure) {
      record('http', `http_${failure.status}`);
      return send(res, failure.status, `stand-in: injected HTTP ${failure.status}`);
    }
    if (failure && 'ratelimited' in failure) {
      this.calls.push({
        method,
        args,
        token,
        at: Date.now(),
        result: 'http',
        error: 'ratelimited',
        retryAfter: failure.ratelimited,
      });
      res.setHeader('retry-after', String(failure.ratelimited));
      return send(res, 429, { ok: false, error: 'ratelimited' });
    }
    try {
      if (failure) fail(failure.error);
      const handler = this.handlers[method] ?? fail('unknown_method');
      if (parsed === null) fail('invalid_json');
      if (!token) fail('not_authed');
      // apps.connections.open takes the app-level token (xapp-), every other method the bot token.
      const appLevel = method === 'apps.connections.open';
      if (token.startsWith(appLevel ? 'xoxb-' : 'xapp-')) fail('not_allowed_token_type');
      if (!token.startsWith(appLevel ? 'xapp-' : 'xoxb-')) fail('invalid_auth');
      const result = handler(args, token);
      record('ok');
      // unref: a late answer nobody waits for any more (its caller was killed) keeps no test process alive.
      if (hangMs) await new Promise((resolve) => setTimeout(resolve, hangMs).unref());
      if (statusAfterCall)
        return send(res, statusAfterCall, `stand-in: injected HTTP ${statusAfterCall} after the call`);
      if (!res.destroyed) send(res, 200, { ok: true, ...result });
    } catch (err) {
      if (!(err instanceof SlackApiError)) throw err;
      record('error', err.code);
      send(res, 200, { ok: false, error: err.code, ...err.extra });
    }
  }

  private handleResponseUrl(id: string, raw: string, res: http.ServerResponse): void {
    const uses = this.responseUrlUses.get(id);
    if (uses === undefined) {
      send(res, 404, 'expired_url');
      return;
    }
    if (uses >= RESPONSE_URL_USES) {
      send(res, 404, 'used_url');
      return;
    }
    this.responseUrlUses.set(id, uses + 1);
    let body: any = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      /* recorded as text */
    }
    this.responses.push({ id, body, at: Date.now() });
    send(res, 200, { ok: true });
  }

  /**
   * The upload URL files.getUploadURLExternal hands out: @slack/web-api posts the file as
   * multipart form data (field "body"); Slack answers 200 with "OK - <length>".
   */
  private async handleUpload(
    id: string,
    req: http.IncomingMessage,
    bytes: Buffer,
    res: http.ServerResponse,
  ): Promise<void> {
    const file = this.files.get(id);
    if (!file || file.bytes) return send(res, 404, 'upload URL unknown or used');
    // Failures injected with failNext('upload', …): an HTTP status (a 429 with Retry-After), or a late answer.
    const injected = this.takeFailure('upload', { file_id: id });
    if (injected && 'status' in injected) {
      this.calls.push({
        method: 'upload',
        args: { file_id: id },
        at: Date.now(),
        result: 'http',
        error: `http_${injected.status}`,
      });
      return send(res, injected.status, `stand-in: injected HTTP ${injected.status}`);
    }
    if (injected && 'ratelimited' in injected) {
      this.calls.push({
        method: 'upload',
        args: { file_id: id },
        at: Date.now(),
        result: 'http',
        error: 'ratelimited',
        retryAfter: injected.ratelimited,
      });
      res.setHeader('retry-after', String(injected.ratelimited));
      return send(res, 429, 'ratelimited');
    }
    if (injected && 'error' in injected)
      throw new Error('upload: only an HTTP status, a 429 or a hang can be injected');
    const type = String(req.headers['content-type'] ?? '');
    let data = bytes;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()][0];
      data = typeof part === 'string' ? Buffer.from(part) : Buffer.from(await (part as Blob).arrayBuffer());
    }
    if (data.length !== file.length) return send(res, 400, `length ${data.length} is not the ${file.length} announced`);
    file.bytes = data;
    this.calls.push({ method: 'upload', args: { file_id: id }, at: Date.now(), result: 'ok' });
    if (injected && 'hang' in injected) await new Promise((resolve) => setTimeout(resolve, injected.hang).unref());
    if (!res.destroyed) send(res, 200, `OK - ${data.length}`);
  }

  /** The bytes of a file shared with files.completeUploadExternal, as text (CSV) or raw (PNG). */
  fileText(id: string): string {
    return this.files.get(id)?.bytes?.toString('utf8') ?? '';
  }

  // ---- the workspace model ----

  private readonly handlers: Record<string, (a: Json, token: string) => Json> = {
    'apps.connections.open': (_a, token) => {
      if (!this.socketMode || token !== this.socketMode.appToken) fail('invalid_auth');
      return { url: this.socketMode.openUrl() };
    },
    'auth.test': () => ({
      url: 'https://standin.slack.com/',
      team: 'Stand-in Workspace',
      user: this.users.get(this.botUserId)?.name,
      team_id: this.teamId,
      user_id: this.botUserId,
      bot_id: this.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (a) => {
      this.needScope('chat:write');
      const channel = this.postableChannel(a.channel);
      this.checkContent(a);
      const metadata =
        a.metadata === undefined ? undefined : typeof a.metadata === 'string' ? JSON.parse(a.metadata) : a.metadata;
      if (
        metadata !== undefined &&
        (typeof metadata.event_type !== 'string' || typeof metadata.event_payload !== 'object')
      )
        fail('invalid_metadata_format');
      const m = this.store({
        channel,
        ts: this.nextTs(),
        text: a.text,
        blocks: a.blocks,
        thread_ts: a.thread_ts,
        user: this.botUserId,
        metadata,
      });
      return { channel, ts: m.ts, message: this.messageJson(m) };
    },
    'chat.postEphemeral': (a) => {
      this.needScope('chat:write');
      const channel = this.postableChannel(a.channel);
      if (!a.user || !this.users.has(a.user)) fail('user_not_found');
      if (this.channels.get(channel)?.members.has(a.user) === false) fail('user_not_in_channel');
      this.checkContent(a);
      const m = this.store({
        channel,
        ts: this.nextTs(),
        text: a.text,
        blocks: a.blocks,
        thread_ts: a.thread_ts,
        user: a.user,
        ephemeral: true,
      });
      return { message_ts: m.ts };
    },
    'chat.update': (a) => {
      this.needScope('chat:write');
      const channel = this.conversation(a.channel);
      const m =
        this.messages.find((x) => x.channel === channel && x.ts === a.ts && !x.ephemeral) ?? fail('message_not_found');
      // Only the bot's own messages, in conversations it is (still) in.
      if (m.user !== this.botUserId) fail('cant_update_message');
      const c = this.channels.get(channel);
      if (c && !c.members.has(this.botUserId)) fail('cant_update_message');
      this.checkContent(a);
      if (a.text !== undefined) m.text = a.text;
      if (a.blocks !== undefined) m.blocks = a.blocks;
      m.updated = true;
      return { channel: m.channel, ts: m.ts, text: m.text, message: this.messageJson(m) };
    },
    'conversations.create': (a) => {
      const isPrivate = bool(a.is_private);
      this.needScope(isPrivate ? 'groups:write' : 'channels:manage');
      const name = String(a.name ?? '');
      if (name === '') fail('invalid_name_required');
      if (name.length > 80) fail('invalid_name_maxlength');
      if (!/^[a-z0-9_-]+$/.test(name)) fail('invalid_name_specials');
      if (/^[-_]+$/.test(name)) fail('invalid_name_punctuation');
      if ([...this.channels.values()].some((c) => c.name === name)) fail('name_taken');
      const c = this.addChannel({ id: this.nextId('C'), name, is_private: isPrivate, members: [this.botUserId] });
      return { channel: this.channelJson(c) };
    },
    'conversations.invite': (a) => {
      const c = this.memberChannel(a.channel);
      const users = list(a.users);
      if (users.length === 0) fail('no_user');
      if (users.length > 1000) fail('too_many_users');
      if (users.includes(this.botUserId)) fail('cant_invite_self');
      if (users.some((u) => !this.users.has(u))) fail('user_not_found');
      // A deactivated account cannot be invited. The method spec names no error for that case;
      // cant_invite is the listed one that fits (an assumption, not confirmed against Slack).
      if (users.some((u) => this.users.get(u)?.deleted)) fail('cant_invite');
      if (users.every((u) => c.members.has(u))) fail('already_in_channel');
      for (const u of users) c.members.add(u);
      return { channel: this.channelJson(c) };
    },
    'conversations.setPurpose': (a) => {
      const c = this.memberChannel(a.channel);
      if (a.purpose === undefined) fail('invalid_arguments');
      const purpose = String(a.purpose);
      if (purpose.length > 250) fail('too_long');
      c.purpose = purpose;
      return { purpose, channel: this.channelJson(c) };
    },
    'conversations.open': (a) => {
      const users = list(a.users);
      if (users.length === 0) fail('users_list_not_supplied');
      this.needScope(users.length === 1 ? 'im:write' : 'mpim:write');
      if (users.some((u) => !this.users.has(u))) fail('user_not_found');
      if (users.some((u) => this.users.get(u)?.deleted)) fail('user_disabled');
      return { channel: { id: this.openDm(users) } };
    },
    'conversations.members': (a) => {
      const c = this.visibleChannel(a.channel);
      const limit = Math.min(Number(a.limit) || 100, 1000);
      const offset = a.cursor
        ? Number(
            Buffer.from(String(a.cursor), 'base64')
              .toString()
              .replace(/^offset:/, ''),
          )
        : 0;
      if (!Number.isInteger(offset) || offset < 0) fail('invalid_cursor');
      const members = [...c.members];
      const end = offset + limit;
      const next_cursor = end < members.length ? Buffer.from(`offset:${end}`).toString('base64') : '';
      return { members: members.slice(offset, end), response_metadata: { next_cursor } };
    },
    'conversations.info': (a) => {
      const dm = [...this.dms.entries()].find(([, id]) => id === a.channel);
      if (dm) return { channel: { id: a.channel, is_im: dm[0].split(',').length === 1, user: dm[0], is_open: true } };
      return { channel: this.channelJson(this.visibleChannel(a.channel)) };
    },
    'conversations.history': (a) => {
      const isDm = this.dmUsers(String(a.channel)) !== undefined;
      const c = isDm ? { id: String(a.channel) } : this.visibleChannel(a.channel);
      this.needScope(isDm ? 'im:history' : (c as StandInChannel).is_private ? 'groups:history' : 'channels:history');
      if (!isDm && !(c as StandInChannel).members.has(this.botUserId)) fail('not_in_channel');
      // Top-level messages only (thread replies live in conversations.replies), newest first.
      const inChannel = this.messages.filter((m) => m.channel === c.id && !m.ephemeral && !m.thread_ts);
      return this.page(inChannel, a, 'newest_first');
    },
    'conversations.replies': (a) => {
      const c = this.visibleChannel(a.channel);
      this.needScope(c.is_private ? 'groups:history' : 'channels:history');
      if (!a.ts) fail('thread_not_found');
      const parent =
        this.messages.find((m) => m.channel === c.id && m.ts === a.ts && !m.ephemeral) ?? fail('thread_not_found');
      const replies = this.messages.filter((m) => m.channel === c.id && m.thread_ts === parent.ts && !m.ephemeral);
      // Slack answers the parent first on every page, then the replies oldest first.
      const page = this.page(replies, a, 'oldest_first');
      return { ...page, messages: [this.historyJson(parent, a), ...page.messages] };
    },
    'pins.add': (a) => {
      this.needScope('pins:write');
      const channel = this.conversation(a.channel);
      const c = this.channels.get(channel);
      if (c && !c.members.has(this.botUserId)) fail(c.is_private ? 'channel_not_found' : 'not_in_channel');
      if (!a.timestamp) fail('no_item_specified');
      const m =
        this.messages.find((x) => x.channel === channel && x.ts === a.timestamp && !x.ephemeral) ??
        fail('message_not_found');
      if (this.pins.some((p) => p.channel === channel && p.ts === m.ts)) fail('already_pinned');
      this.pins.push({ channel, ts: m.ts });
      return {};
    },
    'files.getUploadURLExternal': (a) => {
      this.needScope('files:write');
      const filename = String(a.filename ?? '');
      const length = Number(a.length);
      if (!filename) fail('invalid_arguments');
      if (!Number.isInteger(length) || length <= 0) fail('invalid_arguments');
      const id = this.nextId('F');
      this.files.set(id, { id, filename, length, completed: false });
      return { upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (a) => {
      this.needScope('files:write');
      const given: Array<{ id: string; title?: string }> = Array.isArray(a.files) ? a.files : fail('invalid_arguments');
      if (given.length === 0) fail('invalid_arguments');
      const files = given.map((f) => {
        const file = this.files.get(String(f.id)) ?? fail('file_not_found');
        if (!file.bytes || file.completed) fail('file_not_found');
        return { file, title: f.title ?? file.filename };
      });
      let channel: string | undefined;
      if (a.channel_id) {
        // A conversation ID: a user ID is not one here (open the DM first).
        if (/^[UW]/.test(String(a.channel_id))) fail('channel_not_found');
        channel = this.postableChannel(a.channel_id);
      }
      if (a.thread_ts && !channel) fail('invalid_arguments');
      if (a.thread_ts && !this.messages.some((m) => m.channel === channel && m.ts === a.thread_ts))
        fail('invalid_thread_ts');
      for (const { file, title } of files)
        Object.assign(file, {
          title,
          completed: true,
          channel,
          threadTs: a.thread_ts,
          initialComment: a.initial_comment,
        });
      if (channel)
        this.store({
          channel,
          ts: this.nextTs(),
          text: a.initial_comment ?? '',
          thread_ts: a.thread_ts,
          user: this.botUserId,
          files: files.map(({ file, title }) => ({ id: file.id, name: file.filename, title })),
        });
      return { files: files.map(({ file, title }) => ({ id: file.id, title })) };
    },
    'users.lookupByEmail': (a) => {
      this.needScope('users:read.email');
      const email = String(a.email ?? '').toLowerCase();
      const u =
        [...this.users.values()].find((x) => x.email?.toLowerCase() === email && !x.deleted) ?? fail('users_not_found');
      return { user: this.userJson(u, false) };
    },
    'conversations.archive': (a) => {
      const c = this.channels.get(String(a.channel ?? '')) ?? fail('channel_not_found');
      this.needScope(c.is_private ? 'groups:write' : 'channels:manage');
      if (c.is_private && !c.members.has(this.botUserId)) fail('channel_not_found');
      if (c.archived) fail('already_archived');
      if (!c.members.has(this.botUserId)) fail('not_in_channel');
      c.archived = true;
      return {};
    },
    'conversations.kick': (a) => {
      const c = this.memberChannel(a.channel);
      const user = String(a.user ?? '');
      if (!this.users.has(user)) fail('user_not_found');
      if (user === this.botUserId) fail('cant_kick_self');
      if (!c.members.has(user)) fail('not_in_channel');
      c.members.delete(user);
      return {};
    },
    'users.info': (a) => {
      this.needScope('users:read');
      const u = this.users.get(a.user) ?? fail('user_not_found');
      return { user: this.userJson(u, bool(a.include_locale)) };
    },
    'views.open': (a) => this.openModal(a),
    'views.push': (a) => this.openModal(a),
    'views.update': (a) => {
      if (!a.view_id && !a.external_id) fail('invalid_arguments');
      const existing =
        (a.view_id
          ? (this.views.get(a.view_id) ?? this.homeTabs.get(a.view_id))
          : [...this.views.values()].find((v) => v.external_id === a.external_id)) ?? fail('not_found');
      if (a.hash && a.hash !== existing.hash) fail('hash_conflict');
      return { view: this.saveView(a.view, existing.type, existing.id) };
    },
    'views.publish': (a) => {
      if (!a.user_id) fail('invalid_arguments');
      if (!this.users.has(a.user_id)) fail('user_not_found');
      const view = this.saveView(a.view, 'home', this.homeViews.get(a.user_id));
      this.homeViews.set(a.user_id, view.id);
      return { view };
    },
  };

  /**
   * One page of messages as conversations.history/replies answer: `oldest` and `latest` bound the
   * range (both exclusive unless `inclusive`), `limit` (default 100, at most 999 for history,
   * 1000 for replies) caps the page, `cursor` continues where `next_cursor` left off.
   */
  private page(messages: StandInMessage[], a: Json, order: 'newest_first' | 'oldest_first'): Json {
    const bound = (v: unknown, code: string): number | undefined => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : fail(code);
    };
    const oldest = bound(a.oldest, 'invalid_ts_oldest');
    const latest = bound(a.latest, 'invalid_ts_latest');
    const inclusive = bool(a.inclusive);
    const limit = Math.max(1, Math.min(Number(a.limit) || 100, order === 'newest_first' ? 999 : 1000));
    let offset = 0;
    if (a.cursor) {
      const decoded = /^offset:(\d+)$/.exec(Buffer.from(String(a.cursor), 'base64').toString());
      offset = decoded ? Number(decoded[1]) : fail('invalid_cursor');
    }
    const inRange = messages
      .filter((m) => {
        const ts = Number(m.ts);
        if (oldest !== undefined && (inclusive ? ts < oldest : ts <= oldest)) return false;
        if (latest !== undefined && (inclusive ? ts > latest : ts >= latest)) return false;
        return true;
      })
      .sort((x, y) => (order === 'newest_first' ? Number(y.ts) - Number(x.ts) : Number(x.ts) - Number(y.ts)));
    const slice = inRange.slice(offset, offset + limit);
    const hasMore = offset + limit < inRange.length;
    return {
      messages: slice.map((m) => this.historyJson(m, a)),
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '' },
    };
  }

  private historyJson(m: StandInMessage, a: Json): Json {
    return { ...this.messageJson(m), ...(bool(a.include_all_metadata) && m.metadata ? { metadata: m.metadata } : {}) };
  }

  private needScope(scope: string): void {
    if (!this.scopes.includes(scope)) fail('missing_scope', { needed: scope, provided: this.scopes.join(',') });
  }

  /** A channel the bot can see: private channels only when it is a member (Slack hides the rest). */
  private visibleChannel(id: unknown): StandInChannel {
    const c = this.channels.get(String(id ?? '')) ?? fail('channel_not_found');
    this.needScope(c.is_private ? 'groups:read' : 'channels:read');
    if (c.is_private && !c.members.has(this.botUserId)) fail('channel_not_found');
    return c;
  }

  /** A channel the bot acts on as a member (invite, setPurpose). */
  private memberChannel(id: unknown): StandInChannel {
    const c = this.channels.get(String(id ?? '')) ?? fail('channel_not_found');
    this.needScope(c.is_private ? 'groups:write' : 'channels:manage');
    if (c.is_private && !c.members.has(this.botUserId)) fail('channel_not_found');
    if (c.archived) fail('is_archived');
    if (!c.members.has(this.botUserId)) fail('not_in_channel');
    return c;
  }

  /** The users of a DM or group DM the bot opened, by its id; undefined for other ids. */
  private dmUsers(id: string): string[] | undefined {
    for (const [key, dm] of this.dms) if (dm === id) return key.split(',');
    return undefined;
  }

  /**
   * A conversation id as Slack resolves it: a user ID becomes their DM; D…/G… DM ids must be ones
   * Slack made; a DM with a deactivated person is archived (Slack archives them).
   */
  private conversation(id: unknown): string {
    if (typeof id !== 'string' || id === '') fail('channel_not_found');
    if (/^[UW]/.test(id)) {
      const user = this.users.get(id) ?? fail('channel_not_found');
      if (user.deleted) fail('channel_not_found');
      return this.openDm([id]);
    }
    const dmUsers = this.dmUsers(id);
    if (dmUsers) {
      if (dmUsers.some((u) => this.users.get(u)?.deleted)) fail('is_archived');
      return id;
    }
    if (/^D/.test(id) || !this.channels.has(id)) fail('channel_not_found');
    return id;
  }

  /** Where chat.post* may post: user IDs (their DM), DMs Slack opened, and channels the bot is in. */
  private postableChannel(id: unknown): string {
    const resolved = this.conversation(id);
    if (this.dmUsers(resolved)) return resolved;
    const c = this.channels.get(resolved) ?? fail('channel_not_found');
    if (c.is_private && !c.members.has(this.botUserId)) fail('channel_not_found');
    if (c.archived) fail('is_archived');
    const publicAllowed = !c.is_private && this.scopes.includes('chat:write.public');
    if (!c.members.has(this.botUserId) && !publicAllowed) fail('not_in_channel');
    return resolved;
  }

  private checkContent(a: Json): void {
    if (typeof a.blocks === 'string') fail('invalid_blocks_format');
    if (!a.text && !a.blocks?.length && !a.attachments) fail('no_text');
    if (typeof a.text === 'string' && a.text.length > 40000) fail('msg_too_long');
    const problem = a.blocks === undefined ? null : checkMessageBlocks(a.blocks);
    if (problem) fail('invalid_blocks', { response_metadata: { messages: [`[ERROR] ${problem}`] } });
  }

  private openModal(a: Json): Json {
    if (!a.trigger_id)
      fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    const trigger = this.triggers.get(String(a.trigger_id));
    if (a.trigger_id === 'expired') fail('expired_trigger_id');
    if (!trigger) fail('invalid_trigger_id');
    if (Date.now() - trigger.mintedAt > TRIGGER_TTL_MS) fail('expired_trigger_id');
    // Slack's views.open documents `exchanged_trigger_id` for a trigger already used.
    if (trigger.used) fail('exchanged_trigger_id');
    const view = this.saveView(a.view, 'modal');
    trigger.used = true;
    return { view };
  }

  private saveView(view: unknown, type: string, id = this.nextId('V')): Json {
    const wrongType = typeof view === 'object' && view !== null && (view as Json).type !== type;
    const problem = wrongType ? `must be "${type}" [json-pointer:/view/type]` : checkView(view);
    if (problem) fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${problem}`] } });
    const saved: Json = {
      callback_id: '',
      private_metadata: '',
      external_id: '',
      ...(view as Json),
      id,
      team_id: this.teamId,
      app_id: 'A0STANDIN1',
      bot_id: this.botId,
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${++this.counter}`,
      root_view_id: id,
      previous_view_id: null,
    };
    (type === 'home' ? this.homeTabs : this.views).set(id, saved);
    return saved;
  }

  private openDm(users: string[]): string {
    const key = [...users].sort().join(',');
    const id = this.dms.get(key) ?? this.nextId(users.length === 1 ? 'D' : 'G');
    this.dms.set(key, id);
    return id;
  }

  private store(m: StandInMessage): StandInMessage {
    this.messages.push(m);
    return m;
  }

  private nextId(prefix: string): string {
    return prefix + String(++this.counter).padStart(9, '0');
  }

  /** Unique, increasing, Slack-shaped ("1700000000.000100"). */
  private nextTs(): string {
    this.lastTsMicros = Math.max(Date.now() * 1000, this.lastTsMicros + 100);
    return `${Math.floor(this.lastTsMicros / 1e6)}.${String(this.lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  private messageJson(m: StandInMessage): Json {
    return {
      type: 'message',
      user: m.user,
      // Only the bot's own messages carry its bot_id; people's messages carry their user alone.
      ...(m.user === this.botUserId ? { bot_id: this.botId } : {}),
      text: m.text ?? '',
      blocks: m.blocks,
      ts: m.ts,
      thread_ts: m.thread_ts,
      team: this.teamId,
      ...(m.files ? { files: m.files } : {}),
    };
  }

  private channelJson(c: StandInChannel): Json {
    return {
      id: c.id,
      name: c.name,
      name_normalized: c.name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: c.is_private,
      is_archived: !!c.archived,
      is_member: c.members.has(this.botUserId),
      num_members: c.members.size,
      purpose: { value: c.purpose ?? '', creator: '', last_set: 0 },
      topic: { value: '', creator: '', last_set: 0 },
    };
  }

  private userJson(u: StandInUser, includeLocale: boolean): Json {
    const real_name = u.real_name ?? u.name;
    return {
      id: u.id,
      team_id: u.team_id ?? this.teamId,
      name: u.name,
      real_name,
      deleted: !!u.deleted,
      is_bot: !!u.is_bot,
      // Slack leaves the time zone out for users who never set one (and for some bots).
      ...(u.tz ? { tz: u.tz, tz_label: u.tz, tz_offset: u.tz_offset ?? 0 } : {}),
      profile: {
        real_name,
        display_name: u.name,
        real_name_normalized: real_name,
        display_name_normalized: u.name,
        ...(u.email ? { email: u.email } : {}),
      },
      ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
    };
  }
}
