import { goalsMoved } from '../../src/features/digest/tally';

const WEEK = new Date('2026-12-07T00:00:00Z');
const reply = (pairId: string, goalId: string, status: string, at: string) => ({
  pairId,
  userId: 'U0MENTEE01',
  period: 1,
  met: 'yes',
  submittedAt: new Date(at),
  goals: [{ goalId, status }],
  hasStaffNote: false,
});

test('goals closed with Close this week count as moved (achieved ones as achieved), once each, with reported progress', () => {
  const replies = [
    reply('p1', 'g1', 'some_progress', '2026-11-30T10:00:00Z'),
    reply('p1', 'g1', 'substantial', '2026-12-08T10:00:00Z'), // moved by an answer
    reply('p2', 'g2', 'some_progress', '2026-12-08T10:00:00Z'), // moved by an answer, then closed
  ];
  expect(goalsMoved(replies, WEEK)).toEqual({ moved: 2, achieved: 0 });
  const closed = [
    { pairId: 'p2', goalId: 'g2', status: 'achieved', at: new Date('2026-12-09T10:00:00Z') },
    { pairId: 'p3', goalId: 'g3', status: 'dropped', at: new Date('2026-12-10T10:00:00Z') },
    { pairId: 'p4', goalId: 'g4', status: 'achieved', at: new Date('2026-12-01T10:00:00Z') }, // last week
  ];
  expect(goalsMoved(replies, WEEK, closed)).toEqual({ moved: 3, achieved: 1 });
});
