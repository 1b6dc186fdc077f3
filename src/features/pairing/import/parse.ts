import { parse } from 'csv-parse/sync';
import { MAX_GOALS } from '../../../pairs/limits';
import { importText } from './messages';

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
  /** The pair's common language: a code (fr) or a name (French, Français); empty for English. */
  'language',
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
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const firstLine = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .split(/\r\n|\r|\n/)[0];
  if (!firstLine.includes(',') && /[;\t]/.test(firstLine)) {
    return { ok: false, problems: [importText.semicolons()] };
  }
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(bytes, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { ok: false, problems: [importText.notCsv(e.lines ?? '?', e.message ?? String(err))] };
  }
  if (records.length === 0) return { ok: false, problems: [importText.emptyFile()] };

  const [header, ...data] = records;
  const columns = header.record.map(normaliseColumn);
  const problems = headerProblems(columns);
  if (problems.length > 0) return { ok: false, problems };

  const lines = new LineCounter(bytes);
  let end = header.info.bytes;
  const rows: CsvRow[] = [];
  for (const { record, info } of data) {
    const line = lines.lineAt(end);
    end = info.bytes;
    if (!record.some((v) => v.trim() !== '')) continue;
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      values[column] = (record[i] ?? '').trim();
    });
    // Even empty: an unquoted comma shifts every value after it, and the last one may be empty.
    if (record.length > columns.length) values[EXTRA_VALUES] = String(record.length - columns.length);
    rows.push({ line, values });
  }
  if (rows.length === 0) return { ok: false, problems: [importText.noRows()] };
  return { ok: true, rows };
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The line a record starts on, from the byte where the previous one ended: csv-parse's own line
 * count runs ahead when a quoted value holds a CRLF, so lines are counted here (CRLF, CR or LF
 * each end one line), skipping the empty lines before the record.
 */
class LineCounter {
  private at = 0;
  private line = 1;
  constructor(private readonly bytes: Buffer) {}

  lineAt(offset: number): number {
    let i = this.at;
    while (i < offset) i = this.step(i);
    while (i < this.bytes.length && (this.bytes[i] === CR || this.bytes[i] === LF)) i = this.step(i);
    this.at = i;
    return this.line;
  }

  private step(i: number): number {
    const b = this.bytes[i];
    if (b === CR && this.bytes[i + 1] === LF) {
      this.line += 1;
      return i + 2;
    }
    if (b === CR || b === LF) this.line += 1;
    return i + 1;
  }
}

/** Set on a row that has more values than the header has columns: validate.ts reports it. */
export const EXTRA_VALUES = '__extra_values';

function headerProblems(columns: string[]): string[] {
  const problems: string[] = [];
  const unknown = columns.filter((c) => c !== '' && !KNOWN.has(c));
  if (unknown.length > 0) problems.push(importText.unknownColumns(unknown, [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) problems.push(importText.missingColumns(missing));
  const seen = new Set<string>();
  for (const c of columns) {
    if (c && seen.has(c)) problems.push(importText.columnTwice(c));
    seen.add(c);
  }
  return problems;
}
