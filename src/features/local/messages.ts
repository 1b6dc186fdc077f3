import { bold, code, join, lines, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Every sentence of the local-context feature (working week, hours, days off). */
export const text = {
  weekday: (isoWeekday: number) => WEEKDAY_NAMES[isoWeekday - 1] ?? String(isoWeekday),
  hourLabel: hour,
  hoursSummary: (days: number[], startHour: number, endHour: number, country: string | undefined): Mrkdwn =>
    lines(
      mrkdwn`${bold('Your working days:')} ${join(
        [...days].sort((a, b) => (a % 7) - (b % 7)).map((d) => text.weekday(d)),
        ', ',
      )}`,
      mrkdwn`${bold('Your hours:')} ${hour(startHour)}–${hour(endHour)} (your time zone)`,
      mrkdwn`${bold('Country:')} ${country ?? 'not known: Monday–Friday, no public holidays'}`,
    ),
  temporarySummary: (startHour: number, endHour: number, until: Mrkdwn): Mrkdwn =>
    mrkdwn`${bold('For now:')} ${hour(startHour)}–${hour(endHour)}, until ${until} (then your usual hours again)`,
  upcomingHeading: (): Mrkdwn => bold('Your next days off (no prompts, nudges or reminders):'),
  upcomingDay: (day: Mrkdwn, name: string, estimated: boolean): Mrkdwn =>
    mrkdwn`• ${day}: ${name}${estimated ? ' (date set by the moon sighting; staff may correct it)' : ''}`,
  noUpcoming: (): Mrkdwn => mrkdwn`No public holidays or program days off in the next 60 days.`,
  howToChange: (): Mrkdwn =>
    mrkdwn`To change them, use the form that just opened (or type ${code('/mentorship hours')} again).`,
  modalTitle: () => 'Your working hours',
  modalSave: () => 'Save',
  modalCancel: () => 'Cancel',
  daysLabel: () => 'Working days',
  startLabel: () => 'Start of your working day',
  endLabel: () => 'End of your working day',
  temporaryHeading: (): Mrkdwn =>
    mrkdwn`${bold('A temporary change')} (optional): shorter days during Ramadan, for example. Leave empty for none.`,
  temporaryStartLabel: () => 'Temporary start',
  temporaryEndLabel: () => 'Temporary end',
  temporaryUntilLabel: () => 'Until (the last day of the change)',
  noDays: () => 'Choose at least one working day.',
  endBeforeStart: () => 'The end must be after the start.',
  temporaryIncomplete: () => 'Give the start, the end and the last day of the change, or none of them.',
  untilInPast: () => 'Choose a day from today on.',
  saved: (): Mrkdwn => mrkdwn`Saved: prompts, nudges and reminders now follow these hours.`,
  databaseDown: () => 'The bot cannot save right now. Please try again in a minute.',
  notAParticipant: () =>
    'You are not in the mentorship program yet, so there are no hours to set. Program staff add people when they pair them.',
  staffOnly: () => 'Only program staff can change the program’s days off.',
  daysOffUsage: (): Mrkdwn =>
    lines(
      mrkdwn`${code('/mentorship daysoff')}: the program’s days off from today on.`,
      mrkdwn`${code('/mentorship daysoff add 2027-03-20 TN [name]')}: a day off for everyone in that country.`,
      mrkdwn`${code('/mentorship daysoff remove 2027-03-20 TN')}: take back a day off, or mark a public holiday as a working day.`,
    ),
  badDay: (typed: string) => `“${typed}” is not a day: write it as YYYY-MM-DD (2027-03-20).`,
  badCountry: (typed: string) => `“${typed}” is not a country the bot knows: give its two-letter code (TN, BD, US).`,
  dayOffAdded: (day: Mrkdwn, country: string, name: string): Mrkdwn =>
    mrkdwn`${day} is now a day off for everyone in ${country}${name ? mrkdwn` (${name})` : ''}.`,
  dayOffRemoved: (day: Mrkdwn, country: string): Mrkdwn =>
    mrkdwn`${day} is no longer a program day off for ${country}.`,
  holidayTakenBack: (day: Mrkdwn, country: string): Mrkdwn =>
    mrkdwn`${day} is a working day for everyone in ${country} now (the public holiday on the calendar is not taken).`,
  nothingToRemove: (day: Mrkdwn, country: string): Mrkdwn =>
    mrkdwn`${day} was not a day off for ${country}: nothing changed.`,
  daysOffHeading: (): Mrkdwn => bold('The program’s days off, from today on:'),
  daysOffLine: (day: Mrkdwn, country: string, kind: 'off' | 'working', name: string): Mrkdwn =>
    kind === 'off'
      ? mrkdwn`• ${day}, ${country}: day off${name ? mrkdwn` (${name})` : ''}`
      : mrkdwn`• ${day}, ${country}: working day (the public holiday is not taken)`,
  noDaysOff: (): Mrkdwn => mrkdwn`No program days off yet: public holidays come from each person’s country calendar.`,
};
