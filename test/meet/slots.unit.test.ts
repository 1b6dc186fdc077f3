import { inconveniencedBy, proposeSlots } from '../../src/features/meet/slots';
import type { Person } from '../../src/lib/working-time';
import { NO_PROGRAM_DAYS_OFF } from '../../src/pairs/days-off';
import { toPerson } from '../../src/pairs/participants';

/**
 * `proposeSlots` against times worked out by hand. Every person works 09:00–18:00 local unless
 * said otherwise; offsets: Dhaka UTC+6 (no DST), San Francisco UTC−8 in December, Tunis UTC+1 (no
 * DST), Washington/Toronto UTC−5 in winter and UTC−4 until 1 November 2026, Belgrade UTC+1 in
 * winter and UTC+2 until 25 October 2026.
 */
const MON_FRI = [1, 2, 3, 4, 5];
const SUN_THU = [7, 1, 2, 3, 4];
const person = (tz: string, days = MON_FRI, startHour = 9, endHour = 18): Person => ({
  tz,
  workingHours: { startHour, endHour, days },
});
const utc = (p: { slots: Array<{ at: Date }> }) => p.slots.map((s) => s.at.toISOString().slice(0, 16));

describe('Dhaka (Sun–Thu) and San Francisco (Mon–Fri): the hours never overlap', () => {
  /*
   * Dhaka 09–18 is 03:00–12:00 UTC; San Francisco 09–18 is 17:00–02:00 UTC. Two gaps: 02–03 UTC (one
   * hour: San Francisco stays until 19:00–20:00, or Dhaka starts at 07:00–08:00) and 12–17 UTC.
   * From Monday 7 December 00:00 UTC (Sunday 16:00 in San Francisco):
   * - the mentor stretches: 19:00 in SF = 03:00 UTC = 09:00 in Dhaka the next day. SF Sunday 6 is a
   *   day off; SF Mon 7, Tue 8, Wed 9 → Dhaka Tue 8, Wed 9, Thu 10 (all working); SF Thu 10 → Dhaka
   *   Friday, off. So 8, 9 and 10 December at 03:00 UTC, 60 minutes outside the mentor's hours.
   * - the mentee stretches: 07:00 in Dhaka = 01:00 UTC = 17:00 in SF the day before. Dhaka Mon 7 →
   *   SF Sunday, off; Dhaka Tue 8, Wed 9, Thu 10 → SF Mon 7, Tue 8, Wed 9. So 8, 9, 10 at 01:00 UTC.
   * 18:00–19:00 in SF (= 08:00–09:00 in Dhaka) would put both outside: 120 minutes, worse.
   */
  const mentor = person('America/Los_Angeles');
  const mentee = person('Asia/Dhaka', SUN_THU);
  const from = new Date('2026-12-07T00:00:00Z');

  test('no one inconvenienced yet: the mentor stretches (a late hour), on three days', () => {
    const proposal = proposeSlots(mentor, mentee, from);
    expect(proposal.mode).toBe('stretch');
    expect(proposal.stretch).toBe('mentor');
    expect(utc(proposal)).toEqual(['2026-12-08T03:00', '2026-12-09T03:00', '2026-12-10T03:00']);
    expect(proposal.slots.map((s) => s.outside)).toEqual(Array(3).fill({ mentor: 60, mentee: 0 }));
  });

  test('the mentor stretched last time: now the mentee takes the early hour; then it alternates back', () => {
    const proposal = proposeSlots(mentor, mentee, from, { lastInconvenienced: 'mentor' });
    expect(proposal.stretch).toBe('mentee');
    expect(utc(proposal)).toEqual(['2026-12-08T01:00', '2026-12-09T01:00', '2026-12-10T01:00']);
    expect(proposal.slots[0].outside).toEqual({ mentor: 0, mentee: 60 });
    // Agreeing on it makes the mentee the one inconvenienced: the next proposal asks the mentor.
    expect(inconveniencedBy(proposal.slots[0], 'mentor')).toBe('mentee');
    expect(proposeSlots(mentor, mentee, from, { lastInconvenienced: 'mentee' }).stretch).toBe('mentor');
  });

  test('never at night: no slot before 07:00 or ending after 22:00 for either', () => {
    for (const last of [null, 'mentor', 'mentee'] as const) {
      for (const slot of proposeSlots(mentor, mentee, from, { lastInconvenienced: last }).slots) {
        for (const tz of ['America/Los_Angeles', 'Asia/Dhaka']) {
          const hour = Number(slot.at.toLocaleString('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }));
          expect(hour >= 7 && hour <= 21).toBe(true);
        }
      }
    }
  });
});

describe('Tunis and Washington', () => {
  /*
   * December: Tunis 09–18 = 08:00–17:00 UTC; Washington 09–18 = 14:00–23:00 UTC; the overlap is
   * 14:00–17:00 UTC (15:00–18:00 in Tunis, 09:00–12:00 in Washington). From Tuesday 1 December
   * 00:00 UTC the earliest hour of each day: 1, 2 and 3 December at 14:00 UTC, one a day (not
   * 14:00, 15:00 and 16:00 on the 1st).
   */
  test('inside both people’s hours, the earliest of each day, on three days', () => {
    const proposal = proposeSlots(person('America/New_York'), person('Africa/Tunis'), new Date('2026-12-01T00:00:00Z'));
    expect(proposal).toMatchObject({ mode: 'overlap', stretch: null });
    expect(utc(proposal)).toEqual(['2026-12-01T14:00', '2026-12-02T14:00', '2026-12-03T14:00']);
    expect(proposal.slots[0]).toMatchObject({ key: '20261201T1400Z', outside: { mentor: 0, mentee: 0 } });
  });

  /*
   * October (Washington on UTC−4): the overlap is 13:00–17:00 UTC. Thursday 15 October 2026 is a
   * public holiday in Tunisia (Evacuation Day); the person in Washington is away on Friday 16. From
   * Wednesday 14 October 00:00 UTC: Wed 14, (15 holiday, 16 away, 17–18 weekend) Mon 19, Tue 20,
   * each at 13:00 UTC (14:00 in Tunis, 09:00 in Washington).
   */
  test('a public holiday and a day away are skipped', () => {
    const tunis = toPerson({ tz: 'Africa/Tunis', country: 'Tunisia' } as never, NO_PROGRAM_DAYS_OFF);
    const washington = toPerson(
      {
        tz: 'America/New_York',
        country: 'United States',
        away: [{ from: '2026-10-16', until: '2026-10-16' }],
      } as never,
      NO_PROGRAM_DAYS_OFF,
    );
    const proposal = proposeSlots(washington, tunis, new Date('2026-10-14T00:00:00Z'));
    expect(utc(proposal)).toEqual(['2026-10-14T13:00', '2026-10-19T13:00', '2026-10-20T13:00']);
  });
});

describe('Belgrade and Toronto across the daylight-saving changes (EU 25 October, North America 1 November 2026)', () => {
  /*
   * Usually 6 hours apart; from 25 October to 1 November only 5 (Belgrade back on UTC+1, Toronto
   * still UTC−4). Toronto 09–18: 13:00–22:00 UTC until 1 November, then 14:00–23:00 UTC. Belgrade
   * 09–18: 07:00–16:00 UTC until 25 October, then 08:00–17:00 UTC.
   * From Friday 30 October 00:00 UTC: Fri 30 at 13:00 UTC (14:00 Belgrade, 09:00 Toronto), then
   * Mon 2 and Tue 3 November at 14:00 UTC (15:00 Belgrade, 09:00 Toronto): the overlap moved.
   */
  test('the first hour of the overlap moves with the clocks', () => {
    const proposal = proposeSlots(
      person('America/Toronto'),
      person('Europe/Belgrade'),
      new Date('2026-10-30T00:00:00Z'),
    );
    expect(utc(proposal)).toEqual(['2026-10-30T13:00', '2026-11-02T14:00', '2026-11-03T14:00']);
  });

  /*
   * Belgrade working 09:00–15:00: 07:00–13:00 UTC until 25 October, 08:00–14:00 UTC after. Toronto
   * starts at 13:00 UTC until 1 November, 14:00 UTC after. They overlap only in the week of 26–30
   * October, 13:00–14:00 UTC. From Thursday 22 October 00:00 UTC (window: 22 October to 4 November)
   * the slots are Mon 26, Tue 27, Wed 28 at 13:00 UTC, inside both people's hours.
   */
  test('hours that overlap only in the week between the two changes: that week’s slots', () => {
    const proposal = proposeSlots(
      person('America/Toronto'),
      person('Europe/Belgrade', MON_FRI, 9, 15),
      new Date('2026-10-22T00:00:00Z'),
    );
    expect(proposal.mode).toBe('overlap');
    expect(utc(proposal)).toEqual(['2026-10-26T13:00', '2026-10-27T13:00', '2026-10-28T13:00']);
  });
});

describe('spread and limits', () => {
  /*
   * Tunis and Washington, with Washington away from 2 to 14 December: the only shared working day
   * in the window is Tuesday 1 December, overlap 14:00–17:00 UTC. Three slots that do not overlap,
   * on that one day: 14:00, 15:00, 16:00 UTC.
   */
  test('one possible day: slots that do not overlap each other', () => {
    const away = (day: string) => day >= '2026-12-02' && day <= '2026-12-14';
    const washington: Person = { ...person('America/New_York'), isDayOff: away, isAway: away };
    const proposal = proposeSlots(washington, person('Africa/Tunis'), new Date('2026-12-01T00:00:00Z'));
    expect(utc(proposal)).toEqual(['2026-12-01T14:00', '2026-12-01T15:00', '2026-12-01T16:00']);
  });

  test('at least two hours ahead, on the half hour: from 12:10 UTC the first slot is 14:30 UTC', () => {
    const proposal = proposeSlots(person('America/New_York'), person('Africa/Tunis'), new Date('2026-12-01T12:10:00Z'));
    expect(utc(proposal)[0]).toBe('2026-12-01T14:30');
  });

  test('nothing possible (one of them away the whole window): none', () => {
    const washington: Person = { ...person('America/New_York'), isDayOff: () => true };
    expect(proposeSlots(washington, person('Africa/Tunis'), new Date('2026-12-01T00:00:00Z'))).toEqual({
      mode: 'none',
      slots: [],
      stretch: null,
    });
  });
});
