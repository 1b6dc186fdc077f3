import { countryCodeOf } from '../../lib/holidays';
import { reslotFor } from '../../pairs/checkin-times';
import { forgetProgramDaysOff } from '../../pairs/days-off';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOfPairs, toPerson } from '../../pairs/participants';
import { ParticipantModel, type Participant } from '../../pairs/participants-model';

/**
 * After someone's hours or their country's days off change: each live pair of theirs whose next
 * check-in is still ahead gets it at the hour that suits the people now (the same period and id;
 * a due day that became a day off moves to the next working day). One read of the pairs, one of
 * their people, one conditional write per pair (a check-in the scheduler already took is left alone).
 * Returns how many pairs moved.
 */
export async function reslotPairsOf(teamId: string, userIds: string[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  forgetProgramDaysOff(teamId);
  const pairs = await PairModel.find({
    teamId,
    status: 'active',
    'schedule.nextCheckinAt': { $gt: now },
    $or: [{ 'mentor.userId': { $in: userIds } }, { 'mentee.userId': { $in: userIds } }],
  }).lean<Pair[]>();
  if (pairs.length === 0) return 0;
  const people = await participantsOfPairs(pairs);
  let moved = 0;
  for (const pair of pairs) {
    const { mentor, mentee } = byRole(pair, people.get(String(pair._id)) ?? new Map());
    const s = pair.schedule;
    if (!mentor || !mentee || !s?.nextDueDay || !s.nextCheckinId) continue;
    const state = reslotFor(
      {
        nextPeriod: s.nextPeriod ?? 1,
        nextCheckinId: s.nextCheckinId,
        nextDueDay: s.nextDueDay,
        nextKind: s.nextKind === 'welcome_back' ? 'welcome_back' : 'regular',
      },
      pair,
      toPerson(mentor),
      toPerson(mentee),
    );
    if (!state?.nextCheckinAt || state.nextCheckinAt.getTime() === s.nextCheckinAt?.getTime()) continue;
    const done = await PairModel.updateOne(
      {
        _id: pair._id,
        status: 'active',
        'schedule.nextCheckinId': s.nextCheckinId,
        'schedule.nextCheckinAt': { $gt: now },
      },
      {
        $set: {
          'schedule.nextDueDay': state.nextDueDay,
          'schedule.nextCheckinAt': state.nextCheckinAt,
          'schedule.nextMentionMentor': state.nextMentionMentor,
          'schedule.nextMentorDmAt': state.nextMentorDmAt,
        },
      },
    );
    moved += done.modifiedCount;
  }
  return moved;
}

/** The team's participants whose country is `code` (one read; countries are stored as typed). */
export async function participantsOfCountry(teamId: string, code: string): Promise<string[]> {
  const all = await ParticipantModel.find({ teamId }).select({ userId: 1, country: 1 }).lean<Participant[]>();
  return all.filter((p) => countryCodeOf(p.country) === code).map((p) => p.userId);
}
