import { firstSchedule, scheduleAfter } from '../../src/pairs/checkin-times';

/** Expectations are hand-computed instants; the comments say what local time each is. */
const rhythm = { cadence: 'weekly', startDate: '2026-12-01', endDate: '2027-01-31' };
const newYork = { tz: 'America/New_York' };
const tunis = { tz: 'Africa/Tunis' };
const losAngeles = { tz: 'America/Los_Angeles' };
const dhaka = { tz: 'Asia/Dhaka' };

describe('when the next check-in falls', () => {
  test('the first is one interval after the start, at the first hour inside both working days', () => {
    const s = firstSchedule(rhythm, newYork, tunis);
    expect(s.nextPeriod).toBe(1);
    expect(s.nextDueDay).toBe('2026-12-08');
    // 09:00 in New York (14:00 EST = UTC-5) is 15:00 in Tunis: inside both working days.
    expect(s.nextCheckinAt).toEqual(new Date('2026-12-08T14:00:00Z'));
  });

  test('biweekly pairs are due every fourteen days', () => {
    const s = scheduleAfter(1, '2026-12-15', { ...rhythm, cadence: 'biweekly' }, newYork, tunis);
    expect([s.nextPeriod, s.nextDueDay]).toEqual([2, '2026-12-29']);
  });

  test("a due day on the mentee's weekend moves to their next working day", () => {
    // Start on a Saturday: the nominal due day 2026-12-12 is a Saturday, so Monday 14 December.
    const s = firstSchedule({ ...rhythm, startDate: '2026-12-05' }, newYork, tunis);
    expect(s.nextDueDay).toBe('2026-12-14');
  });

  test('no hour inside both working days (Los Angeles and Dhaka), on a Tuesday: 08:00 Dhaka, 18:00 Monday in Los Angeles, both mentioned', () => {
    const s = firstSchedule(rhythm, losAngeles, dhaka);
    // 08:00 in Dhaka (UTC+6) on Tuesday 8 December is 02:00 UTC, 18:00 on Monday in Los Angeles (UTC-8).
    expect(s.nextCheckinAt).toEqual(new Date('2026-12-08T02:00:00Z'));
    expect([s.nextMentionMentor, s.nextMentorDmAt]).toEqual([true, null]);
  });

  test('Los Angeles and Dhaka on a Monday (Sunday in Los Angeles): 09:00 Dhaka without the mentor, who is told at 09:00 Monday', () => {
    const s = firstSchedule({ ...rhythm, startDate: '2026-11-30' }, losAngeles, dhaka);
    expect(s.nextDueDay).toBe('2026-12-07');
    expect(s.nextCheckinAt).toEqual(new Date('2026-12-07T03:00:00Z')); // 09:00 Monday in Dhaka, 19:00 Sunday in Los Angeles
    expect(s.nextMentionMentor).toBe(false);
    expect(s.nextMentorDmAt).toEqual(new Date('2026-12-07T17:00:00Z')); // 09:00 Monday in Los Angeles
  });

  test('New York and Dhaka on a Tuesday: 08:00 New York = 19:00 Dhaka, both awake on a working day', () => {
    const s = firstSchedule(rhythm, newYork, dhaka);
    expect(s.nextCheckinAt).toEqual(new Date('2026-12-08T13:00:00Z'));
    expect(s.nextMentionMentor).toBe(true);
  });

  test('across the US daylight-saving change the hour follows New York', () => {
    const spring = { cadence: 'weekly', startDate: '2027-03-01', endDate: '2027-04-30' };
    // 8 March 2027 is before the change (EST, UTC-5); 15 March after it (EDT, UTC-4).
    expect(scheduleAfter(0, '2027-03-01', spring, newYork, tunis).nextCheckinAt).toEqual(
      new Date('2027-03-08T14:00:00Z'),
    );
    expect(scheduleAfter(1, '2027-03-08', spring, newYork, tunis).nextCheckinAt).toEqual(
      new Date('2027-03-15T13:00:00Z'),
    );
  });

  test('past the end date there is no next check-in', () => {
    const s = scheduleAfter(8, '2027-01-26', rhythm, newYork, tunis);
    expect([s.nextDueDay, s.nextCheckinAt]).toEqual([null, null]);
  });
});
