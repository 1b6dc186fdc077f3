import path from 'node:path';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { main, runImportCommand } from '../../scripts/import';
import { connectDatabase } from '../../src/db/connection';
import { PairModel } from '../../src/pairs/model';
import { GOOD, STAFF, withImportWorld } from './import-world';

/** `npm run import`: the dry run, a good file, refused files, who may import, the terminal. */
const w = withImportWorld();

test('--dry-run finds everyone, says what it would create, and creates nothing', async () => {
  const { code, out } = await w.run([w.csvFile(...GOOD), '--dry-run']);
  expect(code).toBe(0);
  expect(out).toContain(
    'line 2: would create Alice Müller (mentor) and Karim Rahman (mentee, Dhaka Chamber of Commerce, Industry), biweekly from 2027-01-11 to 2027-06-30',
  );
  expect(out).toMatch(/A real run would create 3 pairs, finish the set-up of 0/);
  expect(w.standIn.callsTo('users.lookupByEmail').length).toBeGreaterThanOrEqual(5);
  expect(w.standIn.attemptsTo('conversations.create')).toHaveLength(0);
  expect((await w.state()).pairs).toHaveLength(0);
});

test('a file of good rows makes each pair with its channel, both people invited and the welcome posted', async () => {
  const { code, out } = await w.run([w.csvFile(...GOOD)]);
  expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('Created 3 pairs') });
  expect(out).toMatch(
    /\[1\/3\] line 2: created Alice Müller and Karim Rahman, #mentorship-alice-muller-karim-rahman$/m,
  );
  const state = await w.state();
  expect(state.statuses).toEqual(['active', 'active', 'active']);
  expect(state.pairs.map((p) => [p.mentor.userId, p.mentee.userId, p.createdBy])).toEqual([
    ['U0MENTOR01', 'U0MENTEE01', STAFF],
    ['U0MENTOR02', 'U0MENTEE02', STAFF],
    ['U0MENTOR03', 'U0MENTEE03', STAFF],
  ]);
  expect(state.pairs[0].mentee.organisation).toBe('Dhaka Chamber of Commerce, Industry');
  expect(state.channels).toHaveLength(3);
  for (const pair of state.pairs) {
    const channel = w.standIn.channels.get(pair.channel!.id!)!;
    expect(channel.is_private).toBe(true);
    expect([...channel.members]).toEqual(expect.arrayContaining([pair.mentor.userId, pair.mentee.userId]));
    expect(state.welcomes.filter((m) => m.channel === channel.id)).toHaveLength(1);
  }
  // The report is in the terminal: no DM per pair to the staff member who imported them.
  const pairChannels = new Set(state.pairs.map((p) => p.channel!.id!));
  const elsewhere = w.standIn.calls.filter((c) => c.method === 'chat.postMessage' && !pairChannels.has(c.args.channel));
  expect(elsewhere).toEqual([]);
});

test('a file with good and bad rows creates nothing and lists every bad line with its reason', async () => {
  const file = w.csvFile(
    GOOD[0],
    GOOD[1].replace('lee@example.org', 'nobody@example.org'),
    GOOD[2].replace('2027-12-17', '2027-01-01'),
    GOOD[0].replace('alice@example.org', 'bot@example.org'),
    GOOD[0].replace('alice@example.org', 'gone@example.org'),
    GOOD[0],
  );
  const { code, out } = await w.run([file]);
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
  expect(w.standIn.attemptsTo('conversations.create')).toHaveLength(0);
  expect((await w.state()).pairs).toHaveLength(0);
});

test('two people who already have an active pair, made with the form, are a bad row', async () => {
  await connectDatabase(w.env.MONGODB_URI!);
  await PairModel.create({
    teamId: w.standIn.teamId,
    mentor: { userId: 'U0MENTEE01' },
    mentee: { userId: 'U0MENTOR01', organisation: 'O', country: 'C' },
    goals: [{ title: 'T', successCriteria: 'S' }],
    cadence: 'weekly',
    startDate: '2026-12-01',
    endDate: '2027-05-31',
    status: 'active',
    liveKey: `${w.standIn.teamId}:U0MENTEE01:U0MENTOR01`,
    sourceViewId: 'V0FROMFORM',
    createdBy: STAFF,
  });
  await mongoose.disconnect();
  const { code, out } = await w.run([w.csvFile(...GOOD)]);
  expect(code).toBe(1);
  expect(out).toMatch(
    /^1 of 3 rows cannot be imported\. Nothing was created\.\n {2}line 2: these two people already have an active mentorship/,
  );
  expect((await w.state()).pairs).toHaveLength(1);
});

test('only staff can be the creator; bad arguments say how to call it', async () => {
  expect(await w.run([w.csvFile(...GOOD), '--by', 'U0MENTOR01'])).toEqual({
    code: 2,
    out: expect.stringMatching(/^U0MENTOR01 is not program staff/),
  });
  expect((await w.run([])).out).toMatch(/usage: npm run import -- <cohort.csv> \[--dry-run\] \[--by U012ABCDEF\]/);
  expect((await w.run([path.join(w.dir, 'missing.csv')])).code).toBe(2);
  expect(w.standIn.attemptsTo('conversations.create')).toHaveLength(0);
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
  const code = await runImportCommand([w.csvFile(...GOOD.slice(0, 2))], w.env, {
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
    process.argv = [process.execPath, 'dist/scripts/import.js', w.csvFile(...GOOD), '--dry-run'];
    Object.assign(process.env, w.env);
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
  expect((await w.state()).pairs).toHaveLength(0);
});
