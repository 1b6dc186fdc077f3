import mongoose from 'mongoose';
import { digestCheckinsOfTeam, digestRepliesOfTeam } from '../../src/features/checkins';
import { digestCommitmentsOfTeam } from '../../src/features/commitments';
import { healthOfPairs, healthReasonText, healthWindowStart, type PairHealth } from '../../src/features/health';
import { addDays } from '../../src/lib/time';
import { type Pair, PairModel } from '../../src/pairs/model';
import { clearDatabase, connectTestDatabase, dropTestDatabase } from '../support/database';
import { daysAgo, HOUR, insertStories, type Name, now, STORIES } from './pair-stories';

/** healthOfPairs on every stored pair, by story, and the number of database queries it made. */
async function measure(): Promise<{ byName: Map<Name, PairHealth[]>; queries: number }> {
  const pairs = await PairModel.find({}).lean<Pair[]>();
  const names = new Map(pairs.map((p) => [String(p._id), p.liveKey] as const));
  let queries = 0;
  mongoose.set('debug', () => {
    queries += 1;
  });
  let health: Map<string, PairHealth>;
  try {
    health = await healthOfPairs(pairs, now);
  } finally {
    mongoose.set('debug', false);
  }
  const byName = new Map<Name, PairHealth[]>();
  for (const [id, h] of health) {
    const name = stored.get(id)!;
    byName.set(name, [...(byName.get(name) ?? []), h]);
  }
  expect(health.size).toBe(names.size);
  return { byName, queries };
}

let stored = new Map<string, Name>();
beforeAll(() => connectTestDatabase('health'));
afterAll(() => dropTestDatabase());
beforeEach(() => clearDatabase());

test('each stored pair gets the state and reasons its history shows', async () => {
  stored = await insertStories(Object.keys(STORIES) as Name[]);
  const { byName } = await measure();
  const one = (name: Name) => byName.get(name)![0]!;
  const reasons = (name: Name) => one(name).reasons.map(healthReasonText);

  expect(one('onTrack')).toMatchObject({ state: 'on_track', reasons: [], lastReplyBy: 'mentee', endsOn: '2027-12-31' });
  expect(one('onTrack').lastReplyAt).toEqual(new Date(daysAgo(1).getTime() + 2 * HOUR));
  expect(one('menteeSilent')).toMatchObject({ state: 'needs_attention', lastReplyBy: 'mentor' });
  expect(reasons('menteeSilent')).toEqual(['no reply from the mentee for 2 check-ins']);
  expect(one('atRisk').state).toBe('at_risk');
  expect(reasons('atRisk')).toEqual([
    'no reply from either side for 3 check-ins',
    'no reply from either side for 29 days',
    'no meeting reported for 28 days',
  ]);
  expect(one('paused')).toMatchObject({
    state: 'paused',
    reasons: [],
    pausedUntil: new Date('2027-04-12T00:00:00Z'),
    pauseReason: 'exams',
  });
  expect(one('ended')).toMatchObject({ state: 'ended', reasons: [] });
  expect(one('brandNew')).toMatchObject({ state: 'new', reasons: [] });
  // The done commitment and the one due 3 days ago do not count.
  expect(reasons('overdue')).toEqual(['1 commitment overdue for more than a check-in period (the mentor)']);
  // Found by the second read of replies, for pairs with no meeting in the recent window.
  expect(one('meetingLongAgo').state).toBe('at_risk');
  expect(reasons('meetingLongAgo')).toEqual(['no meeting reported for 119 days']);
  expect(one('silentLongAgo')).toMatchObject({
    state: 'at_risk',
    lastReplyBy: 'mentee',
    lastReplyAt: new Date(daysAgo(99).getTime() + 2 * HOUR),
    lastMeetingAt: new Date(daysAgo(99).getTime() + 2 * HOUR),
  });
  expect(reasons('silentLongAgo')).toContain('no reply from either side for 99 days');
  expect(reasons('silentLongAgo')).toContain('no meeting reported for 98 days');
});

test('the number of queries does not grow with the number of pairs', async () => {
  const names = Object.keys(STORIES) as Name[];
  // Both sets hold pairs of every kind, the quiet ones (read a second time) included.
  stored = await insertStories(['atRisk', 'meetingLongAgo', 'brandNew']);
  const few = await measure();
  await clearDatabase();
  stored = await insertStories(Array.from({ length: 30 }, (_, i) => names[i % names.length]!));
  const many = await measure();
  expect(many.byName.get('atRisk')).toHaveLength(4);
  expect(many.byName.get('atRisk')!.every((h) => h.state === 'at_risk')).toBe(true);
  expect(few.queries).toBeGreaterThan(0);
  expect(few.queries).toBeLessThanOrEqual(5); // check-ins, recent and older replies, overdue commitments, time away
  expect(many.queries).toBe(few.queries);
});

test('rows the digest read for the whole team give the same health as its own reads', async () => {
  stored = await insertStories(Object.keys(STORIES) as Name[]);
  const pairs = await PairModel.find({}).lean<Pair[]>();
  const teamId = pairs[0]!.teamId;
  const today = now.toISOString().slice(0, 10);
  const [checkins, replies, commitments] = await Promise.all([
    digestCheckinsOfTeam(teamId, healthWindowStart(now)),
    digestRepliesOfTeam(teamId, healthWindowStart(now)),
    digestCommitmentsOfTeam(teamId, addDays(today, -6), today),
  ]);
  const own = await healthOfPairs(pairs, now);
  const shared = await healthOfPairs(pairs, now, {
    checkins,
    replies,
    openCommitments: commitments.filter((c) => c.status === 'open' && c.dueDay < today),
  });
  expect(shared).toEqual(own);
  expect(new Set([...own.values()].map((h) => h.state)).size).toBeGreaterThanOrEqual(5);
});
