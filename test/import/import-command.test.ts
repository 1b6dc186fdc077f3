import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Writable } from 'node:stream';
import { main, runImportCommand } from '../../scripts/import';
import { connectDatabase } from '../../src/db/connection';
import { PairModel, type Pair } from '../../src/pairs/model';
import { SlackStandIn } from '../support/slack-stand-in';

/**
 * `npm run import` end to end, in-process (runImportCommand is what the command line runs): the
 * real WebClient against the Slack stand-in, the real database, the real pair set-up.
 */
const STAFF = 'U0STAFF001';
const PEOPLE = [
  { id: STAFF, name: 'sam', real_name: 'Sam Staff', tz: 'Europe/Brussels', email: 'sam@program.org' },
  { id: 'U0MENTOR01', name: 'alice', real_name: 'Alice Müller', tz: 'America/New_York', email: 'alice@example.org' },
  { id: 'U0MENTEE01', name: 'karim', real_name: 'Karim Rahman', tz: 'Asia/Dhaka', email: 'karim@example.org' },
  { id: 'U0MENTOR02', name: 'lee', real_name: 'Lee Park', tz: 'America/Los_Angeles', email: 'lee@example.org' },
  { id: 'U0MENTEE02', name: 'amira', real_name: 'Amira Ben Salah', tz: 'Africa/Tunis', email: 'amira@example.org' },
  { id: 'U0MENTOR03', name: 'elise', real_name: 'Élise Martin', tz: 'Europe/Paris', email: 'elise@example.org' },
  { id: 'U0MENTEE03', name: 'nino', real_name: 'Nino Beridze', tz: 'Asia/Tbilisi', email: 'nino@example.org' },
  { id: 'U0SOMEBOT1', name: 'somebot', real_name: 'Some Bot', is_bot: true, email: 'bot@example.org' },
  {
    id: 'U0GONE0001',
    name: 'gone',
    real_name: 'Gone Away',
    tz: 'Europe/Rome',
    deleted: true,
    email: 'gone@example.org',
  },
];
const HEADER =
  'mentor,mentee,mentor_organisation,mentee_organisation,mentee_country,mentee_timezone,goal_1,goal_1_success,cadence,start_date,end_date,local_context';
const GOOD = [
  'alice@example.org,karim@example.org,ASAE,"Dhaka Chamber of Commerce, Industry",Bangladesh,,Grow membership,400 paying members,biweekly,2027-01-11,2027-06-30,Fiscal year starts in July',
  'lee@example.org,amira@example.org,Chicago Trade Association,Association Tunisienne des Femmes Entrepreneures,Tunisia,Africa/Tunis,Advocacy committee,"A committee of five, monthly",weekly,2027-01-11,2027-07-31,',
  'U0MENTOR03,nino@example.org,Eurochambres,Georgian Small Business Association,Georgia,,Strategy,Adopted by the board,weekly,2027-02-01,2027-12-17,',
];

let standIn: SlackStandIn;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standIn = await SlackStandIn.start();
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-import-'));
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  standIn.reset();
  for (const p of PEOPLE) standIn.addUser({ ...p });
  env = {
    SLACK_BOT_TOKEN: 'xoxb-import-test',
    SLACK_SIGNING_SECRET: 'import-test-secret',
    SLACK_API_URL: standIn.url,
    STAFF_USER_IDS: STAFF,
    MONGODB_URI: `${process.env.TEST_MONGODB_URI!.replace(/\/?$/, '/')}import_${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'error',
  };
});

function csvFile(...rows: string[]): string {
  const file = path.join(dir, `cohort-${randomBytes(3).toString('hex')}.csv`);
  writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
  return file;
}

async function run(
  argv: string[],
  onLine: (line: string, abort: () => void) => void = () => {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const controller = new AbortController();
  const print = (line: string) => {
    lines.push(line);
    onLine(line, () => controller.abort());
  };
  const code = await runImportCommand(argv, env, { print, isTTY: false, signal: controller.signal });
  return { code, out: lines.join('\n') };
}

/** What the workspace and the database hold: pairs by status, channels, messages. */
async function world() {
  await connectDatabase(env.MONGODB_URI!);
  try {
    const pairs = await PairModel.find().sort({ createdAt: 1 }).lean<Pair[]>();
    const channels = [...standIn.channels.values()].filter((c) => c.name.startsWith('mentorship-'));
    return {
      pairs,
      statuses: pairs.map((p) => p.status),
      channels,
      welcomes: standIn.messages.filter((m) => m.metadata?.event_payload?.key?.toString().startsWith('welcome:')),
      messages: standIn.messages.length,
    };
  } finally {
    await mongoose.disconnect();
  }
}

test('--dry-run finds everyone, says what it would create, and creates nothing', async () => {
  const { code, out } = await run([csvFile(...GOOD), '--dry-run']);
  expect(code).toBe(0);
  expect(out).toContain(
    'line 2: would create Alice Müller (mentor) and Karim Rahman (mentee, Dhaka Chamber of Commerce, Industry), biweekly from 2027-01-11 to 2027-06-30',
  );
  expect(out).toMatch(/A real run would create 3 pairs, finish the set-up of 0/);
  expect(standIn.callsTo('users.lookupByEmail').length).toBeGreaterThanOrEqual(5);
  expect(standIn.attemptsTo('conversations.create')).toHaveLength(0);
  expect((await world()).pairs).toHaveLength(0);
});

test('a file of good rows makes each pair with its channel, both people invited and the welcome posted', async () => {
  const { code, out } = await run([csvFile(...GOOD)]);
  expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('Created 3 pairs') });
  expect(out).toMatch(
    /\[1\/3\] line 2: created Alice Müller and Karim Rahman, #mentorship-alice-muller-karim-rahman$/m,
  );
  const w = await world();
  expect(w.statuses).toEqual(['active', 'active', 'active']);
  expect(w.pairs.map((p) => [p.mentor.userId, p.mentee.userId, p.createdBy])).toEqual([
    ['U0MENTOR01', 'U0MENTEE01', STAFF],
    ['U0MENTOR02', 'U0MENTEE02', STAFF],
    ['U0MENTOR03', 'U0MENTEE03', STAFF],
  ]);
  expect(w.pairs[0].mentee.organisation).toBe('Dhaka Chamber of Commerce, Industry');
  expect(w.channels).toHaveLength(3);
  for (const pair of w.pairs) {
    const channel = standIn.channels.get(pair.channel!.id!)!;
    expect(channel.is_private).toBe(true);
    expect([...channel.members]).toEqual(expect.arrayContaining([pair.mentor.userId, pair.mentee.userId]));
    expect(w.welcomes.filter((m) => m.channel === channel.id)).toHaveLength(1);
  }
});

test('a file with good and bad rows creates nothing and lists every bad line with its reason', async () => {
  const file = csvFile(
    GOOD[0],
    GOOD[1].replace('lee@example.org', 'nobody@example.org'),
    GOOD[2].replace('2027-12-17', '2027-01-01'),
    GOOD[0].replace('alice@example.org', 'bot@example.org'),
    GOOD[0].replace('alice@example.org', 'gone@example.org'),
    GOOD[0],
  );
  const { code, out } = await run([file]);
  expect(code).toBe(1);
  expect(out.split('\n')).toEqual([
    '5 of 6 rows cannot be imported. Nothing was created.',
    '  line 3: mentor: no active Slack account has the email nobody@example.org',
    '  line 4: end_date: The end date must be after the start date.',
    '  line 5: mentor: this is a bot or an app, not a person',
    '  line 6: mentor: no active Slack account has the email gone@example.org',
    '  line 7: the same pair as line 2 (each pair once per file)',
    expect.stringMatching(/^Fix these lines in the file/),
  ]);
  expect(standIn.attemptsTo('conversations.create')).toHaveLength(0);
  expect((await world()).pairs).toHaveLength(0);
});

test('a Slack failure on the 2nd row: the run goes on, a second run finishes it, a third creates nothing', async () => {
  const file = csvFile(...GOOD);
  const first = await run([file], (line) => {
    if (line.startsWith('[1/3]')) standIn.failNext('conversations.create', { error: 'fatal_error' });
  });
  expect(first.code).toBe(1);
  expect(first.out).toMatch(/line 3: not finished \(create_channel: slack:fatal_error\)/);
  expect(first.out).toMatch(/Run the same command again to resume/);
  expect((await world()).statuses).toEqual(['active', 'needs_attention', 'active']);

  const second = await run([file]);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/\[2\/3\] line 3: finished the set-up of Lee Park and Amira Ben Salah/);
  expect(second.out).toMatch(/Created 0 pairs, finished the set-up of 1, left 2 as they were/);
  const done = await world();
  expect(done.statuses).toEqual(['active', 'active', 'active']);
  expect(done.channels).toHaveLength(3);
  expect(done.welcomes).toHaveLength(3);

  const creates = standIn.attemptsTo('conversations.create').length;
  const third = await run([file]);
  expect(third.code).toBe(0);
  expect(third.out).toMatch(/Created 0 pairs, finished the set-up of 0, left 3 as they were/);
  const after = await world();
  expect(after.pairs.map((p) => String(p._id))).toEqual(done.pairs.map((p) => String(p._id)));
  expect(after.channels).toHaveLength(3);
  expect(after.messages).toBe(done.messages);
  expect(standIn.attemptsTo('conversations.create')).toHaveLength(creates);
});

test('Ctrl-C stops after the pair under way; the next run resumes with the rest', async () => {
  const file = csvFile(...GOOD);
  const first = await run([file], (line, abort) => {
    if (line.startsWith('[1/3]')) abort();
  });
  expect(first.code).toBe(130);
  expect(first.out).toMatch(/Stopped on request\./);
  expect((await world()).statuses).toEqual(['active']);
  const second = await run([file]);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/Created 2 pairs, finished the set-up of 0, left 1 as they were/);
  expect((await world()).channels).toHaveLength(3);
});

test('conversations.create answers 429: the client waits out Retry-After and every pair is made', async () => {
  standIn.rateLimit('conversations.create', { perWindow: 1, windowMs: 60_000, retryAfter: 1 });
  setTimeout(() => standIn.rateLimit('conversations.create', null), 1500);
  const { code } = await run([csvFile(...GOOD.slice(0, 2))]);
  expect(code).toBe(0);
  const waits = standIn.rateLimitWaits('conversations.create');
  expect(waits.length).toBeGreaterThan(0);
  for (const w of waits) expect(w.waitedMs).toBeGreaterThanOrEqual(1000);
  expect((await world()).channels).toHaveLength(2);
});

test('only staff can be the creator; bad arguments say how to call it', async () => {
  expect(await run([csvFile(...GOOD), '--by', 'U0MENTOR01'])).toEqual({
    code: 2,
    out: expect.stringMatching(/^U0MENTOR01 is not program staff/),
  });
  expect((await run([])).out).toMatch(/usage: npm run import -- <cohort.csv> \[--dry-run\] \[--by U012ABCDEF\]/);
  expect((await run([path.join(dir, 'missing.csv')])).code).toBe(2);
  expect(standIn.attemptsTo('conversations.create')).toHaveLength(0);
});

test('on a terminal a progress bar counts the pairs, instead of a line per row', async () => {
  let screen = '';
  const terminal = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        screen += String(chunk);
        done();
      },
    }),
    { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
  );
  const lines: string[] = [];
  const code = await runImportCommand([csvFile(...GOOD.slice(0, 2))], env, {
    print: (line) => lines.push(line),
    isTTY: true,
    stream: terminal,
  });
  expect(code).toBe(0);
  expect(screen).toMatch(/Importing \|.*\| 2\/2 pairs/);
  expect(lines.filter((l) => l.startsWith('['))).toEqual([]);
  expect(lines.at(-1)).toMatch(/^Created 2 pairs/);
});

test('main(), as `npm run import -- file --dry-run` runs it: arguments from argv, settings from the environment', async () => {
  const saved = { argv: process.argv, env: { ...process.env }, exitCode: process.exitCode };
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  try {
    process.argv = [process.execPath, 'dist/scripts/import.js', csvFile(...GOOD), '--dry-run'];
    Object.assign(process.env, env);
    await main();
    expect(process.exitCode).toBe(0);
  } finally {
    log.mockRestore();
    process.argv = saved.argv;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
  expect(printed[0]).toBe('Dry run: all 3 rows are valid; nothing was created.');
  expect(process.listenerCount('SIGINT')).toBe(0);
  expect((await world()).pairs).toHaveLength(0);
});
