import { t } from '../i18n';

/**
 * An error whose message is written for the person who caused it. Listeners turn it into an
 * ephemeral message (commands, buttons) or modal field errors (view submissions).
 */
export class UserFacingError extends Error {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(userMessage);
    this.name = 'UserFacingError';
  }
}

/** The answer to anything unexpected: short, and never a stack trace. */
export const apology = () => t('common.apology');

/** The title of the small window that answers a button on the Home tab (see answeringButton). */
export const noticeTitle = () => t('common.noticeTitle');
export const noticeClose = () => t('common.close');
/** The sentence of the window that opens at once while a modal is being built (see openingModal). */
export const oneMoment = () => t('common.oneMoment');
/** What a submission of a form the app no longer knows (an older version's) is answered with. */
export const formOutdated = () => t('common.formOutdated');

export const databaseDown = () => t('common.databaseDown');

/** The Slack error code of a failed Web API call (`ok: false`), if that is what `err` is. */
export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** A short, log-safe description of an error: its Slack code, HTTP status or class, never a payload. */
export function describeError(err: unknown): string {
  const code = slackErrorCode(err);
  if (code) return `slack:${code}`;
  const e = err as { code?: unknown; statusCode?: unknown; name?: unknown; message?: unknown };
  if (e?.code === 'slack_webapi_rate_limited_error') return 'slack:ratelimited';
  if (e?.code === 'slack_webapi_http_error') return `slack:http_${String(e.statusCode ?? 'error')}`;
  if (typeof e?.name === 'string' && typeof e?.message === 'string') return `${e.name}: ${e.message.slice(0, 200)}`;
  return String(err).slice(0, 200);
}

/** A Web API call the client gave up waiting for (its timeout): Slack may still have done it. */
export function timedOut(err: unknown): boolean {
  const e = err as { code?: unknown; original?: { name?: unknown; message?: unknown } } | undefined;
  if (e?.code !== 'slack_webapi_request_error') return false;
  // fetch's TimeoutError; the client wraps it in an Error named "Error" where it does not take it
  // for one (another realm, as under jest), its message then being "TimeoutError: …".
  return e.original?.name === 'TimeoutError' || /^TimeoutError\b/.test(String(e.original?.message ?? ''));
}
