/*
 * The work a command or button does after its ack (database reads, health, building a view) shares
 * one event loop with the acks of the requests still coming in, and Slack gives each ack 3 s. When
 * many requests arrive at once, the work of those already acked must not go before the acks still
 * to come. So post-ack work starts only after the event loop has taken in what is waiting
 * (setImmediate runs after the I/O callbacks of the current turn: the requests that arrived), and
 * at most POST_ACK_CONCURRENCY pieces of it run at a time; the rest wait their turn, first come
 * first served, so the earliest requests finish first (a modal must open within 3 s of the click).
 * A piece that runs longer than TURN_MS (a digest of thousands of pairs) gives its turn to the next
 * in line and carries on, so it holds up nobody for long; this also keeps work queued from inside
 * queued work from waiting for ever.
 * Measured with `npm run bench:ack` (docs/benchmarks.md).
 */

/** How many pieces of post-ack work run at once. */
export const POST_ACK_CONCURRENCY = 4;
/** How long one piece of work keeps its turn before the next in line may start. */
export const TURN_MS = 1000;

export type AfterAck = <T>(work: () => Promise<T>) => Promise<T>;

/** A timer that can be cancelled (setTimeout's shape; tests pass one they fire themselves). */
export type TurnTimer = (giveUpTurn: () => void, ms: number) => { cancel(): void };

const realTimer: TurnTimer = (giveUpTurn, ms) => {
  const timer = setTimeout(giveUpTurn, ms).unref();
  return { cancel: () => clearTimeout(timer) };
};

export function createAfterAck(limit: number, opts: { turnMs?: number; timer?: TurnTimer } = {}): AfterAck {
  const waiting: Array<() => void> = [];
  let running = 0;
  const release = () => {
    const next = waiting.shift();
    // The turn passes straight to the next in line, so `running` stays as it is.
    if (next) next();
    else running -= 1;
  };
  const startTimer = opts.timer ?? realTimer;
  return async <T>(work: () => Promise<T>): Promise<T> => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    let released = false;
    const giveUpTurn = () => {
      if (released) return;
      released = true;
      release();
    };
    const timer = startTimer(giveUpTurn, opts.turnMs ?? TURN_MS);
    try {
      return await work();
    } finally {
      timer.cancel();
      giveUpTurn();
    }
  };
}

/** The app's one queue of post-ack work (see `answering` in respond.ts). */
export const afterAck: AfterAck = createAfterAck(POST_ACK_CONCURRENCY);
