import { parse } from 'csv-parse/sync';
import { MAX_GOALS } from '../../../pairs/limits';

/** The columns of a cohort file, in the order the README and the example file show them. */
export const REQUIRED_COLUMNS = [
  'mentor',
  'mentee',
  'mentee_organisation',
  'mentee_country',
  'goal_1',
  'goal_1_success',
  'cadence',
  'start_date',
  'end_date',
] as const;

export const OPTIONAL_COLUMNS = [
  'mentor_organisation',
  'mentor_country',
  'mentor_timezone',
  'mentee_timezone',
  ...Array.from({ length: MAX_GOALS - 1 }, (_, i) => [`goal_${i + 2}`, `goal_${i + 2}_success`]).flat(),
  'local_context',
];

const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

/** One data row of the file: its values by column, and the line it starts on (the header is line 1). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export type ParseResult = { ok: true; rows: CsvRow[] } | { ok: false; problems: string[] };

/** "Mentee Organisation" and "mentee-organisation" both mean mentee_organisation. */
export function normaliseColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads a cohort file (UTF-8, with or without a byte-order mark, LF or CRLF, quoted fields with
 * commas or line breaks). Problems with the file as a whole (unknown or missing columns, an
 * unclosed quote) come back as sentences; row values are checked later, by validate.ts.
 */
export function parseCohortCsv(content: string | Buffer): ParseResult {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(content, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { ok: false, problems: [`The file is not valid CSV (line ${e.lines ?? '?'}): ${e.message ?? String(err)}`] };
  }
  if (records.length === 0)
    return { ok: false, problems: ['The file is empty: it needs a header line and one row per pair.'] };

  const [header, ...data] = records;
  const columns = header.record.map(normaliseColumn);
  const problems = headerProblems(columns);
  if (problems.length > 0) return { ok: false, problems };

  const rows = data
    .filter(({ record }) => record.some((v) => v.trim() !== ''))
    .map(({ record, info }) => {
      const values: Record<string, string> = {};
      columns.forEach((column, i) => {
        values[column] = (record[i] ?? '').trim();
      });
      // info.lines is the line the record ends on; a quoted value may span several lines.
      const breaks = record.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      const extra = record.length > columns.length ? record.slice(columns.length).filter((v) => v.trim()) : [];
      if (extra.length > 0) values[EXTRA_VALUES] = String(extra.length);
      return { line: info.lines - breaks, values };
    });
  if (rows.length === 0) return { ok: false, problems: ['The file has a header but no rows: add one row per pair.'] };
  return { ok: true, rows };
}

/** Set on a row that has more values than the header has columns: validate.ts reports it. */
export const EXTRA_VALUES = '__extra_values';

function headerProblems(columns: string[]): string[] {
  const problems: string[] = [];
  const unknown = columns.filter((c) => c !== '' && !KNOWN.has(c));
  if (unknown.length > 0) {
    problems.push(
      `Line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}. ` +
        `The columns are: ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}.`,
    );
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    problems.push(
      `Line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header must name every required column).`,
    );
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (c && seen.has(c)) problems.push(`Line 1: the column "${c}" appears twice.`);
    seen.add(c);
  }
  return problems;
}
