import { Types } from 'mongoose';
import { goalsMessage, welcomeMessage } from '../../src/features/pairing/views';
import type { Pair } from '../../src/pairs/model';
import type { Participant } from '../../src/pairs/participants-model';
import { visibleText, wordCount } from '../messages/visible-text';

function person(userId: string, name: string, tz: string): Participant {
  return { userId, name, tz, teamId: 'T1' } as unknown as Participant;
}

function pair(over: Partial<Pair> = {}): Pair {
  return {
    _id: new Types.ObjectId(),
    teamId: 'T1',
    mentor: {
      userId: 'U0MENTOR01',
      organisation: 'American Society of Association Executives',
      country: 'United States',
    },
    mentee: { userId: 'U0MENTEE01', organisation: 'Georgian Microfinance Association', country: 'Georgia' },
    goals: [
      { title: 'Halve the central-bank fee', successCriteria: 'The fee for member MFIs drops from 2% to 1%' },
      { title: 'A members’ survey', successCriteria: 'Two thirds of members answer it' },
    ],
    cadence: 'weekly',
    startDate: '2026-12-01',
    endDate: '2027-05-31',
    localContext: 'Parliament sits in spring; <b>fees</b> & rules change then.',
    ...over,
  } as unknown as Pair;
}

const mentor = person('U0MENTOR01', 'Alice Müller', 'America/New_York');
const menteeTbilisi = person('U0MENTEE01', 'Nino Beridze', 'Asia/Tbilisi');
const firstCheckinAt = new Date('2026-12-08T14:00:00Z');
const now = new Date('2026-12-01T10:00:00Z');

describe('the welcome message', () => {
  const welcome = welcomeMessage({ pair: pair(), mentor, mentee: menteeTbilisi, firstCheckinAt, now });
  const shown = visibleText(welcome.blocks);

  test('fits on one phone screen: at most 120 words of visible text', () => {
    expect(wordCount(shown)).toBeLessThanOrEqual(120);
  });

  test('says who is who: name, organisation and country of each', () => {
    expect(shown).toContain('*Mentor:* <@U0MENTOR01>, American Society of Association Executives, United States');
    expect(shown).toContain('*Mentee:* <@U0MENTEE01>, Georgian Microfinance Association, Georgia');
  });

  test('gives the time difference in words: New York and Tbilisi in December', () => {
    expect(shown).toContain('Tbilisi is 9 hours ahead of New York.');
  });

  test('says "the same time" for Paris and Tunis in December, and half hours as ½', () => {
    const paris = person('U0MENTOR01', 'Alice', 'Europe/Paris');
    const tunis = person('U0MENTEE01', 'Amira', 'Africa/Tunis');
    const same = visibleText(
      welcomeMessage({ pair: pair(), mentor: paris, mentee: tunis, firstCheckinAt, now }).blocks,
    );
    expect(same).toContain('Paris and Tunis have the same time.');
    const kolkata = person('U0MENTEE01', 'Priya', 'Asia/Kolkata');
    const half = visibleText(
      welcomeMessage({ pair: pair(), mentor: paris, mentee: kolkata, firstCheckinAt, now }).blocks,
    );
    expect(half).toContain('Kolkata is 4½ hours ahead of Paris.');
  });

  test('the first check-in is a Slack date token, with a readable fallback', () => {
    const seconds = firstCheckinAt.getTime() / 1000;
    expect(shown).toContain(
      `*First check-in:* <!date^${seconds}^{date_long_pretty} at {time}|Tuesday 8 December 2026, 14:00 UTC>`,
    );
  });

  test('gives one concrete first step and says how to pause', () => {
    expect(shown).toMatch(/introduce yourselves here\. Then agree a time for your first call\./);
    expect(shown).toContain('`/mentorship pause`');
  });

  test('goals and practices are not in it: they are in the pinned message', () => {
    expect(shown).not.toContain('Halve the central-bank fee');
    expect(shown).not.toMatch(/Communication/);
  });

  test('mentions both by default, or only the one asked for (the other is named)', () => {
    const onlyMentee = visibleText(
      welcomeMessage({ pair: pair(), mentor, mentee: menteeTbilisi, firstCheckinAt, now, mentions: 'mentee' }).blocks,
    );
    expect(onlyMentee).not.toContain('<@U0MENTOR01>');
    expect(onlyMentee).toContain('*Mentor:* *Alice Müller*');
    expect(onlyMentee).toContain('<@U0MENTEE01>');
    const onlyMentor = visibleText(
      welcomeMessage({ pair: pair(), mentor, mentee: menteeTbilisi, firstCheckinAt, now, mentions: 'mentor' }).blocks,
    );
    expect(onlyMentor).toContain('<@U0MENTOR01>');
    expect(onlyMentor).not.toContain('<@U0MENTEE01>');
  });

  test('without a first check-in left, no date line, and the difference is taken now', () => {
    const none = visibleText(
      welcomeMessage({ pair: pair(), mentor, mentee: menteeTbilisi, firstCheckinAt: null, now }).blocks,
    );
    expect(none).not.toContain('First check-in');
    expect(none).toContain('Tbilisi is 9 hours ahead of New York.');
  });
});

describe('the pinned goals message', () => {
  const shown = visibleText(goalsMessage(pair()).blocks);

  test('lists each goal with what success looks like', () => {
    expect(shown).toContain('1. *Halve the central-bank fee*');
    expect(shown).toContain('Success looks like:_ The fee for member MFIs drops from 2% to 1%');
    expect(shown).toContain('2. *A members’ survey*');
  });

  test('has the three practices and the staff note, escaped', () => {
    expect(shown).toMatch(/Local context.*Commitment.*Communication/s);
    expect(shown).toContain('&lt;b&gt;fees&lt;/b&gt; &amp; rules');
  });
});
