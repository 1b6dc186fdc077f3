import { t, tm } from '../../i18n';
import { type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the nudges feature, from the catalogues (src/i18n/locales, namespace `nudges`),
 * in the reader's language in scope. Kind first: people are busy, not lazy.
 */
export const text = {
  /** Hi! and how many check-ins in a row are unanswered, the true count (1 = only this one). */
  opening: (period: number, partnerId: string, streak: number): Mrkdwn => {
    const partner = mention(partnerId);
    if (streak <= 1) return tm('nudges.silence.waiting', { period, partner });
    if (streak === 2) return tm('nudges.silence.second', { period, partner });
    if (streak === 3) return tm('nudges.silence.third', { period, partner });
    return tm('nudges.silence.inARow', { period, partner, count: streak });
  },
  /** What the buttons offer: the pause only when they offer it. */
  offer: (streak: number, offerPause: boolean): Mrkdwn => {
    if (offerPause) return tm('nudges.silence.pauseOffer');
    return streak <= 1 ? tm('nudges.silence.oneTapFirst') : tm('nudges.silence.oneTapAgain');
  },
  /** The nudge after `streak` missed check-ins in a row: two whole sentences. */
  nudge: (period: number, partnerId: string, streak: number, offerPause: boolean): Mrkdwn =>
    mrkdwn`${text.opening(period, partnerId, streak)} ${text.offer(streak, offerPause)}`,
  pauseTwoWeeks: () => t('nudges.silence.pauseTwoWeeks'),
  pauseFourWeeks: () => t('nudges.silence.pauseFourWeeks'),
};
