import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';
import type { Language } from './languages';

/**
 * One JSON file per language, for translators: `locales/<code>.json`, keys grouped by feature.
 * Placeholders are `{{name}}`; plurals are `key_one`, `key_other` (and `_zero`, `_two`, `_few`,
 * `_many` where the language has them), chosen by i18next from `count` with the language's own
 * plural rules.
 */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, fr, es, ar, ru };

export interface Catalogue {
  [key: string]: string | Catalogue;
}

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key English has ("checkins.prompt.title"), checked by the compiler. */
export type MessageKey = Leaves<typeof en>;
