import { text } from '../../src/features/pairing/messages';
import { checkinHours } from '../../src/features/pairing/checkin-hours';
import { createPairModal } from '../../src/features/pairing/views';

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

describe('the pair form, opened with mentions (profile time zones known)', () => {
  const defaults = {
    mentorId: 'U0MENTOR01',
    menteeId: 'U0MENTEE01',
    today: '2026-12-01',
    sixMonthsLater: '2027-06-01',
  };
  const hint = (view: ReturnType<typeof createPairModal>) =>
    JSON.stringify(view.blocks).match(/Check-ins:[^"]*weekly check-ins from today[^"]*/)?.[0];

  test('says when weekly check-ins from today would arrive for each person', () => {
    const view = createPairModal({
      ...defaults,
      mentorTz: 'America/New_York',
      menteeTz: 'Asia/Dhaka',
      mentorName: 'Alice',
      menteeName: 'Karim',
    });
    // From Tuesday 1 December: Tuesdays, 08:00 New York = 19:00 Dhaka.
    expect(hint(view)).toBe(
      "Check-ins:* Tuesdays, 08:00 for Alice, 19:00 for Karim (each person's local time). This is for weekly check-ins from today. The confirmation after you submit gives the real hours.",
    );
  });

  test('without both time zones it says nothing', () => {
    expect(hint(createPairModal({ ...defaults, mentorTz: 'America/New_York' }))).toBeUndefined();
    expect(hint(createPairModal({ ...defaults, mentorTz: 'America/New_York', menteeTz: 'Mars/Base' }))).toBeUndefined();
  });
});
