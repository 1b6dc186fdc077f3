import { bold, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import { PROGRAM_RULES } from '../../pairs/limits';

/*
 * Every sentence the commitments feature shows people, in one place, built from parameters.
 * Sentences for messages are `Mrkdwn`: text typed by people (what, reasons) is escaped by the
 * `mrkdwn` tag. Modal titles, labels and errors on a modal's fields are plain text, shown as typed.
 */

/** "Monday 14 December 2026" for a "YYYY-MM-DD" day. */
export function longDay(day: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(new Date(`${day}T12:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

const quoted = (what: string) => mrkdwn`“${what}”`;
const day = (d: string) => bold(longDay(d));

export const text = {
  reminder: (what: string, dueDay: string, partnerId: string) =>
    mrkdwn`:alarm_clock: A reminder: you agreed with ${mention(partnerId)} to do ${quoted(what)} by ${day(dueDay)}.`,
  reminderHint: () =>
    mrkdwn`Done? Say so. Need a few more days? Move the date. Not going to happen? Drop it, with a word on why: your partner would rather know.`,
  doneButton: () => 'Done',
  extendButton: () => 'Need more time',
  dropButton: () => 'Drop it',

  doneConfirmation: (what: string, partnerId: string) =>
    mrkdwn`:white_check_mark: Marked done: ${quoted(what)}. Well done! I told ${mention(partnerId)} in your channel.`,
  doneChannelNote: (ownerId: string, what: string) =>
    mrkdwn`:white_check_mark: ${mention(ownerId)} marked ${quoted(what)} done.`,
  alreadyDone: (what: string): Mrkdwn => mrkdwn`You already marked ${quoted(what)} done. Nothing more to do.`,
  alreadyDropped: (what: string): Mrkdwn => mrkdwn`You dropped ${quoted(what)} earlier, so there is nothing to change.`,
  /** The same two, as errors on a modal's field (plain text, shown as typed). */
  alreadyDoneOnForm: (what: string) => `You already marked “${what}” done. Nothing more to do.`,
  alreadyDroppedOnForm: (what: string) => `You dropped “${what}” earlier, so there is nothing to change.`,

  extendModalTitle: () => 'Need more time',
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
    mrkdwn`:calendar: ${mention(ownerId)} needs more time for ${quoted(what)}: now due ${day(newDay)} (was ${longDay(oldDay)}).`,

  dropModalTitle: () => 'Drop a commitment',
  dropSubmit: () => 'Drop it',
  dropIntro: (what: string, dueDay: string) =>
    mrkdwn`You are dropping ${quoted(what)} (due ${longDay(dueDay)}). Plans change; that is fine. Your partner will see your reason in your channel.`,
  dropReasonLabel: () => 'Why are you dropping it?',
  dropReasonPlaceholder: () => 'e.g. The board postponed the fee review to next year',
  droppedConfirmation: (what: string) =>
    mrkdwn`:wastebasket: Dropped ${quoted(what)}. I shared your reason with your partner in your channel.`,
  droppedChannelNote: (ownerId: string, what: string, reason: string) =>
    mrkdwn`:wastebasket: ${mention(ownerId)} dropped ${quoted(what)}. Their reason: ${reason}`,

  notOwner: () => 'Only the person who made this commitment can mark it done, move it or drop it.',
  notFound: () => 'That commitment no longer exists.',
  notOpenForExtend: () => 'This commitment is no longer open, so its date cannot be moved.',
  saveFailedModal: () =>
    "We couldn't save this just now (the database is unreachable). Nothing is lost: press Submit again in a minute.",
};
