import { currentLanguage, t, tm } from '../../i18n';
import { readableDay, slackDay } from '../../slack/dates';
import { channelLink, italic, join, lines, type Mrkdwn, mention } from '../../slack/mrkdwn';
import { GOAL_PROGRESS, MET_ANSWERS } from './model';

/**
 * Every sentence of the check-ins feature, from the catalogues (src/i18n/locales, namespace
 * `checkins`), in the reader's language in scope. Sentences for messages are `Mrkdwn` (`tm`): typed
 * text (goal titles, answers, next steps) is escaped once. Labels, options and errors are plain
 * strings (`t`), shown as typed.
 */

type Met = (typeof MET_ANSWERS)[number];
type GoalProgress = (typeof GOAL_PROGRESS)[number];
const isMet = (m: string): m is Met => (MET_ANSWERS as readonly string[]).includes(m);
const isGoalProgress = (s: string): s is GoalProgress => (GOAL_PROGRESS as readonly string[]).includes(s);

/**
 * The locale a local time is written in ("Tue 19:00"): British English for English readers, and
 * Latin digits in Arabic, as in the rest of the sentence (counts and numbers are written 0-9).
 */
export function timeLocale(): string {
  const lang = currentLanguage();
  return lang === 'en' ? 'en-GB' : lang === 'ar' ? 'ar-u-nu-latn' : lang;
}

export type ReplyStatus = 'answered' | 'did_not_meet' | 'skipped' | 'waiting';
/** The fields whose length the reply form limits. */
export type LimitedField = 'nextStep' | 'goalNote' | 'worked' | 'didNotWork' | 'adaptation' | 'blockers' | 'staffNote';

export const text = {
  promptHeader: (period: number, kind: string) =>
    kind === 'welcome_back'
      ? t('checkins.prompt.headerWelcomeBack', { period })
      : t('checkins.prompt.header', { period }),
  /** `mentor` and `mentee`: a mention, or a plain name when it is night or a day off for them. */
  promptIntro: (mentor: Mrkdwn, mentorTime: string, mentee: Mrkdwn, menteeTime: string) =>
    tm('checkins.prompt.intro', { mentor, mentorTime, mentee, menteeTime }),
  welcomeBackIntro: () => tm('checkins.prompt.welcomeBack'),
  lateNote: (dueDay: string) => italic(tm('checkins.prompt.late', { day: slackDay(dueDay) })),
  /** The goals, one per line. */
  goalsList: (titles: string[]) =>
    lines(tm('checkins.prompt.goals'), ...titles.map((title, i) => tm('checkins.prompt.goal', { n: i + 1, title }))),
  /** Open next steps: the owner's name as plain text, never a mention (the prompt must not ping anyone about them). */
  yourPartner: () => t('checkins.prompt.yourPartner'),
  openStepsHeading: () => tm('checkins.prompt.openSteps'),
  openStepItem: (owner: string, what: string, day: Mrkdwn, overdue: boolean) =>
    tm(overdue ? 'checkins.prompt.openStepOverdue' : 'checkins.prompt.openStep', { what, owner, day }),
  answerBy: (day: Mrkdwn) => tm('checkins.prompt.answerBy', { day }),
  questions: () => tm('checkins.prompt.questions'),
  replyButton: () => t('checkins.buttons.answer'),
  /** A DM to someone the prompt could not @-mention (it was night or a day off for them). */
  checkinDm: (period: number, partner: string, channelId: string) =>
    tm('checkins.dm.open', { period, partner, channel: channelLink(channelId) }),
  didNotMeetButton: () => t('checkins.buttons.didNotMeet'),
  skipButton: () => t('checkins.buttons.skip'),
  /** Who answered, on the prompt: "✅ Alice answered · ⏭ Karim skipped this week". */
  /** `who`: a mention, or a plain name when the prompt went out at night or on a day off for them. */
  repliedStatus: (entries: Array<{ who: Mrkdwn; status: ReplyStatus }>) =>
    join(
      entries.map(({ who, status }) => {
        if (status === 'answered') return tm('checkins.status.answered', { who });
        if (status === 'did_not_meet') return tm('checkins.status.didNotMeet', { who });
        if (status === 'skipped') return tm('checkins.status.skipped', { who });
        return tm('checkins.status.waiting', { who });
      }),
      '  ·  ',
    ),
  fallback: (period: number) => tm('checkins.prompt.fallback', { period }),

  // ---- replying to a check-in ----
  checkinNotFound: () => t('checkins.reply.notFound'),
  notInPair: () => t('checkins.reply.notInPair'),
  editingClosed: (period: number) => t('checkins.reply.editingClosed', { period }),
  saveFailed: () => t('checkins.reply.saveFailed'),
  replyModalTitle: (period: number) => t('checkins.reply.title', { period }).slice(0, 24),
  replySubmit: (editing: boolean) => (editing ? t('checkins.reply.saveChanges') : t('checkins.reply.send')),
  cancel: () => t('checkins.reply.cancel'),
  choose: () => t('checkins.reply.choose'),
  replyIntro: (partner: Mrkdwn | string, editing: boolean) =>
    tm(editing ? 'checkins.reply.introEditing' : 'checkins.reply.intro', { partner }),
  metLabel: (period: number) => (period <= 1 ? t('checkins.reply.metFirst') : t('checkins.reply.met')),
  /** "Yes", "No", "We rescheduled"; anything else as stored. */
  metAnswer: (met: string) => (isMet(met) ? t(`checkins.reply.metAnswer.${met}`) : met),
  goalsHeading: () => tm('checkins.reply.goalsHeading'),
  goalStatusLabel: (n: number, title: string) => t('checkins.reply.goalStatusLabel', { n, title }),
  goalNoteLabel: (n: number) => t('checkins.reply.goalNoteLabel', { n }),
  goalStatusHint: () => t('checkins.reply.goalStatusHint'),
  /** "Not started", "On track"…; anything else as stored. */
  goalStatus: (status: string) => (isGoalProgress(status) ? t(`checkins.reply.goalStatus.${status}`) : status),
  workedLabel: () => t('checkins.reply.workedLabel'),
  didNotWorkLabel: () => t('checkins.reply.didNotWorkLabel'),
  didNotWorkHint: () => t('checkins.reply.didNotWorkHint'),
  adaptationLabel: () => t('checkins.reply.adaptationLabel'),
  nextStepsHeading: () => tm('checkins.reply.nextStepsHeading'),
  addNextStepButton: () => t('checkins.reply.addNextStep'),
  nextStepWhatLabel: (n: number) => t('checkins.reply.nextStepWhat', { n }),
  nextStepWhoLabel: (n: number) => t('checkins.reply.nextStepWho', { n }),
  nextStepByLabel: (n: number) => t('checkins.reply.nextStepBy', { n }),
  personOption: (name: string, role: 'mentor' | 'mentee') =>
    t(role === 'mentor' ? 'checkins.reply.personMentor' : 'checkins.reply.personMentee', { name }).slice(0, 75),
  blockersLabel: () => t('checkins.reply.blockersLabel'),
  staffNoteLabel: () => t('checkins.reply.staffNoteLabel'),
  staffNoteHint: () => t('checkins.reply.staffNoteHint'),

  // after an answer
  thankYou: (period: number, channelId: string | undefined) =>
    channelId
      ? tm('checkins.thanks.answer', { period, channel: channelLink(channelId) })
      : tm('checkins.thanks.answerNoChannel', { period }),
  thankYouQuick: (period: number, answer: 'did_not_meet' | 'skipped', channelId: string | undefined) => {
    if (!channelId)
      return tm(answer === 'skipped' ? 'checkins.thanks.skippedNoChannel' : 'checkins.thanks.didNotMeetNoChannel', {
        period,
      });
    const channel = channelLink(channelId);
    return tm(answer === 'skipped' ? 'checkins.thanks.skipped' : 'checkins.thanks.didNotMeet', { period, channel });
  },
  alreadyAnswered: (period: number) => t('checkins.thanks.alreadyAnswered', { period }),

  // validation
  fixTheForm: () => t('checkins.errors.fixTheForm'),
  chooseMet: () => t('checkins.errors.chooseMet'),
  chooseGoalStatus: () => t('checkins.errors.chooseGoalStatus'),
  formOutOfDate: () => t('checkins.errors.formOutOfDate'),
  tooLong: (field: LimitedField, max: number) => t(`checkins.errors.tooLong.${field}`, { max }),
  nextStepNeedsDate: () => t('checkins.errors.nextStepNeedsDate'),
  nextStepNeedsWhat: () => t('checkins.errors.nextStepNeedsWhat'),
  nextStepNeedsOwner: () => t('checkins.errors.nextStepNeedsOwner'),
  chooseADate: () => t('checkins.errors.chooseADate'),
  dateInThePast: (today: string) => t('checkins.errors.dateInThePast', { today: readableDay(today) }),
  dateAfterProgram: (latest: string, days: number) =>
    t('checkins.errors.dateAfterProgram', { latest: readableDay(latest), count: days }),

  // the summary in the prompt's thread
  summaryHeading: (userId: string, period: number, edited: boolean) =>
    tm(edited ? 'checkins.summary.headingEdited' : 'checkins.summary.heading', { who: mention(userId), period }),
  summaryMet: (answer: string, period: number) =>
    tm(period <= 1 ? 'checkins.summary.metFirst' : 'checkins.summary.met', { answer }),
  summaryGoals: () => tm('checkins.summary.goals'),
  summaryGoal: (title: string, status: string, note: string) => {
    if (status && note) return tm('checkins.summary.goalStatusNote', { title, status, note });
    if (status) return tm('checkins.summary.goalStatus', { title, status });
    if (note) return tm('checkins.summary.goalNote', { title, note });
    return tm('checkins.summary.goal', { title });
  },
  summaryWorked: () => tm('checkins.summary.worked'),
  summaryDidNotWork: () => tm('checkins.summary.didNotWork'),
  summaryAdaptation: () => tm('checkins.summary.adaptation'),
  summaryNextSteps: () => tm('checkins.summary.nextSteps'),
  /** `owner`: a mention, or a plain name when it is night or a day off for them. */
  summaryNextStep: (owner: Mrkdwn, what: string, day: string) =>
    tm('checkins.summary.nextStep', { owner, what, day: slackDay(day) }),
  summaryBlockers: () => tm('checkins.summary.blockers'),
  summaryFallback: (userId: string, period: number) =>
    tm('checkins.summary.fallback', { who: mention(userId), period }),
};
