/**
 * The processes of `npm run bench:ack` (scripts/bench-ack.ts): each child is a compiled script (or
 * the app's own `dist/src/index.js`) started with `child_process.fork`, so it has an IPC channel.
 * A child that serves requests answers `{ id, ...request }` with `{ id, reply }` (see `serve`).
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A message over the IPC channel. */
export type Message = Record<string, unknown>;

export interface ChildHandle {
  readonly child: ChildProcess;
  /** What it printed (stdout and stderr), for a start-up that failed. */
  output(): string;
  /** Sends a request over IPC and resolves with the child's reply. */
  ask<T>(request: Record<string, unknown>): Promise<T>;
  /** The first message the child sends (`{ op: 'ready', ... }`). */
  ready: Promise<Message>;
  /** SIGTERM, then SIGKILL after 10 s; resolves when it has exited. */
  stop(): Promise<void>;
}

export function startChild(
  script: string,
  opts: { env: Record<string, string | undefined>; cwd?: string },
): ChildHandle {
  const child = fork(script, [], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting = new Map<number, (reply: unknown) => void>();
  let nextId = 0;
  let onReady: (msg: Message) => void = () => undefined;
  const ready = new Promise<Message>((resolve, reject) => {
    onReady = resolve;
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${out}`)));
  });
  ready.catch(() => undefined);
  child.on('message', (msg: Message) => {
    if (msg.op === 'ready') onReady(msg);
    else if (typeof msg.id === 'number') {
      waiting.get(msg.id)?.(msg.reply);
      waiting.delete(msg.id);
    }
  });
  return {
    child,
    output: () => out,
    ready,
    ask: <T>(request: Record<string, unknown>) =>
      new Promise<T>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, resolve as (reply: unknown) => void);
        child.send({ ...request, id }, (err) => err && reject(err));
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In a child: tells the parent it is ready, then answers its requests with `handle`. */
export function serve(ready: Message, handle: (request: Message) => unknown): void {
  process.on('message', async (msg: Message) => {
    const reply = await handle(msg);
    process.send?.({ id: msg.id, reply });
  });
  // The parent went away (or stopped us): nothing left to serve.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  process.send?.({ ...ready, op: 'ready' });
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far (Linux /proc), or undefined. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** The local database server (FerretDB or mongod) among this process's children, if any. */
export function databasePid(): number | undefined {
  try {
    const pids = readdirSync('/proc/self/task').flatMap((t) =>
      readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim().split(/\s+/),
    );
    return pids
      .map(Number)
      .find((pid) => pid > 0 && /ferretdb|mongod/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
  } catch {
    return undefined;
  }
}
