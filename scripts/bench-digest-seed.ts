import { Types } from 'mongoose';
import { CheckinModel, CheckinReplyModel } from '../src/features/checkins/model';
import { CommitmentModel } from '../src/features/commitments/model';
import { PairModel } from '../src/pairs/model';
import { ParticipantModel, participantId } from '../src/pairs/participants-model';
import { Batches, random } from './bench-writer';

/*
 * A program with a year of history for the digest benchmark, written with insertMany in batches
 * (the raw collections: the documents are built here with every field the app would store).
 *
 * Live pairs: 2% new (created 10 days ago), 6% paused (since 20 days, back within the week for
 * half of them), the rest active since a year ago with a weekly check-in (52 each). Each pair has
 * a habit: 75% engaged, 20% shaky, 5% gone quiet for the last 4 weeks; together about 70% of
 * check-ins answered by both sides, 20% by one, 10% by neither. Replies report a meeting for 75%
 * of engaged pairs' check-ins (45% of the others), move goals now and then, carry a staff-only
 * note in 3%; 15% of replies add a commitment: done or dropped, or, in its first four weeks past
 * due, still open (15%) and so overdue. `ended` more pairs
 * ended five months ago, with their history, for the queries to skip.
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface SeedOptions {
  teamId: string;
  pairs: number;
  ended: number;
  weeks: number;
  now: Date;
  seed?: number;
}

export interface SeedCounts {
  pairs: number;
  people: number;
  checkins: number;
  replies: number;
  commitments: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const PROGRESS = ['not_started', 'some_progress', 'on_track', 'stuck', 'achieved'] as const;
/** Shares of check-ins answered by both sides and by one, and of those where the pair met. */
type Habit = { both: number; one: number; met: number };
const HABITS: Record<'engaged' | 'shaky' | 'quiet', Habit> = {
  engaged: { both: 0.8, one: 0.15, met: 0.75 },
  shaky: { both: 0.4, one: 0.4, met: 0.45 },
  quiet: { both: 0.4, one: 0.4, met: 0.45 },
};

export async function seedProgram(opts: SeedOptions): Promise<SeedCounts> {
  const rand = random(opts.seed ?? 7);
  const { teamId, now } = opts;
  const out = new Batches();
  const stamp = (at: Date) => ({ createdAt: at, updatedAt: at });
  const today = day(now);

  for (let i = 0; i < opts.pairs + opts.ended; i++) {
    const ended = i >= opts.pairs;
    const slot = i % 100;
    const kind = ended ? 'ended' : slot < 2 ? 'new' : slot < 8 ? 'paused' : 'active';
    const r = rand();
    const habit = r < 0.75 ? 'engaged' : r < 0.95 ? 'shaky' : 'quiet';
    const mentor = `UMR${String(i).padStart(7, '0')}`;
    const mentee = `UME${String(i).padStart(7, '0')}`;
    const pairId = new Types.ObjectId();
    const goals = [0, 1].map((g) => ({
      _id: new Types.ObjectId(),
      title: `Goal ${g + 1} of pair ${i}`,
      successCriteria: 'Agreed with the board',
      status: 'open',
    }));
    const weeks = kind === 'new' ? 1 : ended ? 30 : opts.weeks;
    const endedAt = new Date(now.getTime() - 150 * DAY);
    const lastDue = ended ? endedAt.getTime() - DAY : now.getTime() - (1 + (i % 7)) * DAY + (i % 9) * 3_600_000;
    const firstDue = new Date(lastDue - (weeks - 1) * WEEK);
    const createdAt = new Date(firstDue.getTime() - 6 * DAY);
    const pauseSince = new Date(now.getTime() - 20 * DAY);
    const pauseUntil = new Date(now.getTime() + (slot % 2 === 0 ? 5 : 40) * DAY);

    for (const [userId, role] of [
      [mentor, 'Mentor'],
      [mentee, 'Mentee'],
    ] as const) {
      await out.add('people', ParticipantModel, {
        _id: participantId(teamId, userId),
        ...{
          teamId,
          userId,
          name: `${role} ${String(i).padStart(4, '0')}`,
          tz: role === 'Mentor' ? 'America/New_York' : 'Asia/Dhaka',
        },
        ...{ country: '', language: 'en', workingHours: { startHour: 9, endHour: 18, days: [1, 2, 3, 4, 5] } },
        ...stamp(createdAt),
      });
    }

    let lastReplyAt = createdAt;
    const progress = [0, 0];
    for (let p = 1; p <= weeks; p++) {
      const dueAt = new Date(firstDue.getTime() + (p - 1) * WEEK);
      if (kind === 'paused' && dueAt >= pauseSince) break;
      const checkinId = new Types.ObjectId();
      const habitNow: Habit =
        habit === 'quiet' && now.getTime() - dueAt.getTime() < 4 * WEEK ? { both: 0, one: 0, met: 0 } : HABITS[habit];
      const o = rand();
      const sides =
        o < habitNow.both ? [mentor, mentee] : o < habitNow.both + habitNow.one ? [rand() < 0.5 ? mentor : mentee] : [];
      // Whether they met is the pair's, so both replies say the same.
      const m = rand();
      const met = m < habitNow.met ? 'yes' : m < 0.85 ? 'no' : m < 0.95 ? 'rescheduled' : 'skipped';
      const repliedBy: string[] = [];
      for (const userId of sides) {
        const submittedAt = new Date(dueAt.getTime() + (1 + Math.floor(rand() * 40)) * 3_600_000);
        if (submittedAt >= now) continue;
        repliedBy.push(userId);
        if (submittedAt > lastReplyAt) lastReplyAt = submittedAt;
        const g = Math.floor(rand() * 2);
        if (rand() < 0.2 && progress[g] < PROGRESS.length - 1) progress[g] += 1;
        const replyId = new Types.ObjectId();
        await out.add('replies', CheckinReplyModel, {
          _id: replyId,
          ...{ teamId, pairId, checkinId, period: p, userId, quick: false },
          met,
          goals: goals.map((goal, k) => ({
            goalId: String(goal._id),
            title: goal.title,
            status: PROGRESS[progress[k]],
          })),
          ...{ worked: 'We went through the budget line by line.', didNotWork: '', adaptation: '', blockers: '' },
          staffNote: rand() < 0.03 ? 'Finding it hard to make time this month.' : '',
          ...{ submittedAt, editCount: 0, summary: { channelId: `CBENCH${i}`, ts: `${submittedAt.getTime() / 1000}` } },
          ...stamp(submittedAt),
        });
        if (rand() < 0.15) {
          const dueDay = day(new Date(dueAt.getTime() + (rand() < 0.5 ? 7 : 14) * DAY));
          const s = rand();
          // Past due: settled after four weeks (85% done); before that 15% are still open, so overdue.
          const settled = dueDay < day(new Date(now.getTime() - 28 * DAY));
          const status =
            dueDay >= today
              ? 'open'
              : s < (settled ? 0.85 : 0.75)
                ? 'done'
                : s < (settled ? 1 : 0.85)
                  ? 'dropped'
                  : 'open';
          await out.add('commitments', CommitmentModel, {
            ...{ teamId, pairId, checkinId, checkinPeriod: p, sourceKey: `${replyId}:0`, ownerId: userId },
            ...{ what: 'Send the draft budget to the board', dueDay, status, createdBy: userId, history: [] },
            remindAt: new Date(Date.parse(dueDay) - DAY + 9 * 3_600_000),
            ...stamp(submittedAt),
          });
        }
      }
      await out.add('checkins', CheckinModel, {
        _id: checkinId,
        ...{ teamId, pairId, period: p, kind: 'regular', dueDay: day(dueAt), dueAt, mentionMentor: true },
        prompt: { channelId: `CBENCH${i}`, ts: `${dueAt.getTime() / 1000}`, postedAt: dueAt, late: false },
        repliedBy,
        ...stamp(dueAt),
      });
    }

    const status = kind === 'ended' ? 'ended' : kind === 'paused' ? 'paused' : 'active';
    await out.add('pairs', PairModel, {
      _id: pairId,
      teamId,
      mentor: { userId: mentor, organisation: 'ASAE', country: 'United States' },
      mentee: { userId: mentee, organisation: `Association ${i}`, country: ['Bangladesh', 'Tunisia', 'Kenya'][i % 3] },
      goals,
      cadence: 'weekly',
      startDate: day(createdAt),
      endDate: ended ? day(endedAt) : slot % 20 === 9 ? day(new Date(now.getTime() + 20 * DAY)) : '2027-06-30',
      ...{ localContext: '', status, liveKey: ended ? `ended:${pairId}` : `${teamId}:${mentee}:${mentor}` },
      ...{ sourceViewId: `VBENCH${i}`, createdBy: 'U0STAFF001' },
      channel: { id: `CBENCH${i}`, name: `mentorship-bench-${i}` },
      schedule: ended
        ? { nextPeriod: weeks + 1, nextKind: 'regular' }
        : {
            ...{ nextPeriod: weeks + 1, nextDueDay: day(new Date(lastDue + WEEK)) },
            ...{ nextCheckinAt: new Date(lastDue + WEEK), nextKind: 'regular', nextMentionMentor: true },
          },
      ...(kind === 'paused'
        ? {
            pause: {
              since: pauseSince,
              until: pauseUntil,
              untilDay: day(pauseUntil),
              reason: 'Conference season',
              by: mentee,
            },
          }
        : {}),
      ...(ended ? { ended: { at: endedAt, by: 'U0STAFF001', reason: 'completed' } } : {}),
      lastActivityAt: lastReplyAt,
      ...stamp(createdAt),
    });
  }
  await out.flush();
  const n = (k: string) => out.counts.get(k) ?? 0;
  return {
    pairs: n('pairs'),
    people: n('people'),
    checkins: n('checkins'),
    replies: n('replies'),
    commitments: n('commitments'),
  };
}
