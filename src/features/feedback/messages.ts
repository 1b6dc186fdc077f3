import { listSeparator } from '../../slack/lists';
import { formatNumber, t, tm } from '../../i18n';
import { bold, channelLink, join, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';
import type { FeedbackPoint, Visibility } from './forms';
import { TOTALS_MIN_ANSWERS } from './forms';

/*
 * Every sentence of the feedback feature, by key from the catalogues (src/i18n/locales, namespace
 * `feedback`), in the reader's language in scope. The visibility sentences are promises: each
 * language says exactly who sees an answer (shared / staff only / counted only in totals).
 */

/** The form's name inside a sentence ("one-month" feedback, in the reader's language). */
export const pointName = (point: FeedbackPoint) => t(`feedback.point.${point}`);

/** Every sentence of the feedback feature. */
export const text = {
  giveButton: () => t('feedback.form.giveButton'),
  formTitle: (point: FeedbackPoint) => t(`feedback.form.title.${point}`),
  submit: () => t('feedback.form.submit'),
  close: () => t('feedback.form.cancel'),
  formIntro: (partnerId: string): Mrkdwn => tm('feedback.form.intro', { partner: mention(partnerId) }),
  totalsExplained: (): Mrkdwn => tm('feedback.form.totalsExplained', { count: TOTALS_MIN_ANSWERS }),
  visibilityLabel: () => t('feedback.form.visibilityLabel'),
  visibilityOption: (v: Visibility) => t(`feedback.visibility.option.${v}`, { count: TOTALS_MIN_ANSWERS }),
  fixedVisibility: (v: Visibility, partnerIsStaff = false) =>
    v === 'staff_only' && partnerIsStaff
      ? t('feedback.visibility.fixed.staff_only_partner_staff')
      : t(`feedback.visibility.fixed.${v}`),
  /** When the partner is program staff, "staff only" reaches them: the form says so. */
  staffOnlyWhenPartnerIsStaff: () => t('feedback.visibility.option.staff_only_partner_staff'),
  partnerIsStaff: (): Mrkdwn => tm('feedback.form.partnerIsStaff'),
  choose: () => t('feedback.form.choose'),
  urgentLabel: () => t('feedback.form.urgentLabel'),
  urgentOption: () => t('feedback.form.urgentOption'),
  goalProgress: (title: string) => t('feedback.form.goalProgress', { title }),

  requestDm: (point: FeedbackPoint, channelId?: string): Mrkdwn =>
    channelId
      ? tm('feedback.dm.requestAbout', { point: pointName(point), channel: channelLink(channelId) })
      : tm('feedback.dm.request', { point: pointName(point) }),
  reminderDm: (point: FeedbackPoint, channelId?: string): Mrkdwn =>
    channelId
      ? tm('feedback.dm.reminderAbout', { point: pointName(point), channel: channelLink(channelId) })
      : tm('feedback.dm.reminder', { point: pointName(point) }),

  sharedHeader: (userId: string, point: FeedbackPoint): Mrkdwn =>
    tm('feedback.shared.header', { user: mention(userId), point: pointName(point) }),
  sharedLine: (label: string, answer: string): Mrkdwn => mrkdwn`${bold(label)}\n${answer}`,

  alert: (userId: string, channelId: string | undefined, reasons: string[]): Mrkdwn =>
    tm(channelId ? 'feedback.alert.headingIn' : 'feedback.alert.heading', {
      user: mention(userId),
      ...(channelId ? { channel: channelLink(channelId) } : {}),
      reasons: join(
        reasons.map((r) => mrkdwn`• ${r}`),
        '\n',
      ),
    }),
  alertNotAFit: () => t('feedback.alert.notAFit'),
  alertSatisfaction: () => t('feedback.alert.satisfaction'),
  alertUrgent: (concern: string) => t('feedback.alert.urgent', { concern }),

  notYourPair: () => t('feedback.error.notYourPair'),
  pairGone: () => t('feedback.error.pairGone'),
  pairEnded: () => t('feedback.error.pairEnded'),
  formNotOpen: () => t('feedback.error.formNotOpen'),
  required: () => t('feedback.error.required'),
  badValue: () => t('feedback.error.badValue'),
  tooLong: (max: number) => t('feedback.error.tooLong', { count: max }),
  badVisibility: () => t('feedback.error.badVisibility'),

  noPair: () => t('feedback.error.noPair'),
  severalPairs: (channelIds: string[]): string =>
    tm('feedback.error.severalPairs', { channels: join(channelIds.map(channelLink), listSeparator()) }).text,
  notInThisPair: () => t('feedback.error.notInThisPair'),
  staffNoForm: () => t('feedback.error.staffNoForm'),

  totalsTitle: () => t('feedback.totals.title'),
  totalsFewer: () => t('feedback.totals.fewer', { count: TOTALS_MIN_ANSWERS }),
  totalsNone: () => t('feedback.totals.none'),
  totalsOnlyStaff: () => t('feedback.totals.onlyStaff'),
};

/** Sentences of the staff views of feedback (status, totals, digest). */
export const staffText = {
  statusHeading: (): Mrkdwn => tm('feedback.staff.statusHeading'),
  statusNone: (): Mrkdwn => tm('feedback.staff.statusNone'),
  statusRow: (
    userId: string,
    point: FeedbackPoint,
    question: string,
    answer: string,
    staffOnly: boolean,
    urgent: boolean,
  ): Mrkdwn => {
    const values = { user: mention(userId), point: pointName(point), question, answer };
    if (staffOnly && urgent) return tm('feedback.staff.statusRowStaffOnlyUrgent', values);
    if (staffOnly) return tm('feedback.staff.statusRowStaffOnly', values);
    if (urgent) return tm('feedback.staff.statusRowUrgent', values);
    return tm('feedback.staff.statusRow', values);
  },
  statusMore: (n: number): Mrkdwn => tm('feedback.staff.statusMore', { count: n }),
  totalsHeading: (): Mrkdwn => tm('feedback.staff.totalsHeading', { title: text.totalsTitle() }),
  totalsLine: (point: FeedbackPoint, question: string, figure: string): Mrkdwn =>
    mrkdwn`• ${pointName(point)}: ${question}: ${figure}`,
  average: (avg: number, n: number) => t('feedback.staff.average', { average: formatNumber(avg), count: n }),
  counts: (parts: string[], n: number) => t('feedback.staff.counts', { counts: parts.join(listSeparator()), count: n }),
  textCount: (written: number, n: number) => t('feedback.staff.textCount', { count: written, total: n }),
  digestLine: (given: number, due: number): Mrkdwn => tm('feedback.staff.digestLine', { given, due }),
};
