import { acquireLease, releaseLease } from '../../src/jobs/lease';
import { connectTestDatabase, dropTestDatabase } from '../support/database';

beforeAll(() => connectTestDatabase('lease'));
afterAll(() => dropTestDatabase());

const at = (iso: string) => new Date(iso);

test('of instances racing for a free lease, exactly one gets it', async () => {
  const results = await Promise.all(
    ['a', 'b', 'c', 'd'].map((owner) => acquireLease('job:race', owner, at('2026-12-08T03:00:00Z'), 60_000)),
  );
  expect(results.filter(Boolean)).toHaveLength(1);
});

test('a held lease is refused to others until it is released or expires', async () => {
  expect(await acquireLease('job:x', 'a', at('2026-12-08T03:00:00Z'), 60_000)).toBe(true);
  expect(await acquireLease('job:x', 'b', at('2026-12-08T03:00:30Z'), 60_000)).toBe(false);
  await releaseLease('job:x', 'b'); // not b's to release
  expect(await acquireLease('job:x', 'b', at('2026-12-08T03:00:40Z'), 60_000)).toBe(false);
  await releaseLease('job:x', 'a');
  expect(await acquireLease('job:x', 'b', at('2026-12-08T03:00:50Z'), 60_000)).toBe(true);
  // b dies holding it: after it expires, a takes over.
  expect(await acquireLease('job:x', 'a', at('2026-12-08T03:01:30Z'), 60_000)).toBe(false);
  expect(await acquireLease('job:x', 'a', at('2026-12-08T03:02:00Z'), 60_000)).toBe(true);
});

test('the same instance can run the job again and again at the same simulated minute', async () => {
  for (let i = 0; i < 3; i++) {
    expect(await acquireLease('job:y', 'a', at('2026-12-08T03:00:00Z'), 60_000)).toBe(true);
    await releaseLease('job:y', 'a');
  }
});
