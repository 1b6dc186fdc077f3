import { text } from '../../src/features/pairing/messages';
import { checkinHours } from '../../src/features/pairing/checkin-hours';

/** What staff read in the confirmation of a new pair: when check-ins arrive for each person (hand-computed). */
const rhythm = { cadence: 'weekly', startDate: '2026-11-30', endDate: '2027-05-31' };
const alice = { name: 'Alice', tz: 'America/New_York' };
const nino = { name: 'Nino', tz: 'Asia/Tbilisi' };
const lee = { name: 'Lee', tz: 'America/Los_Angeles' };
const karim = { name: 'Karim', tz: 'Asia/Dhaka' };
const elise = { name: 'Élise', tz: 'Europe/Paris' };
const amira = { name: 'Amira', tz: 'Africa/Tunis' };

const line = (h: ReturnType<typeof checkinHours>) => text.checkinHours(h!).text;

describe('the check-in hours staff see for a new pair', () => {
  test('New York and Tbilisi: Mondays, 08:00 for the mentor, 17:00 for the mentee', () => {
    expect(line(checkinHours(rhythm, alice, nino))).toBe(
      "*Check-ins:* Mondays, 08:00 for Alice, 17:00 for Nino (each person's local time).",
    );
  });

  test('Los Angeles and Dhaka on Mondays: Sunday evening for the mentor, so no mention and a DM on Monday', () => {
    expect(line(checkinHours(rhythm, lee, karim))).toBe(
      "*Check-ins:* Mondays, Sun 19:00 for Lee, 09:00 for Karim (each person's local time). That is night or a day off for Lee: no @-mention then, but a DM at Mon 09:00, their time.",
    );
  });

  test('Paris and Tunis every two weeks: 09:00 for both', () => {
    expect(line(checkinHours({ ...rhythm, cadence: 'biweekly' }, elise, amira))).toBe(
      "*Check-ins:* every other Monday, 09:00 for Élise, 09:00 for Amira (each person's local time).",
    );
  });

  test('no check-in in the program: nothing to say', () => {
    expect(checkinHours({ ...rhythm, endDate: '2026-12-03' }, alice, nino)).toBeUndefined();
  });
});
