import { stringify } from 'csv-stringify/sync';
import { t } from '../../i18n';
import { safeCell } from '../../lib/csv-cell';
import { pointName } from './messages';
import type { StaffFeedbackRow } from './staff-reads';

/** The column header that says who may read this file (in the reader's language). */
export const feedbackVisibilityColumn = () => t('feedback.export.header.visibility');

const roleName = (role: string) => (role === 'mentor' || role === 'mentee' ? t(`feedback.export.role.${role}`) : role);

/**
 * `/mentorship export feedback`: the answers staff may read one by one (shared and staff only),
 * one row per answer; "counted only in totals" answers are not in it at all. Times in UTC. The
 * headers and the app's own words are in the language of the staff member who asked.
 */
export function feedbackCsv(
  rows: readonly StaffFeedbackRow[],
  names: ReadonlyMap<string, string>,
  channels: ReadonlyMap<string, string>,
): string {
  const header = [
    t('feedback.export.header.channel'),
    t('feedback.export.header.person'),
    t('feedback.export.header.role'),
    t('feedback.export.header.form'),
    t('feedback.export.header.submitted'),
    t('feedback.export.header.question'),
    t('feedback.export.header.answer'),
    t('feedback.export.header.urgent'),
    feedbackVisibilityColumn(),
  ];
  const body = rows.map((r) => [
    channels.get(r.pairId) ?? r.pairId,
    names.get(r.userId) ?? r.userId,
    roleName(r.role),
    pointName(r.point),
    r.submittedAt.toISOString().replace('T', ' ').slice(0, 16),
    r.question,
    r.answer,
    r.urgent ? t('feedback.export.urgentYes') : '',
    r.visibility === 'staff_only' ? t('feedback.export.staffOnly') : t('feedback.export.shared'),
  ]);
  return stringify([header, ...body.map((row) => row.map((c) => safeCell(String(c))))]);
}
