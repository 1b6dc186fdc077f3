import type { KnownBlock } from '@slack/types';
import { inLanguage } from '../../i18n';
import { dmRecipientNow } from '../../jobs/dm-recipient';
import type { OutboxHandler } from '../../jobs/outbox';
import { localDay } from '../../lib/time';
import { toPerson } from '../../pairs/participants';
import { message, section } from '../../slack/blocks';
import { partnerOf } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import {
  checkinAnswerButtons,
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

/** Missed check-ins counted back at most this far (the sentence says "N in a row" beyond four). */
const STREAK_LOOKBACK = 12;

/**
 * The streaks at which the nudge offers a pause: the second miss, and the fourth. Not every week:
 * an offer repeated word for word becomes noise; at the third miss staff are told instead.
 */
const PAUSE_OFFER_AT = new Set([2, 4]);

/** How many posted check-ins in a row, ending with `checkin`, the user left unanswered (a skip is an answer). */
async function missedStreak(checkin: Checkin, userId: string, wasAway: (c: Checkin) => boolean): Promise<number> {
  const recent = await postedCheckinsUpTo(checkin, STREAK_LOOKBACK);
  let streak = 0;
  for (const c of recent) {
    if (repliedByOf(c).includes(userId)) break;
    // One due while they were away is no miss of theirs (as in pair health).
    if (!wasAway(c)) streak += 1;
  }
  return streak;
}

/**
 * `silence_nudge`: 48 working hours after a prompt, a DM to a participant who has not replied.
 * Skipped when it lost its point (they replied, a newer check-in went out, the pair is paused);
 * deferred out of the recipient's quiet hours. It offers "Answer" and the one-tap answers; it
 * counts the missed check-ins in a row truly ("second", "third", "5 check-ins in a row"), offers
 * a pause at the second and the fourth, and at the third flags the pair at risk for staff.
 */
export const silenceNudgeHandler: OutboxHandler = {
  async render(entry, ctx) {
    const userId = String(entry.ref.userId);
    const checkin = await findCheckin(entry.ref.checkinId);
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    // i18n-exempt: outbox skip reasons are logged for operators, never shown
    if (!checkin || !pair) return { op: 'skip', reason: 'check-in or pair deleted' };
    // i18n-exempt: outbox skip reason, logged
    if (pair.status !== 'active') return { op: 'skip', reason: `pair is ${pair.status}` };
    // i18n-exempt: outbox skip reason, logged
    if (repliedByOf(checkin).includes(userId)) return { op: 'skip', reason: 'already replied' };
    if (await laterCheckinPosted(checkin)) {
      // i18n-exempt: outbox skip reason, logged
      return { op: 'skip', reason: 'a newer check-in has gone out' };
    }
    const recipient = await dmRecipientNow(pair, userId, ctx.now);
    if ('op' in recipient) return recipient;
    const me = toPerson(recipient.me);
    const wasAway = (c: Checkin) => me.isAway?.(localDay(c.dueAt, me.tz)) ?? false;
    // i18n-exempt: outbox skip reason, logged
    if (wasAway(checkin)) return { op: 'skip', reason: 'away when it was due' };

    const streak = await missedStreak(checkin, userId, wasAway);
    if (streak >= 3) await flagAtRisk(pair, 'missed_three', ctx, { userId });
    const partner = partnerOf(pair, userId);
    const offerPause = PAUSE_OFFER_AT.has(streak);
    // In the recipient's own language (the answer buttons too).
    return inLanguage(recipient.me.language, () => {
      const sentence = text.nudge(checkin.period, partner, streak, offerPause);
      const buttons: KnownBlock = {
        type: 'actions',
        elements: [
          ...checkinAnswerButtons(String(checkin._id)),
          ...(offerPause
            ? pauseOfferButtons(String(pair._id), { twoWeeks: text.pauseTwoWeeks(), fourWeeks: text.pauseFourWeeks() })
            : []),
        ],
      };
      return { op: 'post' as const, to: userId, ...message(sentence, [section(sentence), buttons]) };
    });
  },
};
