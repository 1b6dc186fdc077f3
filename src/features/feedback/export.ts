import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../lib/csv-cell';
import type { StaffFeedbackRow } from './staff-reads';

/** The column header that says who may read this file. */
export const FEEDBACK_VISIBILITY_COLUMN = 'who may see it (staff only: never the partner)';

/**
 * `/mentorship export feedback`: the answers staff may read one by one (shared and staff only),
 * one row per answer; "counted only in totals" answers are not in it at all. Times in UTC.
 */
export function feedbackCsv(
  rows: readonly StaffFeedbackRow[],
  names: ReadonlyMap<string, string>,
  channels: ReadonlyMap<string, string>,
): string {
  const header = [
    'pair channel',
    'person',
    'role',
    'form',
    'submitted (UTC)',
    'question',
    'answer',
    'urgent',
    FEEDBACK_VISIBILITY_COLUMN,
  ];
  const body = rows.map((r) => [
    channels.get(r.pairId) ?? r.pairId,
    names.get(r.userId) ?? r.userId,
    r.role,
    r.point,
    r.submittedAt.toISOString().replace('T', ' ').slice(0, 16),
    r.question,
    r.answer,
    r.urgent ? 'yes' : '',
    r.visibility === 'staff_only' ? 'staff only' : 'shared with the pair',
  ]);
  return stringify([header, ...body.map((row) => row.map((c) => safeCell(String(c))))]);
}
