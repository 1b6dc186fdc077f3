import { readableDay, slackDay } from '../../slack/dates';
import { bold, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import { PROGRAM_RULES } from '../../pairs/limits';

/*
 * Every sentence the commitments feature shows people, in one place, built from parameters.
 * Sentences for messages are `Mrkdwn`: text typed by people (what, reasons) is escaped by the
 * `mrkdwn` tag. Modal titles, labels and errors on a modal's fields are plain text, shown as typed.
 */

/** "Monday 14 December 2026" for a "YYYY-MM-DD" day (plain text: modal errors, fallbacks). */
export const longDay = readableDay;

/** "In check-in #3", or "In a check-in" when the number is not known. */
const inCheckin = (period: number | undefined) => (period ? mrkdwn`In check-in #${period}` : mrkdwn`In a check-in`);
const quoted = (what: string) => mrkdwn`“${what}”`;
/** A due day as a Slack date token: each reader sees it in their own locale. */
const day = (d: string) => bold(slackDay(d));

export const text = {
  /** `period` is the check-in the step was written in (unknown for steps stored before it was kept). */
  reminderFromPartner: (period: number | undefined, authorId: string, what: string, dueDay: string) =>
    mrkdwn`:alarm_clock: ${inCheckin(period)}, ${mention(authorId)} added a next step for you: ${quoted(what)}. It is due ${day(dueDay)}.`,
  reminderFromYou: (period: number | undefined, what: string, dueDay: string) =>
    mrkdwn`:alarm_clock: ${inCheckin(period)}, you added a next step: ${quoted(what)}. It is due ${day(dueDay)}.`,
  reminderHint: () =>
    mrkdwn`Finished? Press Done. Need more days? Change the date. Not going to happen? Remove it, and your partner will know.`,
  doneButton: () => 'Done',
  extendButton: () => 'Change date',
  dropButton: () => 'Remove',

  doneConfirmation: (what: string, partnerId: string) =>
    mrkdwn`:white_check_mark: Marked done: ${quoted(what)}. Well done! I told ${mention(partnerId)} in your channel.`,
  doneChannelNote: (ownerId: string, what: string) =>
    mrkdwn`:white_check_mark: ${mention(ownerId)} marked ${quoted(what)} done.`,
  alreadyDone: (what: string): Mrkdwn => mrkdwn`You already marked ${quoted(what)} done. Nothing more to do.`,
  alreadyDropped: (what: string): Mrkdwn => mrkdwn`You removed ${quoted(what)} earlier, so there is nothing to change.`,
  /** The same two, as errors on a modal's field (plain text, shown as typed). */
  alreadyDoneOnForm: (what: string) => `You already marked “${what}” done. Nothing more to do.`,
  alreadyDroppedOnForm: (what: string) => `You removed “${what}” earlier, so there is nothing to change.`,

  extendModalTitle: () => 'Change the date',
  extendSubmit: () => 'Move the date',
  extendIntro: (what: string, dueDay: string) => mrkdwn`${quoted(what)} is due ${day(dueDay)}. When can you do it?`,
  newDueDayLabel: () => 'New due date',
  dayNotAfterCurrent: (dueDay: string) => `Choose a day after the current due date (${longDay(dueDay)}).`,
  dayNotAfterToday: () => 'Choose a day after today.',
  dayTooLate: (latest: string) =>
    `Choose a day at most ${PROGRAM_RULES.daysAfterProgramEnd} days after the program ends (${longDay(latest)} at the latest).`,
  extendedConfirmation: (what: string, newDay: string) =>
    mrkdwn`:calendar: Moved ${quoted(what)} to ${day(newDay)}. I'll remind you the working day before, and I told your partner in your channel.`,
  extendedChannelNote: (ownerId: string, what: string, oldDay: string, newDay: string) =>
    mrkdwn`:calendar: ${mention(ownerId)} moved ${quoted(what)} to ${day(newDay)} (it was ${slackDay(oldDay)}).`,

  dropModalTitle: () => 'Remove a next step',
  dropSubmit: () => 'Remove',
  dropIntro: (what: string, dueDay: string) =>
    mrkdwn`You are removing ${quoted(what)} (due ${slackDay(dueDay)}). Plans change, and that is fine. Your partner will see your reason, if you give one.`,
  dropReasonLabel: () => 'Why? (optional)',
  dropReasonPlaceholder: () => 'e.g. The board moved the fee review to next year',
  droppedConfirmation: (what: string) =>
    mrkdwn`:wastebasket: Removed ${quoted(what)}. I told your partner in your channel.`,
  droppedChannelNote: (ownerId: string, what: string, reason: string) =>
    reason
      ? mrkdwn`:wastebasket: ${mention(ownerId)} removed ${quoted(what)}. Their reason: ${reason}`
      : mrkdwn`:wastebasket: ${mention(ownerId)} removed ${quoted(what)}.`,

  notOwner: () => 'Only the person this next step is for can mark it done, change its date or remove it.',
  notFound: () => 'That next step no longer exists.',
  notOpenForExtend: () => 'This next step is no longer open, so its date cannot change.',
  saveFailedModal: () =>
    "We couldn't save this just now (the database is unreachable). Nothing is lost: press Submit again in a minute.",
};
