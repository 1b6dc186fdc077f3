import { bold, lines, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/**
 * The sentences of the two set-up messages in a new pair's channel: the short welcome (who is who,
 * the time difference, the first check-in, the first step, how to pause) and the pinned message
 * (goals and the three practices). Typed text (organisation, country, goals, the note on local
 * context, names) is escaped by the `mrkdwn` tag; the header is plain text, shown as typed.
 */
export const welcomeText = {
  header: (mentor: string, mentee: string) => `Welcome, ${mentor} and ${mentee}!`,
  person: (role: string, who: Mrkdwn, org: string, country: string) => {
    const where = [org, country].filter(Boolean).join(', ');
    return where ? mrkdwn`*${role}:* ${who}, ${where}` : mrkdwn`*${role}:* ${who}`;
  },
  mentorRole: () => 'Mentor',
  menteeRole: () => 'Mentee',
  timeAhead: (ahead: string, hours: string, behind: string) => mrkdwn`${ahead} is ${hours} ahead of ${behind}.`,
  timeSame: (a: string, b: string) =>
    a === b ? mrkdwn`You both live on ${a} time.` : mrkdwn`${a} and ${b} have the same time.`,
  firstCheckin: (when: Mrkdwn) => mrkdwn`*First check-in:* ${when}. I will post it here.`,
  firstStep: () => mrkdwn`*Your first step:* introduce yourselves here. Then agree a time for your first call.`,
  howToPause: () => mrkdwn`Need a break? Type \`/mentorship pause\`. Your goals are in the pinned message.`,
  fallback: (mentor: string, mentee: string) =>
    mrkdwn`Welcome, ${mentor} and ${mentee}! This is your mentorship channel.`,

  goalsHeading: () => mrkdwn`*Your goals*`,
  goal: (n: number, title: string, success: string) =>
    mrkdwn`${n}. ${bold(title)}\n    _Success looks like:_ ${success}`,
  localContextNote: (note: string) => mrkdwn`*A note from staff on local context:* ${note}`,
  practicesHeading: () => mrkdwn`*Three practices of a good mentorship*`,
  practices: () =>
    lines(
      mrkdwn`1. *Local context:* learn each other's reality. Adapt advice; do not copy it.`,
      mrkdwn`2. *Commitment:* keep going when results are slow. Pause if you must, but do not give up.`,
      mrkdwn`3. *Communication:* be honest, regular and two-way. Say what did not work, and why.`,
    ),
  goalsFallback: () => mrkdwn`Your goals and the three practices of a good mentorship.`,
};

export type WelcomeMentions = 'both' | 'mentor' | 'mentee' | 'none';
