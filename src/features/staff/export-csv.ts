import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../lib/csv-cell';
import { goalStatusLabel } from '../../pairs/goal-status';
import { isPartnerIn } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { Checkin, CheckinReply } from '../checkins';
import type { Commitment } from '../commitments';
import type { OutcomeRow } from '../goals';
import type { PairHealth } from '../health';
import { HEALTH_LABELS, healthReasonText } from '../health';

/**
 * The staff exports as CSV, pure functions of what was read (one query per collection). Times are
 * in UTC (a file cannot show each reader their own time, as Slack's date tokens do). The check-ins
 * export carries the staff-only notes in a column marked so: it is sent only to staff.
 */

export const EXPORT_KINDS = ['pairs', 'checkins', 'commitments', 'outcomes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The column of staff-only notes, named so nobody forwards it by mistake. */
export const STAFF_NOTE_COLUMN = 'staff-only note (not shared with the pair)';

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
    [
      'pair',
      'pair id',
      'status',
      'health',
      'health reason',
      'mentor',
      'mentor ID',
      'mentor organisation',
      'mentor country',
      'mentee',
      'mentee ID',
      'mentee organisation',
      'mentee country',
      'cadence',
      'start',
      'end',
      'goals',
      'created (UTC)',
      'paused until',
      'pause reason',
      'ended (UTC)',
      'end reason',
    ],
    d.pairs.map((p) => {
      const h = d.health.get(String(p._id));
      return [
        pairLabel(p, String(p._id)),
        String(p._id),
        p.status,
        h ? HEALTH_LABELS[h.state] : '',
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
        r ? 'yes' : 'no',
        r?.submittedAt,
        r?.met,
        r?.quick ? 'yes' : r ? 'no' : '',
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
    [
      'pair',
      'pair id',
      'check-in',
      'kind',
      'due day',
      'posted (UTC)',
      'role',
      'person',
      'person ID',
      'replied',
      'replied at (UTC)',
      'met',
      'one-tap answer',
      'goals',
      'what worked',
      'what did not work',
      'adapted to local conditions',
      'blockers',
      STAFF_NOTE_COLUMN,
    ],
    rows,
  );
}

export function commitmentsCsv(d: ExportData): string {
  const pairs = new Map(d.pairs.map((p) => [String(p._id), p]));
  return csv(
    [
      'pair',
      'pair id',
      'check-in',
      'owner',
      'owner ID',
      'next step',
      'due day',
      'status',
      'drop reason',
      'added by',
      'added (UTC)',
    ],
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
    [
      'pair',
      'pair id',
      'mentor',
      'mentee',
      'goal',
      'the change',
      'who benefits',
      'figure',
      'may be quoted',
      'recorded by',
      'recorded by ID',
      'recorded (UTC)',
      'recorded from',
    ],
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
        o.quoteConsent ? 'yes' : 'no',
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
