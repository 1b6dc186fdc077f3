import { AsyncLocalStorage } from 'node:async_hooks';
import i18next from 'i18next';
import { catalogueMrkdwn, escapeText, isMrkdwn, type Mrkdwn, type MrkdwnValue } from '../slack/mrkdwn';
import { CATALOGUES, type MessageKey } from './catalogues';
import { DEFAULT_LANGUAGE, type Language, LANGUAGES, toLanguage } from './languages';

/*
 * Every sentence the bot shows people comes from here: `t` for plain text (modal titles,
 * labels, buttons, options, field errors), `tm` for mrkdwn (messages, sections, context).
 *
 * Whose language? The one in scope: a request runs in the acting person's language (set by the
 * middleware in app.ts), and code that writes to someone else (a DM to the partner, a post in the
 * pair's channel, a job's message) says so with `inLanguage(their language, () => …)`.
 */

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: CATALOGUES[lng] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  showSupportNotice: false,
  returnNull: false,
  returnEmptyString: false,
  // Values are escaped by `tm` for mrkdwn (Slack's three characters, not HTML's), and shown
  // as typed in plain text.
  interpolation: { escapeValue: false },
});

/** i18next's own typing of `t` is for its typed resources; ours are checked by `MessageKey`. */
const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;

interface Scope {
  language: Language;
  /**
   * The reader's language still being learned (from Slack, for someone the app has no record of):
   * the ack goes in `language`; work after the ack waits for this first (`inSettledLanguage`).
   */
  settling?: Promise<Language>;
}

const scope = new AsyncLocalStorage<Scope>();

/** Runs `fn` (and everything it awaits) with `language` as the reader's language. */
export function inLanguage<T>(language: string | null | undefined, fn: () => T): T {
  return scope.run({ language: toLanguage(language) }, fn);
}

/**
 * Runs a request with `language` for what must be answered at once (the ack), while the reader's
 * own language may still be on its way (`settling`): see `inSettledLanguage`.
 */
export function inRequestLanguage<T>(language: Language, settling: Promise<Language> | undefined, fn: () => T): T {
  return scope.run(settling ? { language, settling } : { language }, fn);
}

/**
 * Runs work that comes after the ack (an answer at response_url, a modal opened) in the reader's
 * settled language: waits for it if it was still being learned when the request came in.
 */
export async function inSettledLanguage<T>(fn: () => Promise<T>): Promise<T> {
  const settling = scope.getStore()?.settling;
  if (!settling) return fn();
  const language = await settling;
  return scope.run({ language }, fn);
}

/** The reader's language in this scope (English outside any). */
export function currentLanguage(): Language {
  return scope.getStore()?.language ?? DEFAULT_LANGUAGE;
}

export type PlainParams = Readonly<Record<string, string | number>>;
export type MrkdwnParams = Readonly<Record<string, MrkdwnValue>>;

/** A plain-text sentence in the reader's language; values go in as typed. */
export function t(key: MessageKey, params: PlainParams = {}): string {
  return translate(key, { ...params, lng: currentLanguage() });
}

/**
 * A mrkdwn sentence in the reader's language. String values are escaped once (text people
 * typed can never ping, mention or link); `Mrkdwn` values (a mention, a date token) go in as
 * they are; numbers stay numbers, so `count` chooses the plural form.
 */
export function tm(key: MessageKey, params: MrkdwnParams = {}): Mrkdwn {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) {
    values[name] = typeof v === 'number' ? v : isMrkdwn(v) ? v.text : escapeText(v);
  }
  return catalogueMrkdwn(translate(key, { ...values, lng: currentLanguage() }));
}

/** A number written the reader's way ("1,234" in English, "1 234" in French). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

export { type Language, LANGUAGES } from './languages';
export type { MessageKey } from './catalogues';
