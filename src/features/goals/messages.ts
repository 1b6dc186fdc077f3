import { DateTime } from 'luxon';
import { currentLanguage, t, tm } from '../../i18n';
import { GOAL_STATUS_LABELS, type GoalStatus } from '../../pairs/goal-status';
import { readableDay, slackDay } from '../../slack/dates';
import { channelLink, join, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/*
 * Every sentence the goals feature shows people, by key from the catalogues (src/i18n/locales,
 * namespace `goals`), in the reader's language in scope. Sentences for messages are `Mrkdwn`
 * (`tm`): goal titles, notes and stories are typed text, escaped once. Modal titles, labels,
 * buttons and field errors are plain text (`t`), shown as typed.
 */

const STATUS_EMOJI: Record<GoalStatus, string> = {
  not_started: ':white_circle:',
  in_progress: ':large_blue_circle:',
  achieved: ':white_check_mark:',
  changed: ':twisted_rightwards_arrows:',
  dropped: ':heavy_multiplication_x:',
};

/** Progress a check-in answer reported for a goal (the answer form's choices). */
const PROGRESS_VALUES = ['not_started', 'some_progress', 'on_track', 'stuck', 'achieved'] as const;
type Progress = (typeof PROGRESS_VALUES)[number];
const progressLabel = (p: string) =>
  (PROGRESS_VALUES as readonly string[]).includes(p) ? t(`goals.progress.${p as Progress}`) : p;

const isGoalStatus = (s: string): s is GoalStatus => Object.hasOwn(STATUS_EMOJI, s);
const emojiOf = (s: GoalStatus) => (isGoalStatus(s) ? STATUS_EMOJI[s] : '');

/** A goal's status as a short lower-case label, in the reader's language ("not started"). */
export const statusText = (s: GoalStatus) => (isGoalStatus(s) ? GOAL_STATUS_LABELS[s] : String(s));

/** A day in words for plain text (a field error cannot hold a Slack date token). */
function dayInWords(day: string): string {
  const language = currentLanguage();
  if (language === 'en') return readableDay(day);
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  return d.isValid ? d.setLocale(language).toLocaleString(DateTime.DATE_HUGE) : day;
}

export const text = {
  updateButton: () => t('goals.button.update'),
  closeButton: () => t('goals.button.close'),
  editButton: () => t('goals.button.edit'),
  addButton: () => t('goals.button.add'),

  // The goals message in the pair's channel.
  goalsFallback: (count: number) => tm('goals.list.fallback', { n: count }),
  goalsHeading: () => t('goals.list.heading'),
  goalsIntro: () => tm('goals.list.intro'),
  noGoals: () => tm('goals.list.none'),
  goalLine: (n: number, title: string, status: GoalStatus) =>
    tm('goals.list.goalLine', { emoji: emojiOf(status), n, title, status: statusText(status) }),
  success: (criteria: string) => tm('goals.list.success', { criteria }),
  /** `when` is a Slack date token (each reader sees their own day). */
  latestNote: (name: string, when: Mrkdwn, progress: string | undefined, note: string) => {
    if (progress && note) return tm('goals.list.latestBoth', { progress: progressLabel(progress), note, name, when });
    if (progress) return tm('goals.list.latestProgress', { progress: progressLabel(progress), name, when });
    return tm('goals.list.latestNote', { note, name, when });
  },
  milestone: (title: string, dueDay: string, done: boolean) =>
    tm(done ? 'goals.list.milestoneDone' : 'goals.list.milestoneOpen', {
      title,
      day: slackDay(dueDay, '{date_short_pretty}'),
    }),
  /** Who wrote a note, when their name is unknown. */
  someone: () => t('goals.list.someone'),
  closedHeading: () => tm('goals.list.closedHeading'),
  closedGoal: (title: string, status: GoalStatus, what: string) =>
    what
      ? tm('goals.list.closedGoalWhat', { emoji: emojiOf(status), title, status: statusText(status), what })
      : tm('goals.list.closedGoal', { emoji: emojiOf(status), title, status: statusText(status) }),
  moreClosed: (n: number) => tm('goals.list.moreClosed', { n }),
  maxGoalsReached: (max: number) => tm('goals.list.maxGoalsReached', { count: max }),

  // Lines in the pair's channel after a change.
  addedLine: (name: string, title: string) => tm('goals.line.added', { name, title }),
  editedLine: (name: string, title: string) => tm('goals.line.edited', { name, title }),
  updatedLine: (name: string, title: string, status: GoalStatus, noted: boolean, statusChanged: boolean) => {
    if (statusChanged)
      return tm(noted ? 'goals.line.markedNoted' : 'goals.line.marked', { name, title, status: statusText(status) });
    return tm(noted ? 'goals.line.noted' : 'goals.line.milestones', { name, title });
  },
  closedLine: (name: string, title: string, status: GoalStatus, outcome: boolean) =>
    tm(outcome ? 'goals.line.closedOutcome' : 'goals.line.closed', {
      emoji: emojiOf(status),
      name,
      title,
      status: statusText(status),
    }),

  // Modals (plain text).
  addTitle: () => t('goals.modal.addTitle'),
  addSubmit: () => t('goals.modal.addSubmit'),
  editTitle: () => t('goals.modal.editTitle'),
  editSubmit: () => t('goals.modal.save'),
  updateTitle: () => t('goals.modal.updateTitle'),
  updateSubmit: () => t('goals.modal.save'),
  closeTitle: () => t('goals.modal.closeTitle'),
  closeSubmit: () => t('goals.modal.closeSubmit'),
  cancel: () => t('goals.modal.cancel'),
  titleLabel: () => t('goals.modal.titleLabel'),
  titlePlaceholder: () => t('goals.modal.titlePlaceholder'),
  successLabel: () => t('goals.modal.successLabel'),
  statusLabel: () => t('goals.modal.statusLabel'),
  noteLabel: () => t('goals.modal.noteLabel'),
  notePlaceholder: () => t('goals.modal.notePlaceholder'),
  milestonesIntro: () => tm('goals.modal.milestonesIntro'),
  milestoneTitleLabel: (n: number) => t('goals.modal.milestoneTitleLabel', { n }),
  milestoneDueLabel: (n: number) => t('goals.modal.milestoneDueLabel', { n }),
  milestoneDoneLabel: (n: number) => t('goals.modal.milestoneDoneLabel', { n }),
  milestoneDoneOption: () => t('goals.modal.milestoneDoneOption'),
  goalIntro: (title: string, criteria: string) => tm('goals.modal.goalIntro', { title, criteria }),
  recentNotes: () => tm('goals.modal.recentNotes'),
  closeIntro: (title: string) => tm('goals.modal.closeIntro', { title }),
  closeStatusLabel: () => t('goals.modal.closeStatusLabel'),
  closeWhatLabel: () => t('goals.modal.closeWhatLabel'),
  closeWhatPlaceholder: () => t('goals.modal.closeWhatPlaceholder'),
  outcomeIntro: () => tm('goals.modal.outcomeIntro'),
  storyLabel: () => t('goals.modal.storyLabel'),
  storyPlaceholder: () => t('goals.modal.storyPlaceholder'),
  beneficiariesLabel: () => t('goals.modal.beneficiariesLabel'),
  beneficiariesPlaceholder: () => t('goals.modal.beneficiariesPlaceholder'),
  figureLabel: () => t('goals.modal.figureLabel'),
  figurePlaceholder: () => t('goals.modal.figurePlaceholder'),
  quoteLabel: () => t('goals.modal.quoteLabel'),
  quoteYes: () => t('goals.modal.quoteYes'),
  quoteNo: () => t('goals.modal.quoteNo'),
  statusOption: (goalStatus: GoalStatus) =>
    isGoalStatus(goalStatus) ? t(`goals.statusOption.${goalStatus}`) : String(goalStatus),

  // Field errors and refusals (plain text).
  titleMissing: () => t('goals.error.titleMissing'),
  titleTooLong: (max: number) => t('goals.error.titleTooLong', { count: max }),
  successMissing: () => t('goals.error.successMissing'),
  successTooLong: (max: number) => t('goals.error.successTooLong', { count: max }),
  chooseStatus: () => t('goals.error.chooseStatus'),
  noteTooLong: (max: number) => t('goals.error.noteTooLong', { count: max }),
  milestoneTitleMissing: () => t('goals.error.milestoneTitleMissing'),
  milestoneTitleTooLong: (max: number) => t('goals.error.milestoneTitleTooLong', { count: max }),
  milestoneDayMissing: () => t('goals.error.milestoneDayMissing'),
  chooseDay: () => t('goals.error.chooseDay'),
  milestoneBeforeStart: (start: string) => t('goals.error.milestoneBeforeStart', { start: dayInWords(start) }),
  milestoneTooLate: (latest: string) => t('goals.error.milestoneTooLate', { latest: dayInWords(latest) }),
  chooseClosedStatus: () => t('goals.error.chooseClosedStatus'),
  whatMissing: () => t('goals.error.whatMissing'),
  whatTooLong: (max: number) => t('goals.error.whatTooLong', { count: max }),
  storyTooLong: (max: number) => t('goals.error.storyTooLong', { count: max }),
  beneficiariesTooLong: (max: number) => t('goals.error.beneficiariesTooLong', { count: max }),
  figureTooLong: (max: number) => t('goals.error.figureTooLong', { count: max }),
  chooseQuote: () => t('goals.error.chooseQuote'),
  outcomeOnlyAchieved: () => t('goals.error.outcomeOnlyAchieved'),
  outcomeStoryMissing: () => t('goals.error.outcomeStoryMissing'),
  tooManyGoals: (max: number) => t('goals.error.tooManyGoals', { count: max }),
  tooManyStored: (max: number) => t('goals.error.tooManyStored', { count: max }),
  alreadyClosed: (status: GoalStatus) => t('goals.error.alreadyClosed', { status: statusText(status) }),
  pairGone: () => t('goals.error.pairGone'),
  goalGone: () => t('goals.error.goalGone'),
  notYours: () => t('goals.error.notYours'),
  saveFailedModal: () => t('goals.error.saveFailedModal'),
  notAPairChannel: () => t('goals.error.notAPairChannel'),
  notAPairChannelStaff: () => t('goals.error.notAPairChannelStaff'),
  notAPairChannelNamed: (channelId: string) =>
    tm('goals.error.notAPairChannelNamed', { channel: channelLink(channelId) }).text,
  onlyStaffName: () => t('goals.error.onlyStaffName'),
  goalsUsage: () => t('goals.error.goalsUsage'),

  // /mentorship outcomes (staff).
  staffOnly: () => t('goals.error.staffOnly'),
  pairLabel: (mentor: string, mentee: string) => t('goals.outcomes.pairLabel', { mentor, mentee }),
  outcomesFallback: (count: number) => tm('goals.outcomes.fallback', { n: count }),
  outcomesHeading: (count: number) => t('goals.outcomes.heading', { n: count }),
  noOutcomes: () => tm('goals.outcomes.none'),
  /** One outcome for staff: where, which goal, when and by whom, whether it may be quoted, then the typed parts. */
  outcome: (
    where: Mrkdwn,
    goalTitle: string,
    when: Mrkdwn,
    recordedBy: string,
    quoteConsent: boolean,
    figure: string,
    beneficiaries: string,
    story: string,
  ) =>
    join(
      [
        goalTitle
          ? tm('goals.outcomes.whereGoal', { where, goal: goalTitle, when, by: recordedBy })
          : tm('goals.outcomes.where', { where, when, by: recordedBy }),
        tm(quoteConsent ? 'goals.outcomes.quotable' : 'goals.outcomes.notQuotable'),
        ...(figure ? [tm('goals.outcomes.figure', { figure })] : []),
        ...(beneficiaries ? [tm('goals.outcomes.beneficiaries', { beneficiaries })] : []),
        mrkdwn`${story}`,
      ],
      '\n',
    ),
  moreOutcomes: (n: number) => tm('goals.outcomes.more', { n }),
  exportHint: () => tm('goals.outcomes.exportHint'),
};
