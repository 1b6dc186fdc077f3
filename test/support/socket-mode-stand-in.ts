/**
 * A local stand-in for Slack's Socket Mode service. `apps.connections.open` (answered by the Web API
 * stand-in, for the app-level token only) hands out a one-time `ws://127.0.0.1:<port>/link/?ticket=…`
 * URL; a client that connects gets `hello`, then envelopes shaped as Slack sends them
 * (`slash_commands`, `interactive`, `events_api`), each to be acknowledged with
 * `{"envelope_id": …, "payload": …}`. `disconnect` asks the client to reconnect through a new
 * `apps.connections.open`, as Slack does when it recycles a connection.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackStandIn } from './slack-stand-in';

type Json = Record<string, any>;
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the client sent back for one envelope. */
export interface Ack {
  envelope_id: string;
  payload?: Json;
}
export interface Delivery {
  envelopeId: string;
  ack: Ack;
  /** Milliseconds from sending the envelope to receiving its ack. */
  ackMs: number;
  /** The connection (1 = the first) the envelope went out on; the ack came back on the same one. */
  connection: number;
}
export interface SocketConnection {
  number: number;
  socket: WebSocket;
  /** The path and query the client connected to (with its one-time ticket). */
  url: string;
  /** Every message the client sent on this connection, parsed. */
  received: Json[];
  /** Pongs the client sent in answer to our pings. */
  pongs: number;
  /** Pings the client sent (its heartbeat; `ws` answers each with a pong, as Slack does). */
  pings: number;
  closed: boolean;
}

const APP_ID = 'A0STANDIN1';
/** How long `send` waits for an ack before failing (Slack's own limit is 3 s: tests assert that on `ackMs`). */
const ACK_WAIT_MS = 10_000;
const PING_EVERY_MS = 10_000;

export class SocketModeStandIn {
  readonly appToken: string;
  connections: SocketConnection[] = [];
  /** Messages from the client that were not acks of an envelope we sent (should stay empty). */
  unexpected: Json[] = [];

  private readonly server = http.createServer((_req, res) => {
    res.writeHead(404).end();
  });
  private readonly wss = new WebSocketServer({ noServer: true });
  private port = 0;
  private readonly tickets = new Set<string>();
  private readonly waiting = new Map<string, { resolve: (ack: Ack, connection: number) => void }>();

  private constructor(
    private readonly webApi: SlackStandIn,
    appToken: string,
  ) {
    this.appToken = appToken;
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Starts the WebSocket server and makes `webApi` answer apps.connections.open for `appToken`. */
  static async start(webApi: SlackStandIn, opts: { appToken?: string } = {}): Promise<SocketModeStandIn> {
    const standIn = new SocketModeStandIn(
      webApi,
      opts.appToken ?? `xapp-1-${APP_ID}-1-${randomBytes(16).toString('hex')}`,
    );
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    standIn.port = (standIn.server.address() as { port: number }).port;
    webApi.socketMode = { appToken: standIn.appToken, openUrl: () => standIn.issueUrl() };
    return standIn;
  }

  /** The newest connection that is still open: where envelopes go. */
  get current(): SocketConnection {
    const open = this.connections.filter((c) => !c.closed);
    const last = open[open.length - 1];
    if (!last) throw new Error('SocketModeStandIn: no open connection');
    return last;
  }

  async waitForConnections(count: number, timeoutMs = 15_000): Promise<SocketConnection> {
    await this.webApi.waitFor(
      () => this.connections.filter((c) => !c.closed).length > 0 && this.connections.length >= count,
      timeoutMs,
      `${count} Socket Mode connection(s)`,
    );
    return this.current;
  }

  /** A slash command, as Slack wraps it: the command's fields as the payload. */
  slashCommand(payload: Json): Promise<Delivery> {
    return this.send('slash_commands', payload, { accepts_response_payload: true });
  }

  /** A block action or view submission; only a view submission's ack may carry a response (response_action). */
  interactive(payload: Json): Promise<Delivery> {
    return this.send('interactive', payload, { accepts_response_payload: payload.type === 'view_submission' });
  }

  /** An Events API delivery (`event_callback` body); `retryAttempt` > 0 for Slack's redeliveries. */
  eventsApi(payload: Json, opts: { retryAttempt?: number; retryReason?: string } = {}): Promise<Delivery> {
    return this.send('events_api', payload, {
      accepts_response_payload: false,
      retry_attempt: opts.retryAttempt ?? 0,
      retry_reason: opts.retryReason ?? '',
    });
  }

  /** Sends one envelope on the current connection and resolves with its ack (rejects after 10 s without one). */
  send(type: EnvelopeType, payload: Json, extra: Json = {}): Promise<Delivery> {
    const connection = this.current;
    const envelopeId = randomUUID();
    return new Promise<Delivery>((resolve, reject) => {
      const sentAt = performance.now();
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`SocketModeStandIn: no ack for ${type} envelope ${envelopeId} within ${ACK_WAIT_MS} ms`));
      }, ACK_WAIT_MS);
      this.waiting.set(envelopeId, {
        resolve: (ack, ackConnection) => {
          clearTimeout(timer);
          if (ackConnection !== connection.number)
            reject(new Error(`ack of ${envelopeId} came on connection ${ackConnection}, not ${connection.number}`));
          else resolve({ envelopeId, ack, ackMs: performance.now() - sentAt, connection: connection.number });
        },
      });
      connection.socket.send(JSON.stringify({ envelope_id: envelopeId, payload, type, ...extra }));
    });
  }

  /** Slack asking the client to reconnect (`refresh_requested`, `warning`, `link_disabled`, …). */
  disconnect(reason = 'refresh_requested'): void {
    this.current.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: this.host() } }));
  }

  async close(): Promise<void> {
    if (this.webApi.socketMode?.appToken === this.appToken) this.webApi.socketMode = undefined;
    for (const c of this.connections) c.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private host(): string {
    return `applink-standin-${this.port}`;
  }

  /** A one-time URL, as apps.connections.open returns it. */
  private issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=${APP_ID}`;
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url.pathname + url.search));
  }

  private accept(socket: WebSocket, url: string): void {
    const connection: SocketConnection = {
      number: this.connections.length + 1,
      socket,
      url,
      received: [],
      pongs: 0,
      pings: 0,
      closed: false,
    };
    this.connections.push(connection);
    socket.on('message', (data, isBinary) => {
      let message: Json;
      try {
        message = JSON.parse(isBinary ? '' : data.toString());
      } catch {
        this.unexpected.push({ unparsable: data.toString() });
        return;
      }
      connection.received.push(message);
      const waiter = typeof message.envelope_id === 'string' ? this.waiting.get(message.envelope_id) : undefined;
      if (!waiter) {
        this.unexpected.push(message);
        return;
      }
      this.waiting.delete(message.envelope_id);
      waiter.resolve(message as Ack, connection.number);
    });
    socket.on('pong', () => {
      connection.pongs += 1;
    });
    socket.on('ping', () => {
      connection.pings += 1;
    });
    // Slack pings the client now and then; it must answer with a pong (the client drops a connection
    // whose server stops pinging for 30 s).
    const ping = () => socket.ping(Buffer.from(`ping from the stand-in (${Date.now()})`));
    const pinging = setInterval(ping, PING_EVERY_MS).unref();
    socket.on('close', () => {
      connection.closed = true;
      clearInterval(pinging);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections.filter((c) => !c.closed).length,
        debug_info: { host: this.host(), build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: APP_ID },
      }),
    );
    ping();
  }
}
