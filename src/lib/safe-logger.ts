import type { Logger } from '@slack/logger';

/**
 * Lines that would carry message contents: the Web API client logs request bodies and
 * responses at debug level, Bolt logs ack bodies, and the Socket Mode client logs every
 * envelope it receives and every ack it sends (`Calling ack() - …, data: {…}`, which holds
 * what the person typed, e.g. an unknown subcommand echoed back). They never reach our logs.
 */
const PAYLOAD_LINE = /http request (body|result)|\(body: |payload|Calling ack\(\)/i;

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
