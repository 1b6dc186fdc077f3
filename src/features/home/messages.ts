import { slackDateTime, slackDay, slackDayOf } from '../../slack/dates';
import { bold, channelLink, code, italic, join, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/*
 * Every sentence of the App Home tab. Sentences shown on the tab are `Mrkdwn`: text people typed
 * (goal titles, next steps, outcomes, organisations) is escaped by the `mrkdwn` tag. Buttons,
 * modal titles and labels are plain text, shown as typed.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "Mon–Fri" for consecutive days, else "Mon, Wed, Fri". */
function dayRange(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 0) return 'no working days';
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (consecutive && sorted.length > 2) return `${WEEKDAYS[sorted[0]]}–${WEEKDAYS[sorted.at(-1)!]}`;
  return sorted.map((d) => WEEKDAYS[d]).join(', ');
}

export const text = {
  participantTitle: () => 'Your mentorships',
  notPaired: () =>
    mrkdwn`You are not in a mentoring pair yet. Program staff will pair you and invite you to a private channel.`,
  /** The first line of a live pair: who the person is in it, with whom, and where. */
  pairLine: (role: 'mentor' | 'mentee', partnerId: string, channelId: string | undefined, paused: boolean) =>
    mrkdwn`You are the ${bold(role)} with ${mention(partnerId)} · ${channelId ? channelLink(channelId) : italic('channel being set up')}${paused ? mrkdwn` · ${italic('paused')}` : ''}`,
  partnerTime: (localTime: string, tz: string, hours?: { startHour: number; endHour: number; days: number[] }) =>
    mrkdwn`:clock3: Their time: ${bold(localTime)} in ${tz}${hours ? mrkdwn` · works ${hh(hours.startHour)}–${hh(hours.endHour)}, ${dayRange(hours.days)}` : ''}`,
  partnerOrganisation: (organisation: string) => mrkdwn`:office: ${organisation}`,
  partnerTimeUnknown: () => mrkdwn`:clock3: Their time zone is not on record yet.`,
  nextCheckin: (at: Date) =>
    mrkdwn`:calendar: Next check-in: ${bold(slackDateTime(at, '{date_short_pretty} at {time}'))}`,
  pausedUntil: (until: Mrkdwn) => mrkdwn`:double_vertical_bar: Paused until ${bold(until)}`,
  pausedIndefinitely: () => mrkdwn`:double_vertical_bar: Paused`,
  noNextCheckin: () => mrkdwn`:calendar: No check-in left in the program.`,
  programDates: (startDate: string, endDate: string) =>
    mrkdwn`From ${slackDay(startDate, '{date_short_pretty}')} to ${slackDay(endDate, '{date_short_pretty}')}`,
  checkinWaiting: (period: number) => mrkdwn`:speech_balloon: Check-in #${period} is waiting for your answer.`,
  feedbackDue: (point: string) => mrkdwn`:memo: ${bold('Feedback due')} (${point}): a few short questions.`,
  goalsTitle: () => mrkdwn`${bold('Goals')}`,
  goal: (title: string, status: string) => mrkdwn`• ${title} — ${italic(status)}`,
  noGoals: () => mrkdwn`${bold('Goals')}: none yet.`,
  moreGoals: (n: number) => mrkdwn`…and ${plural(n, 'more goal')}.`,
  commitmentsTitle: () => mrkdwn`${bold('Open next steps')}`,
  commitment: (ownerId: string, what: string, dueDay: string) =>
    mrkdwn`• ${mention(ownerId)}: “${what}” — due ${slackDay(dueDay, '{date_short_pretty}')}`,
  moreCommitments: (n: number) => mrkdwn`…and ${plural(n, 'more next step')}.`,
  outcomesTitle: () => mrkdwn`${bold('Outcomes')}`,
  outcome: (story: string, figure?: string) => mrkdwn`• ${story}${figure ? mrkdwn` (${figure})` : ''}`,
  moreOutcomes: (n: number) => mrkdwn`…and ${plural(n, 'more outcome')}.`,
  endedTitle: () => mrkdwn`${bold('Ended')}`,
  endedPair: (role: 'mentor' | 'mentee', partnerId: string, startDate: string, endDate: string) =>
    mrkdwn`• ${role === 'mentor' ? 'Mentor' : 'Mentee'} with ${mention(partnerId)}, ${slackDay(startDate, '{date_short_pretty}')} to ${slackDay(endDate, '{date_short_pretty}')}`,
  morePairs: (n: number) =>
    mrkdwn`…and ${plural(n, 'more mentorship')}: type ${code('/mentorship')} in their channels to act on them.`,

  pointOneMonth: () => 'one month in',
  pointMidpoint: () => 'midpoint',
  pointEnd: () => 'end of the program',
  pointAnytime: () => 'any time',
  replyButton: () => 'Reply to check-in',
  pauseButton: () => 'Pause',
  resumeButton: () => 'Resume now',
  statusButton: () => 'Pair status',
  digestButton: () => 'Digest preview',

  staffTitle: () => 'Program at a glance',
  staffCounts: (total: number, parts: string[]) =>
    mrkdwn`${bold(plural(total, 'live pair'))}${parts.length ? mrkdwn`: ${join(parts, ' · ')}` : ''}`,
  stateCount: (label: string, n: number) => `${label}: ${n}`,
  feedbackDueCount: (n: number) =>
    n === 0
      ? mrkdwn`:memo: No feedback request is waiting for an answer.`
      : mrkdwn`:memo: Feedback due: ${bold(plural(n, 'request'))} not answered yet.`,
  attentionTitle: () => mrkdwn`${bold('Needs attention or at risk')}`,
  noAttention: () => mrkdwn`${bold('Needs attention or at risk')}: none. :tada:`,
  attentionRow: (state: string, mentorId: string, menteeId: string, channelId: string | undefined, reason: string) =>
    mrkdwn`${bold(state)} · ${mention(mentorId)} and ${mention(menteeId)}${channelId ? mrkdwn` · ${channelLink(channelId)}` : ''}${reason ? mrkdwn`\n${italic(reason)}` : ''}`,
  moreAttention: (n: number) =>
    mrkdwn`…and ${plural(n, 'more pair')} needing attention or at risk — ${code('/mentorship list')}`,
  moreOnTrack: (n: number) => mrkdwn`…and ${plural(n, 'more pair')} on track or new — ${code('/mentorship list')}`,
  endingTitle: () => mrkdwn`${bold('Ending within 30 days')}`,
  noneEnding: () => mrkdwn`${bold('Ending within 30 days')}: none.`,
  endingRow: (mentorId: string, menteeId: string, endDate: string) =>
    mrkdwn`• ${mention(mentorId)} and ${mention(menteeId)} — ends ${slackDay(endDate, '{date_short_pretty}')}`,
  moreEnding: (n: number) => mrkdwn`…and ${plural(n, 'more pair')} ending soon — ${code('/mentorship list')}`,
  staffHint: () =>
    mrkdwn`Create pairs with ${code('/mentorship pair')}, see them all with ${code('/mentorship list')}.`,

  pauseModalTitle: () => 'Pause mentorship',
  pauseModalSubmit: () => 'Pause',
  cancel: () => 'Cancel',
  close: () => 'Close',
  pauseModalIntro: (partnerId: string, channelId: string | undefined) =>
    mrkdwn`No check-ins with ${mention(partnerId)} while paused${channelId ? mrkdwn`; both of you are told in ${channelLink(channelId)}` : ''}. You can resume any time from here or with ${code('/mentorship resume')}.`,
  pauseLengthLabel: () => 'How long',
  weeks: (n: number) => plural(n, 'week'),
  chooseLength: () => 'Choose how long the pause lasts.',
  reasonTooLong: (max: number) => `The reason can be at most ${max} characters.`,
  pauseReasonLabel: () => 'Why (optional; your partner sees it)',
  pausedUntilDay: (day: string) => slackDay(day, '{date_long}'),
  pausedUntilAt: (at: Date) => slackDayOf(at, '{date_long}'),
  notYours: () => 'That is not one of your mentorships.',
  pairGone: () => 'That mentorship no longer exists.',
  digestTitle: () => 'Digest preview',
  digestBuilding: () => mrkdwn`Building the digest preview… it appears here in a moment.`,
  digestFailed: () => mrkdwn`The digest preview could not be built just now. Try \`/mentorship digest\`.`,
  staffOnly: () => 'Sorry, only program staff can do that.',
};
