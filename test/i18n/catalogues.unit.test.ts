import { CATALOGUES, type Catalogue } from '../../src/i18n/catalogues';
import { LANGUAGES } from '../../src/i18n/languages';

/*
 * The catalogues a translator edits (src/i18n/locales/<code>.json) against English, the reference:
 * the same keys, the same placeholders, every plural form the language's own rules need.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));
const base = (key: string) => key.replace(PLURAL, '');
const english = leaves(CATALOGUES.en);
const englishBases = new Set([...english.keys()].map(base));
const englishPlurals = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map(base));
/** English's placeholders for a key, across its plural forms. */
const englishPlaceholders = (b: string) =>
  new Set([...english].filter(([k]) => base(k) === b).flatMap(([, v]) => [...placeholders(v)]));

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (lng) => {
  const own = leaves(CATALOGUES[lng]);
  const ownBases = new Set([...own.keys()].map(base));
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

  it('has every key English has, and no other', () => {
    expect([...englishBases].filter((k) => !ownBases.has(k))).toEqual([]);
    expect([...ownBases].filter((k) => !englishBases.has(k))).toEqual([]);
  });

  it(`has every plural form its language needs (${categories.join(', ')})`, () => {
    const missing = [...englishPlurals].flatMap((b) =>
      categories.filter((c) => !own.has(`${b}_${c}`)).map((c) => `${b}_${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses no placeholder English does not use, and keeps every placeholder of a sentence without plurals', () => {
    const wrong: string[] = [];
    for (const [key, value] of own) {
      const allowed = englishPlaceholders(base(key));
      for (const p of placeholders(value)) if (!allowed.has(p)) wrong.push(`${key}: {{${p}}} is not in English`);
      if (!englishPlurals.has(base(key))) {
        for (const p of allowed) if (!placeholders(value).has(p)) wrong.push(`${key}: {{${p}}} is missing`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no empty sentence', () => {
    expect([...own].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('writes every plural with _one and _other', () => {
    const missing = [...englishPlurals].flatMap((b) => ['one', 'other'].filter((c) => !english.has(`${b}_${c}`)));
    expect(missing).toEqual([]);
  });
});
