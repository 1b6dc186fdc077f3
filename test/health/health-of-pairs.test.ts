import mongoose, { Types } from 'mongoose';
import { CheckinModel, CheckinReplyModel } from '../../src/features/checkins/model';
import { CommitmentModel } from '../../src/features/commitments/model';
import { healthOfPairs, healthReasonText, type PairHealth } from '../../src/features/health';
import { type Pair, PairModel } from '../../src/pairs/model';
import { clearDatabase, connectTestDatabase, dropTestDatabase } from '../support/database';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const now = new Date('2027-03-15T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const dayString = (n: number) => daysAgo(n).toISOString().slice(0, 10);

/** One pair's history: weekly check-ins (oldest first), who replied, and which replies reported a meeting. */
interface Story {
  createdDaysAgo: number;
  status?: 'active' | 'paused' | 'ended';
  pause?: { until: Date; reason: string };
  answers: Array<Array<'mentor' | 'mentee'>>;
  newestDaysAgo: number;
  /** Indexes in `answers` whose replies say met: 'yes' (the others say 'no'). */
  meetings: number[];
  lastActivityDaysAgo: number;
  commitments?: Array<{ owner: 'mentor' | 'mentee'; dueDaysAgo: number; status: 'open' | 'done' }>;
}

const both: Array<'mentor' | 'mentee'> = ['mentor', 'mentee'];
const STORIES = {
  onTrack: {
    createdDaysAgo: 60,
    answers: Array(8).fill(both),
    newestDaysAgo: 1,
    meetings: [7],
    lastActivityDaysAgo: 1,
  },
  menteeSilent: {
    createdDaysAgo: 60,
    answers: [both, both, both, both, ['mentor'], ['mentor']],
    newestDaysAgo: 8,
    meetings: [5],
    lastActivityDaysAgo: 8,
  },
  atRisk: {
    createdDaysAgo: 60,
    answers: [both, both, both, both, [], [], []],
    newestDaysAgo: 8,
    meetings: [3],
    lastActivityDaysAgo: 29,
  },
  paused: {
    createdDaysAgo: 60,
    status: 'paused',
    pause: { until: new Date('2027-04-12T00:00:00Z'), reason: 'exams' },
    answers: [both, both, [], []],
    newestDaysAgo: 30,
    meetings: [1],
    lastActivityDaysAgo: 44,
  },
  ended: {
    createdDaysAgo: 300,
    status: 'ended',
    answers: [both, []],
    newestDaysAgo: 100,
    meetings: [],
    lastActivityDaysAgo: 107,
  },
  brandNew: { createdDaysAgo: 10, answers: [[]], newestDaysAgo: 3, meetings: [], lastActivityDaysAgo: 3 },
  overdue: {
    createdDaysAgo: 60,
    answers: Array(8).fill(both),
    newestDaysAgo: 1,
    meetings: [7],
    lastActivityDaysAgo: 1,
    commitments: [
      { owner: 'mentor', dueDaysAgo: 20, status: 'open' },
      { owner: 'mentee', dueDaysAgo: 30, status: 'done' },
      { owner: 'mentee', dueDaysAgo: 3, status: 'open' },
    ],
  },
  // Its last meeting (check-in 7 of 24) is older than the window of recent replies.
  meetingLongAgo: {
    createdDaysAgo: 200,
    answers: Array(24).fill(both),
    newestDaysAgo: 1,
    meetings: [6],
    lastActivityDaysAgo: 1,
  },
  // Silent for 99 days: its last reply is older than the window of recent replies too.
  silentLongAgo: {
    createdDaysAgo: 200,
    answers: [...Array(10).fill(both), ...Array(14).fill([])],
    newestDaysAgo: 1,
    meetings: [9],
    lastActivityDaysAgo: 99,
  },
} satisfies Record<string, Story>;
type Name = keyof typeof STORIES;

async function insertStories(names: Name[]): Promise<Map<string, Name>> {
  const pairs = [];
  const checkins = [];
  const replies = [];
  const commitments = [];
  const byId = new Map<string, Name>();
  for (const [i, name] of names.entries()) {
    const s: Story = STORIES[name];
    const pairId = new Types.ObjectId();
    byId.set(String(pairId), name);
    const people = { mentor: `UMR${i}`, mentee: `UME${i}` };
    pairs.push({
      _id: pairId,
      teamId: 'T1',
      mentor: { userId: people.mentor },
      mentee: { userId: people.mentee },
      goals: [{ title: 'Grow', successCriteria: 'Grown' }],
      cadence: 'weekly',
      startDate: dayString(s.createdDaysAgo),
      endDate: '2027-12-31',
      status: s.status ?? 'active',
      liveKey: `T1:${i}`,
      sourceViewId: `V${i}`,
      createdBy: 'USTAFF',
      ...(s.pause ? { pause: { ...s.pause, since: daysAgo(29) } } : {}),
      lastActivityAt: daysAgo(s.lastActivityDaysAgo),
      createdAt: daysAgo(s.createdDaysAgo),
      updatedAt: daysAgo(1),
    });
    for (const [k, sides] of s.answers.entries()) {
      const postedAt = daysAgo(s.newestDaysAgo + (s.answers.length - 1 - k) * 7);
      const checkinId = new Types.ObjectId();
      const period = k + 1;
      checkins.push({
        _id: checkinId,
        teamId: 'T1',
        pairId,
        period,
        dueDay: postedAt.toISOString().slice(0, 10),
        dueAt: postedAt,
        prompt: { channelId: `C${i}`, ts: `${i}.${period}`, postedAt },
        repliedBy: sides.map((side) => people[side]),
      });
      for (const side of sides)
        replies.push({
          teamId: 'T1',
          pairId,
          checkinId,
          period,
          userId: people[side],
          met: s.meetings.includes(k) ? 'yes' : 'no',
          submittedAt: new Date(postedAt.getTime() + (side === 'mentee' ? 2 : 1) * HOUR),
        });
    }
    for (const [k, c] of (s.commitments ?? []).entries())
      commitments.push({
        teamId: 'T1',
        pairId,
        checkinId: checkins.at(-1)!._id,
        sourceKey: `${pairId}:${k}`,
        ownerId: people[c.owner],
        what: 'Send the draft',
        dueDay: dayString(c.dueDaysAgo),
        status: c.status,
        remindAt: daysAgo(c.dueDaysAgo + 1),
        createdBy: people.mentee,
      });
  }
  await PairModel.insertMany(pairs, { timestamps: false } as never);
  await CheckinModel.insertMany(checkins);
  await CheckinReplyModel.insertMany(replies);
  if (commitments.length) await CommitmentModel.insertMany(commitments);
  return byId;
}

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
  expect(few.queries).toBeLessThanOrEqual(4);
  expect(many.queries).toBe(few.queries);
});
