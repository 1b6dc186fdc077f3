import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { safeCell } from '../../lib/csv-cell';
import { HEALTH_LABELS } from '../health';
import type { DigestFacts, DigestPairRow } from './facts';
import { CSV_COLUMNS } from './messages';

/**
 * The full table of the digest's pairs, as a CSV file for the thread (past 50 pairs). Times are
 * written in the program's time zone (a file cannot show each reader their own, as Slack's date
 * tokens do). No staff-only note is in it: the digest only counts them.
 */

const when = (at: Date | undefined, zone: string, format: string) =>
  at ? (DateTime.fromJSDate(at, { zone }).toFormat(format) ?? '') : '';

/** The pair column: its channel's name (unique in the workspace), or its id before it has one. */
export const pairLabel = (row: Pick<DigestPairRow, 'channelName' | 'pairId'>) =>
  row.channelName ? `#${row.channelName}` : row.pairId;

export function digestCsv(f: DigestFacts): string {
  const rows = f.pairs.map((p) =>
    [
      pairLabel(p),
      p.mentorName,
      p.menteeName,
      p.organisation,
      p.country,
      HEALTH_LABELS[p.state],
      p.reasons.join('; '),
      when(p.lastReplyAt, f.timeZone, 'yyyy-MM-dd'),
      when(p.nextCheckinAt, f.timeZone, 'yyyy-MM-dd HH:mm'),
      p.endsOn ?? '',
    ].map(safeCell),
  );
  return stringify([[...CSV_COLUMNS], ...rows]);
}

/** The CSV's file name: the digest's day. */
export const csvFilename = (week: string) => `mentorship-pairs-${week}.csv`;
export const chartFilename = (week: string) => `mentorship-replies-${week}.png`;
