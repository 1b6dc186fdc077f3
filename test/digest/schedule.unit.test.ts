/**
 * README: "Posted … once a week (day, hour and time zone configurable; default Monday 09:00 in the
 * program's time zone)". The slot maths across a daylight-saving change, and the settings.
 */
import { loadConfig } from '../../src/config';
import { digestSchedule } from '../../src/features/digest/jobs';
import { isPostable, latestDigestSlot, nextDigestSlot } from '../../src/features/digest/schedule';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'secret-123456', STAFF_USER_IDS: 'U012ABCDEF' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ ...BASE, ...env });
    return [];
  } catch (err) {
    return (err as { problems: string[] }).problems;
  }
};

describe('settings', () => {
  test('default: Monday 09:00 UTC', () => {
    const c = loadConfig(BASE);
    expect(c.digest).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(c.programTimeZone).toBe('UTC');
  });

  test('a day, a time and a time zone', () => {
    const c = loadConfig({ ...BASE, DIGEST_DAY: 'Thursday', DIGEST_TIME: '16:30', PROGRAM_TIMEZONE: 'Africa/Tunis' });
    expect(digestSchedule(c)).toEqual({ weekday: 4, hour: 16, minute: 30, timeZone: 'Africa/Tunis' });
  });

  test('each bad value is one clear line', () => {
    expect(problemsOf({ DIGEST_DAY: 'someday', DIGEST_TIME: '9am', PROGRAM_TIMEZONE: 'Mars/Olympus' })).toEqual([
      'DIGEST_DAY must be a day of the week: mon, tue, wed, thu, fri, sat or sun',
      'DIGEST_TIME must be a time of day as HH:MM, such as 09:00',
      'PROGRAM_TIMEZONE must be an IANA time zone such as Europe/Brussels or America/New_York',
    ]);
    expect(problemsOf({ DIGEST_TIME: '24:00' })).toHaveLength(1);
  });
});

describe('slots', () => {
  const brussels = { weekday: 1, hour: 9, minute: 0, timeZone: 'Europe/Brussels' };

  test('the latest Monday 09:00 in Brussels, in winter and after the clocks go forward', () => {
    // Winter (UTC+1): 09:00 is 08:00Z.
    expect(latestDigestSlot(new Date('2027-03-22T08:00:00Z'), brussels)).toEqual({
      day: '2027-03-22',
      at: new Date('2027-03-22T08:00:00Z'),
    });
    // A minute before, the slot is the week before.
    expect(latestDigestSlot(new Date('2027-03-22T07:59:00Z'), brussels).day).toBe('2027-03-15');
    // Summer time from 28 March 2027 (UTC+2): 09:00 is 07:00Z.
    expect(latestDigestSlot(new Date('2027-03-31T12:00:00Z'), brussels)).toEqual({
      day: '2027-03-29',
      at: new Date('2027-03-29T07:00:00Z'),
    });
  });

  test('the next slot is strictly later; a Sunday evening in New York is already Monday in Dhaka', () => {
    expect(nextDigestSlot(new Date('2027-03-22T08:00:00Z'), brussels).day).toBe('2027-03-29');
    const dhaka = { weekday: 1, hour: 9, minute: 0, timeZone: 'Asia/Dhaka' };
    // 2027-03-21 (a Sunday) 22:00 in New York is Monday 08:00 in Dhaka: the slot is in an hour.
    expect(nextDigestSlot(new Date('2027-03-22T02:00:00Z'), dhaka)).toEqual({
      day: '2027-03-22',
      at: new Date('2027-03-22T03:00:00Z'),
    });
  });

  test('a slot is posted up to two days late, not later', () => {
    const slot = { day: '2027-03-22', at: new Date('2027-03-22T08:00:00Z') };
    expect(isPostable(slot, new Date('2027-03-22T07:59:00Z'))).toBe(false);
    expect(isPostable(slot, new Date('2027-03-22T08:00:00Z'))).toBe(true);
    expect(isPostable(slot, new Date('2027-03-24T08:00:00Z'))).toBe(true);
    expect(isPostable(slot, new Date('2027-03-24T08:01:00Z'))).toBe(false);
  });
});
