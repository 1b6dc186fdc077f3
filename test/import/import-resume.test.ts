import { GOOD, withImportWorld } from './import-world';

/** `npm run import` stopped half-way (a Slack failure, Ctrl-C) resumes, a re-run creates nothing, 429s are waited out. */
const w = withImportWorld();

test('a Slack failure on the 2nd row: the run goes on, a second run finishes it, a third creates nothing', async () => {
  const file = w.csvFile(...GOOD);
  const first = await w.run([file], (line) => {
    if (line.startsWith('[1/3]')) w.standIn.failNext('conversations.create', { error: 'fatal_error' });
  });
  expect(first.code).toBe(1);
  expect(first.out).toMatch(/line 3: not finished \(create_channel: slack:fatal_error\)/);
  expect(first.out).toMatch(/Run the same command again to resume/);
  expect((await w.state()).statuses).toEqual(['active', 'needs_attention', 'active']);

  const dry = await w.run([file, '--dry-run']);
  expect(dry.out).toMatch(/line 3: would finish the set-up of Lee Park .* \(it stopped at create_channel\)/);
  expect(dry.out).toMatch(/line 2: Alice Müller .*: already imported \(active\), nothing to do/);

  const second = await w.run([file]);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/\[2\/3\] line 3: finished the set-up of Lee Park and Amira Ben Salah/);
  expect(second.out).toMatch(/Created 0 pairs, finished the set-up of 1, left 2 as they were/);
  const done = await w.state();
  expect(done.statuses).toEqual(['active', 'active', 'active']);
  expect(done.channels).toHaveLength(3);
  expect(done.welcomes).toHaveLength(3);

  const creates = w.standIn.attemptsTo('conversations.create').length;
  const third = await w.run([file]);
  expect(third.code).toBe(0);
  expect(third.out).toMatch(/Created 0 pairs, finished the set-up of 0, left 3 as they were/);
  const after = await w.state();
  expect(after.pairs.map((p) => String(p._id))).toEqual(done.pairs.map((p) => String(p._id)));
  expect(after.channels).toHaveLength(3);
  expect(after.messages).toBe(done.messages);
  expect(w.standIn.attemptsTo('conversations.create')).toHaveLength(creates);
});

test('Ctrl-C stops after the pair under way; the next run resumes with the rest', async () => {
  const file = w.csvFile(...GOOD);
  const first = await w.run([file], (line, abort) => {
    if (line.startsWith('[1/3]')) abort();
  });
  expect(first.code).toBe(130);
  expect(first.out).toMatch(/Stopped on request\./);
  expect((await w.state()).statuses).toEqual(['active']);
  const second = await w.run([file]);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/Created 2 pairs, finished the set-up of 0, left 1 as they were/);
  expect((await w.state()).channels).toHaveLength(3);
});

test('conversations.create answers 429: the client waits out Retry-After and every pair is made', async () => {
  w.standIn.rateLimit('conversations.create', { perWindow: 1, windowMs: 60_000, retryAfter: 1 });
  setTimeout(() => w.standIn.rateLimit('conversations.create', null), 1500);
  const { code, out } = await w.run([w.csvFile(...GOOD.slice(0, 2))]);
  expect(code).toBe(0);
  expect(out).toMatch(/^Slack asks to slow down \(conversations\.create\): waiting 1 s, then going on\.$/m);
  const waits = w.standIn.rateLimitWaits('conversations.create');
  expect(waits.length).toBeGreaterThan(0);
  for (const w of waits) expect(w.waitedMs).toBeGreaterThanOrEqual(1000);
  expect((await w.state()).channels).toHaveLength(2);
});
