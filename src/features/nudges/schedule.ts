import type { Types } from 'mongoose';
import { enqueue } from '../../jobs/outbox';
import { addWorkingHours, nextAllowedDmTime, type Person } from '../../lib/working-time';

/** Working hours of silence after a prompt before a participant gets a kind nudge. */
export const SILENCE_WORKING_HOURS = 48;

/** Queues one silence nudge per participant for a posted check-in (sent only if they stay silent). */
export async function scheduleSilenceNudges(
  checkin: { _id: Types.ObjectId; teamId: string; pairId: Types.ObjectId; period: number },
  participants: Array<{ userId: string; person: Person }>,
  postedAt: Date,
): Promise<void> {
  for (const { userId, person } of participants) {
    const dueAt = nextAllowedDmTime(addWorkingHours(postedAt, SILENCE_WORKING_HOURS, person), person);
    await enqueue({
      key: `nudge:${checkin._id}:${userId}`,
      teamId: checkin.teamId,
      kind: 'silence_nudge',
      pairId: checkin.pairId,
      ref: { checkinId: String(checkin._id), userId, period: checkin.period },
      dueAt,
    });
  }
}
