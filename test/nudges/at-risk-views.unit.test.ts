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
