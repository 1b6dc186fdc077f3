import type { Config } from '../../config';

/**
 * The language of messages to program staff (the at-risk alert, its "handled" line): the
 * configured staff language, English when none is set.
 * TODO: read `config.staffLanguage` directly once that field is in the config (STAFF_LANGUAGE).
 */
export function staffLanguageOf(config: Config): string {
  return (config as { staffLanguage?: string }).staffLanguage ?? 'en';
}
