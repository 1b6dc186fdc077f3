/**
 * The languages the bot speaks, each with a catalogue in `locales/<code>.json`.
 * English is the reference: every other catalogue has exactly its keys (test/i18n).
 */
export const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's own name for itself (data, the same in every catalogue). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  ru: 'Русский',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * What someone typed or Slack gave as a locale ("fr", "FR", "fr-CA", "fr_FR", "Français",
 * "french") as one of our languages; `null` when we do not speak it.
 */
export function parseLanguage(input: string | null | undefined): Language | null {
  const given = (input ?? '').trim().toLowerCase();
  if (!given) return null;
  const code = given.split(/[-_]/)[0];
  if (isLanguage(code)) return code;
  for (const lng of LANGUAGES) {
    if (LANGUAGE_NAMES[lng].toLowerCase() === given || ENGLISH_NAMES[lng] === given) return lng;
  }
  return null;
}

/** A locale or stored tag as a language we speak, English when we do not. */
export function toLanguage(tag: string | null | undefined): Language {
  return parseLanguage(tag) ?? DEFAULT_LANGUAGE;
}

const ENGLISH_NAMES: Readonly<Record<Language, string>> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ar: 'arabic',
  ru: 'russian',
};
