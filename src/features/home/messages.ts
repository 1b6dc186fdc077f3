import { t, tm } from '../../i18n';
import { slackDateTime, slackDay, slackDayOf, weekdayName } from '../../slack/dates';
import { commaList } from '../../slack/lists';
import type { HomeClock as Clock } from './types';
import { channelLink, italic, join, lines, type Mrkdwn, mention, mrkdwn } from '../../slack/mrkdwn';

/*
 * Every sentence of the App Home tab, from the catalogues (src/i18n/locales, namespace `home`),
 * in the language in scope: the Home owner's (see refresh.ts). Sentences shown on the tab are
 * `Mrkdwn`: text people typed (goal titles, next steps, outcomes, organisations) is escaped.
 * Buttons, modal titles and labels are plain text, shown as typed.
 */

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** "Mon–Fri" for consecutive days, else "Mon, Wed, Fri" (weekday names in the reader's language). */
function dayRange(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 0) return t('home.noWorkingDays');
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  const name = (d: number) => weekdayName(d, 'short');
  if (consecutive && sorted.length > 2) return `${name(sorted[0])}–${name(sorted.at(-1)!)}`;
  return commaList(sorted.map(name));
}

const clockParams = (c: Clock & { hours: NonNullable<Clock['hours']> }) => ({
  time: c.localTime,
  zone: c.tz,
  start: hh(c.hours.startHour),
  end: hh(c.hours.endHour),
  days: dayRange(c.hours.days),
});

export const text = {
  participantTitle: () => t('home.participantTitle'),
  notPaired: () => tm('home.notPaired'),
  /** The first line of a live pair: who the person is in it, with whom, and where. */
  pairLine: (role: 'mentor' | 'mentee', partnerId: string, channelId: string | undefined, paused: boolean) => {
    const channel = channelId ? channelLink(channelId) : italic(t('home.channelSettingUp'));
    const line = tm(role === 'mentor' ? 'home.pairLineMentor' : 'home.pairLineMentee', {
      partner: mention(partnerId),
      channel,
    });
    return paused ? join([line, italic(t('home.pausedTag'))], ' · ') : line;
  },
  partnerTime: (c: Clock) =>
    c.hours
      ? tm('home.partnerTimeWithHours', clockParams({ ...c, hours: c.hours }))
      : tm('home.partnerTime', { time: c.localTime, zone: c.tz }),
  /** The person's own clock and hours, beside the "Change my hours" button. */
  ownTime: (c: Clock) =>
    c.hours
      ? tm('home.ownTimeWithHours', clockParams({ ...c, hours: c.hours }))
      : tm('home.ownTime', { time: c.localTime, zone: c.tz }),
  changeHoursButton: () => t('home.changeHoursButton'),
  partnerOrganisation: (organisation: string) => mrkdwn`:office: ${organisation}`,
  partnerTimeUnknown: () => tm('home.partnerTimeUnknown'),
  nextCheckin: (at: Date) => tm('home.nextCheckin', { when: slackDateTime(at, t('common.dateAtTimeShort')) }),
  pausedUntil: (until: Mrkdwn) => tm('home.pausedUntil', { until }),
  pausedIndefinitely: () => tm('home.pausedIndefinitely'),
  noNextCheckin: () => tm('home.noNextCheckin'),
  programDates: (startDate: string, endDate: string) =>
    tm('home.programDates', {
      start: slackDay(startDate, '{date_short_pretty}'),
      end: slackDay(endDate, '{date_short_pretty}'),
    }),
  checkinWaiting: (period: number) => tm('home.checkinWaiting', { period }),
  feedbackDue: (point: string) => tm('home.feedbackDue', { point }),
  goalsTitle: () => tm('home.goalsTitle'),
  goal: (title: string, status: string) => mrkdwn`• ${title} — ${italic(status)}`,
  noGoals: () => tm('home.noGoals'),
  moreGoals: (n: number) => tm('home.moreGoals', { count: n }),
  commitmentsTitle: () => tm('home.commitmentsTitle'),
  commitment: (ownerId: string, what: string, dueDay: string) =>
    tm('home.commitment', { owner: mention(ownerId), what, due: slackDay(dueDay, '{date_short_pretty}') }),
  moreCommitments: (n: number) => tm('home.moreCommitments', { count: n }),
  outcomesTitle: () => tm('home.outcomesTitle'),
  outcome: (story: string, figure?: string) => mrkdwn`• ${story}${figure ? mrkdwn` (${figure})` : ''}`,
  moreOutcomes: (n: number) => tm('home.moreOutcomes', { count: n }),
  endedTitle: () => tm('home.endedTitle'),
  endedPair: (role: 'mentor' | 'mentee', partnerId: string, startDate: string, endDate: string) =>
    tm(role === 'mentor' ? 'home.endedPairMentor' : 'home.endedPairMentee', {
      partner: mention(partnerId),
      start: slackDay(startDate, '{date_short_pretty}'),
      end: slackDay(endDate, '{date_short_pretty}'),
    }),
  morePairs: (n: number) => tm('home.morePairs', { count: n }),

  pointOneMonth: () => t('home.pointOneMonth'),
  pointMidpoint: () => t('home.pointMidpoint'),
  pointEnd: () => t('home.pointEnd'),
  pointAnytime: () => t('home.pointAnytime'),
  replyButton: () => t('home.replyButton'),
  pauseButton: () => t('home.pauseButton'),
  resumeButton: () => t('home.resumeButton'),
  statusButton: () => t('home.statusButton'),
  digestButton: () => t('home.digestButton'),

  staffTitle: () => t('home.staffTitle'),
  staffCounts: (total: number, parts: string[]) =>
    parts.length
      ? tm('home.liveCountWithStates', { count: total, states: join(parts, ' · ') })
      : tm('home.liveCount', { count: total }),
  stateCount: (label: string, n: number) => `${label}: ${n}`,
  feedbackDueCount: (n: number) => (n === 0 ? tm('home.noFeedbackDue') : tm('home.feedbackDueCount', { count: n })),
  attentionTitle: () => tm('home.attentionTitle'),
  noAttention: () => tm('home.noAttention'),
  attentionRow: (state: string, mentorId: string, menteeId: string, channelId: string | undefined, reason: string) => {
    const pair = tm('home.attentionPair', { state, mentor: mention(mentorId), mentee: mention(menteeId) });
    const where = channelId ? join([pair, channelLink(channelId)], ' · ') : pair;
    return reason ? lines(where, italic(reason)) : where;
  },
  moreAttention: (n: number) => tm('home.moreAttention', { count: n }),
  moreOnTrack: (n: number) => tm('home.moreOnTrack', { count: n }),
  endingTitle: () => tm('home.endingTitle'),
  noneEnding: () => tm('home.noneEnding'),
  endingRow: (mentorId: string, menteeId: string, endDate: string) =>
    tm('home.endingRow', {
      mentor: mention(mentorId),
      mentee: mention(menteeId),
      end: slackDay(endDate, '{date_short_pretty}'),
    }),
  moreEnding: (n: number) => tm('home.moreEnding', { count: n }),
  staffHint: () => tm('home.staffHint'),

  pauseModalTitle: () => t('home.pauseModalTitle'),
  pauseModalSubmit: () => t('home.pauseModalSubmit'),
  cancel: () => t('home.cancel'),
  close: () => t('common.close'),
  pauseModalIntro: (partnerId: string, channelId: string | undefined) =>
    channelId
      ? tm('home.pauseModalIntroChannel', { partner: mention(partnerId), channel: channelLink(channelId) })
      : tm('home.pauseModalIntro', { partner: mention(partnerId) }),
  pauseLengthLabel: () => t('home.pauseLengthLabel'),
  weeks: (n: number) => t('home.weeks', { count: n }),
  chooseLength: () => t('home.chooseLength'),
  reasonTooLong: (max: number) => t('home.reasonTooLong', { count: max }),
  pauseReasonLabel: () => t('home.pauseReasonLabel'),
  pausedUntilDay: (day: string) => slackDay(day, '{date_long}'),
  pausedUntilAt: (at: Date) => slackDayOf(at, '{date_long}'),
  notYours: () => t('home.notYours'),
  pairGone: () => t('home.pairGone'),
  digestTitle: () => t('home.digestTitle'),
  digestBuilding: () => tm('home.digestBuilding'),
  digestFailed: () => tm('home.digestFailed'),
  staffOnly: () => t('home.staffOnly'),
};
