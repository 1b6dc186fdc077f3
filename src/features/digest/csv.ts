import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { safeCell } from '../../lib/csv-cell';
import { healthLabel } from '../staff';
import type { DigestFacts, DigestPairRow } from './facts';
import { csvColumns } from './messages';

/**
 * The full table of the digest's pairs, as a CSV file for the thread (past 50 pairs). Times are
 * written in the program's time zone (a file cannot show each reader their own, as Slack's date
 * tokens do). No staff-only note is in it: the digest only counts them. The header and the health
 * are in the reader's language (STAFF_LANGUAGE for the weekly digest).
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
      healthLabel(p.state),
      p.reasons.join('; '),
      when(p.lastReplyAt, f.timeZone, 'yyyy-MM-dd'),
      when(p.nextCheckinAt, f.timeZone, 'yyyy-MM-dd HH:mm'), // i18n-exempt: a date format
      p.endsOn ?? '',
    ].map(safeCell),
  );
  return stringify([csvColumns(), ...rows]);
}

/** The CSV's file name: the digest's day. */
export const csvFilename = (week: string) => `mentorship-pairs-${week}.csv`;
export const chartFilename = (week: string) => `mentorship-replies-${week}.png`;
