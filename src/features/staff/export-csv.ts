import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../lib/csv-cell';
import { goalStatusLabel } from '../../pairs/goal-status';
import { isPartnerIn } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { Checkin, CheckinReply } from '../checkins';
import type { Commitment } from '../commitments';
import type { OutcomeRow } from '../goals';
import { type MessageKey, t } from '../../i18n';
import type { PairHealth } from '../health';
import { healthReasonText } from '../health';
import { exportText } from './export-messages';
import { healthLabel } from './messages';

/**
 * The staff exports as CSV, pure functions of what was read (one query per collection). Times are
 * in UTC (a file cannot show each reader their own time, as Slack's date tokens do). The check-ins
 * export carries the staff-only notes in a column marked so: it is sent only to staff. Headers,
 * health and yes/no are in the language of the staff member exporting; codes (status, cadence,
 * kind, role) are written as stored, so a file reads the same to a script in any language.
 */

export const EXPORT_KINDS = ['pairs', 'checkins', 'commitments', 'outcomes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The column of staff-only notes, named so nobody forwards it by mistake. */
export const staffNoteColumn = () => t('staff.export.columns.staffNote');

/** A header row: each column's name in the reader's language. */
const header = (columns: readonly Column[]) => columns.map((c) => t(`staff.export.columns.${c}`));
const yesNo = (v: boolean) => (v ? exportText.yes() : exportText.no());

/** A column of the exports: its name is in the catalogue (`staff.export.columns.*`). */
type ColumnOf<K> = K extends `staff.export.columns.${infer C}` ? C : never;
type Column = ColumnOf<MessageKey>;

export interface ExportData {
  pairs: Pair[];
  /** Names by Slack user ID. */
  names: Map<string, string>;
  health: Map<string, PairHealth>;
  checkins: Checkin[];
  replies: CheckinReply[];
  commitments: Commitment[];
  /** Newest first. */
  outcomes: OutcomeRow[];
  /** The staff member exporting: the staff-only notes of their own partner are left out. */
  viewerId: string;
}

/** A value as a cell: dates in UTC, formulas neutralised (see safeCell). */
function cell(value: unknown): string {
  return safeCell(value === undefined || value === null ? '' : value instanceof Date ? utc(value) : String(value));
}

const utc = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16);

function csv(header: string[], rows: unknown[][]): string {
  return stringify([header, ...rows.map((r) => r.map(cell))]);
}

const pairLabel = (p: Pair | undefined, pairId: string) => (p?.channel?.name ? `#${p.channel.name}` : pairId);

export function pairsCsv(d: ExportData): string {
  const name = (id: string) => d.names.get(id) ?? id;
  return csv(
    header([
      'pair',
      'pairId',
      'status',
      'health',
      'healthReason',
      'mentor',
      'mentorId',
      'mentorOrganisation',
      'mentorCountry',
      'mentee',
      'menteeId',
      'menteeOrganisation',
      'menteeCountry',
      'cadence',
      'start',
      'end',
      'goals',
      'created',
      'pausedUntil',
      'pauseReason',
      'endedAt',
      'endReason',
    ]),
    d.pairs.map((p) => {
      const h = d.health.get(String(p._id));
      return [
        pairLabel(p, String(p._id)),
        String(p._id),
        p.status,
        h ? healthLabel(h.state) : '',
        h ? h.reasons.map(healthReasonText).join('; ') : '',
        name(p.mentor.userId),
        p.mentor.userId,
        p.mentor.organisation,
        p.mentor.country,
        name(p.mentee.userId),
        p.mentee.userId,
        p.mentee.organisation,
        p.mentee.country,
        p.cadence,
        p.startDate,
        p.endDate,
        p.goals.map((g) => `${g.title} (${goalStatusLabel(g)})`).join('; '),
        p.createdAt,
        p.status === 'paused' ? (p.pause?.untilDay ?? p.pause?.until) : '',
        p.status === 'paused' ? p.pause?.reason : '',
        p.ended?.at,
        p.ended?.reason,
      ];
    }),
  );
}

/** One row per check-in and person: who replied, how, and (staff only) their note. */
export function checkinsCsv(d: ExportData): string {
  const pairs = new Map(d.pairs.map((p) => [String(p._id), p]));
  const replies = new Map(d.replies.map((r) => [`${String(r.checkinId)}:${r.userId}`, r]));
  const rows: unknown[][] = [];
  for (const c of d.checkins) {
    const pair = pairs.get(String(c.pairId));
    if (!pair || !c.prompt?.postedAt) continue;
    for (const [role, userId] of [
      ['mentor', pair.mentor.userId],
      ['mentee', pair.mentee.userId],
    ] as const) {
      const r = replies.get(`${String(c._id)}:${userId}`);
      rows.push([
        pairLabel(pair, String(pair._id)),
        String(pair._id),
        c.period,
        c.kind,
        c.dueDay,
        c.prompt.postedAt,
        role,
        d.names.get(userId) ?? userId,
        userId,
        r ? exportText.yes() : exportText.no(),
        r?.submittedAt,
        r?.met,
        r ? yesNo(Boolean(r.quick)) : '',
        (r?.goals ?? []).map((g) => `${g.title}: ${g.status ?? ''}${g.note ? ` (${g.note})` : ''}`).join('; '),
        r?.worked,
        r?.didNotWork,
        r?.adaptation,
        r?.blockers,
        r && isPartnerIn(pair, d.viewerId, userId) ? '' : r?.staffNote,
      ]);
    }
  }
  return csv(
    header([
      'pair',
      'pairId',
      'checkin',
      'kind',
      'dueDay',
      'posted',
      'role',
      'person',
      'personId',
      'replied',
      'repliedAt',
      'met',
      'oneTap',
      'goals',
      'worked',
      'didNotWork',
      'adapted',
      'blockers',
      'staffNote',
    ]),
    rows,
  );
}

export function commitmentsCsv(d: ExportData): string {
  const pairs = new Map(d.pairs.map((p) => [String(p._id), p]));
  return csv(
    header([
      'pair',
      'pairId',
      'checkin',
      'owner',
      'ownerId',
      'nextStep',
      'dueDay',
      'status',
      'dropReason',
      'addedBy',
      'added',
    ]),
    d.commitments.map((c) => [
      pairLabel(pairs.get(String(c.pairId)), String(c.pairId)),
      String(c.pairId),
      c.checkinPeriod,
      d.names.get(c.ownerId) ?? c.ownerId,
      c.ownerId,
      c.what,
      c.dueDay,
      c.status,
      c.dropReason,
      d.names.get(c.createdBy) ?? c.createdBy,
      c.createdAt,
    ]),
  );
}

/** What the mentorships changed, newest first, with whether each may be quoted. */
export function outcomesCsv(d: ExportData): string {
  const pairs = new Map(d.pairs.map((p) => [String(p._id), p]));
  const name = (id: string) => d.names.get(id) ?? id;
  return csv(
    header([
      'pair',
      'pairId',
      'mentor',
      'mentee',
      'goal',
      'change',
      'beneficiaries',
      'figure',
      'quoteConsent',
      'recordedBy',
      'recordedById',
      'recorded',
      'recordedFrom',
    ]),
    d.outcomes.map((o) => {
      const p = pairs.get(o.pairId);
      return [
        pairLabel(p, o.pairId),
        o.pairId,
        p ? name(p.mentor.userId) : '',
        p ? name(p.mentee.userId) : '',
        o.goalTitle,
        o.story,
        o.beneficiaries,
        o.figure,
        yesNo(Boolean(o.quoteConsent)),
        name(o.recordedBy),
        o.recordedBy,
        o.recordedAt,
        o.source,
      ];
    }),
  );
}

export const EXPORTS: Record<ExportKind, (d: ExportData) => string> = {
  pairs: pairsCsv,
  checkins: checkinsCsv,
  commitments: commitmentsCsv,
  outcomes: outcomesCsv,
};
