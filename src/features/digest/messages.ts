import { listSeparator } from '../../slack/lists';
import { formatNumber, t, tm } from '../../i18n';
import { bold, channelLink, join, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import type { HealthState } from '../health';
import { healthLabel } from '../staff';

/**
 * Every sentence of the weekly digest, from the catalogues (`digest.*`), in the reader's language
 * in scope: the staff member previewing it, or STAFF_LANGUAGE for the weekly one (jobs.ts).
 * Names, organisations, countries and reasons are text people typed (or Slack profiles hold):
 * `tm` escapes them. Staff-only notes are only ever counted here, never quoted.
 */

/** A count for a sentence: `count` picks the plural form, `n` is the figure written the reader's way. */
const counted = (n: number) => ({ count: n, n: formatNumber(n) });
const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '±0');

export const STATE_EMOJI: Record<HealthState, string> = {
  at_risk: ':red_circle:',
  needs_attention: ':large_orange_circle:',
  new: ':new:',
  on_track: ':large_green_circle:',
  paused: ':double_vertical_bar:',
  ended: ':checkered_flag:',
};

/** "Alice Müller & Karim Rahman" (a sign, read the same in every language). */
export const pairName = (mentor: string, mentee: string) => mrkdwn`${mentor} &amp; ${mentee}`;

/** What a week's rate shows when no check-in was settled, or when too few people answered. */
const TREND_NONE = '–';
const TREND_HIDDEN = 'n<5';

export const digestText = {
  header: () => t('digest.header'),
  title: (weekOf: Mrkdwn, pairs: number) => tm('digest.title', { weekOf, ...counted(pairs) }),
  noPairs: () => tm('digest.noPairs'),
  /** One state's count, with the change since last week when known. */
  stateCount: (status: HealthState, n: number, change?: number) => {
    const item = mrkdwn`${STATE_EMOJI[status]} ${tm(`digest.states.${status}`, counted(n))}`;
    return change === undefined ? item : tm('digest.changed', { item, change: signed(change) });
  },
  healthLine: (items: Mrkdwn[], comparedWith?: Mrkdwn) =>
    comparedWith
      ? tm('digest.healthLineSince', { items: join(items, ' · '), since: comparedWith })
      : tm('digest.healthLine', { items: join(items, ' · ') }),
  repliesLine: (both: number, one: number, neither: number, open: number) => {
    const figures = { both: formatNumber(both), one: formatNumber(one), neither: formatNumber(neither) };
    return open
      ? tm('digest.repliesLineOpen', { ...figures, open: formatNumber(open) })
      : tm('digest.repliesLine', figures);
  },
  /** Each week: the share of check-ins both sides answered, or why it is not shown. */
  trendLine: (rateList: string[]) => tm('digest.trendLine', { rates: rateList.join(' → ') }),
  trendNone: () => TREND_NONE,
  trendHidden: () => TREND_HIDDEN,
  percent: (n: number) => t('digest.percent', { n: formatNumber(n) }),
  trendNote: () => tm('digest.trendNote'),
  meetingsLine: (pairs: number, of: number, reports: number) =>
    tm('digest.meetingsLine', {
      pairs: formatNumber(pairs),
      ...counted(of),
      reports: tm('digest.reports', counted(reports)),
    }),
  commitmentsLine: (due: number, done: number, overdue: number) =>
    tm('digest.commitmentsLine', { due: formatNumber(due), done: formatNumber(done), overdue: formatNumber(overdue) }),
  goalsLine: (moved: number, achieved: number) =>
    achieved
      ? tm('digest.goalsLineAchieved', { moved: formatNumber(moved), achieved: formatNumber(achieved) })
      : tm('digest.goalsLine', { moved: formatNumber(moved) }),
  changesLine: (atRisk: Mrkdwn, recovered: Mrkdwn) => tm('digest.changesLine', { atRisk, recovered }),
  changesFirst: () => tm('digest.changesFirst'),
  /** Up to three names, then how many more. */
  someNames: (names: Mrkdwn[], more: number) =>
    names.length === 0
      ? tm('digest.none')
      : more
        ? tm('digest.namesAndMore', { names: join(names, listSeparator()), ...counted(more) })
        : join(names, listSeparator()),
  comingLine: (ending: number, back: number) =>
    tm('digest.comingLine', {
      ending: tm('digest.pairs', counted(ending)),
      back: tm('digest.pairs', counted(back)),
    }),
  notesLine: (notes: number, pairs: number) =>
    tm('digest.notesLine', { notes: formatNumber(notes), ...counted(pairs) }),
  detailsBelow: (table: boolean) => (table ? tm('digest.detailsTable') : tm('digest.detailsThread')),
  staffOnly: () => t('digest.staffOnly'),
  previewNote: () => tm('digest.previewNote'),
  previewNoChannel: () => tm('digest.previewNoChannel'),
  previewThreadNote: (parts: number, first: number) =>
    tm('digest.previewThreadNote', { parts: tm('digest.messages', counted(parts)), ...counted(first) }),
  notification: (weekOf: Mrkdwn) => tm('digest.notification', { weekOf }),

  // The thread.
  groupHeading: (status: HealthState, n: number) =>
    mrkdwn`${STATE_EMOJI[status]} ${tm('digest.groupHeading', { label: healthLabel(status), n: formatNumber(n) })}`,
  itemHead: (status: HealthState, name: Mrkdwn, channelId?: string, organisation?: string, country?: string) =>
    mrkdwn`${STATE_EMOJI[status]} ${bold(name)}${channelId ? mrkdwn` · ${channelLink(channelId)}` : ''}${
      organisation || country
        ? mrkdwn` · ${join([organisation ?? '', country ?? ''].filter(Boolean), listSeparator())}`
        : ''
    }`,
  itemReasons: (status: HealthState, reasonList: string[]) =>
    reasonList.length
      ? tm('digest.itemReasons', { label: healthLabel(status), reasons: reasonList.join('; ') })
      : tm('digest.itemNoReason', { label: healthLabel(status) }),
  itemLastReply: (when?: Mrkdwn) => (when ? tm('digest.itemLastReply', { when }) : tm('digest.itemNoReply')),
  itemNotes: (n: number) => tm('digest.itemNotes', counted(n)),
  compactItem: (name: Mrkdwn, channelId?: string) => (channelId ? mrkdwn`${name} (${channelLink(channelId)})` : name),
  compactPaused: (name: Mrkdwn, until?: Mrkdwn) => (until ? tm('digest.pausedUntil', { name, until }) : name),
  allWell: () => tm('digest.allWell'),
  inTable: (otherPairs: number) => tm('digest.inTable', counted(otherPairs)),
  partText: (n: number) => t('digest.partText', { n: formatNumber(n) }),
  /** `weekOf`: the day written out: a file title cannot hold a date token. */
  csvTitle: (weekOf: string) => t('digest.csvTitle', { weekOf }),
  csvComment: () => tm('digest.csvComment'),
  chartTitle: () => t('digest.chartTitle'),
};

/** The CSV's header row, in the reader's language. */
export const csvColumns = (): string[] =>
  (
    [
      'pair',
      'mentor',
      'mentee',
      'organisation',
      'country',
      'health',
      'reason',
      'lastReply',
      'nextCheckin',
      'ends',
    ] as const
  ).map((c) => t(`digest.csv.${c}`));
