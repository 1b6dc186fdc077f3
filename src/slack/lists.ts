import { currentLanguage, t } from '../i18n';
import { join, type Mrkdwn, type MrkdwnValue } from './mrkdwn';

/**
 * Lists in the reader's language: "A and B", "A, B and C" (Intl.ListFormat, so "A et B", "A y B",
 * "A и B", "A وB"). Each item goes in as it is when it is `Mrkdwn` (a mention), escaped when it is
 * a string; the connecting words come from the language's own rules, never concatenated by hand.
 */
export function andList(items: readonly MrkdwnValue[]): Mrkdwn {
  if (items.length < 2) return join(items);
  const format = new Intl.ListFormat(currentLanguage(), { type: 'conjunction' });
  let next = 0;
  const parts = format
    .formatToParts(items.map((_, i) => String(i)))
    .map((p) => (p.type === 'element' ? items[next++] : p.value));
  return join(parts);
}

/** The reader's list separator (", " in most languages, "، " in Arabic). */
export function listSeparator(): string {
  return t('common.listSeparator');
}

/** Short items one after the other ("Mon, Wed, Fri"), with the reader's list separator. */
export function commaList(items: readonly string[]): string {
  return items.join(listSeparator());
}
