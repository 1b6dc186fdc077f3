/**
 * Countries, their working weeks and their public holidays (date-holidays; pure and synchronous:
 * the calendars ship with the package). Days are "YYYY-MM-DD"; weekdays are ISO (1 = Monday).
 */
import Holidays from 'date-holidays';

/** Monday–Friday: the working week wherever the table below says nothing else. */
export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;
const SUNDAY_TO_THURSDAY = [7, 1, 2, 3, 4] as const;

/**
 * Countries whose legal working week is not Monday–Friday (Friday–Saturday weekend), from
 * Wikipedia "Workweek and weekend" (checked 2026-11): Bangladesh, Egypt, Algeria, Bahrain, Iraq,
 * Israel, Jordan, Kuwait, Libya, Oman, Qatar, Saudi Arabia, Syria, Yemen. Pakistan, Tunisia,
 * Morocco, Azerbaijan, Georgia, Serbia, Ukraine, the US, Canada, the UAE (since 2022) and the EU
 * work Monday–Friday.
 */
const WORKING_WEEKS: Record<string, readonly number[]> = Object.fromEntries(
  ['BD', 'EG', 'DZ', 'BH', 'IQ', 'IL', 'JO', 'KW', 'LY', 'OM', 'QA', 'SA', 'SY', 'YE'].map((c) => [
    c,
    SUNDAY_TO_THURSDAY,
  ]),
);

/** The default working days (ISO weekdays) of a country code; Monday–Friday when unknown. */
export function workingWeekOf(countryCode: string | undefined): number[] {
  return [...(WORKING_WEEKS[countryCode ?? ''] ?? MONDAY_TO_FRIDAY)];
}

const library = new Holidays();
const KNOWN: Record<string, string> = library.getCountries('en') ?? {};

const squash = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Names people type for a country that the library's English names do not match. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  czechia: 'CZ',
  czechrepublic: 'CZ',
  turkiye: 'TR',
  holland: 'NL',
  thenetherlands: 'NL',
  russia: 'RU',
  southkorea: 'KR',
  korea: 'KR',
  uae: 'AE',
  palestine: 'PS',
  ivorycoast: 'CI',
};

let byName: Map<string, string> | undefined;
function namesIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const native: Record<string, string> = library.getCountries() ?? {};
  for (const [code, name] of Object.entries(KNOWN)) {
    byName.set(squash(name), code);
    if (native[code]) byName.set(squash(native[code]), code);
    const en = english.of(code);
    if (en) byName.set(squash(en), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) byName.set(alias, code);
  return byName;
}

/** ISO 3166 alpha-2 code of a country name or code as typed ("Bangladesh", "tn", "United States"); undefined when unknown. */
export function countryCodeOf(input: string | null | undefined): string | undefined {
  const typed = (input ?? '').trim();
  if (!typed) return undefined;
  if (/^[A-Za-z]{2}$/.test(typed)) {
    const code = typed.toUpperCase();
    if (KNOWN[code] || code === 'GB') return code;
  }
  return namesIndex().get(squash(typed));
}

/** The name of a country code in a language ("TN" → "Tunisia", "Tunisie" in French). */
export function countryNameOf(code: string, language = 'en'): string {
  return new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(code) ?? code;
}

/** True when the library has a calendar for the country. */
export function hasHolidayCalendar(code: string): boolean {
  return Boolean(KNOWN[code]);
}

export interface PublicHoliday {
  day: string;
  name: string;
  /** Islamic (Hijri) dates: the library computes them; the real day follows the moon sighting. */
  estimated: boolean;
}

const HIJRI_RULE = /(Muharram|Safar|Rabi|Jumada|Rajab|Shaban|Ramadan|Shawwal|Dhu)/;
const DAY_MS = 86_400_000;
const cache = new Map<string, PublicHoliday[]>();

/**
 * The country's public holidays in a year (type 'public' only), one entry a day, in date order;
 * their names in `language` where the library has them, else in English (else its own).
 */
export function publicHolidays(code: string, year: number, language = 'en'): PublicHoliday[] {
  const key = `${code}:${year}:${language}`;
  const known = cache.get(key);
  if (known) return known;
  const found: PublicHoliday[] = [];
  if (KNOWN[code]) {
    const calendar = new Holidays(code, { languages: [language, 'en'], types: ['public'] });
    for (const h of calendar.getHolidays(year) || []) {
      if (h.type !== 'public') continue;
      const first = h.date.slice(0, 10);
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < length; i++) {
        const at = new Date(Date.parse(`${first}T12:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10);
        found.push({ day: at, name: h.name, estimated: HIJRI_RULE.test(h.rule ?? '') });
      }
    }
  }
  found.sort((a, b) => a.day.localeCompare(b.day));
  cache.set(key, found);
  return found;
}

/** The public holiday of the country on that day, if any (its name in `language`, see publicHolidays). */
export function publicHolidayOn(code: string | undefined, day: string, language = 'en'): PublicHoliday | undefined {
  if (!code) return undefined;
  return publicHolidays(code, Number(day.slice(0, 4)), language).find((h) => h.day === day);
}
