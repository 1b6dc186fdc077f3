import { listSeparator } from '../../slack/lists';
import { t, tm } from '../../i18n';
import { bold, lines, type Mrkdwn } from '../../slack/mrkdwn';

/**
 * The sentences of the two set-up messages in a new pair's channel: the short welcome (who is who,
 * the time difference, the first check-in, the first step, how to pause) and the pinned message
 * (goals and the three practices), in the reader's language in scope (the pair's common language:
 * setup.ts builds them inside `inLanguage(pair.language, …)`). Typed text (organisation, country,
 * goals, the note on local context, names) is escaped by `tm`; the header is plain text, shown as typed.
 */
export const welcomeText = {
  header: (mentor: string, mentee: string) => t('pairing.welcome.header', { mentor, mentee }),
  person: (role: 'mentor' | 'mentee', who: Mrkdwn, org: string, country: string): Mrkdwn => {
    const where = [org, country].filter(Boolean).join(listSeparator());
    if (role === 'mentor')
      return where ? tm('pairing.welcome.mentorFrom', { who, where }) : tm('pairing.welcome.mentor', { who });
    return where ? tm('pairing.welcome.menteeFrom', { who, where }) : tm('pairing.welcome.mentee', { who });
  },
  /**
   * "Dhaka is 11 hours ahead of New York." `hours` is written with digits and ½, ¼, ¾ ("4½");
   * `minutes` chooses the plural (less than an hour reads as one).
   */
  timeAhead: (ahead: string, minutes: number, behind: string) =>
    tm('pairing.welcome.timeAhead', {
      ahead,
      behind,
      hours: hoursFigure(minutes),
      count: minutes < 60 ? 1 : minutes / 60,
    }),
  timeSame: (a: string, b: string) =>
    a === b ? tm('pairing.welcome.sameZone', { zone: a }) : tm('pairing.welcome.sameTime', { a, b }),
  firstCheckin: (when: Mrkdwn) => tm('pairing.welcome.firstCheckin', { when }),
  firstStep: () => tm('pairing.welcome.firstStep'),
  howToPause: () => tm('pairing.welcome.howToPause'),
  fallback: (mentor: string, mentee: string) => tm('pairing.welcome.fallback', { mentor, mentee }),

  goalsHeading: () => tm('pairing.welcome.goalsHeading'),
  goal: (n: number, title: string, success: string) => tm('pairing.welcome.goal', { n, title: bold(title), success }),
  localContextNote: (note: string) => tm('pairing.welcome.localContextNote', { note }),
  practicesHeading: () => tm('pairing.welcome.practicesHeading'),
  practices: () =>
    lines(tm('pairing.welcome.practice1'), tm('pairing.welcome.practice2'), tm('pairing.welcome.practice3')),
  goalsFallback: () => tm('pairing.welcome.goalsFallback'),
};

/** "11", "4½", "½", "5:20" for a number of minutes: a figure every language reads. */
export function hoursFigure(minutes: number): string {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const fraction =
    rest === 30 ? '½' : rest === 15 ? '¼' : rest === 45 ? '¾' : rest ? `:${String(rest).padStart(2, '0')}` : '';
  return whole === 0 && fraction ? fraction : `${whole}${fraction}`;
}

export type WelcomeMentions = 'both' | 'mentor' | 'mentee' | 'none';
