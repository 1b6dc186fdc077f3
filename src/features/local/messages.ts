import { t, tm } from '../../i18n';
import { weekdayName } from '../../slack/dates';
import { commaList } from '../../slack/lists';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

/**
 * Every sentence of the local-context feature (working week, hours, days off), from the
 * catalogues (namespace `local`), in the reader's language.
 */
export const text = {
  weekday: (isoWeekday: number) => weekdayName(isoWeekday, 'long'),
  hourLabel: hour,
  hoursSummary: (days: number[], startHour: number, endHour: number, country: string | undefined): Mrkdwn =>
    lines(
      tm('local.workingDays', {
        days: commaList([...days].sort((a, b) => (a % 7) - (b % 7)).map((d) => text.weekday(d))),
      }),
      tm('local.hours', { start: hour(startHour), end: hour(endHour) }),
      country ? tm('local.country', { country }) : tm('local.countryUnknown'),
    ),
  temporarySummary: (startHour: number, endHour: number, until: Mrkdwn): Mrkdwn =>
    tm('local.temporarySummary', { start: hour(startHour), end: hour(endHour), until }),
  upcomingHeading: (): Mrkdwn => tm('local.upcomingHeading'),
  upcomingDay: (day: Mrkdwn, name: string, estimated: boolean): Mrkdwn =>
    tm(estimated ? 'local.upcomingDayEstimated' : 'local.upcomingDay', { day, name }),
  noUpcoming: (): Mrkdwn => tm('local.noUpcoming'),
  howToChange: (): Mrkdwn => tm('local.howToChange'),
  modalTitle: () => t('local.modalTitle'),
  modalSave: () => t('local.modalSave'),
  modalCancel: () => t('local.modalCancel'),
  daysLabel: () => t('local.daysLabel'),
  startLabel: () => t('local.startLabel'),
  endLabel: () => t('local.endLabel'),
  temporaryHeading: (): Mrkdwn => tm('local.temporaryHeading'),
  temporaryStartLabel: () => t('local.temporaryStartLabel'),
  temporaryEndLabel: () => t('local.temporaryEndLabel'),
  temporaryUntilLabel: () => t('local.temporaryUntilLabel'),
  noDays: () => t('local.noDays'),
  endBeforeStart: () => t('local.endBeforeStart'),
  temporaryIncomplete: () => t('local.temporaryIncomplete'),
  untilInPast: () => t('local.untilInPast'),
  databaseDown: () => t('local.databaseDown'),
  notAParticipant: () => t('local.notAParticipant'),
  staffOnly: () => t('local.staffOnly'),
  daysOffUsage: (): Mrkdwn => tm('local.daysOffUsage'),
  badDay: (typed: string) => t('local.badDay', { typed }),
  badCountry: (typed: string) => t('local.badCountry', { typed }),
  dayOffAdded: (day: Mrkdwn, country: string, name: string): Mrkdwn =>
    name ? tm('local.dayOffAddedNamed', { day, country, name }) : tm('local.dayOffAdded', { day, country }),
  dayOffRemoved: (day: Mrkdwn, country: string): Mrkdwn => tm('local.dayOffRemoved', { day, country }),
  holidayTakenBack: (day: Mrkdwn, country: string): Mrkdwn => tm('local.holidayTakenBack', { day, country }),
  nothingToRemove: (day: Mrkdwn, country: string): Mrkdwn => tm('local.nothingToRemove', { day, country }),
  daysOffHeading: (): Mrkdwn => tm('local.daysOffHeading'),
  daysOffLine: (day: Mrkdwn, country: string, kind: 'off' | 'working', name: string): Mrkdwn =>
    kind === 'working'
      ? tm('local.daysOffLineWorking', { day, country })
      : name
        ? tm('local.daysOffLineNamed', { day, country, name })
        : tm('local.daysOffLine', { day, country }),
  noDaysOff: (): Mrkdwn => tm('local.noDaysOff'),
};
