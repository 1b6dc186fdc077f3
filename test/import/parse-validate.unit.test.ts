import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCohortCsv } from '../../src/features/pairing/import/parse';
import { validateRows } from '../../src/features/pairing/import/validate';
import { LIMITS } from '../../src/pairs/limits';

const HEADER =
  'mentor,mentee,mentee_organisation,mentee_country,mentee_timezone,goal_1,goal_1_success,goal_2,goal_2_success,cadence,start_date,end_date,local_context';
const GOOD =
  'alice@example.org,karim@example.org,MFI Association,Bangladesh,,Fee,"Fee down, to 1%",,,weekly,2027-01-11,2027-06-30,';

/** A file from lines (joined with CRLF, as spreadsheets save them). */
const file = (...lines: string[]) => lines.join('\r\n');

function check(...rows: string[]) {
  const parsed = parseCohortCsv(file(HEADER, ...rows));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return validateRows(parsed.rows);
}
/** "line: reason" for each bad row, as the report prints them. */
const reasonsOf = (result: ReturnType<typeof validateRows>) =>
  result.bad.flatMap((b) => b.reasons.map((r) => `${b.line}: ${r}`));

describe('reading a cohort file', () => {
  test('the example file in scripts/ is valid: three pairs, by email and by member ID', () => {
    const parsed = parseCohortCsv(readFileSync(path.join(__dirname, '../../scripts/cohort.example.csv')));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const { valid, bad } = validateRows(parsed.rows);
    expect(bad).toEqual([]);
    expect(valid.map((v) => [v.line, v.mentor, v.input.mentee.organisation, v.input.goals.length])).toEqual([
      [2, { kind: 'email', email: 'alice.muller@example.org' }, 'Dhaka Chamber of Commerce & Industry', 2],
      [3, { kind: 'email', email: 'lee.park@example.org' }, 'Association Tunisienne des Femmes Entrepreneures', 1],
      [4, { kind: 'member', userId: 'U0MENTOR03' }, 'Georgian Small Business Association', 2],
    ]);
    expect(valid[1].input.mentee.tz).toBe('Africa/Tunis');
  });

  test('a byte-order mark, CRLF, quoted commas and a value over two lines; line numbers as in the file', () => {
    const parsed = parseCohortCsv(
      `\uFEFF${file(
        HEADER,
        GOOD,
        '',
        'lee@example.org,amira@example.org,"Association, Tunisienne",Tunisia,Africa/Tunis,Board,"Quorum met",,,biweekly,2027-01-11,2027-06-30,"Two lines:\r\nof context"',
        'elise@example.org,nino@example.org,GSBA,Georgia,,Plan,Adopted,,,weekly,2027-01-11,2027-06-30,',
      )}`,
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(parsed.rows[0].values.mentor).toBe('alice@example.org');
    expect(parsed.rows[0].values.goal_1_success).toBe('Fee down, to 1%');
    expect(parsed.rows[1].values.mentee_organisation).toBe('Association, Tunisienne');
    expect(parsed.rows[1].values.local_context).toBe('Two lines:\r\nof context');
    expect(validateRows(parsed.rows).bad).toEqual([]);
  });

  test('column names are matched loosely ("Mentee Organisation"), unknown and missing ones are named', () => {
    const loose = parseCohortCsv(file(HEADER.replace('mentee_organisation', 'Mentee Organisation'), GOOD));
    expect(loose.ok).toBe(true);
    const wrong = parseCohortCsv(file(HEADER.replace('mentor,', 'mentor_email,'), GOOD));
    expect(wrong).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^Line 1: unknown column "mentor_email"\. The columns are: mentor, mentee, /),
        'Line 1: missing column mentor (the header must name every required column).',
      ],
    });
  });

  test('a file saved with semicolons is named as such', () => {
    expect(parseCohortCsv(file(HEADER.replace(/,/g, ';'), GOOD.replace(/,/g, ';')))).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^Line 1: the columns are separated by semicolons or tabs; save the file as CSV/),
      ],
    });
  });

  test('an unclosed quote, an empty file and a header alone are problems of the file', () => {
    expect(parseCohortCsv(file(HEADER, `${GOOD}"`, GOOD))).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^The file is not valid CSV \(line \d+\): /)],
    });
    expect(parseCohortCsv('')).toMatchObject({ ok: false, problems: [expect.stringMatching(/empty/)] });
    expect(parseCohortCsv(file(HEADER, '', ''))).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/no rows/)],
    });
  });
});

describe('checking rows with the pair form rules', () => {
  const row = (changes: Record<number, string>) => {
    const values = parseCohortCsv(file(HEADER, GOOD));
    if (!values.ok) throw new Error('bad fixture');
    const cells = HEADER.split(',').map((c) => (values.rows[0].values[c] ?? '').replace(/"/g, '""'));
    for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v;
    return cells.map((c) => `"${c}"`).join(',');
  };
  const col = (name: string) => HEADER.split(',').indexOf(name);

  test('each mistake is reported with its line and its column, in words', () => {
    const result = check(
      row({}),
      row({ [col('mentor')]: 'alice at example.org' }),
      row({ [col('mentee_timezone')]: 'Mars/Olympus' }),
      row({ [col('end_date')]: '2026-12-01' }),
      row({ [col('goal_1')]: '', [col('goal_1_success')]: '' }),
      row({ [col('local_context')]: 'x'.repeat(LIMITS.localContext + 1) }),
      row({ [col('cadence')]: 'monthly' }),
      row({ [col('start_date')]: '11/01/2027' }),
      row({ [col('goal_2')]: 'A second goal' }),
      row({ [col('mentee')]: '' }),
      row({ [col('mentee')]: 'ALICE@example.org', [col('mentor')]: 'alice@example.org' }),
    );
    expect(result.valid.map((v) => v.line)).toEqual([2]);
    expect(reasonsOf(result)).toEqual([
      '3: mentor: "alice at example.org" is neither an email address nor a Slack member ID (U… or W…)',
      '4: mentee_timezone: Use a time zone name such as Africa/Tunis or America/New_York.',
      '5: end_date: The end date must be after the start date.',
      '6: goal_1: Add at least one goal.',
      `7: local_context: The note on local context can be at most ${LIMITS.localContext} characters.`,
      '8: cadence: write weekly or biweekly',
      '9: start_date: write the date as YYYY-MM-DD, such as 2027-01-15',
      '10: goal_2_success: Say what success looks like for this goal.',
      '11: mentee: required (an email address or a Slack member ID such as U012ABCDEF)',
      '12: mentee: The mentee must be someone other than the mentor.',
    ]);
  });

  test('the same pair twice is a bad row, whichever way round and however the email is written', () => {
    const other = GOOD.replace('alice@example.org', 'lee@example.org');
    const swapped = GOOD.replace('alice@example.org,karim@example.org', 'Karim@Example.org,alice@example.org');
    const result = check(GOOD, other, swapped, 'U0MENTOR01,U0MENTEE01,O,C,,T,S,,,weekly,2027-01-11,2027-06-30,');
    expect(result.valid.map((v) => v.line)).toEqual([2, 3, 5]);
    expect(reasonsOf(result)).toEqual(['4: the same pair as line 2 (each pair once per file)']);
  });

  test('a row with more values than columns (an unquoted comma) is refused, not shifted', () => {
    const result = check(GOOD.replace('MFI Association', 'MFI, Association'));
    expect(result.valid).toEqual([]);
    expect(reasonsOf(result)).toContain(
      '2: the row has 1 value more than the header has columns (a comma inside a value needs "quotes")',
    );
  });

  test('a row the form accepts is valid, with the text trimmed as the form trims it', () => {
    const { valid } = check(GOOD.replace('MFI Association', '  MFI Association  ').replace('weekly', 'Weekly'));
    expect(valid[0].input).toMatchObject({
      mentee: { organisation: 'MFI Association', country: 'Bangladesh', tz: '' },
      goals: [{ title: 'Fee', successCriteria: 'Fee down, to 1%' }],
      cadence: 'weekly',
      startDate: '2027-01-11',
      endDate: '2027-06-30',
    });
  });
});

describe('the optional language column: the pair’s common language', () => {
  /** One row (the good one) with a language column holding `value`. */
  const withLanguage = (value: string) => {
    const parsed = parseCohortCsv(file(`${HEADER},language`, `${GOOD},${value}`));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    return validateRows(parsed.rows);
  };

  test('a code or a name, in any case; empty is English', () => {
    const languages = ['fr', 'Español', 'ARABIC', 'ru-RU', ''].map((v) => withLanguage(v).valid[0]?.input.language);
    expect(languages).toEqual(['fr', 'es', 'ar', 'ru', 'en']);
  });

  test('a language the bot does not speak is a row error that names the column, the value and the choices', () => {
    const result = withLanguage('Klingon');
    expect(result.valid).toEqual([]);
    expect(reasonsOf(result)).toEqual([
      '2: language: "Klingon" is not a language the bot speaks; write one of en (English), fr (Français), es (Español), ar (العربية), ru (Русский), or leave it empty for English',
    ]);
  });
});
