import { slackDay } from '../../slack/dates';
import { bold, italic, join, type Mrkdwn, mrkdwn, channelLink } from '../../slack/mrkdwn';
import { GOAL_STATUS_LABELS, type GoalStatus } from '../../pairs/goal-status';
import { readableDay } from '../../slack/dates';

/*
 * Every sentence the goals feature shows people, in one place, built from parameters. Sentences
 * for messages are `Mrkdwn`: goal titles, notes and stories are typed text, escaped by the
 * `mrkdwn` tag. Modal titles, labels, buttons and field errors are plain text, shown as typed.
 */

/** What a check-in answer reported for a goal (the answer form's choices). */
const PROGRESS_LABELS: Record<string, string> = {
  not_started: 'not started',
  some_progress: 'some progress',
  on_track: 'on track',
  stuck: 'stuck',
  achieved: 'reported achieved',
};

const STATUS_EMOJI: Record<GoalStatus, string> = {
  not_started: ':white_circle:',
  in_progress: ':large_blue_circle:',
  achieved: ':white_check_mark:',
  changed: ':twisted_rightwards_arrows:',
  dropped: ':heavy_multiplication_x:',
};

export const text = {
  updateButton: () => 'Update',
  closeButton: () => 'Close',
  editButton: () => 'Edit',
  addButton: () => 'Add a goal',

  // The goals message in the pair's channel.
  goalsFallback: (count: number) => mrkdwn`Your goals (${count}).`,
  goalsHeading: () => 'Your goals',
  goalsIntro: () =>
    mrkdwn`Update a goal as you go, close it when it is done, changed or dropped, or add one. Your mentor, your mentee and program staff can.`,
  noGoals: () => mrkdwn`No open goals right now. Add one.`,
  goalLine: (n: number, title: string, status: GoalStatus) =>
    mrkdwn`${STATUS_EMOJI[status]} *${n}. ${title}* — ${italic(GOAL_STATUS_LABELS[status])}`,
  success: (criteria: string) => mrkdwn`Success: ${criteria}`,
  /** `when` is a Slack date token (each reader sees their own day). */
  latestNote: (name: string, when: Mrkdwn, progress: string | undefined, note: string) => {
    const what = [progress ? italic(PROGRESS_LABELS[progress] ?? progress) : '', note ? mrkdwn`“${note}”` : '']
      .filter(Boolean)
      .map((p) => p as Mrkdwn);
    return mrkdwn`Latest: ${join(what, ': ')} (${name}, ${when})`;
  },
  milestone: (title: string, dueDay: string, done: boolean) =>
    done
      ? mrkdwn`:ballot_box_with_check: ~${title}~ (${slackDay(dueDay, '{date_short_pretty}')})`
      : mrkdwn`:white_square: ${title}, by ${slackDay(dueDay, '{date_short_pretty}')}`,
  closedHeading: () => mrkdwn`*Closed goals*`,
  closedGoal: (title: string, status: GoalStatus, what: string) =>
    what
      ? mrkdwn`${STATUS_EMOJI[status]} ${title} — ${italic(GOAL_STATUS_LABELS[status])}: ${what}`
      : mrkdwn`${STATUS_EMOJI[status]} ${title} — ${italic(GOAL_STATUS_LABELS[status])}`,
  moreClosed: (n: number) => mrkdwn`…and ${n} more.`,
  maxGoalsReached: (max: number) =>
    mrkdwn`You have ${max} open goals, the most a mentorship keeps at once. Close one to add another.`,

  // Lines in the pair's channel after a change.
  addedLine: (name: string, title: string) => mrkdwn`:dart: ${name} added a goal: ${bold(title)}`,
  editedLine: (name: string, title: string) => mrkdwn`:pencil2: ${name} edited the goal ${bold(title)}`,
  updatedLine: (name: string, title: string, status: GoalStatus, noted: boolean, statusChanged: boolean) =>
    statusChanged
      ? mrkdwn`:large_blue_circle: ${name} marked ${bold(title)} ${GOAL_STATUS_LABELS[status]}${noted ? ' and added a note' : ''}`
      : noted
        ? mrkdwn`:memo: ${name} added a progress note to ${bold(title)}`
        : mrkdwn`:spiral_calendar_pad: ${name} updated the milestones of ${bold(title)}`,
  closedLine: (name: string, title: string, status: GoalStatus, outcome: boolean) =>
    mrkdwn`${STATUS_EMOJI[status]} ${name} marked ${bold(title)} ${GOAL_STATUS_LABELS[status]}${outcome ? ', and recorded it as an outcome' : ''}`,

  // Modals (plain text).
  addTitle: () => 'Add a goal',
  addSubmit: () => 'Add',
  editTitle: () => 'Edit the goal',
  editSubmit: () => 'Save',
  updateTitle: () => 'Update the goal',
  updateSubmit: () => 'Save',
  closeTitle: () => 'Close the goal',
  closeSubmit: () => 'Close the goal',
  cancel: () => 'Cancel',
  titleLabel: () => 'Goal',
  titlePlaceholder: () => 'e.g. Halve the central-bank fee for credit checks',
  successLabel: () => 'What success looks like',
  statusLabel: () => 'Status',
  noteLabel: () => 'Progress note (optional)',
  notePlaceholder: () => 'What happened since the last update?',
  milestonesIntro: () => mrkdwn`*Milestones* (optional, up to 5): a step and the day it should be done by.`,
  milestoneTitleLabel: (n: number) => `Milestone ${n}`,
  milestoneDueLabel: (n: number) => `Milestone ${n}: by when`,
  milestoneDoneLabel: (n: number) => `Milestone ${n}: done?`,
  milestoneDoneOption: () => 'Done',
  goalIntro: (title: string, criteria: string) => mrkdwn`${bold(title)}\nSuccess: ${criteria}`,
  recentNotes: () => mrkdwn`*Recent notes*`,
  closeIntro: (title: string) => mrkdwn`What happened to ${bold(title)}?`,
  closeStatusLabel: () => 'The goal was…',
  closeWhatLabel: () => 'What happened',
  closeWhatPlaceholder: () => 'e.g. The central bank agreed to halve the fee from March',
  outcomeIntro: () =>
    mrkdwn`*Achieved? Record it as an outcome* (optional). Outcomes are what the program reports to its funders: the concrete change, who benefits, a figure if there is one.`,
  storyLabel: () => 'The concrete change',
  storyPlaceholder: () =>
    'e.g. The association persuaded the central bank to halve its fee, so members run more checks',
  beneficiariesLabel: () => 'Who benefits',
  beneficiariesPlaceholder: () => 'e.g. 120 member microfinance institutions',
  figureLabel: () => 'A figure, if there is one',
  figurePlaceholder: () => 'e.g. fee down from 40 to 20 taka per check',
  quoteLabel: () => 'May the program quote this?',
  quoteYes: () => 'Yes, it may be quoted',
  quoteNo: () => 'No, for the program only',
  statusOption: (goalStatus: GoalStatus) => {
    const label = GOAL_STATUS_LABELS[goalStatus] ?? String(goalStatus);
    return label.charAt(0).toUpperCase() + label.slice(1);
  },

  // Field errors and refusals (plain text).
  titleMissing: () => 'Give the goal a short title.',
  titleTooLong: (max: number) => `The goal can be at most ${max} characters.`,
  successMissing: () => 'Say what success looks like for this goal.',
  successTooLong: (max: number) => `What success looks like can be at most ${max} characters.`,
  chooseStatus: () => 'Choose not started or in progress (to close the goal, use Close).',
  noteTooLong: (max: number) => `The note can be at most ${max} characters.`,
  milestoneTitleMissing: () => 'Say what the milestone is, or clear its date.',
  milestoneTitleTooLong: (max: number) => `A milestone can be at most ${max} characters.`,
  milestoneDayMissing: () => 'Choose the day it should be done by.',
  chooseDay: () => 'Choose a date.',
  milestoneBeforeStart: (start: string) => `Choose a day in the program (it started ${readableDay(start)}).`,
  milestoneTooLate: (latest: string) =>
    `Choose a day at most 30 days after the program ends (${readableDay(latest)} at the latest).`,
  chooseClosedStatus: () => 'Choose achieved, changed or dropped.',
  whatMissing: () => 'Say in a sentence what happened.',
  whatTooLong: (max: number) => `What happened can be at most ${max} characters.`,
  storyTooLong: (max: number) => `The change can be at most ${max} characters.`,
  beneficiariesTooLong: (max: number) => `Who benefits can be at most ${max} characters.`,
  figureTooLong: (max: number) => `The figure can be at most ${max} characters.`,
  chooseQuote: () => 'Choose yes or no.',
  outcomeOnlyAchieved: () =>
    'An outcome is recorded for an achieved goal: choose Achieved, or leave the outcome empty.',
  outcomeStoryMissing: () => 'Say what changed, or leave the outcome empty.',
  tooManyGoals: (max: number) => `This mentorship already has ${max} open goals. Close one first, then add this one.`,
  tooManyStored: (max: number) => `This mentorship keeps at most ${max} goals, closed ones included.`,
  alreadyClosed: (status: GoalStatus) =>
    `This goal is already closed (${GOAL_STATUS_LABELS[status]}), so it cannot change. You can still edit its title.`,
  pairGone: () => 'That mentorship no longer exists.',
  goalGone: () => 'That goal no longer exists.',
  notYours: () => 'Only the mentor, the mentee or program staff can see and change this mentorship’s goals.',
  saveFailedModal: () =>
    "We couldn't save this just now (the database is unreachable). Nothing is lost: press the button again in a minute.",
  notAPairChannel: () => 'Type `/mentorship goals` in your mentorship’s channel to see and update your goals there.',
  notAPairChannelStaff: () =>
    'Type `/mentorship goals` in a mentorship’s channel, or name the pair: `/mentorship goals #channel`.',
  notAPairChannelNamed: (channelId: string) =>
    mrkdwn`${channelLink(channelId)} is not a mentoring pair's channel.`.text,
  onlyStaffName: () =>
    'Only program staff can name a pair. Type `/mentorship goals` in your mentorship’s channel instead.',
  goalsUsage: () => 'Name the pair by its channel: `/mentorship goals #channel`.',
  close: () => 'Close',

  // /mentorship outcomes (staff).
  staffOnly: () => 'Sorry, only program staff can do that.',
  pairLabel: (mentor: string, mentee: string) => `${mentor} and ${mentee}`,
  outcomesFallback: (count: number) => mrkdwn`The program's outcomes (${count}).`,
  outcomesHeading: (count: number) => `Outcomes (${count})`,
  noOutcomes: () =>
    mrkdwn`No outcomes recorded yet. They are recorded when a pair closes a goal as achieved, or in the end-of-program feedback.`,
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
        mrkdwn`${where}${goalTitle ? mrkdwn` · ${bold(goalTitle)}` : ''} · ${when} by ${recordedBy}`,
        quoteConsent ? mrkdwn`:speech_balloon: May be quoted.` : mrkdwn`:lock: Not for quoting.`,
        ...(figure ? [mrkdwn`_Figure:_ ${figure}`] : []),
        ...(beneficiaries ? [mrkdwn`_Who benefits:_ ${beneficiaries}`] : []),
        mrkdwn`${story}`,
      ],
      '\n',
    ),
  moreOutcomes: (n: number) => mrkdwn`…and ${n} more. \`/mentorship export outcomes\` gives them all as a CSV file.`,
  exportHint: () => mrkdwn`\`/mentorship export outcomes\` gives them all as a CSV file.`,
};
