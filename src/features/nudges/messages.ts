/** Every sentence of the nudges feature. Kind first: people are busy, not lazy. */
export const text = {
  firstNudge: (period: number, partner: string) =>
    `Hi! Check-in #${period} with ${partner} is still waiting for your reply. Two minutes is enough, and "we did not meet this time" is a perfectly good answer.`,
  secondNudge: (period: number, partner: string) =>
    `Hi! Check-in #${period} with ${partner} is the second in a row without your reply. Busy stretch? That is normal. You can reply now, move the check-ins on by a week, or pause the mentorship for a while: nothing is lost, and it resumes by itself.`,
  replyButton: () => 'Reply to check-in',
  moveToNextWeek: () => 'Move to next week',
  pauseTwoWeeks: () => 'Pause 2 weeks',
  pauseFourWeeks: () => 'Pause 4 weeks',
  atRiskAlert: (mentor: string, mentee: string, channel: string, reason: string, lastActivity: string) =>
    `:warning: The pair *${mentor}* and *${mentee}* (${channel}) may be at risk: ${reason}. Last reply: ${lastActivity}. A friendly word from staff often helps.`,
  reasons: {
    missed_three: (user: string) => `<@${user}> has not replied to three check-ins in a row`,
    silent_21_days: () => 'no reply from either side for 21 days',
  },
};
