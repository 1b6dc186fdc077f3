import { LogLevel, type Logger } from '@slack/logger';
import type { RespondArguments, RespondFn } from '@slack/bolt';
import { afterAck, createAfterAck, POST_ACK_CONCURRENCY, type TurnTimer } from '../../src/slack/after-ack';
import { apology, UserFacingError } from '../../src/slack/errors';
import { answering } from '../../src/slack/respond';

/** Lets the event loop run a few turns (setImmediate callbacks and the promises they settle). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A piece of work that records when it starts and finishes when told. */
function blockedWork(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

/** A turn timer that fires only when the test calls what it collected. */
function manualTimer(timers: Array<() => void>): TurnTimer {
  return (giveUpTurn) => {
    timers.push(giveUpTurn);
    return { cancel: () => undefined };
  };
}

function linesLogger(errors: string[]): Logger {
  const ignore = () => undefined;
  return {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (...msg: unknown[]) => errors.push(msg.join(' ')),
    setLevel: ignore,
    getLevel: () => LogLevel.ERROR,
    setName: ignore,
  };
}

describe('post-ack work (after-ack.ts)', () => {
  it('runs at most `limit` pieces at once; the others wait their turn, first come first served, and all run', async () => {
    const queue = createAfterAck(2);
    const started: string[] = [];
    const works = ['a', 'b', 'c', 'd'].map((name) => blockedWork(started, name));
    const results = works.map((w) => queue(w.run));
    await settle();
    expect(started).toEqual(['a', 'b']);
    works[1].finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    works[0].finish();
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    works[2].finish();
    works[3].finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives the turn back when a piece fails, and passes the error on', async () => {
    const queue = createAfterAck(1);
    const failing = queue(async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(queue(async () => 'next')).resolves.toBe('next');
  });

  it('runs work queued from inside queued work once the outer has had its turn time (no deadlock)', async () => {
    const timers: Array<() => void> = [];
    const queue = createAfterAck(1, { timer: manualTimer(timers) });
    let innerRan = false;
    const outer = queue(() =>
      queue(async () => {
        innerRan = true;
        return 'inner';
      }),
    );
    await settle();
    expect(innerRan).toBe(false);
    timers[0]();
    await expect(outer).resolves.toBe('inner');
  });

  it('lets the next piece start when one holds its turn past the turn time, and counts turns right after', async () => {
    const timers: Array<() => void> = [];
    const queue = createAfterAck(1, { timer: manualTimer(timers) });
    const started: string[] = [];
    const [long, next, later, last] = ['long', 'next', 'later', 'last'].map((name) => blockedWork(started, name));
    const results = [queue(long.run), queue(next.run)];
    await settle();
    expect(started).toEqual(['long']);
    timers[0](); // `long` has had its time
    await settle();
    expect(started).toEqual(['long', 'next']);
    long.finish(); // its turn was already given back: finishing must not free a second one
    await settle();
    results.push(queue(later.run), queue(last.run));
    await settle();
    expect(started).toEqual(['long', 'next']);
    next.finish();
    await settle();
    expect(started).toEqual(['long', 'next', 'later']);
    later.finish();
    await settle();
    last.finish();
    await expect(Promise.all(results)).resolves.toEqual(['long', 'next', 'later', 'last']);
  });

  it("answers the person through answering's path when queued work fails (their sentence, else an apology)", async () => {
    const started: string[] = [];
    // Every turn taken: the work below waits.
    const blockers = Array.from({ length: POST_ACK_CONCURRENCY }, (_, i) => blockedWork(started, `blocker ${i}`));
    const blocked = blockers.map((b) => afterAck(b.run));
    const answers: RespondArguments[] = [];
    // What Slack's response_url receives; its reply is not read by answering.
    const respond = (async (message: RespondArguments) => {
      answers.push(message);
    }) as unknown as RespondFn;
    const errors: string[] = [];
    const logger = linesLogger(errors);
    const mistake = answering(respond, logger, 'test command', async () => {
      throw new UserFacingError('That pair does not exist.');
    });
    const failure = answering(respond, logger, 'test button', async () => {
      throw new Error('the database said no');
    });
    await settle();
    expect(answers).toEqual([]);
    for (const b of blockers) b.finish();
    await Promise.all([mistake, failure, ...blocked]);
    expect(answers.map((a) => a.text)).toEqual(['That pair does not exist.', apology()]);
    expect(answers.every((a) => a.response_type === 'ephemeral')).toBe(true);
    expect(errors.join('\n')).toContain('test button failed');
  });
});
