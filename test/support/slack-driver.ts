/**
 * Drives the app over HTTP the way Slack does: signed slash commands, interactivity payloads and
 * Events API envelopes, shaped like the real ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { stringify } from 'node:querystring';
import type { SlackStandIn } from './slack-stand-in';

type Json = Record<string, any>;
type ContentType = 'application/x-www-form-urlencoded' | 'application/json';

export interface SendOptions {
  timestamp?: number;
  badSignature?: boolean;
  retryNum?: number;
  retryReason?: string;
}
export interface DriverResponse {
  status: number;
  text: string;
  json: any;
}
type InputType = 'plain_text_input' | 'users_select' | 'static_select' | 'datepicker' | 'radio_buttons' | 'checkboxes';
/** For selects, radios and checkboxes a value is an option value, or `{text, value}` to set the label too. */
type OptionValue = string | { text: string; value: string };

export interface BlockActionOptions {
  userId: string;
  actionId: string;
  blockId?: string;
  value?: string;
  channelId?: string;
  messageTs?: string;
  view?: any;
}
export interface ViewSubmissionOptions {
  userId: string;
  view: {
    id?: string;
    callback_id: string;
    private_metadata?: string;
    state: { values: Record<string, Record<string, any>> };
  };
}

/** Slack's request signature: "v0=" + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signBody(signingSecret: string, body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function option(v: OptionValue): Json {
  const { text, value } = typeof v === 'string' ? { text: v, value: v } : v;
  return { text: { type: 'plain_text', text, emoji: true }, value };
}

/** `view.state.values` as Slack sends it; keys of `fields` are block_ids. */
export function inputValues(
  fields: Record<string, { actionId: string; type: InputType; value: any }>,
): Record<string, Record<string, any>> {
  const values: Record<string, Record<string, any>> = {};
  for (const [blockId, { actionId, type, value }] of Object.entries(fields)) {
    const state: Json = { type };
    if (type === 'plain_text_input') state.value = value;
    else if (type === 'users_select') state.selected_user = value;
    else if (type === 'datepicker') state.selected_date = value;
    else if (type === 'checkboxes') state.selected_options = (value as OptionValue[]).map(option);
    else state.selected_option = value === null || value === undefined ? null : option(value);
    values[blockId] = { [actionId]: state };
  }
  return values;
}

/** The block holding the element with this action_id, searched through a message's or view's blocks. */
function findElement(blocks: Json[] | undefined, actionId: string): { blockId: string; element: Json } | undefined {
  for (const block of blocks ?? []) {
    const elements: Json[] = [...(block.elements ?? []), block.accessory, block.element].filter(Boolean);
    const element = elements.find((e) => e.action_id === actionId);
    if (element) return { blockId: block.block_id, element };
  }
  return undefined;
}

const randomId = (prefix: string) => prefix + randomBytes(5).toString('hex').toUpperCase();
const triggerId = () => `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomBytes(16).toString('hex')}`;
const nowTs = () => (Date.now() / 1000).toFixed(6);

export class SlackDriver {
  private readonly appUrl: string;
  private readonly signingSecret: string;
  private readonly teamId: string;
  private readonly standIn?: SlackStandIn;
  private readonly apiAppId = 'A0STANDIN1';
  /** The legacy verification token Slack still includes in payloads. */
  private readonly verificationToken = 'legacy-verification-token';

  constructor(opts: { appUrl: string; signingSecret: string; teamId?: string; standIn?: SlackStandIn }) {
    this.appUrl = opts.appUrl;
    this.signingSecret = opts.signingSecret;
    this.standIn = opts.standIn;
    this.teamId = opts.teamId ?? opts.standIn?.teamId ?? 'T0STANDIN1';
  }

  async send(body: string, contentType: ContentType, opts: SendOptions = {}): Promise<DriverResponse> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = opts.badSignature ? `${this.signingSecret}-wrong` : this.signingSecret;
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signBody(secret, body, timestamp),
    };
    if (opts.retryNum !== undefined) {
      headers['X-Slack-Retry-Num'] = String(opts.retryNum);
      headers['X-Slack-Retry-Reason'] = opts.retryReason ?? 'http_timeout';
    }
    const res = await fetch(this.appUrl, { method: 'POST', headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  command(
    command: string,
    text: string,
    opts: { userId: string; channelId?: string; triggerId?: string } & SendOptions,
  ): Promise<DriverResponse> {
    return this.send(stringify(this.commandPayload(command, text, opts)), 'application/x-www-form-urlencoded', opts);
  }

  /** A slash command's fields: the form body in HTTP mode, the envelope's payload in Socket Mode. */
  commandPayload(
    command: string,
    text: string,
    opts: { userId: string; channelId?: string; triggerId?: string },
  ): Json {
    const channelId = opts.channelId ?? 'C0GENERAL1';
    const channelName =
      this.standIn?.channels.get(channelId)?.name ?? (channelId.startsWith('D') ? 'directmessage' : 'general');
    const form: Json = {
      token: this.verificationToken,
      team_id: this.teamId,
      team_domain: 'standin',
      channel_id: channelId,
      channel_name: channelName,
      user_id: opts.userId,
      user_name: this.userName(opts.userId),
      command,
      text,
      api_app_id: this.apiAppId,
      is_enterprise_install: 'false',
      ...(this.standIn ? { response_url: this.standIn.responseUrl() } : {}),
      trigger_id: this.mintTrigger(opts.triggerId),
    };
    return form;
  }

  /**
   * A button click. With `view`, the click comes from that modal/home view; otherwise from the message
   * `messageTs` in `channelId` (looked up in the stand-in for its blocks). `blockId` and `value` default
   * to the clicked element's, found by `actionId` in those blocks.
   */
  blockAction(opts: BlockActionOptions & SendOptions): Promise<DriverResponse> {
    return this.sendPayload(this.blockActionPayload(opts), opts);
  }

  /** The `block_actions` payload of a click (see `blockAction`). */
  blockActionPayload(opts: BlockActionOptions): Json {
    const message = opts.view
      ? undefined
      : this.standIn?.messages.find(
          (m) => m.ts === opts.messageTs && (!opts.channelId || m.channel === opts.channelId),
        );
    const channelId = opts.channelId ?? message?.channel;
    const found = findElement(opts.view?.blocks ?? message?.blocks, opts.actionId);
    const messageTs = opts.messageTs ?? message?.ts ?? nowTs();
    const source: Json = opts.view
      ? { container: { type: 'view', view_id: opts.view.id }, view: { state: { values: {} }, ...opts.view } }
      : {
          container: {
            type: 'message',
            message_ts: messageTs,
            channel_id: channelId,
            is_ephemeral: !!message?.ephemeral,
          },
          channel: { id: channelId, name: this.standIn?.channels.get(channelId ?? '')?.name ?? 'directmessage' },
          message: {
            type: 'message',
            ts: messageTs,
            text: message?.text ?? '',
            blocks: message?.blocks ?? [],
            user: message?.user,
          },
          ...(this.standIn ? { response_url: this.standIn.responseUrl() } : {}),
        };
    const payload = {
      type: 'block_actions',
      user: this.user(opts.userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: this.mintTrigger(),
      team: { id: this.teamId, domain: 'standin' },
      enterprise: null,
      is_enterprise_install: false,
      ...source,
      actions: [
        {
          type: found?.element.type ?? 'button',
          action_id: opts.actionId,
          block_id: opts.blockId ?? found?.blockId ?? randomId('b'),
          value: opts.value ?? found?.element.value,
          ...(found?.element.text ? { text: found.element.text } : {}),
          action_ts: nowTs(),
        },
      ],
    };
    return payload;
  }

  /** A modal submission. The view is merged over the stand-in's stored copy when its id matches one. */
  viewSubmission(opts: ViewSubmissionOptions & SendOptions): Promise<DriverResponse> {
    return this.sendPayload(this.viewSubmissionPayload(opts), opts);
  }

  /** The `view_submission` payload of a modal submission (see `viewSubmission`). */
  viewSubmissionPayload(opts: ViewSubmissionOptions): Json {
    const id = opts.view.id ?? randomId('V');
    const stored = this.standIn?.views.get(id) ?? {};
    const payload = {
      type: 'view_submission',
      team: { id: this.teamId, domain: 'standin' },
      user: this.user(opts.userId),
      api_app_id: this.apiAppId,
      token: this.verificationToken,
      trigger_id: this.mintTrigger(),
      view: {
        type: 'modal',
        blocks: [],
        private_metadata: '',
        hash: `${Math.floor(Date.now() / 1000)}.${randomId('')}`,
        team_id: this.teamId,
        app_id: this.apiAppId,
        root_view_id: id,
        previous_view_id: null,
        ...stored,
        ...opts.view,
        id,
      },
      response_urls: [],
      enterprise: null,
      is_enterprise_install: false,
    };
    return payload;
  }

  event(event: Record<string, any>, opts: { eventId?: string } & SendOptions = {}): Promise<DriverResponse> {
    return this.send(JSON.stringify(this.eventPayload(event, opts)), 'application/json', opts);
  }

  /** The Events API `event_callback` body: the request body in HTTP mode, the envelope's payload in Socket Mode. */
  eventPayload(event: Record<string, any>, opts: { eventId?: string } = {}): Json {
    const eventTime = Math.floor(Date.now() / 1000);
    const envelope = {
      token: this.verificationToken,
      team_id: this.teamId,
      context_team_id: this.teamId,
      api_app_id: this.apiAppId,
      event: { event_ts: nowTs(), ...event },
      type: 'event_callback',
      event_id: opts.eventId ?? randomId('Ev'),
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.teamId,
          user_id: this.standIn?.botUserId ?? 'U0STANDBOT',
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    return envelope;
  }

  urlVerification(challenge: string): Promise<DriverResponse> {
    const body = { token: this.verificationToken, challenge, type: 'url_verification' };
    return this.send(JSON.stringify(body), 'application/json');
  }

  private sendPayload(payload: Json, opts: SendOptions): Promise<DriverResponse> {
    return this.send(stringify({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', opts);
  }

  /** A trigger_id for this interaction (or the one given), registered with the stand-in as minted now. */
  private mintTrigger(given?: string): string {
    const id = given ?? triggerId();
    this.standIn?.registerTriggerId(id);
    return id;
  }

  private userName(userId: string): string {
    return this.standIn?.users.get(userId)?.name ?? userId.toLowerCase();
  }

  private user(userId: string): Json {
    return { id: userId, username: this.userName(userId), name: this.userName(userId), team_id: this.teamId };
  }
}
