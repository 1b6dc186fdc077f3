import { inLanguage } from '../../src/i18n';
import { atRiskAlertMessage } from '../../src/features/nudges/at-risk-views';
import { visibleText, wordCount } from '../messages/visible-text';

const now = new Date('2027-01-05T14:00:00Z');
const base = {
  alertKey: 'atrisk:0123456789abcdef01234567:2026-12-15T13:00:00.000Z',
  pair: { channel: { id: 'C0PAIR0001', name: 'mentorship-a-b' } },
  mentorName: 'Alice Müller',
  menteeName: 'Karim <Rahman>',
  now,
};

describe('the at-risk alert', () => {
  test('nobody ever replied: says so, the first check-in as a date token and how long ago, both sides, the nudges', () => {
    const m = atRiskAlertMessage({
      ...base,
      facts: {
        everReplied: false,
        firstCheckinAt: new Date('2026-12-15T13:00:00Z'),
        silent: { side: 'both', checkins: 2 },
        nudgesSent: 4,
      },
    });
    const shown = visibleText(m.blocks);
    expect(shown).toContain('*Alice Müller* and *Karim &lt;Rahman&gt;* (<#C0PAIR0001>) may need help.');
    expect(shown).toContain('Never replied: neither of them has answered a check-in.');
    expect(shown).toContain(
      `The first check-in was <!date^${Date.parse('2026-12-15T13:00:00Z') / 1000}^{date_long_pretty}|Tuesday 15 December 2026>, 21 days ago.`,
    );
    expect(shown).toContain('No reply from either of them for 2 check-ins.');
    expect(shown).toContain('4 nudges went out by DM.');
    expect(shown).not.toContain('Last reply');
    expect(wordCount(shown)).toBeLessThan(80);
  });

  test('one side silent: names the role and the person, the last reply, one nudge', () => {
    const m = atRiskAlertMessage({
      ...base,
      facts: {
        everReplied: true,
        firstCheckinAt: new Date('2026-12-01T13:00:00Z'),
        lastReplyAt: new Date('2026-12-22T14:00:00Z'),
        silent: { side: 'mentee', checkins: 3 },
        nudgesSent: 1,
      },
    });
    const shown = visibleText(m.blocks);
    expect(shown).toContain('No reply from the mentee, Karim &lt;Rahman&gt;, for 3 check-ins.');
    expect(shown).toContain(`Last reply: <!date^${Date.parse('2026-12-22T14:00:00Z') / 1000}^`);
    expect(shown).toContain('1 nudge went out by DM.');
    expect(shown).not.toMatch(/Never replied/);
  });

  test('three buttons carry the alert key', () => {
    const m = atRiskAlertMessage({ ...base, facts: { everReplied: false, nudgesSent: 0 } });
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: Array<{ value: string }> };
    expect(actions.elements.map((e) => e.value)).toEqual([base.alertKey, base.alertKey, base.alertKey]);
    expect(visibleText(m.blocks)).toContain('No nudge has gone out yet.');
  });
});

describe('the at-risk alert in Russian and Arabic', () => {
  const DAY = 86_400_000;
  // Russian: 1 one, 2 few, 5 and 11 many. Arabic: 1 one, 2 two, 5 few, 11 many.
  test.each([
    ['ru', 1, '1 день назад', 'уже 1 чек-ин подряд', '1 напоминание'],
    ['ru', 2, '2 дня назад', 'уже 2 чек-ина подряд', '2 напоминания'],
    ['ru', 5, '5 дней назад', 'уже 5 чек-инов подряд', '5 напоминаний'],
    ['ru', 11, '11 дней назад', 'уже 11 чек-инов подряд', '11 напоминаний'],
    ['ar', 1, 'منذ يوم واحد', 'منذ متابعة واحدة', 'تذكير واحد'],
    ['ar', 2, 'منذ يومين', 'منذ متابعتين', 'تذكيران'],
    ['ar', 5, 'منذ 5 أيام', 'منذ 5 متابعات', '5 تذكيرات'],
    ['ar', 11, 'منذ 11 يومًا', 'منذ 11 متابعة', '11 تذكيرًا'],
  ])('%s, count %i: days, check-ins and nudges each in the plural form the language needs', (lng, n, days, checkins, nudges) => {
    const m = inLanguage(lng, () =>
      atRiskAlertMessage({
        ...base,
        facts: {
          everReplied: true,
          lastReplyAt: new Date(now.getTime() - n * DAY),
          silent: { side: 'mentee', checkins: n },
          nudgesSent: n,
        },
      }),
    );
    const shown = visibleText(m.blocks);
    expect(shown).toContain(days);
    expect(shown).toContain(checkins);
    expect(shown).toContain(nudges);
    expect(shown).toContain('Karim &lt;Rahman&gt;'); // a typed name is still escaped
    expect(shown).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no English sentence left (names and markup aside)
  });
});
