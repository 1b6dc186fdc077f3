import { mention, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the nudges feature. Kind first: people are busy, not lazy. Names come from
 * people's Slack profiles (typed text), so sentences are `Mrkdwn` built with the `mrkdwn` tag.
 */
export const text = {
  /** Hi! and how many check-ins in a row are unanswered, the true count (1 = only this one). */
  waiting: (period: number, partnerId: string) =>
    mrkdwn`Hi! Check-in #${period} with ${mention(partnerId)} still waits for your answer.`,
  inARow: (period: number, partnerId: string, streak: number) =>
    streak <= 3
      ? mrkdwn`Hi! Check-in #${period} with ${mention(partnerId)} is the ${streak === 2 ? 'second' : 'third'} in a row without your answer.`
      : mrkdwn`Hi! Check-in #${period} with ${mention(partnerId)} makes ${streak} check-ins in a row without your answer.`,
  /** What the buttons offer: the pause only when they offer it. */
  oneTapFirst: () => mrkdwn`It takes two minutes. If you did not meet, one tap is enough.`,
  oneTapAgain: () => mrkdwn`One tap is enough: say that you did not meet, or skip this week.`,
  pauseOffer: () =>
    mrkdwn`If now is a hard time, you can skip this week or pause the mentorship. Nothing is lost, and it starts again by itself.`,
  /** The nudge after `streak` missed check-ins in a row. */
  nudge: (period: number, partnerId: string, streak: number, offerPause: boolean) =>
    mrkdwn`${streak <= 1 ? text.waiting(period, partnerId) : text.inARow(period, partnerId, streak)} ${
      offerPause ? text.pauseOffer() : streak <= 1 ? text.oneTapFirst() : text.oneTapAgain()
    }`,
  pauseTwoWeeks: () => 'Pause 2 weeks',
  pauseFourWeeks: () => 'Pause 4 weeks',
};
