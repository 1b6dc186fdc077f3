import { type HealthState, HEALTH_LABELS } from '../health';
import { bold, channelLink, join, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';

/**
 * Every sentence of the weekly digest. Names, organisations, countries and reasons are text
 * people typed (or Slack profiles hold): the `mrkdwn` tag escapes them. Staff-only notes are
 * only ever counted here, never quoted.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

export const STATE_EMOJI: Record<HealthState, string> = {
  at_risk: ':red_circle:',
  needs_attention: ':large_orange_circle:',
  new: ':new:',
  on_track: ':large_green_circle:',
  paused: ':double_vertical_bar:',
  ended: ':checkered_flag:',
};

/** "Alice Müller & Karim Rahman". */
export const pairName = (mentor: string, mentee: string) => mrkdwn`${mentor} &amp; ${mentee}`;

export const digestText = {
  header: () => 'Mentorship: weekly digest',
  title: (weekOf: Mrkdwn, pairs: number) => mrkdwn`*Week of ${weekOf}* · ${plural(pairs, 'pair')} in the program`,
  noPairs: () => mrkdwn`There are no pairs in the program yet.`,
  /** One state's count, with the change since last week when known. */
  stateCount: (status: HealthState, n: number, change?: number) =>
    mrkdwn`${STATE_EMOJI[status]} ${n.toLocaleString('en-GB')} ${status === 'needs_attention' && n !== 1 ? 'need attention' : HEALTH_LABELS[status].toLowerCase()}${change === undefined ? '' : ` (${signed(change)})`}`,
  healthLine: (items: Mrkdwn[], comparedWith?: Mrkdwn) =>
    mrkdwn`*Pairs:* ${join(items, ' · ')}${comparedWith ? mrkdwn` _(change since ${comparedWith})_` : ''}`,
  repliesLine: (both: number, one: number, neither: number, open: number) =>
    mrkdwn`*Check-in replies this week:* ${both} both sides · ${one} one side · ${neither} neither${open ? ` · ${open} still open` : ''}`,
  /** Each week: the share of check-ins both sides answered, or why it is not shown. */
  trendLine: (rateList: string[]) => mrkdwn`*Both sides replied, last 4 weeks:* ${rateList.join(' → ')}`,
  trendNone: () => '–',
  trendHidden: () => 'n<5',
  trendNote: () => mrkdwn`_A week's rate is shown once at least 5 people answered (n&lt;5: fewer did)._`,
  meetingsLine: (pairs: number, of: number, reports: number) =>
    mrkdwn`*Meetings reported, last 14 days:* ${pairs} of ${plural(of, 'pair')} (${plural(reports, 'report')})`,
  commitmentsLine: (due: number, done: number, overdue: number) =>
    mrkdwn`*Commitments:* ${due} due this week, ${done} done · ${overdue} overdue`,
  goalsLine: (moved: number, achieved: number) =>
    mrkdwn`*Goals that moved:* ${moved}${achieved ? ` (${achieved} achieved)` : ''}`,
  changesLine: (atRisk: Mrkdwn, recovered: Mrkdwn) => mrkdwn`*Newly at risk:* ${atRisk} · *Recovered:* ${recovered}`,
  changesFirst: () => mrkdwn`*Newly at risk / recovered:* from next week (this is the first digest)`,
  /** Up to three names, then how many more. */
  someNames: (names: Mrkdwn[], more: number) =>
    names.length === 0 ? mrkdwn`none` : mrkdwn`${join(names, ', ')}${more ? ` and ${more} more` : ''}`,
  comingLine: (ending: number, back: number) =>
    mrkdwn`*Ending within 30 days:* ${plural(ending, 'pair')} · *Back from a pause this week:* ${plural(back, 'pair')}`,
  notesLine: (notes: number, pairs: number) =>
    mrkdwn`*Staff-only notes this week:* ${notes} in ${plural(pairs, 'pair')} (open *Pair status* in the thread to read them)`,
  detailsBelow: (table: boolean) =>
    table
      ? mrkdwn`The pairs that need you are in the thread; every pair is in the table (CSV) attached there.`
      : mrkdwn`Each pair is in the thread.`,
  staffOnly: () =>
    'Sorry, only program staff can see the weekly digest. If you think you should be staff, ask the program team to add you.',
  previewNote: () => mrkdwn`:eyes: _Preview: only you can see this. The digest itself goes to the staff channel._`,
  previewNoChannel: () =>
    mrkdwn`:information_source: _No staff channel is configured (STAFF_CHANNEL_ID), so no weekly digest is posted._`,
  previewThreadNote: (parts: number, shown: number) =>
    mrkdwn`_The thread holds ${plural(parts, 'message')}; the first ${shown} ${shown === 1 ? 'is' : 'are'} shown here._`,
  notification: (weekOf: Mrkdwn) => mrkdwn`Mentorship weekly digest, week of ${weekOf}`,

  // The thread.
  groupHeading: (status: HealthState, n: number) => mrkdwn`${STATE_EMOJI[status]} *${HEALTH_LABELS[status]} (${n})*`,
  itemHead: (status: HealthState, name: Mrkdwn, channelId?: string, organisation?: string, country?: string) =>
    mrkdwn`${STATE_EMOJI[status]} ${bold(name)}${channelId ? mrkdwn` · ${channelLink(channelId)}` : ''}${
      organisation || country ? mrkdwn` · ${join([organisation ?? '', country ?? ''].filter(Boolean), ', ')}` : ''
    }`,
  itemReasons: (status: HealthState, reasonList: string[]) =>
    mrkdwn`${HEALTH_LABELS[status]}: ${reasonList.length ? reasonList.join('; ') : 'no reason recorded'}`,
  itemLastReply: (when?: Mrkdwn) => (when ? mrkdwn`Last reply: ${when}` : mrkdwn`No reply yet`),
  itemNotes: (n: number) => mrkdwn`${plural(n, 'staff-only note')} this week (in *Pair status*)`,
  compactItem: (name: Mrkdwn, channelId?: string) => (channelId ? mrkdwn`${name} (${channelLink(channelId)})` : name),
  compactPaused: (name: Mrkdwn, until?: Mrkdwn) => (until ? mrkdwn`${name}, until ${until}` : name),
  allWell: () => mrkdwn`:tada: No pair needs attention this week.`,
  inTable: (others: number) =>
    mrkdwn`The other ${plural(others, 'pair')} (new, on track, paused) are in the attached table, with every pair's health, reason, last reply, next check-in and end.`,
  partText: (n: number) => `Weekly digest, pairs (part ${n})`,
  /** `weekOf`: the day written out ("Monday 7 December 2026"): a file title cannot hold a date token. */
  csvTitle: (weekOf: string) => `All pairs, week of ${weekOf}`,
  csvComment: () => mrkdwn`Every pair with its health, reason, last reply, next check-in and end, as a table (CSV).`,
  chartTitle: () => 'Check-in replies per week, by side (last 12 weeks)',
};

/** The CSV's header row. */
export const CSV_COLUMNS = [
  'pair',
  'mentor',
  'mentee',
  'organisation',
  'country',
  'health',
  'reason',
  'last reply',
  'next check-in',
  'ends',
] as const;
