import { type Mrkdwn, bold, channelLink, mention, mrkdwn, join, lines } from '../../slack/mrkdwn';
import type { FeedbackPoint, Visibility } from './forms';
import { TOTALS_MIN_ANSWERS } from './forms';

const POINT_NAMES: Record<FeedbackPoint, string> = {
  one_month: 'one-month',
  midpoint: 'midpoint',
  end: 'end-of-program',
  anytime: 'quick',
};

/** Every sentence of the feedback feature. */
export const text = {
  giveButton: () => 'Give feedback',
  formTitle: (point: FeedbackPoint) =>
    ({ one_month: 'One-month feedback', midpoint: 'Midpoint feedback', end: 'End feedback', anytime: 'Feedback' })[
      point
    ],
  submit: () => 'Send',
  close: () => 'Cancel',
  formIntro: (partnerId: string): Mrkdwn =>
    mrkdwn`About your mentorship with ${mention(partnerId)}. Under each question, choose who sees your answer.`,
  totalsExplained: (): Mrkdwn =>
    mrkdwn`_Counted only in totals_: staff see only program-wide figures, and only once at least ${TOTALS_MIN_ANSWERS} people answered that question; written answers are only counted, never shown. There is no "anonymous to staff": in a pair of two, the bot could not keep that promise.`,
  visibilityLabel: () => 'Who sees this answer',
  visibilityOption: (v: Visibility) =>
    ({
      shared: "Shared: posted in your pair's channel, with your name",
      staff_only: 'Staff only: never shown to your partner',
      totals_only: 'Counted only in totals (5+ people)',
    })[v],
  fixedVisibility: (v: Visibility, partnerIsStaff = false) =>
    ({
      shared: "Who sees this: your pair's channel, with your name.",
      staff_only: partnerIsStaff
        ? 'Who sees this: program staff only. Your partner is staff too.'
        : 'Who sees this: program staff only, never your partner.',
      totals_only: 'Who sees this: staff, as program-wide figures only.',
    })[v],
  /** When the partner is program staff, "staff only" reaches them: the form says so. */
  staffOnlyWhenPartnerIsStaff: () => 'Staff only: program staff, your partner too',
  partnerIsStaff: (): Mrkdwn =>
    mrkdwn`:warning: Your partner is also program staff, so they can read answers marked _staff only_. For something they must not read, choose _counted only in totals_, or talk to another staff member.`,
  choose: () => 'Choose',
  urgentLabel: () => 'Urgent?',
  urgentOption: () => 'This is urgent: tell staff now',
  goalProgress: (title: string) => `Progress: ${title}`,

  requestDm: (point: FeedbackPoint, channelId?: string): Mrkdwn =>
    lines(
      mrkdwn`Time for your ${POINT_NAMES[point]} feedback${channelId ? mrkdwn` about ${channelLink(channelId)}` : ''}: a few short questions, about two minutes.`,
      mrkdwn`Each question says who will see your answer, and you choose.`,
    ),
  reminderDm: (point: FeedbackPoint, channelId?: string): Mrkdwn =>
    mrkdwn`A gentle reminder: your ${POINT_NAMES[point]} feedback${channelId ? mrkdwn` about ${channelLink(channelId)}` : ''} is still open. This is the only reminder.`,

  sharedHeader: (userId: string, point: FeedbackPoint): Mrkdwn =>
    mrkdwn`${mention(userId)} shared some ${POINT_NAMES[point]} feedback:`,
  sharedLine: (label: string, answer: string): Mrkdwn => mrkdwn`${bold(label)}\n${answer}`,

  alert: (userId: string, channelId: string | undefined, reasons: string[]): Mrkdwn =>
    lines(
      mrkdwn`:rotating_light: ${bold('Feedback needs attention')}: ${mention(userId)}${channelId ? mrkdwn` in ${channelLink(channelId)}` : ''}.`,
      join(
        reasons.map((r) => mrkdwn`• ${r}`),
        '\n',
      ),
    ),
  alertNotAFit: () => 'answered "not a good fit"',
  alertSatisfaction: () => 'rated their satisfaction 1 out of 5',
  alertUrgent: (concern: string) => `marked a concern urgent: "${concern}"`,

  notYourPair: () => 'This form is not about one of your mentorships, so nothing was saved.',
  pairGone: () => 'This mentorship no longer exists, so nothing was saved.',
  pairEnded: () => 'This mentorship has ended, so it takes no more feedback. To tell staff something, write to them.',
  formNotOpen: () => 'This feedback form is not open for you yet, so nothing was saved.',
  required: () => 'Please answer this question.',
  badValue: () => 'Please choose one of the answers.',
  tooLong: (max: number) => `Please keep this under ${max} characters.`,
  badVisibility: () => 'Please choose who sees this answer.',

  noPair: () => 'You have no mentorship to give feedback about. If you think you should, ask your program staff.',
  severalPairs: (channelIds: string[]): string =>
    mrkdwn`You are in more than one mentorship: type \`/mentorship feedback\` in the channel of the one you mean (${join(channelIds.map(channelLink), ', ')}).`
      .text,
  notInThisPair: () => 'This is not your mentorship channel. Type `/mentorship feedback` in your own pair channel.',
  staffNoForm: () =>
    'Feedback forms are for the mentor and mentee. Staff see answers with `/mentorship status`, `/mentorship feedback totals` and `/mentorship export feedback`.',

  totalsTitle: () => 'Feedback totals (program-wide)',
  totalsFewer: () => `fewer than ${TOTALS_MIN_ANSWERS} people answered`,
  totalsNone: () => 'No feedback counted only in totals yet.',
  totalsOnlyStaff: () => 'Only program staff can see feedback totals.',
};

/** Sentences of the staff views of feedback (status, totals, digest). */
export const staffText = {
  statusHeading: (): Mrkdwn =>
    mrkdwn`*Feedback* (shared and staff-only answers; totals-only answers are never shown here)`,
  statusNone: (): Mrkdwn => mrkdwn`*Feedback*: none that staff may read yet.`,
  statusRow: (
    userId: string,
    point: FeedbackPoint,
    question: string,
    answer: string,
    staffOnly: boolean,
    urgent: boolean,
  ): Mrkdwn =>
    mrkdwn`${mention(userId)} (${POINT_NAMES[point]}${staffOnly ? ', staff only' : ''}${urgent ? ', urgent' : ''}) ${bold(question)}: ${answer}`,
  statusMore: (n: number): Mrkdwn => mrkdwn`…and ${n} more answers: \`/mentorship export feedback\`.`,
  totalsHeading: (): Mrkdwn => mrkdwn`*${text.totalsTitle()}*: answers people chose to have counted only in totals.`,
  totalsLine: (point: FeedbackPoint, question: string, figure: string): Mrkdwn =>
    mrkdwn`• ${POINT_NAMES[point]}: ${question}: ${figure}`,
  average: (avg: number, n: number) => `average ${avg} (${n} answers)`,
  counts: (parts: string[], n: number) => `${parts.join(', ')} (${n} answers)`,
  textCount: (written: number, n: number) => `${written} of ${n} wrote something (not shown)`,
  digestLine: (given: number, due: number): Mrkdwn =>
    mrkdwn`*Feedback*: ${given} form${given === 1 ? '' : 's'} given, ${due} request${due === 1 ? '' : 's'} still open.`,
};
