import { Types } from 'mongoose';
import { PairModel } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import type { SlackStandIn } from './slack-stand-in';

/**
 * Inserts `count` active pairs straight into the database (and their channels into the stand-in),
 * for load tests and benchmarks; `due` of them have a check-in due at `dueAt`, the rest a week later.
 */
export async function insertBulkPairs(opts: {
  teamId: string;
  count: number;
  due: number;
  dueAt: Date;
  standIn?: SlackStandIn;
}): Promise<void> {
  const people = [];
  const pairs = [];
  const later = new Date(opts.dueAt.getTime() + 7 * 86_400_000);
  for (let i = 0; i < opts.count; i++) {
    const mentor = `UMR${String(i).padStart(7, '0')}`;
    const mentee = `UME${String(i).padStart(7, '0')}`;
    const channelId = `CBULK${String(i).padStart(6, '0')}`;
    opts.standIn?.addChannel({
      id: channelId,
      name: `mentorship-bulk-${i}`,
      is_private: true,
      members: [opts.standIn.botUserId, mentor, mentee],
    });
    people.push(
      {
        _id: participantId(opts.teamId, mentor),
        teamId: opts.teamId,
        userId: mentor,
        name: `Mentor ${i}`,
        tz: 'America/New_York',
      },
      {
        _id: participantId(opts.teamId, mentee),
        teamId: opts.teamId,
        userId: mentee,
        name: `Mentee ${i}`,
        tz: 'Asia/Dhaka',
      },
    );
    pairs.push({
      _id: new Types.ObjectId(),
      teamId: opts.teamId,
      mentor: { userId: mentor, organisation: 'ASAE', country: 'United States' },
      mentee: { userId: mentee, organisation: `Association ${i}`, country: 'Bangladesh' },
      goals: [{ title: 'Halve the fee', successCriteria: 'The fee drops to 1%' }],
      cadence: 'weekly',
      startDate: '2026-12-01',
      endDate: '2027-06-30',
      status: 'active',
      liveKey: `${opts.teamId}:${mentor}:${mentee}`,
      sourceViewId: `VBULK${i}`,
      createdBy: 'U0STAFF001',
      channel: { id: channelId, name: `mentorship-bulk-${i}` },
      schedule: {
        nextPeriod: 1,
        nextDueDay: '2026-12-08',
        nextCheckinAt: i < opts.due ? opts.dueAt : later,
        nextKind: 'regular',
      },
      lastActivityAt: opts.dueAt,
    });
  }
  for (let i = 0; i < people.length; i += 1000) await ParticipantModel.insertMany(people.slice(i, i + 1000));
  for (let i = 0; i < pairs.length; i += 1000) await PairModel.insertMany(pairs.slice(i, i + 1000));
}
