import { Types } from 'mongoose';
import { CheckinModel, CheckinReplyModel } from '../../src/features/checkins/model';
import { CommitmentModel } from '../../src/features/commitments/model';
import { PairModel } from '../../src/pairs/model';

/** Pairs with a history, written through the models, for the pair health tests. */

const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const now = new Date('2027-03-15T12:00:00Z');
export const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
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
export const STORIES = {
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
export type Name = keyof typeof STORIES;

/** Inserts one pair per name, with its check-ins, replies and commitments; the pair ids by name. */
export async function insertStories(names: Name[]): Promise<Map<string, Name>> {
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
