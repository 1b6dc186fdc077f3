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

  test('no hour inside both working days (Los Angeles and Dhaka): 09:00 in the mentee zone', () => {
    const s = firstSchedule(rhythm, losAngeles, dhaka);
    // 09:00 in Dhaka (UTC+6) on 8 December is 03:00 UTC.
    expect(s.nextCheckinAt).toEqual(new Date('2026-12-08T03:00:00Z'));
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
