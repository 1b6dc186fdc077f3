import { mention, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the nudges feature. Kind first: people are busy, not lazy. Names come from
 * people's Slack profiles (typed text), so sentences are `Mrkdwn` built with the `mrkdwn` tag.
 */
export const text = {
  /**
   * The nudge after `streak` missed check-ins in a row (1 = only this one). Short sentences; the
   * count is the true one; the pause is mentioned only when the buttons offer it.
   */
  nudge: (period: number, partnerId: string, streak: number, offerPause: boolean) => {
    const partner = mention(partnerId);
    const first = mrkdwn`Hi! Check-in #${period} with ${partner} still waits for your answer.`;
    const count =
      streak <= 1
        ? first
        : streak <= 3
          ? mrkdwn`Hi! Check-in #${period} with ${partner} is the ${streak === 2 ? 'second' : 'third'} in a row without your answer.`
          : mrkdwn`Hi! Check-in #${period} with ${partner} makes ${streak} check-ins in a row without your answer.`;
    const next = offerPause
      ? mrkdwn`If now is a hard time, you can skip this week or pause the mentorship. Nothing is lost, and it starts again by itself.`
      : streak <= 1
        ? mrkdwn`It takes two minutes. If you did not meet, one tap is enough.`
        : mrkdwn`One tap is enough: say that you did not meet, or skip this week.`;
    return mrkdwn`${count} ${next}`;
  },
  pauseTwoWeeks: () => 'Pause 2 weeks',
  pauseFourWeeks: () => 'Pause 4 weeks',
};
