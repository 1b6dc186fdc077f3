import { DateTime } from 'luxon';
import { currentLanguage, t, tm } from '../../i18n';
import { readableDay, slackDay } from '../../slack/dates';
import { bold, mention } from '../../slack/mrkdwn';
import { PROGRAM_RULES } from '../../pairs/limits';

/*
 * Every sentence the commitments feature shows people, from the catalogues (src/i18n/locales,
 * namespace `commitments`), in the reader's language in scope. Sentences for messages are `Mrkdwn`
 * (`tm`): text typed by people (what, reasons) is escaped once. Modal titles, labels and errors on
 * a modal's fields are plain text (`t`), shown as typed.
 */

/**
 * "Monday 14 December 2026" for a "YYYY-MM-DD" day, in the reader's language (plain text: modal
 * errors, where a Slack date token cannot go).
 */
export function longDay(day: string): string {
  const lang = currentLanguage();
  if (lang === 'en') return readableDay(day);
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  // Latin digits in Arabic, as in the rest of the sentence.
  return d.isValid ? d.setLocale(lang).toLocaleString(DateTime.DATE_HUGE, { numberingSystem: 'latn' }) : day;
}

/** A due day as a Slack date token: each reader sees it in their own locale. */
const day = (d: string) => bold(slackDay(d));

export const text = {
  /** `period` is the check-in the step was written in (unknown for steps stored before it was kept). */
  reminderFromPartner: (period: number | undefined, authorId: string, what: string, dueDay: string) =>
    period
      ? tm('commitments.reminder.fromPartner', { period, author: mention(authorId), what, day: day(dueDay) })
      : tm('commitments.reminder.fromPartnerNoPeriod', { author: mention(authorId), what, day: day(dueDay) }),
  reminderFromYou: (period: number | undefined, what: string, dueDay: string) =>
    period
      ? tm('commitments.reminder.fromYou', { period, what, day: day(dueDay) })
      : tm('commitments.reminder.fromYouNoPeriod', { what, day: day(dueDay) }),
  reminderHint: () => tm('commitments.reminder.hint'),
  doneButton: () => t('commitments.reminder.doneButton'),
  extendButton: () => t('commitments.reminder.extendButton'),
  dropButton: () => t('commitments.reminder.dropButton'),
  cancel: () => t('commitments.cancel'),

  doneConfirmation: (what: string, partnerId: string) =>
    tm('commitments.done.confirmation', { what, partner: mention(partnerId) }),
  doneChannelNote: (ownerId: string, what: string) =>
    tm('commitments.done.channelNote', { owner: mention(ownerId), what }),
  alreadyDone: (what: string) => tm('commitments.done.already', { what }),
  alreadyDropped: (what: string) => tm('commitments.drop.already', { what }),
  /** The same two, as errors on a modal's field (plain text, shown as typed). */
  alreadyDoneOnForm: (what: string) => t('commitments.done.already', { what }),
  alreadyDroppedOnForm: (what: string) => t('commitments.drop.already', { what }),

  extendModalTitle: () => t('commitments.extend.title'),
  extendSubmit: () => t('commitments.extend.submit'),
  extendIntro: (what: string, dueDay: string) => tm('commitments.extend.intro', { what, day: day(dueDay) }),
  newDueDayLabel: () => t('commitments.extend.label'),
  chooseADate: () => t('commitments.extend.chooseADate'),
  dayNotAfterCurrent: (dueDay: string) => t('commitments.extend.notAfterCurrent', { day: longDay(dueDay) }),
  dayNotAfterToday: () => t('commitments.extend.notAfterToday'),
  dayTooLate: (latest: string) =>
    t('commitments.extend.tooLate', { count: PROGRAM_RULES.daysAfterProgramEnd, latest: longDay(latest) }),
  extendedConfirmation: (what: string, newDay: string) =>
    tm('commitments.extend.confirmation', { what, day: day(newDay) }),
  extendedChannelNote: (ownerId: string, what: string, oldDay: string, newDay: string) =>
    tm('commitments.extend.channelNote', {
      owner: mention(ownerId),
      what,
      day: day(newDay),
      oldDay: slackDay(oldDay),
    }),
  notOpenForExtend: () => t('commitments.extend.notOpen'),

  dropModalTitle: () => t('commitments.drop.title'),
  dropSubmit: () => t('commitments.drop.submit'),
  dropIntro: (what: string, dueDay: string) => tm('commitments.drop.intro', { what, day: slackDay(dueDay) }),
  dropReasonLabel: () => t('commitments.drop.reasonLabel'),
  dropReasonPlaceholder: () => t('commitments.drop.reasonPlaceholder'),
  reasonTooLong: (max: number) => t('commitments.drop.reasonTooLong', { max }),
  droppedConfirmation: (what: string) => tm('commitments.drop.confirmation', { what }),
  droppedChannelNote: (ownerId: string, what: string, reason: string) =>
    reason
      ? tm('commitments.drop.channelNoteWithReason', { owner: mention(ownerId), what, reason })
      : tm('commitments.drop.channelNote', { owner: mention(ownerId), what }),

  notOwner: () => t('commitments.notOwner'),
  notFound: () => t('commitments.notFound'),
  saveFailedModal: () => t('commitments.saveFailed'),
};
