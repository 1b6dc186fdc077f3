import type { Logger } from '@slack/logger';

/**
 * Lines that would carry message contents: the Web API client logs request bodies and
 * responses at debug level, and Bolt logs ack bodies. They never reach our logs.
 */
const PAYLOAD_LINE = /http request (body|result)|\(body: |payload/i;

/** Wraps a logger so that no debug line with a payload gets through; other levels pass as they are. */
export function withoutPayloads(inner: Logger): Logger {
  return {
    debug: (...msg: unknown[]) => {
      if (!msg.some((m) => typeof m === 'string' && PAYLOAD_LINE.test(m))) inner.debug(...msg);
    },
    info: (...msg: unknown[]) => inner.info(...msg),
    warn: (...msg: unknown[]) => inner.warn(...msg),
    error: (...msg: unknown[]) => inner.error(...msg),
    setLevel: (level) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name) => inner.setName(name),
  };
}
