import type { Types } from 'mongoose';
import { type AfterSend, enqueueMany, type NewOutboxEntry } from '../../jobs/outbox';
import { addWorkingDayHours, nextAllowedDmTime, type Person } from '../../lib/working-time';

/** Hours of silence after a prompt, counted on the person's working days only (two working days), before a kind nudge. */
export const SILENCE_WORKING_HOURS = 48;

/** The outbox key of a person's silence nudge for a check-in. */
export const nudgeKey = (checkinId: unknown, userId: string) => `nudge:${checkinId}:${userId}`;

/**
 * Queues one silence nudge per participant for a posted check-in (sent only if they stay silent):
 * through `after` when given (written with the batch of prompts the check-in's belongs to), else
 * in one insert.
 */
export async function queueSilenceNudges(
  checkin: { _id: Types.ObjectId; teamId: string; pairId: Types.ObjectId; period: number },
  participants: Array<{ userId: string; person: Person }>,
  postedAt: Date,
  after?: Pick<AfterSend, 'enqueue'>,
): Promise<void> {
  const nudges = participants.map(
    ({ userId, person }): NewOutboxEntry => ({
      key: nudgeKey(checkin._id, userId),
      teamId: checkin.teamId,
      kind: 'silence_nudge',
      pairId: checkin.pairId,
      ref: { checkinId: String(checkin._id), userId, period: checkin.period },
      dueAt: nextAllowedDmTime(addWorkingDayHours(postedAt, SILENCE_WORKING_HOURS, person), person),
    }),
  );
  if (!after) {
    await enqueueMany(nudges);
    return;
  }
  for (const nudge of nudges) await after.enqueue(nudge);
}
