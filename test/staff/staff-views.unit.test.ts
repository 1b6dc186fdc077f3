import { parse } from 'csv-parse/sync';
import { Types } from 'mongoose';
import { checkinsCsv, pairsCsv, staffNoteColumn, type ExportData } from '../../src/features/staff/export-csv';
import { StaffIds } from '../../src/features/staff/ids';
import { pairActionsBlock } from '../../src/features/staff';
import { type PairStatus, pairStatusMessage, pairStatusModal } from '../../src/features/staff/status-view';
import type { Pair } from '../../src/pairs/model';
import { checkMessageBlocks, checkView } from '../support/block-kit-limits';

const pairId = new Types.ObjectId();
const long = (n: number, c = 'x') => c.repeat(n);
const pair = {
  _id: pairId,
  teamId: 'T1',
  mentor: { userId: 'U0MENTOR01', organisation: '=HYPERLINK("x")', country: 'United States' },
  mentee: { userId: 'U0MENTEE01', organisation: 'MFA, "Dhaka"\nbranch', country: 'Bangladesh' },
  goals: Array.from({ length: 5 }, (_, i) => ({ title: `${i} ${long(95)}`, successCriteria: 's', status: 'open' })),
  cadence: 'weekly',
  startDate: '2026-12-01',
  endDate: '2027-05-31',
  status: 'paused',
  pause: {
    until: new Date('2027-01-01T00:00:00Z'),
    untilDay: '2027-01-01',
    by: 'U0STAFF001',
    reason: '<!channel> elections',
  },
  channel: { id: 'C0PAIR0001', name: 'mentorship-alice-karim' },
  createdAt: new Date('2026-12-01T10:00:00Z'),
} as unknown as Pair;

test('the pair status stays within Block Kit limits at its largest, in a message and in a modal', () => {
  const status: PairStatus = {
    pair,
    mentorName: long(200, 'A'),
    menteeName: long(200, 'K'),
    health: { label: 'Needs attention', reasons: Array.from({ length: 4 }, () => long(300)) },
    checkins: Array.from({ length: 5 }, (_, i) => ({ period: 5 - i, at: new Date(), replied: [long(200), long(200)] })),
    commitments: Array.from({ length: 10 }, () => ({
      owner: long(200),
      what: long(300),
      dueDay: '2026-12-10',
      overdue: true,
    })),
    staffNotes: Array.from({ length: 14 }, (_, i) => ({ period: i, who: long(200), note: long(1500, '<') })),
  };
  const message = pairStatusMessage(status);
  expect(checkMessageBlocks(message.blocks)).toBeNull();
  expect(checkView(pairStatusModal(status))).toBeNull();
  const shown = JSON.stringify(message.blocks);
  expect(shown).toContain('4 older notes are not shown');
  expect(shown).not.toContain('<!channel>'); // the pause reason is escaped
  expect(shown).toContain('&lt;!channel&gt; elections');
});

test('the staff buttons under a pair carry its id', () => {
  const block = pairActionsBlock(String(pairId));
  expect(checkMessageBlocks([block])).toBeNull();
  expect(block.elements.map((e) => [(e as { action_id: string }).action_id, (e as { value: string }).value])).toEqual([
    [StaffIds.statusButton, String(pairId)],
    [StaffIds.messageButton, String(pairId)],
    [StaffIds.pauseButton, String(pairId)],
  ]);
});

test('exports: commas, quotes and new lines survive; formulas are neutralised; the staff note only in the check-ins export', () => {
  const checkinId = new Types.ObjectId();
  const data: ExportData = {
    pairs: [pair],
    names: new Map([
      ['U0MENTOR01', '@Alice'],
      ['U0MENTEE01', 'Karim, "K" Rahman'],
    ]),
    health: new Map(),
    checkins: [
      {
        _id: checkinId,
        pairId,
        period: 1,
        kind: 'regular',
        dueDay: '2026-12-08',
        dueAt: new Date('2026-12-08T13:00:00Z'),
        prompt: { postedAt: new Date('2026-12-08T13:00:00Z') },
      },
    ] as never,
    replies: [
      {
        checkinId,
        pairId,
        period: 1,
        userId: 'U0MENTEE01',
        met: 'yes',
        goals: [],
        staffNote: '+1 the mentor, "honestly"\nis far',
        submittedAt: new Date('2026-12-08T14:00:00Z'),
      },
    ] as never,
    commitments: [],
    outcomes: [],
    viewerId: 'U0STAFF001',
  };
  const pairs: Record<string, string>[] = parse(pairsCsv(data), { columns: true });
  expect(pairs[0]).toMatchObject({
    mentor: "'@Alice",
    'mentor organisation': '\'=HYPERLINK("x")',
    'mentee organisation': 'MFA, "Dhaka"\nbranch',
    mentee: 'Karim, "K" Rahman',
    'pause reason': '<!channel> elections',
    'paused until': '2027-01-01',
  });
  expect(Object.keys(pairs[0])).not.toContain(staffNoteColumn());
  const rows: Record<string, string>[] = parse(checkinsCsv(data), { columns: true });
  expect(rows.map((r: Record<string, string>) => [r.role, r.replied, r[staffNoteColumn()]])).toEqual([
    ['mentor', 'no', ''],
    ['mentee', 'yes', '\'+1 the mentor, "honestly"\nis far'],
  ]);
  // A staff member who is the mentor in this pair does not read their mentee's staff-only note.
  const asPartner: Record<string, string>[] = parse(checkinsCsv({ ...data, viewerId: 'U0MENTOR01' }), {
    columns: true,
  });
  expect(asPartner.map((r) => [r.role, r.replied, r[staffNoteColumn()]])).toEqual([
    ['mentor', 'no', ''],
    ['mentee', 'yes', ''],
  ]);
});
