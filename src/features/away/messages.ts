import { t, tm } from '../../i18n';
import { lines, type Mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of time away (`/mentorship away`), from the catalogues (namespace `away`), in the
 * reader's language: the person's answers in theirs, the partner's notice in the pair's.
 * `who`: the person named when staff set someone else's time away; undefined for oneself.
 */
export const text = {
  usage: (): Mrkdwn => tm('away.usage'),
  badDates: (detail: string): Mrkdwn => lines(detail, text.usage()),
  notADay: () => t('away.notADay'),
  datesMissing: () => t('away.datesMissing'),
  startInPast: () => t('away.startInPast'),
  endBeforeStart: () => t('away.endBeforeStart'),
  tooLong: (max: number) => t('away.tooLong', { count: max }),
  reasonTooLong: (max: number) => t('away.reasonTooLong', { count: max }),
  staffOnly: () => t('away.staffOnly'),
  notAParticipant: () => t('away.notAParticipant'),
  personNotInProgram: (who: Mrkdwn): Mrkdwn => tm('away.personNotInProgram', { person: who }),
  awaySet: (who: Mrkdwn | undefined, from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    lines(
      who
        ? tm(reason ? 'away.setForBecause' : 'away.setFor', { person: who, from, until, reason })
        : tm(reason ? 'away.setBecause' : 'away.set', { from, until, reason }),
      tm(who ? 'away.setEffectFor' : 'away.setEffect'),
    ),
  sameAlready: (from: Mrkdwn, until: Mrkdwn): Mrkdwn => tm('away.sameAlready', { from, until }),
  noAway: (): Mrkdwn => tm('away.noAway'),
  awayNow: (from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    tm(reason ? 'away.nowBecause' : 'away.now', { from, until, reason }),
  awayNext: (from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    tm(reason ? 'away.nextBecause' : 'away.next', { from, until, reason }),
  cancelled: (who: Mrkdwn | undefined): Mrkdwn =>
    who ? tm('away.cancelledFor', { person: who }) : tm('away.cancelled'),
  nothingToCancel: (): Mrkdwn => tm('away.nothingToCancel'),
  /** The name of the person away when they have none on record. */
  yourPartner: () => t('away.yourPartner'),
  /** One kind line in the pair's channel; the person away is named, not pinged. */
  partnerNotice: (partner: Mrkdwn, name: string, from: Mrkdwn, until: Mrkdwn, reason: string): Mrkdwn =>
    tm(reason ? 'away.partnerNoticeBecause' : 'away.partnerNotice', { partner, name, from, until, reason }),
};
