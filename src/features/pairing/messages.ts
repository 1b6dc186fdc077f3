import { LANGUAGES, t, tm } from '../../i18n';
import { bold, channelLink, code, fromCommandText, type Mrkdwn } from '../../slack/mrkdwn';
import { type PairStatus, SETUP_STEPS, type SetupStep } from '../../pairs/model';

/**
 * Every sentence the pairing feature shows people, from the catalogues (namespace `pairing`),
 * in the reader's language in scope. Sentences for messages are `Mrkdwn` (typed text escaped by
 * `tm`); sentences that are only ever an error or a short reply are strings.
 */

/** The lines of `/mentorship help`, in order: participants' commands, then staff's. */
const HELP_LINES = [
  'title',
  'goals',
  'feedback',
  'meet',
  'pause',
  'resume',
  'hours',
  'away',
  'language',
  'help',
  'staffTitle',
  'pair',
  'list',
  'digest',
  'status',
  'pauseStaff',
  'end',
  'reassign',
  'goalsStaff',
  'outcomes',
  'daysoff',
  'awayStaff',
  'feedbackTotals',
  'export',
  'languageStaff',
] as const;

const WEEKDAY_KEYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const text = {
  usage: (): string =>
    HELP_LINES.map((line) => tm(`pairing.help.${line}`, { codes: LANGUAGES.join(', ') }).text).join('\n'),
  /** `given` is command text as Slack sends it; the router wants a string. */
  unknownSubcommand: (given: string): string =>
    tm('pairing.unknownSubcommand', { given: code(fromCommandText(given).slice(0, 40)) }).text,
  badPairArguments: () => t('pairing.badPairArguments'),
  staffOnly: () => t('pairing.staffOnly'),
  fixTheForm: () => t('pairing.fixTheForm'),
  timeZoneNeeded: () => t('pairing.timeZoneNeeded'),
  alreadyPaired: () => t('pairing.alreadyPaired'),
  unknownUser: () => t('pairing.unknownUser'),
  botUser: () => t('pairing.botUser'),
  deactivatedUser: () => t('pairing.deactivatedUser'),
  saveFailed: () => t('pairing.saveFailed'),
  modalTitle: () => t('pairing.modal.title'),
  noPairs: () => tm('pairing.list.none'),
  listHeading: (total: number) => tm('pairing.list.heading', { total }),
  listMore: (newest: number, total: number) => tm('pairing.list.more', { shown: newest, total }),
  noChannelYet: () => tm('pairing.list.noChannel'),
  /** A pair's status in a list ("needs attention"). */
  pairStatus: (status: PairStatus) => t(`pairing.pairStatus.${status}`),
  pairCreatedForStaff: (channelId: string, mentor: string, mentee: string): Mrkdwn =>
    tm('pairing.pairCreatedForStaff', { mentor: bold(mentor), mentee: bold(mentee), channel: channelLink(channelId) }),
  setupFailedForStaff: (mentor: string, mentee: string, step: string, error: string): Mrkdwn =>
    tm('pairing.setupFailedForStaff', {
      mentor: bold(mentor),
      mentee: bold(mentee),
      step: bold(step),
      error: code(error),
    }),
  retry: () => t('pairing.retry'),
  setupFinished: (channelId: string): string => tm('pairing.setupFinished', { channel: channelLink(channelId) }).text,
  setupBusy: () => t('pairing.setupBusy'),
  setupAlreadyDone: () => t('pairing.setupAlreadyDone'),
  pairNotFound: () => t('pairing.pairNotFound'),
  /** A set-up step as staff read it ("inviting the members"); an unknown one as it is. */
  stepName: (step: string): string =>
    (SETUP_STEPS as readonly string[]).includes(step) ? t(`pairing.step.${step as SetupStep}`) : step,
  /** The channel purpose: Slack shows it with the same formatting (and escaping) as messages. */
  channelPurpose: (mentor: string, mentee: string, organisation: string): Mrkdwn =>
    tm('pairing.channelPurpose', { mentor, mentee, organisation }),
  /** For staff: "Check-ins: Mondays, 08:00 for Alice, 19:00 for Karim." Local times of each person. */
  checkinHours: (h: {
    cadence: string;
    weekday: number;
    mentor: { name: string; time: string };
    mentee: { name: string; time: string };
    mentorDm?: string;
  }): Mrkdwn => {
    const day = WEEKDAY_KEYS[h.weekday] || 'mon';
    const when = t(
      h.cadence === 'biweekly' ? `pairing.checkinDays.biweekly.${day}` : `pairing.checkinDays.weekly.${day}`,
    );
    const params = {
      when,
      mentor: h.mentor.name,
      mentorTime: h.mentor.time,
      mentee: h.mentee.name,
      menteeTime: h.mentee.time,
    };
    return h.mentorDm
      ? tm('pairing.checkinHoursWithDm', { ...params, dmTime: h.mentorDm })
      : tm('pairing.checkinHours', params);
  },
  /** In the pair form, from the profile time zones: the check-in hours if the program started today, weekly. */
  checkinHoursIfToday: (hours: Mrkdwn): Mrkdwn => tm('pairing.checkinHoursIfToday', { hours }),
  theMentor: () => t('pairing.theMentor'),
  theMentee: () => t('pairing.theMentee'),
  /** A DM to someone the welcome could not @-mention (night or a day off for them when the pair was made). */
  welcomeDm: (partnerName: string | undefined, channelId: string) =>
    tm('pairing.welcomeDm', { partner: partnerName ?? t('pairing.yourPartner'), channel: channelLink(channelId) }),
};
