import { Types } from 'mongoose';
import { CheckinModel, CheckinReplyModel } from '../../src/features/checkins/model';
import { CommitmentModel } from '../../src/features/commitments/model';
import { PairModel } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';

/**
 * A small program with a pair in every state, written through the models, for the digest's
 * database tests. `NOW` is a Monday at 09:00 UTC: the default digest time.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const NOW = new Date('2027-03-15T09:00:00Z');
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const dayString = (n: number) => daysAgo(n).toISOString().slice(0, 10);

/** The text of a staff-only note: it must never reach the channel. */
export const SECRET_NOTE = 'SECRET-NOTE-7741: the mentee told me about a family illness';

type Side = 'mentor' | 'mentee';
interface Story {
  mentor: string;
  mentee: string;
  createdDaysAgo: number;
  status?: 'active' | 'paused' | 'ended';
  pauseUntil?: Date;
  endDate?: string;
  /** Weekly check-ins, oldest first: who replied to each. */
  answers: Side[][];
  newestDaysAgo: number;
  /** Indexes in `answers` whose replies report a meeting. */
  meetings: number[];
  lastActivityDaysAgo: number;
  /** The newest check-in's replies: the goal's progress and a staff-only note. */
  newest?: { goal: 'achieved' | 'some_progress'; staffNote?: string };
  commitments?: Array<{ dueDaysAgo: number; status: 'open' | 'done' }>;
}

const both: Side[] = ['mentor', 'mentee'];
export const PROGRAM = {
  onTrack: {
    mentor: 'Alice Müller',
    mentee: 'Karim <Rahman> & Co',
    createdDaysAgo: 60,
    answers: Array(8).fill(both),
    newestDaysAgo: 1,
    meetings: [7],
    lastActivityDaysAgo: 1,
    newest: { goal: 'achieved', staffNote: SECRET_NOTE },
    commitments: [
      { dueDaysAgo: 2, status: 'done' },
      { dueDaysAgo: 1, status: 'open' },
    ],
  },
  endingSoon: {
    mentor: 'Lee Park',
    mentee: 'Amira Ben Salah',
    createdDaysAgo: 60,
    endDate: '2027-04-01',
    answers: Array(8).fill(both),
    newestDaysAgo: 1,
    meetings: [7],
    lastActivityDaysAgo: 1,
  },
  menteeSilent: {
    mentor: 'Élise Martin',
    mentee: 'Nino Beridze',
    createdDaysAgo: 60,
    answers: [both, both, both, both, ['mentor'], ['mentor']],
    newestDaysAgo: 8,
    meetings: [5],
    lastActivityDaysAgo: 8,
  },
  atRisk: {
    mentor: 'Sam Silent',
    mentee: 'Tariq Quiet',
    createdDaysAgo: 60,
    answers: [both, both, both, both, [], [], []],
    newestDaysAgo: 8,
    meetings: [3],
    lastActivityDaysAgo: 29,
    commitments: [{ dueDaysAgo: 20, status: 'open' }],
  },
  paused: {
    mentor: 'Paula Pause',
    mentee: 'Omar Exams',
    createdDaysAgo: 60,
    status: 'paused',
    pauseUntil: new Date(NOW.getTime() + 3 * DAY),
    answers: [both, both, [], []],
    newestDaysAgo: 30,
    meetings: [1],
    lastActivityDaysAgo: 44,
  },
  brandNew: {
    mentor: 'Nora New',
    mentee: 'Ben Beginner',
    createdDaysAgo: 10,
    answers: [[]],
    newestDaysAgo: 3,
    meetings: [],
    lastActivityDaysAgo: 3,
  },
  ended: {
    mentor: 'Edith Ended',
    mentee: 'Felix Finished',
    createdDaysAgo: 300,
    status: 'ended',
    answers: [both, []],
    newestDaysAgo: 100,
    meetings: [],
    lastActivityDaysAgo: 107,
  },
} satisfies Record<string, Story>;
export type Name = keyof typeof PROGRAM;

export interface WrittenPair {
  pairId: Types.ObjectId;
  channelId: string;
  mentorId: string;
  menteeId: string;
}

/** Writes the program for `teamId` (with `moreAtRisk` more pairs like the at-risk one); each pair by name. */
export async function insertProgram(teamId: string, moreAtRisk = 0): Promise<Record<Name, WrittenPair>> {
  const out = {} as Record<Name, WrittenPair>;
  const [pairs, people, checkins, replies, commitments] = [[], [], [], [], []] as unknown[][];
  const stories = [
    ...(Object.entries(PROGRAM) as Array<[Name, Story]>),
    ...Array.from(
      { length: moreAtRisk },
      (_, k) => [`atRisk${k}`, { ...PROGRAM.atRisk, mentor: `Silent ${k}` }] as const,
    ),
  ];
  for (const [i, [name, s]] of (stories as Array<[Name, Story]>).entries()) {
    const pairId = new Types.ObjectId();
    const ids = { mentor: `UDMR${i}00000`, mentee: `UDME${i}00000` };
    const channelId = `CDIGEST${i}00`;
    const goalId = new Types.ObjectId();
    if (name in PROGRAM) out[name] = { pairId, channelId, mentorId: ids.mentor, menteeId: ids.mentee };
    for (const side of ['mentor', 'mentee'] as const)
      people.push({ _id: participantId(teamId, ids[side]), teamId, userId: ids[side], name: s[side], tz: 'UTC' });
    pairs.push({
      _id: pairId,
      teamId,
      mentor: { userId: ids.mentor, organisation: 'ASAE', country: 'United States' },
      mentee: { userId: ids.mentee, organisation: `Chamber ${i}`, country: 'Tunisia' },
      goals: [{ _id: goalId, title: 'Grow membership', successCriteria: '100 members' }],
      cadence: 'weekly',
      startDate: dayString(s.createdDaysAgo),
      endDate: s.endDate ?? '2027-12-31',
      status: s.status ?? 'active',
      liveKey: `${teamId}:${name}`,
      sourceViewId: `VDIGEST${i}`,
      createdBy: 'U0STAFF001',
      channel: { id: channelId, name: `mentorship-${name.toLowerCase()}` },
      schedule: { nextPeriod: s.answers.length + 1, nextCheckinAt: new Date(NOW.getTime() + 2 * DAY) },
      ...(s.pauseUntil ? { pause: { until: s.pauseUntil, since: daysAgo(20), reason: 'exams' } } : {}),
      lastActivityAt: daysAgo(s.lastActivityDaysAgo),
      createdAt: daysAgo(s.createdDaysAgo),
      updatedAt: daysAgo(1),
    });
    let lastCheckinId = new Types.ObjectId();
    for (const [k, sides] of s.answers.entries()) {
      const postedAt = daysAgo(s.newestDaysAgo + (s.answers.length - 1 - k) * 7);
      const checkinId = new Types.ObjectId();
      lastCheckinId = checkinId;
      const period = k + 1;
      const newest = k === s.answers.length - 1;
      checkins.push({
        _id: checkinId,
        teamId,
        pairId,
        period,
        dueDay: postedAt.toISOString().slice(0, 10),
        dueAt: postedAt,
        prompt: { channelId, ts: `17000${i}.${period}`, postedAt },
        repliedBy: sides.map((side) => ids[side]),
      });
      for (const side of sides)
        replies.push({
          teamId,
          pairId,
          checkinId,
          period,
          userId: ids[side],
          met: s.meetings.includes(k) ? 'yes' : 'no',
          goals: [
            {
              goalId: String(goalId),
              title: 'Grow membership',
              status: newest && s.newest ? s.newest.goal : 'not_started',
            },
          ],
          staffNote: newest && side === 'mentee' ? (s.newest?.staffNote ?? '') : '',
          submittedAt: new Date(postedAt.getTime() + (side === 'mentee' ? 2 : 1) * HOUR),
        });
    }
    for (const [k, c] of (s.commitments ?? []).entries())
      commitments.push({
        teamId,
        pairId,
        checkinId: lastCheckinId,
        sourceKey: `${pairId}:${k}`,
        ownerId: ids.mentee,
        what: 'Send the draft budget',
        dueDay: dayString(c.dueDaysAgo),
        status: c.status,
        remindAt: daysAgo(c.dueDaysAgo + 1),
        createdBy: ids.mentee,
      });
  }
  await ParticipantModel.insertMany(people);
  await PairModel.insertMany(pairs, { timestamps: false } as never);
  await CheckinModel.insertMany(checkins);
  await CheckinReplyModel.insertMany(replies);
  await CommitmentModel.insertMany(commitments);
  return out;
}
