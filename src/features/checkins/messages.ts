/** Every sentence of the check-ins feature, in one place. */
export const text = {
  promptHeader: (period: number, kind: string) => (kind === 'welcome_back' ? `Welcome back! Check-in #${period}` : `Check-in #${period}`),
  promptIntro: (mentor: string, mentorTime: string, mentee: string, menteeTime: string) =>
    `Time to check in, ${mentor} (${mentorTime} for you) and ${mentee} (${menteeTime} for you).`,
  welcomeBackIntro: () => 'Your pause is over: welcome back. Pick up where you left off, or tell each other what changed.',
  lateNote: (dueDay: string) => `_This check-in was due on ${dueDay}; the bot was offline then, so it comes late. It still counts._`,
  goalsLine: (titles: string[]) => `*Goals:* ${titles.map((t, i) => `${i + 1}. ${t}`).join('  ·  ')}`,
  overdueHeading: () => '*Overdue commitments*',
  overdueItem: (owner: string, what: string, dueDay: string) => `• <@${owner}>: ${what} (was due ${dueDay})`,
  questions: () =>
    'Each of you answers separately: did you meet, progress on each goal, *what worked*, *what did not work and why*, how advice was adapted to local conditions, and your next steps (what, who, by when).',
  replyButton: () => 'Reply to check-in',
  repliedStatus: (entries: Array<{ userId: string; replied: boolean }>) =>
    entries.map((e) => `${e.replied ? ':white_check_mark:' : ':hourglass_flowing_sand:'} <@${e.userId}>`).join('   '),
  fallback: (period: number) => `Check-in #${period}: time to check in with each other.`,
};
