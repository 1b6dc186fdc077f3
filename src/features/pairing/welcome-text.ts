import { bold, lines, type Mrkdwn, mrkdwn, type MrkdwnValue } from '../../slack/mrkdwn';

/**
 * The sentences of the welcome message posted in a new pair's channel. Typed text (organisation,
 * country, goals, the note on local context, names) is escaped by the `mrkdwn` tag; the header is
 * plain text, shown as typed.
 */
export const welcomeText = {
  header: (mentor: string, mentee: string) => `Welcome, ${mentor} and ${mentee}!`,
  intro: () =>
    mrkdwn`This private channel is your shared space for the months ahead. Program staff set it up for you; only the two of you (and staff, where the program invites them) can read it.`,
  person: (role: string, mention: Mrkdwn, org: string, country: string, localTime: string, tz: string) =>
    lines(
      mrkdwn`*${role}:* ${mention}`,
      [org, country].filter(Boolean).join(', ') || '—',
      mrkdwn`Local time now: ${bold(localTime)} (${tz})`,
    ),
  mentorRole: () => 'Mentor',
  menteeRole: () => 'Mentee',
  goalsHeading: () => mrkdwn`*Your goals*`,
  goal: (n: number, title: string, success: string) =>
    mrkdwn`${n}. ${bold(title)}\n    _Success looks like:_ ${success}`,
  checkins: (cadence: 'weekly' | 'biweekly', start: string, end: string) =>
    mrkdwn`*How check-ins work:* ${cadence === 'weekly' ? 'every week' : 'every two weeks'} from ${start} to ${end}, I'll post a short check-in here at an hour that is reasonable for both of you. Each of you answers on your own: progress on each goal, what worked, what did not, and your next steps. If life gets busy, you can pause instead of dropping out.`,
  localContextNote: (note: string) => mrkdwn`*A note from staff on local context:* ${note}`,
  practicesHeading: () => mrkdwn`*Three practices of a good cross-cultural mentorship*`,
  practices: () =>
    lines(
      mrkdwn`1. *Local context* — understand each other's reality: country, organisation, time zone, language. Adapt advice; don't copy it.`,
      mrkdwn`2. *Commitment* — keep going through scheduling conflicts and slow results. Pause if you must; don't drift away.`,
      mrkdwn`3. *Communication* — honest, regular, two-way. If a suggestion did not work, say so; if more is possible, say that too.`,
    ),
  firstPrompt: (mentor: MrkdwnValue, mentee: MrkdwnValue) =>
    mrkdwn`*Your first step:* ${mentee}, tell ${mentor} about your organisation and the reality you work in (members, regulators, what a normal week looks like). ${mentor}, share your own context and what you hope to learn too. Reply right here in the channel.`,
  fallback: (mentor: string, mentee: string) =>
    mrkdwn`Welcome, ${mentor} and ${mentee}! This is your mentorship channel.`,
};
