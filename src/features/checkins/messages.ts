import { slackDay } from '../../slack/dates';
import { channelLink, italic, join, lines, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the check-ins feature, in one place. Sentences for messages are `Mrkdwn`:
 * typed text (goal titles, answers, next steps) is escaped by the `mrkdwn` tag. Labels, options and
 * errors are plain strings, shown as typed.
 */
export const text = {
  promptHeader: (period: number, kind: string) =>
    kind === 'welcome_back' ? `Welcome back! Check-in #${period}` : `Check-in #${period}`,
  /** `mentor` and `mentee`: a mention, or a plain name when it is night or a day off for them. */
  promptIntro: (mentor: Mrkdwn, mentorTime: string, mentee: Mrkdwn, menteeTime: string) =>
    mrkdwn`Time to check in, ${mentor} (${mentorTime} for you) and ${mentee} (${menteeTime} for you).`,
  welcomeBackIntro: () =>
    mrkdwn`Your pause is over: welcome back. Pick up where you left off, or tell each other what changed.`,
  lateNote: (dueDay: string) =>
    italic(
      mrkdwn`This check-in was due on ${slackDay(dueDay)}. The bot was offline then, so it comes late. It still counts.`,
    ),
  /** The goals, one per line. */
  goalsList: (titles: string[]) => lines(mrkdwn`*Goals*`, ...titles.map((t, i) => mrkdwn`${i + 1}. ${t}`)),
  /** Open next steps: the owner's name as plain text, never a mention (the prompt must not ping anyone about them). */
  yourPartner: () => 'your partner',
  openStepsHeading: () => mrkdwn`*Open next steps*`,
  openStepItem: (owner: string, what: string, due: Mrkdwn, overdue: boolean) =>
    mrkdwn`• ${what} (${owner}, by ${due}${overdue ? ', overdue' : ''})`,
  answerBy: (by: Mrkdwn) =>
    mrkdwn`*Answer by ${by}.* If you did not meet, or want to skip this week, one tap is enough.`,
  questions: () =>
    mrkdwn`Each of you answers on your own. The form asks about your goals, *what worked*, *what did not work and why*, and your next steps.`,
  replyButton: () => 'Answer',
  /** A DM to someone the prompt could not @-mention (it was night or a day off for them). */
  checkinDm: (period: number, partnerName: string, channelId: string) =>
    mrkdwn`Check-in #${period} for you and ${partnerName} is open. Please answer in ${channelLink(channelId)}.`,
  didNotMeetButton: () => 'We did not meet this week',
  skipButton: () => 'Skip this week',
  /** Who answered, on the prompt: "✅ Alice answered · ⏭ Karim skipped this week". */
  /** `who`: a mention, or a plain name when the prompt went out at night or on a day off for them. */
  repliedStatus: (entries: Array<{ who: Mrkdwn; status: 'answered' | 'did_not_meet' | 'skipped' | 'waiting' }>) =>
    join(
      entries.map((e) => {
        if (e.status === 'answered') return mrkdwn`:white_check_mark: ${e.who} answered`;
        if (e.status === 'did_not_meet') return mrkdwn`:white_check_mark: ${e.who}: we did not meet this week`;
        if (e.status === 'skipped')
          return mrkdwn`:black_right_pointing_double_triangle_with_vertical_bar: ${e.who} skipped this week`;
        return mrkdwn`:hourglass_flowing_sand: ${e.who} has not answered yet`;
      }),
      '  ·  ',
    ),
  fallback: (period: number) => mrkdwn`Check-in #${period}: time to check in with each other.`,

  // ---- replying to a check-in ----
  checkinNotFound: () => 'This check-in no longer exists.',
  notInPair: () => 'Only the mentor and the mentee of this pair can answer its check-ins.',
  editingClosed: (period: number) =>
    `The next check-in has been posted, so your answer to check-in #${period} can no longer be edited. Answer the new one instead.`,
  saveFailed: () =>
    "We couldn't save your answer just now (the database is unreachable). Nothing is lost: press Send again in a minute.",
  replyModalTitle: (period: number) => `Check-in #${period}`.slice(0, 24),
  replySubmit: (editing: boolean) => (editing ? 'Save changes' : 'Send'),
  replyIntro: (partner: Mrkdwn | string, editing: boolean) =>
    mrkdwn`${editing ? 'You are editing your answer. ' : ''}Answer on your own: ${partner} answers separately. Your answer is posted in the check-in's thread for both of you, except the note for staff.`,
  metLabel: (period: number) => (period <= 1 ? 'Did you meet this week?' : 'Did you meet since the last check-in?'),
  metOptions: { yes: 'Yes', no: 'No', rescheduled: 'We rescheduled' } as Record<string, string>,
  goalsHeading: () => mrkdwn`*Progress on each goal*`,
  goalStatusLabel: (n: number, title: string) => `Goal ${n}: ${title}`,
  goalNoteLabel: (n: number) => `Goal ${n}: a short note`,
  goalStatusHint: () => 'If you did not meet, you can leave this empty.',
  goalStatuses: {
    not_started: 'Not started',
    some_progress: 'Some progress',
    on_track: 'On track',
    stuck: 'Stuck',
    achieved: 'Achieved',
  } as Record<string, string>,
  workedLabel: () => 'What worked?',
  didNotWorkLabel: () => 'What did not work, and why?',
  didNotWorkHint: () =>
    'Honesty helps both of you: if a suggestion did not fit local conditions (rules, customs, budget, timing), say so and why.',
  adaptationLabel: () => 'How was advice adapted to your local context?',
  nextStepsHeading: () => mrkdwn`*Next steps*: what, who, by when.`,
  addNextStepButton: () => 'Add another next step',
  nextStepWhatLabel: (n: number) => `Next step ${n}: what`,
  nextStepWhoLabel: (n: number) => `Next step ${n}: who`,
  nextStepByLabel: (n: number) => `Next step ${n}: by when`,
  personOption: (name: string, role: string) => `${name} (${role})`.slice(0, 75),
  roleMentor: () => 'mentor',
  roleMentee: () => 'mentee',
  blockersLabel: () => 'Is there a problem that stops your progress?',
  staffNoteLabel: () => 'Note for staff only (not shared with your partner)',
  staffNoteHint: () => 'Only program staff can read this.',
  optional: () => 'Optional',

  // after an answer
  thankYou: (period: number, channelId: string | undefined) =>
    mrkdwn`Thank you. Your answer is in the thread of check-in #${period}${channelId ? mrkdwn` in ${channelLink(channelId)}` : ''}.`,
  thankYouQuick: (period: number, answer: 'did_not_meet' | 'skipped', channelId: string | undefined) =>
    mrkdwn`Thank you. Check-in #${period}${channelId ? mrkdwn` in ${channelLink(channelId)}` : ''} now shows ${answer === 'skipped' ? 'that you skip this week' : 'that you did not meet this week'}. To say more, press Answer.`,
  alreadyAnswered: (period: number) =>
    `You already answered check-in #${period}. To change your answer, press Answer and edit it.`,

  // validation
  fixTheForm: () => 'Please correct the highlighted fields.',
  chooseMet: () => 'Say whether you met.',
  chooseGoalStatus: () => 'Choose where this goal stands.',
  formOutOfDate: () => "The pair's goals changed while you were answering: close this form and open it again.",
  tooLong: (label: string, max: number) => `${label} can be at most ${max} characters.`,
  nextStepNeedsDate: () => 'Choose by when this next step will be done.',
  nextStepNeedsWhat: () => 'Say what will be done, or clear the date.',
  nextStepNeedsOwner: () => 'Choose who will do it: the mentor or the mentee.',
  chooseADate: () => 'Choose a date.',
  dateInThePast: (today: string) =>
    `This date is in the past (today is ${today} for you). Choose today or a later day.`,
  dateAfterProgram: (latest: string, days: number) =>
    `This is more than ${days} days after the program ends: choose ${latest} or earlier.`,

  // the summary in the prompt's thread
  summaryHeading: (userId: string, period: number, edited: boolean) =>
    mrkdwn`*${mention(userId)} answered check-in #${period}*${edited ? mrkdwn` _(edited)_` : ''}`,
  summaryMet: (answer: string, period: number) =>
    period <= 1 ? mrkdwn`*Met this week:* ${answer}` : mrkdwn`*Met since the last check-in:* ${answer}`,
  summaryGoals: () => mrkdwn`*Goals*`,
  summaryGoal: (title: string, status: string, note: string) =>
    mrkdwn`• ${title}${status ? mrkdwn`: *${status}*` : ''}${note ? mrkdwn` — ${note}` : ''}`,
  summaryWorked: () => mrkdwn`*What worked*`,
  summaryDidNotWork: () => mrkdwn`*What did not work, and why*`,
  summaryAdaptation: () => mrkdwn`*Adapting advice to the local context*`,
  summaryNextSteps: () => mrkdwn`*Next steps*`,
  /** `owner`: a mention, or a plain name when it is night or a day off for them. */
  summaryNextStep: (owner: Mrkdwn, what: string, dueDay: string) => mrkdwn`• ${owner}: ${what} (by ${dueDay})`,
  summaryBlockers: () => mrkdwn`*Problems that stop progress*`,
  summaryFallback: (userId: string, period: number) => mrkdwn`${mention(userId)} answered check-in #${period}.`,
};
