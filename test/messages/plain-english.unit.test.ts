/**
 * Issue 11, "Shorter, plainer messages": every sentence in every feature's message catalogue is at
 * most 25 words and free of idioms that are hard for readers of English as a second language.
 * Each sentence function is called with sample arguments (chosen by parameter name), its markup
 * stripped (a date token counts as its fallback, a mention as one word), and split into sentences.
 */
import { text as checkins } from '../../src/features/checkins/messages';
import { text as commitments } from '../../src/features/commitments/messages';
import { digestText } from '../../src/features/digest/messages';
import { text as goals } from '../../src/features/goals/messages';
import { text as home } from '../../src/features/home/messages';
import { atRiskText } from '../../src/features/nudges/at-risk-messages';
import { text as nudges } from '../../src/features/nudges/messages';
import { text as pairing } from '../../src/features/pairing/messages';
import { welcomeText } from '../../src/features/pairing/welcome-text';
import { text as pause } from '../../src/features/pause/messages';
import { endText } from '../../src/features/staff/end-messages';
import { exportText } from '../../src/features/staff/export-messages';
import { messageText } from '../../src/features/staff/message-messages';
import { staffText } from '../../src/features/staff/messages';
import { pauseText as staffPause } from '../../src/features/staff/pause-messages';
import { reassignText } from '../../src/features/staff/reassign-messages';
import { statusText } from '../../src/features/staff/status-messages';
import { isMrkdwn, slackDate } from '../../src/slack/mrkdwn';
import { rawDatesIn, stripMarkup } from './visible-text';

const CATALOGUES: Record<string, unknown> = {
  checkins,
  commitments,
  nudges,
  atRisk: atRiskText,
  pairing,
  welcome: welcomeText,
  pause,
  staff: staffText,
  staffStatus: statusText,
  staffPause,
  staffMessage: messageText,
  staffEnd: endText,
  staffReassign: reassignText,
  staffExport: exportText,
  digest: digestText,
  goals,
  home,
};

const MAX_WORDS = 25;
const IDIOMS = ['drift away', 'busy stretch', 'blocking', 'move on by a week', 'touch base', 'circle back'];

const DATE = slackDate(new Date('2026-12-14T12:00:00Z'), 'Monday 14 December 2026', '{date_long_pretty}');

/** A sample value for a parameter, by its name: short, like real data (a name, a day, a count). */
function sample(name: string): unknown {
  const n = name.toLowerCase();
  if (/^(offer|is|has|show|mention|late|quick|edited|paused)/.test(n) && !/ids?$/.test(n)) return true;
  if (/(titles|userids|ids|items|list|names|steps|goals|people|others|replied)$/.test(n)) return ['Karim', 'Alice'];
  if (/(period|count|total|shown|days|weeks|checkins|streak|^n$|number|max|row|length|missed|left)/.test(n)) return 3;
  if (/(when|until|at$|date$|token)/.test(n)) return DATE;
  if (/(day|latest)$/.test(n)) return '2026-12-14';
  if (/(id$|^user|owner|partner|author|staff)/.test(n)) return 'U0MENTOR01';
  if (/(role|side)$/.test(n)) return 'mentee';
  if (n === 'kind') return 'regular';
  if (n === 'cadence') return 'weekly';
  if (n === 'status') return 'on_track';
  if (/(mentor|mentee|who)$/.test(n)) return 'Karim Rahman';
  return 'the fee letter';
}

/** Arguments for the functions whose parameters a name cannot tell (objects, unions). */
const ARGS: Record<string, unknown[]> = {
  'checkins.repliedStatus': [
    [
      { who: 'Alice', status: 'answered' },
      { who: 'Karim', status: 'did_not_meet' },
      { who: 'Karim', status: 'skipped' },
      { who: 'Karim', status: 'waiting' },
    ],
  ],
  'pause.pauseNotice': ['U0MENTEE01', [DATE], DATE, 'audit season'],
  'staff.severalPairs': ['U0MENTOR01', ['C0PAIR0001', 'C0PAIR0002']],
  'staffStatus.health': ['Needs attention', ['no reply from the mentee for 2 check-ins']],
  'home.partnerTime': [
    { localTime: '16:05', tz: 'Africa/Tunis', hours: { startHour: 8, endHour: 17, days: [1, 2, 3, 4, 5] } },
  ],
  'home.ownTime': [
    { localTime: '09:40', tz: 'Asia/Dhaka', hours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } },
  ],
  'home.nextCheckin': [new Date('2026-12-15T13:00:00Z')],
  'home.programDates': ['2026-12-01', '2027-05-31'],
  'home.endedPair': ['mentor', 'U0MENTEE01', '2026-12-01', '2027-05-31'],
  'home.staffCounts': [12, ['At risk: 2', 'On track: 10']],
  'home.endingRow': ['U0MENTOR01', 'U0MENTEE01', '2027-01-10'],
  'home.pausedUntilAt': [new Date('2027-01-05T00:00:00Z')],
  'pairing.checkinHours': [
    {
      cadence: 'weekly',
      weekday: 2,
      mentor: { name: 'Alice Müller', time: '08:00' },
      mentee: { name: 'Karim Rahman', time: '19:00' },
      mentorDm: '09:00',
    },
  ],
};

/** Parameter names of a function, from its source ("(a, b = 1, { c }) =>"). */
function paramNames(fn: (...args: unknown[]) => unknown): string[] {
  const src = fn.toString();
  const m = /^(?:async\s*)?(?:function[^(]*)?\(([^)]*)\)/.exec(src) ?? /^(?:async\s*)?(\w+)\s*=>/.exec(src);
  if (!m) return [];
  return m[1]
    .split(',')
    .map((p) =>
      p
        .trim()
        .replace(/[=:].*$/, '')
        .trim(),
    )
    .filter(Boolean);
}

const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : isMrkdwn(v) ? v.text : undefined);

/** Functions that could not be called with sample arguments (they need an entry in ARGS). */
const uncallable: string[] = [];

/** Every sentence each catalogue can produce, with where it comes from. */
function allTexts(): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      try {
        const t = asText(fn(...(ARGS[where] ?? paramNames(fn).map(sample))));
        if (t !== undefined) out.push({ where, text: t });
      } catch (err) {
        uncallable.push(`${where}: ${(err as Error).message}`);
      }
      return;
    }
    const t = asText(value);
    if (t !== undefined) return void out.push({ where, text: t });
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, `${where}.${k}`);
  };
  for (const [name, catalogue] of Object.entries(CATALOGUES)) walk(catalogue, name);
  return out;
}

/** A text as sentences: lines and bullets apart, then split after . ! ? (not inside "e.g." or "#1."). */
function sentences(text: string): string[] {
  return stripMarkup(text)
    .split(/\n+|•/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z"“(@#])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('plain English in every message catalogue', () => {
  const texts = allTexts();

  test('the catalogues were all read (a sample call per sentence function)', () => {
    expect(uncallable).toEqual([]);
    for (const name of Object.keys(CATALOGUES))
      expect(texts.filter((t) => t.where.startsWith(`${name}.`)).length).toBeGreaterThan(3);
  });

  test(`no sentence is over ${MAX_WORDS} words`, () => {
    const long = texts.flatMap(({ where, text }) =>
      sentences(text)
        .filter((s) => words(s) > MAX_WORDS)
        .map((s) => `${where} (${words(s)} words): ${s}`),
    );
    expect(long).toEqual([]);
  });

  test('no idioms', () => {
    const found = texts.flatMap(({ where, text }) =>
      IDIOMS.filter((idiom) => stripMarkup(text).toLowerCase().includes(idiom)).map((i) => `${where}: "${i}"`),
    );
    expect(found).toEqual([]);
  });

  test('the check finds a long sentence and an idiom (it can fail)', () => {
    const long =
      'This sentence is far too long for a reader who reads English as a second language, because it goes on and on without a stop anywhere.';
    expect(sentences(long).filter((s) => words(s) > MAX_WORDS)).toHaveLength(1);
    expect(IDIOMS.some((i) => 'Let us touch base soon.'.toLowerCase().includes(i))).toBe(true);
  });

  test('the raw-date check used by the end-to-end tests finds a bare date and passes a token (it can fail)', () => {
    const token = slackDate(new Date('2026-12-12T12:00:00Z'), '2026-12-12', '{date_long_pretty}').text;
    expect(rawDatesIn([{ channel: 'C1', text: `due ${token}` }])).toEqual([]);
    expect(
      rawDatesIn([{ channel: 'C1', text: 'paused until 2027-01-15' }], [{ body: { text: 'due 2026-12-12' } }]),
    ).toEqual(['message in C1: 2027-01-15', 'response: 2026-12-12']);
  });
});
