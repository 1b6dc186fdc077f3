/* i18n-exempt-file: shutdown log lines and step names, read by operators only. */
/**
 * A stop on SIGTERM or SIGINT: the first signal aborts `signal` (running ticks stop at their next
 * safe point: see runOutbox), then runs the stop steps, last registered first, and exits 0. Whatever
 * is still running at `deadlineMs` the process exits 1 anyway; a second signal exits at once
 * (128 + the signal's number: 130 for SIGINT, 143 for SIGTERM). Log lines name steps, never values.
 */
export const SHUTDOWN_DEADLINE_MS = 9_500;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface Shutdown {
  /** Aborted by the first signal: jobs stop taking new work. */
  readonly signal: AbortSignal;
  /** A step of the stop; steps run one after the other, the last registered first. */
  onStop(name: string, step: () => Promise<void> | void): void;
  /** What a signal does (installed on the process by `install`). */
  handle(signal: NodeJS.Signals): void;
  install(target?: NodeJS.EventEmitter): void;
}

export function createShutdown(opts: {
  /** `warn` for what went wrong (a step failed, the deadline, a second signal). */
  log: (line: string, level: 'info' | 'warn') => void;
  exit: (code: number) => void;
  deadlineMs?: number;
}): Shutdown {
  const controller = new AbortController();
  const steps: Array<{ name: string; step: () => Promise<void> | void }> = [];
  const deadlineMs = opts.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  let first: NodeJS.Signals | undefined;

  const run = async (): Promise<number> => {
    let code = 0;
    for (const { name, step } of [...steps].reverse()) {
      try {
        await step();
      } catch (err) {
        code = 1;
        opts.log(`Shutdown: ${name} failed to stop (${err instanceof Error ? err.name : 'error'}).`, 'warn');
      }
    }
    return code;
  };

  const shutdown: Shutdown = {
    signal: controller.signal,
    onStop(name, step) {
      steps.push({ name, step });
    },
    handle(signal) {
      if (first) {
        opts.log(`${signal} again during shutdown: exiting at once.`, 'warn');
        opts.exit(SIGNAL_EXIT[signal] ?? 143);
        return;
      }
      first = signal;
      const seconds = Math.round(deadlineMs / 1000);
      opts.log(
        `${signal}: shutting down (no new work; a send in progress finishes or is handed back; exit within ${seconds} s, or at once on a second signal).`,
        'info',
      );
      const timer = setTimeout(() => {
        opts.log(`Shutdown did not finish within ${seconds} s: exiting now.`, 'warn');
        opts.exit(1);
      }, deadlineMs);
      timer.unref();
      controller.abort();
      void run().then((code) => {
        clearTimeout(timer);
        opts.log(code === 0 ? 'Shutdown complete.' : 'Shutdown finished with errors.', code === 0 ? 'info' : 'warn');
        opts.exit(code);
      });
    },
    install(target = process) {
      target.on('SIGTERM', () => shutdown.handle('SIGTERM'));
      target.on('SIGINT', () => shutdown.handle('SIGINT'));
    },
  };
  return shutdown;
}

/** Waits `ms`, or less if `signal` is aborted first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
