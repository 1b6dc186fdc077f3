import { countryCodeOf, publicHolidayOn, workingWeekOf } from '../../src/lib/holidays';
import {
  addWorkingDayHours,
  isWithinWorkingHours,
  nextAllowedDmTime,
  nextWorkingMorning,
  previousWorkingDay,
} from '../../src/lib/working-time';
import { firstSchedule } from '../../src/pairs/checkin-times';
import { NO_PROGRAM_DAYS_OFF, type ProgramDaysOff } from '../../src/pairs/days-off';
import { toPerson } from '../../src/pairs/participants';

/** A participant as stored before they set their own hours (their country's week, 09:00–18:00). */
const stored = (tz: string, country: string, extra: Record<string, unknown> = {}) =>
  ({
    tz,
    country,
    workingHours: { startHour: 9, endHour: 18, days: [1, 2, 3, 4, 5], setByPerson: false, ...extra },
  }) as never;

const program = (added: Record<string, string[]>, removed: Record<string, string[]> = {}): ProgramDaysOff => ({
  added: new Map(Object.entries(added).map(([c, d]) => [c, new Set(d)])),
  removed: new Map(Object.entries(removed).map(([c, d]) => [c, new Set(d)])),
});

const rhythm = (startDate: string) => ({ cadence: 'weekly', startDate, endDate: '2027-12-31' });

describe('countries', () => {
  test('names and codes as people type them map to ISO codes; unknown is undefined', () => {
    expect(countryCodeOf('Bangladesh')).toBe('BD');
    expect(countryCodeOf(' tunisia ')).toBe('TN');
    expect(countryCodeOf('United States')).toBe('US');
    expect(countryCodeOf('USA')).toBe('US');
    expect(countryCodeOf('ma')).toBe('MA');
    expect(countryCodeOf('Deutschland')).toBe('DE');
    expect(countryCodeOf('Atlantis')).toBeUndefined();
    expect(countryCodeOf('')).toBeUndefined();
  });

  test('working weeks: Sunday–Thursday in Bangladesh and Egypt, Monday–Friday in Pakistan, Tunisia and elsewhere', () => {
    expect(workingWeekOf('BD')).toEqual([7, 1, 2, 3, 4]);
    expect(workingWeekOf('EG')).toEqual([7, 1, 2, 3, 4]);
    for (const c of ['PK', 'TN', 'MA', 'AZ', 'GE', 'RS', 'UA', 'US', 'CA', 'FR', undefined])
      expect(workingWeekOf(c)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('a Tunisian mentee: the check-in moves off a national holiday', () => {
  const mentor = toPerson(stored('Europe/Paris', 'France'));

  test('Martyrs’ Day, Friday 9 April 2027, is a public holiday in the library', () => {
    expect(publicHolidayOn('TN', '2027-04-09')).toMatchObject({ day: '2027-04-09', estimated: false });
  });

  test('due Friday 2027-04-09 → Monday 2027-04-12, 09:00 in Tunis (08:00 UTC, 10:00 in Paris)', () => {
    const mentee = toPerson(stored('Africa/Tunis', 'Tunisia'));
    const s = firstSchedule(rhythm('2027-04-02'), mentor, mentee);
    expect(s.nextDueDay).toBe('2027-04-12');
    expect(s.nextCheckinAt?.toISOString()).toBe('2027-04-12T08:00:00.000Z');
    // Without the country, the same mentee is asked on the holiday itself.
    const noCountry = firstSchedule(rhythm('2027-04-02'), mentor, toPerson(stored('Africa/Tunis', '')));
    expect(noCountry.nextDueDay).toBe('2027-04-09');
  });

  test('staff can take the holiday back (people work) or add a day the library lacks', () => {
    const takenBack = toPerson(stored('Africa/Tunis', 'TN'), program({}, { TN: ['2027-04-09'] }));
    expect(firstSchedule(rhythm('2027-04-02'), mentor, takenBack).nextDueDay).toBe('2027-04-09');
    const added = toPerson(stored('Africa/Tunis', 'TN'), program({ TN: ['2027-04-12'] }));
    expect(firstSchedule(rhythm('2027-04-02'), mentor, added).nextDueDay).toBe('2027-04-13');
    // Another country's program day off changes nothing for a Tunisian.
    const other = toPerson(stored('Africa/Tunis', 'TN'), program({ MA: ['2027-04-12'] }));
    expect(firstSchedule(rhythm('2027-04-02'), mentor, other).nextDueDay).toBe('2027-04-12');
  });

  test('a DM due on the holiday waits for the next working day, 08:00 Tunis', () => {
    const mentee = toPerson(stored('Africa/Tunis', 'Tunisia'), NO_PROGRAM_DAYS_OFF);
    expect(nextAllowedDmTime(new Date('2027-04-09T09:00:00Z'), mentee).toISOString()).toBe('2027-04-12T07:00:00.000Z');
    expect(previousWorkingDay('2027-04-12', mentee)).toBe('2027-04-08');
  });
});

describe('a Dhaka participant on a Sunday–Thursday week (Bangladesh, by country)', () => {
  const mentee = toPerson(stored('Asia/Dhaka', 'Bangladesh'));
  const mentor = toPerson(stored('America/New_York', 'United States'));

  test('a check-in due Friday 2027-02-05 lands on Sunday 2027-02-07, not Friday', () => {
    const s = firstSchedule(rhythm('2027-01-29'), mentor, mentee);
    expect(s.nextDueDay).toBe('2027-02-07');
    // Sunday is the New York mentor's weekend: the mentee's 09:00, the mentor told on their Monday.
    expect(s.nextCheckinAt?.toISOString()).toBe('2027-02-07T03:00:00.000Z');
    expect(s.nextMentionMentor).toBe(false);
    expect(s.nextMentorDmAt?.toISOString()).toBe('2027-02-08T14:00:00.000Z');
  });

  test('Friday and Saturday are the weekend: 48 working hours from Thursday 10:00 end on Monday 10:00', () => {
    const thursday = new Date('2027-02-04T04:00:00Z');
    expect(addWorkingDayHours(thursday, 48, mentee).toISOString()).toBe('2027-02-08T04:00:00.000Z');
    expect(nextAllowedDmTime(new Date('2027-02-05T06:00:00Z'), mentee).toISOString()).toBe('2027-02-07T02:00:00.000Z');
  });

  test('hours the person set themselves win over the country week', () => {
    const monFri = toPerson(stored('Asia/Dhaka', 'Bangladesh', { setByPerson: true }));
    expect(firstSchedule(rhythm('2027-01-29'), mentor, monFri).nextDueDay).toBe('2027-02-05');
  });
});

describe('a temporary shorter day (Ramadan hours)', () => {
  const person = toPerson(
    stored('Africa/Tunis', 'Tunisia', {
      temporary: { startHour: 10, endHour: 14, days: [1, 2, 3, 4, 5], until: '2027-03-08' },
    }),
  );

  test('while it lasts: 10:00–14:00; the day after it ends: 09:00–18:00 again', () => {
    // Monday 1 March 2027, 15:00 in Tunis (UTC+1) is after the shorter day.
    expect(isWithinWorkingHours(new Date('2027-03-01T14:00:00Z'), person)).toBe(false);
    expect(isWithinWorkingHours(new Date('2027-03-01T12:00:00Z'), person)).toBe(true);
    // Tuesday 9 March 2027 is Eid al-Fitr in the library (estimated: the moon decides): a day off.
    expect(publicHolidayOn('TN', '2027-03-09')?.estimated).toBe(true);
    expect(isWithinWorkingHours(new Date('2027-03-09T10:00:00Z'), person)).toBe(false);
    // Wednesday 10 March 2027, 15:00: usual hours again.
    expect(isWithinWorkingHours(new Date('2027-03-10T14:00:00Z'), person)).toBe(true);
    // The morning starts at 10:00 during the change, 09:00 after it.
    expect(nextWorkingMorning(new Date('2027-03-01T05:00:00Z'), person).toISOString()).toBe('2027-03-01T09:00:00.000Z');
    expect(nextWorkingMorning(new Date('2027-03-09T05:00:00Z'), person).toISOString()).toBe('2027-03-10T08:00:00.000Z');
  });
});

describe('a daylight-saving change and a holiday together', () => {
  test('Paris, Saturday 27 March 2027 → clocks go forward on Sunday; Easter Monday is off → Tuesday 09:00 CEST', () => {
    const person = toPerson(stored('Europe/Paris', 'France'));
    expect(publicHolidayOn('FR', '2027-03-29')?.name).toBe('Easter Monday');
    const at = nextWorkingMorning(new Date('2027-03-27T12:00:00Z'), person);
    expect(at.toISOString()).toBe('2027-03-30T07:00:00.000Z');
    // The Friday before the change was still CET: 09:00 = 08:00 UTC.
    expect(nextWorkingMorning(new Date('2027-03-26T05:00:00Z'), person).toISOString()).toBe('2027-03-26T08:00:00.000Z');
  });
});
