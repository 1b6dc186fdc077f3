import {
  addWorkingDayHours,
  checkinSlot,
  isWithinWorkingHours,
  localParts,
  nextAllowedDmTime,
  type Person,
  previousWorkingDay,
  zonedTimeToInstant,
} from '../../src/lib/working-time';

const DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "2027-01-05 Tue 09:00" — the wall-clock time a person in `tz` sees. */
function wall(at: Date, tz: string): string {
  const p = localParts(at, tz);
  return `${p.day} ${DAYS[p.isoWeekday]} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

const at = (day: string, hh: number, mm: number, tz: string) => zonedTimeToInstant(day, hh, mm, tz);

const newYork: Person = { tz: 'America/New_York' };
const brussels: Person = { tz: 'Europe/Brussels' };
const dhaka: Person = { tz: 'Asia/Dhaka' };
const losAngeles: Person = { tz: 'America/Los_Angeles' };

describe('localParts / zonedTimeToInstant', () => {
  it('reads local parts and round-trips ordinary times', () => {
    expect(localParts(new Date('2027-01-05T14:30:00Z'), 'Asia/Kolkata')).toEqual({
      day: '2027-01-05',
      hour: 20,
      minute: 0,
      isoWeekday: 2,
    });
    expect(at('2027-01-05', 9, 0, 'Asia/Dhaka').toISOString()).toBe('2027-01-05T03:00:00.000Z');
    expect(at('2027-07-01', 9, 15, 'Asia/Kathmandu').toISOString()).toBe('2027-07-01T03:30:00.000Z');
    expect(at('2027-07-01', 0, 0, 'America/Los_Angeles').toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(localParts(at('2027-07-01', 0, 0, 'Europe/London'), 'Europe/London').hour).toBe(0);
  });

  it('spring-forward gap → moved forward by the length of the gap (02:30 New York → 03:30 EDT)', () => {
    const t = at('2027-03-14', 2, 30, 'America/New_York');
    expect(t.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(wall(t, 'America/New_York')).toBe('2027-03-14 Sun 03:30');
    // 02:30 in Brussels on 2027-03-28 does not exist: 03:30 CEST is 01:30Z.
    expect(at('2027-03-28', 2, 30, 'Europe/Brussels').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('fall-back ambiguity → the earlier instant (01:30 New York → 05:30Z, EDT)', () => {
    expect(at('2027-11-07', 1, 30, 'America/New_York').toISOString()).toBe('2027-11-07T05:30:00.000Z');
    // East of UTC too: 02:30 in Brussels on 2027-10-31 happens at 00:30Z (CEST) and 01:30Z (CET).
    expect(at('2027-10-31', 2, 30, 'Europe/Brussels').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('checkinSlot: the first hour inside both working days', () => {
  it('New York + Brussels on a Tuesday → 09:00 New York = 15:00 Brussels', () => {
    for (const [mentor, mentee] of [
      [brussels, newYork],
      [newYork, brussels],
    ]) {
      const r = checkinSlot('2027-01-05', mentor, mentee);
      expect(r.fit).toBe('working');
      expect(r.mentionMentor).toBe(true);
      expect(wall(r.at, 'America/New_York')).toBe('2027-01-05 Tue 09:00');
      expect(wall(r.at, 'Europe/Brussels')).toBe('2027-01-05 Tue 15:00');
    }
  });

  it('Asia/Dhaka + America/Los_Angeles on a Tuesday → no shared working hour → 08:00 Dhaka = 18:00 Monday in Los Angeles (both awake)', () => {
    const r = checkinSlot('2027-01-05', losAngeles, dhaka);
    expect(r).toEqual({ at: at('2027-01-05', 8, 0, 'Asia/Dhaka'), fit: 'waking', mentionMentor: true });
    expect(wall(r.at, 'America/Los_Angeles')).toBe('2027-01-04 Mon 18:00');
    // In summer Los Angeles is UTC-7: 08:00 Dhaka is 19:00 Monday there, still before 20:00.
    const summer = checkinSlot('2027-06-08', losAngeles, dhaka);
    expect(summer).toEqual({ at: at('2027-06-08', 8, 0, 'Asia/Dhaka'), fit: 'waking', mentionMentor: true });
    expect(wall(summer.at, 'America/Los_Angeles')).toBe('2027-06-07 Mon 19:00');
  });

  it('Africa/Tunis + Europe/Berlin in winter → 09:00 for both', () => {
    const r = checkinSlot('2027-01-05', { tz: 'Europe/Berlin' }, { tz: 'Africa/Tunis' });
    expect(r.fit).toBe('working');
    expect(wall(r.at, 'Africa/Tunis')).toBe('2027-01-05 Tue 09:00');
    expect(wall(r.at, 'Europe/Berlin')).toBe('2027-01-05 Tue 09:00');
  });

  it('Asia/Kolkata (+05:30) + Europe/London → a time where both are within hours for a whole hour', () => {
    const kolkata: Person = { tz: 'Asia/Kolkata' };
    const london: Person = { tz: 'Europe/London' };
    const r = checkinSlot('2027-01-05', london, kolkata);
    expect(r.fit).toBe('working');
    // Mentee-local whole hours: 15:00 Kolkata is 09:30 London (14:00 Kolkata would be 08:30 London).
    expect(wall(r.at, 'Asia/Kolkata')).toBe('2027-01-05 Tue 15:00');
    expect(wall(r.at, 'Europe/London')).toBe('2027-01-05 Tue 09:30');
    for (const p of [kolkata, london]) {
      expect(isWithinWorkingHours(r.at, p)).toBe(true);
      expect(isWithinWorkingHours(new Date(r.at.getTime() + 59 * 60_000), p)).toBe(true);
    }
    // The other way round (mentee in London): whole UTC hours, 09:00 London = 14:30 Kolkata.
    const r2 = checkinSlot('2027-01-05', kolkata, london);
    expect(wall(r2.at, 'Europe/London')).toBe('2027-01-05 Tue 09:00');
    expect(wall(r2.at, 'Asia/Kolkata')).toBe('2027-01-05 Tue 14:30');
  });

  it('between the US and EU DST switches (2027-03-15) → 09:00 New York = 14:00 Brussels', () => {
    const r = checkinSlot('2027-03-15', brussels, newYork);
    expect(r.fit).toBe('working');
    expect(wall(r.at, 'America/New_York')).toBe('2027-03-15 Mon 09:00');
    expect(wall(r.at, 'Europe/Brussels')).toBe('2027-03-15 Mon 14:00');
    expect(r.at.toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('a day off for the mentee (Dhaka Sun–Thu, Paris Mon–Fri, on a Friday) → 09:00 Dhaka, the Paris mentor told at 09:00 their Friday', () => {
    const mentee: Person = { tz: 'Asia/Dhaka', workingHours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } };
    const r = checkinSlot('2027-01-08', { tz: 'Europe/Paris' }, mentee);
    expect(r).toEqual({
      at: new Date('2027-01-08T03:00:00Z'), // 09:00 Friday in Dhaka
      fit: 'mentee_morning',
      mentionMentor: false,
      mentorDmAt: new Date('2027-01-08T08:00:00Z'), // 09:00 Friday in Paris
    });
    // On a Thursday they do overlap: 09:00 Paris = 14:00 Dhaka.
    const thu = checkinSlot('2027-01-07', { tz: 'Europe/Paris' }, mentee);
    expect(thu.fit).toBe('working');
    expect(wall(thu.at, 'Asia/Dhaka')).toBe('2027-01-07 Thu 14:00');
  });
});

describe('isWithinWorkingHours', () => {
  it('uses local time and working days', () => {
    expect(isWithinWorkingHours(at('2027-01-05', 9, 0, 'America/New_York'), newYork)).toBe(true);
    expect(isWithinWorkingHours(at('2027-01-05', 17, 59, 'America/New_York'), newYork)).toBe(true);
    expect(isWithinWorkingHours(at('2027-01-05', 18, 0, 'America/New_York'), newYork)).toBe(false);
    expect(isWithinWorkingHours(at('2027-01-05', 8, 59, 'America/New_York'), newYork)).toBe(false);
    expect(isWithinWorkingHours(at('2027-01-09', 12, 0, 'America/New_York'), newYork)).toBe(false); // Saturday
  });
});

describe('nextAllowedDmTime', () => {
  const tz = 'America/New_York';
  it('21:30 Wednesday → 08:00 Thursday', () => {
    expect(wall(nextAllowedDmTime(at('2027-01-06', 21, 30, tz), newYork), tz)).toBe('2027-01-07 Thu 08:00');
  });
  it('Saturday 10:00 → Monday 08:00', () => {
    expect(wall(nextAllowedDmTime(at('2027-01-09', 10, 0, tz), newYork), tz)).toBe('2027-01-11 Mon 08:00');
  });
  it('Tuesday 07:00 → Tuesday 08:00', () => {
    expect(wall(nextAllowedDmTime(at('2027-01-05', 7, 0, tz), newYork), tz)).toBe('2027-01-05 Tue 08:00');
  });
  it('Tuesday 12:00 → unchanged', () => {
    const t = at('2027-01-05', 12, 0, tz);
    expect(nextAllowedDmTime(t, newYork)).toBe(t);
  });
  it('Friday 20:00 → Monday 08:00; follows a Sunday–Thursday week when given', () => {
    expect(wall(nextAllowedDmTime(at('2027-01-08', 20, 0, tz), newYork), tz)).toBe('2027-01-11 Mon 08:00');
    const sunThu: Person = { tz: 'Asia/Dhaka', workingHours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } };
    expect(wall(nextAllowedDmTime(at('2027-01-07', 20, 30, 'Asia/Dhaka'), sunThu), 'Asia/Dhaka')).toBe(
      '2027-01-10 Sun 08:00',
    );
  });
});

describe('previousWorkingDay', () => {
  it('Monday → Friday', () => {
    expect(previousWorkingDay('2027-01-04', newYork)).toBe('2027-01-01');
    expect(previousWorkingDay('2027-01-06', newYork)).toBe('2027-01-05');
  });
  it('Sunday–Thursday week: Sunday → Thursday', () => {
    const p: Person = { tz: 'Asia/Dhaka', workingHours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } };
    expect(previousWorkingDay('2027-01-10', p)).toBe('2027-01-07');
  });
});

describe('addWorkingDayHours (48 working hours = two working days)', () => {
  const dhaka = { tz: 'Asia/Dhaka' };
  const local = (at: Date, tz: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      weekday: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);

  test('Tuesday 09:00 + 48h is Thursday 09:00', () => {
    expect(local(addWorkingDayHours(new Date('2026-12-08T03:00:00Z'), 48, dhaka), 'Asia/Dhaka')).toBe('Thu 10, 09:00');
  });
  test('the weekend does not count: Friday 10:00 + 48h is Tuesday 10:00', () => {
    expect(local(addWorkingDayHours(new Date('2026-12-11T04:00:00Z'), 48, dhaka), 'Asia/Dhaka')).toBe('Tue 15, 10:00');
  });
  test('a Sunday–Thursday week: Thursday 10:00 + 48h is Monday 10:00', () => {
    const person = { tz: 'Asia/Dhaka', workingHours: { startHour: 9, endHour: 17, days: [7, 1, 2, 3, 4] } };
    expect(local(addWorkingDayHours(new Date('2026-12-10T04:00:00Z'), 48, person), 'Asia/Dhaka')).toBe('Mon 14, 10:00');
  });
  test('across the US spring-forward night, two working days are still two calendar days', () => {
    const ny = { tz: 'America/New_York' };
    // Thursday 11 March 2027 12:00 → Monday 15 March 12:00 (the weekend, with the change, does not count).
    expect(local(addWorkingDayHours(new Date('2027-03-11T17:00:00Z'), 48, ny), 'America/New_York')).toBe(
      'Mon 15, 12:00',
    );
  });
});

describe('checkinSlot: nobody is pinged at night or on their weekend', () => {
  const tbilisi: Person = { tz: 'Asia/Tbilisi' };
  const paris: Person = { tz: 'Europe/Paris' };
  const tunis: Person = { tz: 'Africa/Tunis' };

  it('New York + Tbilisi: no shared working hour, so 08:00 New York = 17:00 Tbilisi (both awake, both working days)', () => {
    // Monday 7 December 2026: New York is UTC-5, Tbilisi UTC+4.
    expect(checkinSlot('2026-12-07', newYork, tbilisi)).toEqual({
      at: new Date('2026-12-07T13:00:00Z'),
      fit: 'waking',
      mentionMentor: true,
    });
  });

  it('Los Angeles + Dhaka on a Tuesday: 08:00 Dhaka is 18:00 Monday in Los Angeles', () => {
    // Los Angeles is UTC-8, Dhaka UTC+6.
    expect(checkinSlot('2026-12-08', losAngeles, dhaka)).toEqual({
      at: new Date('2026-12-08T02:00:00Z'),
      fit: 'waking',
      mentionMentor: true,
    });
  });

  it("Los Angeles + Dhaka on a Monday: it is Sunday in Los Angeles, so the mentee's morning, the mentor told on Monday at 09:00", () => {
    expect(checkinSlot('2026-12-07', losAngeles, dhaka)).toEqual({
      at: new Date('2026-12-07T03:00:00Z'), // 09:00 Monday in Dhaka
      fit: 'mentee_morning',
      mentionMentor: false,
      mentorDmAt: new Date('2026-12-07T17:00:00Z'), // 09:00 Monday in Los Angeles
    });
  });

  it('Paris + Tunis (same clock in winter): 09:00 for both, inside working hours', () => {
    expect(checkinSlot('2026-12-07', paris, tunis)).toEqual({
      at: new Date('2026-12-07T08:00:00Z'),
      fit: 'working',
      mentionMentor: true,
    });
  });

  it('a mentee working Sunday to Thursday, on a Sunday: the mentor in Paris hears on Monday 09:00, not on Sunday', () => {
    const dhakaWeek: Person = { tz: 'Asia/Dhaka', workingHours: { startHour: 9, endHour: 18, days: [7, 1, 2, 3, 4] } };
    expect(checkinSlot('2026-12-13', paris, dhakaWeek)).toEqual({
      at: new Date('2026-12-13T03:00:00Z'), // 09:00 Sunday in Dhaka
      fit: 'mentee_morning',
      mentionMentor: false,
      mentorDmAt: new Date('2026-12-14T08:00:00Z'), // 09:00 Monday in Paris
    });
  });
});
