/**
 * src/lib/shutdown.ts on its own (the spawned app is tested in sigterm.test.ts): the order of the
 * steps, a step that fails, SIGINT's exit codes, and the lines an operator reads.
 */
import { EventEmitter } from 'node:events';
import { abortableSleep, createShutdown } from '../../src/lib/shutdown';

function harness(deadlineMs = 5_000) {
  const lines: string[] = [];
  const exits: number[] = [];
  let exited: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const shutdown = createShutdown({
    log: (line, level) => lines.push(`${level}: ${line}`),
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    deadlineMs,
  });
  const proc = new EventEmitter();
  shutdown.install(proc);
  return { shutdown, proc, lines, exits, exit };
}

test('the first SIGINT aborts the signal, runs the steps last registered first, and exits 0', async () => {
  const h = harness();
  const order: string[] = [];
  h.shutdown.onStop('the database', () => void order.push('database'));
  h.shutdown.onStop('the receiver', async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push('receiver');
  });
  expect(h.shutdown.signal.aborted).toBe(false);
  h.proc.emit('SIGINT');
  expect(h.shutdown.signal.aborted).toBe(true);
  expect(await h.exit).toBe(0);
  expect(order).toEqual(['receiver', 'database']);
  expect(h.lines[0]).toMatch(/^info: SIGINT: shutting down/);
  expect(h.lines.at(-1)).toBe('info: Shutdown complete.');
});

test('a step that fails: the others still run, the line names the step (not its message), and the exit is 1', async () => {
  const h = harness();
  const ran: string[] = [];
  h.shutdown.onStop('the database connection', () => void ran.push('database'));
  h.shutdown.onStop('the HTTP receiver', () => {
    throw new Error('secret xoxb-should-not-be-logged');
  });
  h.proc.emit('SIGTERM');
  expect(await h.exit).toBe(1);
  expect(ran).toEqual(['database']);
  expect(h.lines).toContain('warn: Shutdown: the HTTP receiver failed to stop (Error).');
  expect(h.lines.join('\n')).not.toContain('xoxb');
});

test('a second SIGINT exits 130 at once; past the deadline the exit is 1', async () => {
  const h = harness(200);
  h.shutdown.onStop('a step that never ends', () => new Promise<void>(() => undefined));
  h.proc.emit('SIGINT');
  h.proc.emit('SIGINT');
  expect(h.exits).toEqual([130]);
  expect(h.lines).toContain('warn: SIGINT again during shutdown: exiting at once.');
  const late = harness(200);
  late.shutdown.onStop('a step that never ends', () => new Promise<void>(() => undefined));
  late.proc.emit('SIGTERM');
  expect(await late.exit).toBe(1);
  expect(late.lines.at(-1)).toMatch(/^warn: Shutdown did not finish within 0 s: exiting now\.$/);
});

test('abortableSleep ends when its signal is aborted', async () => {
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 20);
  await abortableSleep(10_000, controller.signal);
  expect(Date.now() - started).toBeLessThan(1_000);
});
