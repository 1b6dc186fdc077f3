import { bold, channelLink, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import { PROGRAM_RULES } from '../../pairs/limits';

/**
 * Every sentence of the nudges feature. Kind first: people are busy, not lazy. Names come from
 * people's Slack profiles (typed text), so sentences are `Mrkdwn` built with the `mrkdwn` tag.
 */
export const text = {
  firstNudge: (period: number, partnerId: string) =>
    mrkdwn`Hi! Check-in #${period} with ${mention(partnerId)} is still waiting for your reply. Two minutes is enough, and "we did not meet this time" is a perfectly good answer.`,
  secondNudge: (period: number, partnerId: string) =>
    mrkdwn`Hi! Check-in #${period} with ${mention(partnerId)} is the second in a row without your reply. Busy stretch? That is normal. You can reply now, move the check-ins on by a week, or pause the mentorship for a while: nothing is lost, and it resumes by itself.`,
  replyButton: () => 'Reply to check-in',
  moveToNextWeek: () => 'Move to next week',
  pauseTwoWeeks: () => 'Pause 2 weeks',
  pauseFourWeeks: () => 'Pause 4 weeks',
  atRiskAlert: (mentor: string, mentee: string, channelId: string | undefined, reason: Mrkdwn, lastActivity: string) =>
    mrkdwn`:warning: The pair ${bold(mentor)} and ${bold(mentee)} (${channelId ? channelLink(channelId) : 'no channel'}) may be at risk: ${reason}. Last reply: ${lastActivity}. A friendly word from staff often helps.`,
  reasons: {
    missed_three: (user: string) => mrkdwn`${mention(user)} has not replied to three check-ins in a row`,
    silent_21_days: () => mrkdwn`no reply from either side for ${PROGRAM_RULES.silentDaysAtRisk} days`,
  },
};
