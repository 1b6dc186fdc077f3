import type { KnownBlock } from '@slack/types';
import type { OutboxHandler } from '../../jobs/outbox';
import { nextAllowedDmTime } from '../../lib/working-time';
import { message, section } from '../../slack/blocks';
import { partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf, toPerson } from '../../pairs/participants';
import {
  checkinReplyButton,
  findCheckin,
  laterCheckinPosted,
  postedCheckinsUpTo,
  repliedByOf,
  type Checkin,
} from '../checkins';
import { pauseOfferButtons } from '../pause';
import { flagAtRisk } from './at-risk';
import { text } from './messages';

export { flagSilentPairs } from './at-risk';

/** How many posted check-ins in a row, ending with `checkin`, the user left unanswered. */
async function missedStreak(checkin: Checkin, userId: string): Promise<number> {
  const recent = await postedCheckinsUpTo(checkin, 3);
  let streak = 0;
  for (const c of recent) {
    if (repliedByOf(c).includes(userId)) break;
    streak += 1;
  }
  return streak;
}

/**
 * `silence_nudge`: 48 working hours after a prompt, a DM to a participant who has not replied.
 * Skipped when it lost its point (they replied, a newer check-in went out, the pair is paused);
 * deferred out of the recipient's quiet hours; the second miss in a row offers a pause; the
 * third flags the pair at risk for staff.
 */
export const silenceNudgeHandler: OutboxHandler = {
  async render(entry, ctx) {
    const userId = String(entry.ref.userId);
    const checkin = await findCheckin(entry.ref.checkinId);
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    if (repliedByOf(checkin).includes(userId)) return { op: 'skip', reason: 'already replied' };
    if (await laterCheckinPosted(checkin)) {
      return { op: 'skip', reason: 'a newer check-in has gone out' };
    }
    const people = await participantsOf(pair);
    const me = people.get(userId);
    if (!me) return { op: 'skip', reason: 'participant unknown' };
    const allowed = nextAllowedDmTime(ctx.now, toPerson(me));
    if (allowed.getTime() > ctx.now.getTime()) return { op: 'defer', until: allowed, reason: 'quiet hours' };

    const streak = await missedStreak(checkin, userId);
    if (streak >= 3) await flagAtRisk(pair, 'missed_three', ctx, { userId });
    const partner = partnerOf(pair, userId);
    const sentence = streak >= 2 ? text.secondNudge(checkin.period, partner) : text.firstNudge(checkin.period, partner);
    const buttons: KnownBlock = {
      type: 'actions',
      elements: [
        checkinReplyButton(String(checkin._id), text.replyButton()),
        ...(streak >= 2
          ? pauseOfferButtons(String(pair._id), {
              oneWeek: text.moveToNextWeek(),
              twoWeeks: text.pauseTwoWeeks(),
              fourWeeks: text.pauseFourWeeks(),
            })
          : []),
      ],
    };
    return {
      op: 'post',
      to: userId,
      ...message(sentence, [section(sentence), buttons]),
    };
  },
};

/** `at_risk_alert`: one message to staff (the staff channel, else the pair's creator). */
export const atRiskAlertHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair) return { op: 'skip', reason: 'pair deleted' };
    if (!pair.atRisk?.since && entry.createdAt && pair.lastActivityAt && pair.lastActivityAt > entry.createdAt) {
      return { op: 'skip', reason: 'the pair replied since' };
    }
    const { mentor, mentee } = byRole(pair, await participantsOf(pair));
    const reasonKey = String(entry.ref.reason);
    const reason =
      reasonKey === 'missed_three'
        ? text.reasons.missed_three(String(entry.ref.userId ?? pair.mentee.userId))
        : text.reasons.silent_21_days();
    const last = pair.lastActivityAt ? pair.lastActivityAt.toISOString().slice(0, 10) : 'never';
    const sentence = text.atRiskAlert(
      mentor?.name ?? pair.mentor.userId,
      mentee?.name ?? pair.mentee.userId,
      pair.channel?.id ?? undefined,
      reason,
      last,
    );
    return { op: 'post', to: ctx.config.staff.channelId ?? pair.createdBy, text: sentence.text };
  },
};
