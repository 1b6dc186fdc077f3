import { parseCohortCsv } from '../../src/features/pairing/import/parse';
import { dryRunLines, rejectionLines, summaryLines } from '../../src/features/pairing/import/report';
import { applyPeople, type Lookup } from '../../src/features/pairing/import/resolve';
import type { PlannedRow } from '../../src/features/pairing/import/plan';
import { validateRows } from '../../src/features/pairing/import/validate';

const HEADER =
  'mentor,mentee,mentee_organisation,mentee_country,mentor_timezone,goal_1,goal_1_success,cadence,start_date,end_date';
const row = (mentor: string, mentee: string, mentorTz = '') =>
  `${mentor},${mentee},MFI Association,Bangladesh,${mentorTz},Fee,Fee down,weekly,2027-01-11,2027-06-30`;

const person = (id: string, more: Partial<{ tz: string; isBot: boolean; deleted: boolean }> = {}): Lookup => ({
  user: { id, name: `Name of ${id}`, tz: 'Asia/Dhaka', isBot: false, deleted: false, ...more },
});

/** Slack's answers by the file's way of naming people. */
const SLACK = new Map<string, Lookup>([
  ['email:alice@example.org', person('U0ALICE')],
  ['email:karim@example.org', person('U0KARIM')],
  ['email:alice.work@example.org', person('U0ALICE')],
  ['email:bot@example.org', person('U0BOT', { isBot: true })],
  ['email:gone@example.org', person('U0GONE', { deleted: true })],
  ['email:notz@example.org', { user: { id: 'U0NOTZ', name: 'No Zone', isBot: false, deleted: false } }],
  ['email:nobody@example.org', { missing: true }],
  ['U0KARIM', person('U0KARIM')],
  ['U0NOSUCH', { missing: true }],
  ['email:flaky@example.org', { error: 'slack:fatal_error' }],
]);

function resolve(...rows: string[]) {
  const parsed = parseCohortCsv([HEADER, ...rows].join('\n'));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const { valid, bad } = validateRows(parsed.rows);
  expect(bad).toEqual([]);
  return applyPeople(valid, SLACK);
}

test('people as Slack knows them: unknown, a bot, deactivated, no time zone, the same account twice', () => {
  const { resolved, bad } = resolve(
    row('alice@example.org', 'karim@example.org'),
    row('nobody@example.org', 'karim@example.org'),
    row('alice@example.org', 'U0NOSUCH'),
    row('bot@example.org', 'karim@example.org'),
    row('gone@example.org', 'karim@example.org'),
    row('notz@example.org', 'karim@example.org'),
    row('notz@example.org', 'karim@example.org', 'Europe/Paris').replace('karim@example.org', 'gone@example.org'),
    row('alice.work@example.org', 'alice@example.org'),
    row('alice.work@example.org', 'U0KARIM'),
    row('flaky@example.org', 'karim@example.org'),
  );
  expect(resolved.map((r) => [r.line, r.input.mentor.userId, r.input.mentee.userId, r.mentorName])).toEqual([
    [2, 'U0ALICE', 'U0KARIM', 'Name of U0ALICE'],
  ]);
  expect(bad.flatMap((b) => b.reasons.map((r) => `${b.line}: ${r}`))).toEqual([
    '3: mentor: no active Slack account has the email nobody@example.org',
    '4: mentee: Slack does not know the member ID U0NOSUCH',
    '5: mentor: this is a bot or an app, not a person',
    '6: mentor: this Slack account is deactivated',
    "7: mentor_timezone: the mentor's Slack profile has no time zone; write one, such as Africa/Tunis",
    '8: mentee: this Slack account is deactivated',
    '9: mentee: the mentor and the mentee are the same Slack account',
    '10: the same two people as line 2 (each pair once per file)',
    '11: mentor: Slack could not be asked about this person (slack:fatal_error)',
  ]);
});

test('the report: bad rows by line with how to fix; a dry run row by row; a summary that says how to resume', () => {
  expect(
    rejectionLines({
      ok: false,
      rows: 4,
      bad: [
        { line: 3, reasons: ['a', 'b'] },
        { line: 5, reasons: ['c'] },
      ],
    }),
  ).toEqual([
    '2 of 4 rows cannot be imported. Nothing was created.',
    '  line 3: a',
    '  line 3: b',
    '  line 5: c',
    expect.stringMatching(/^Fix these lines in the file \(line 1 is the header\) and run the import again/),
  ]);
  const base = {
    mentorName: 'Alice',
    menteeName: 'Karim',
    sourceViewId: 'import:x',
    input: { mentee: { organisation: 'MFI' }, cadence: 'weekly', startDate: '2027-01-11', endDate: '2027-06-30' },
  } as unknown as PlannedRow;
  const planned = [
    { ...base, line: 2, action: 'create' },
    { ...base, line: 3, action: 'finish', pairId: 'p', stoppedAt: 'invite_members' },
    { ...base, line: 4, action: 'none', pairId: 'q', status: 'active' },
  ] as PlannedRow[];
  expect(dryRunLines(planned)).toEqual([
    'Dry run: all 3 rows are valid; nothing was created.',
    '  line 2: would create Alice (mentor) and Karim (mentee, MFI), weekly from 2027-01-11 to 2027-06-30',
    '  line 3: would finish the set-up of Alice (mentor) and Karim (mentee, MFI) (it stopped at invite_members)',
    '  line 4: Alice (mentor) and Karim (mentee, MFI): already imported (active), nothing to do',
    'A real run would create 1 pair, finish the set-up of 1, and leave 1 as they are.',
  ]);
  const who = { mentorName: 'Alice', menteeName: 'Karim' };
  const partial = summaryLines(
    [
      { ...who, line: 2, outcome: { kind: 'created', channel: '#mentorship-alice-karim' } },
      { ...who, line: 3, outcome: { kind: 'failed', error: 'create_channel: slack:fatal_error' } },
    ],
    3,
    'interrupted',
  );
  expect(partial.complete).toBe(false);
  expect(partial.lines).toEqual([
    'Created 1 pair, finished the set-up of 0, left 0 as they were (2 of 3 rows handled).',
    '  line 3: not finished (create_channel: slack:fatal_error)',
    'Stopped on request.',
    'Run the same command again to resume: done pairs are kept, and nothing is created twice.',
  ]);
  expect(summaryLines([{ ...who, line: 2, outcome: { kind: 'unchanged' } }], 1).complete).toBe(true);
});
