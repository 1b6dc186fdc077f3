import type { KnownBlock } from '@slack/types';
import {
  capRuleOf,
  countInWindow,
  type Fold,
  foldLineOf,
  foldsToCarry,
  mustFold,
  recipientsOf,
  sentField,
  staleFields,
} from '../../src/jobs/message-cap-rules';
import { alsoBlock } from '../../src/jobs/message-cap-view';

const NOW = new Date('2026-12-15T13:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const ALICE = 'U0ALICE001';
const KARIM = 'U0KARIM001';

describe('what counts, and what is folded', () => {
  test('a DM counts for its person; a channel post for the people it @-mentions, not for names in plain text', () => {
    expect(recipientsOf({ to: KARIM, text: 'Hello' })).toEqual([KARIM]);
    const blocks: KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: `<@${ALICE}> and <@${KARIM}|karim>: time to check in` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `waiting: <@${ALICE}>, Karim &lt;@U0FAKE0001&gt;` }] },
    ];
    expect(recipientsOf({ to: 'C0PAIR0001', text: 'Check-in #1', blocks })).toEqual([ALICE, KARIM]);
    expect(recipientsOf({ to: 'C0PAIR0001', text: 'Alice and Karim, nobody mentioned at night' })).toEqual([]);
  });

  test('reminders are low priority; prompts and feedback requests high; answers and staff messages do not count', () => {
    for (const kind of ['silence_nudge', 'commitment_reminder', 'feedback_reminder'])
      expect(capRuleOf(kind)).toMatchObject({ counted: true, priority: 'low' });
    for (const kind of ['checkin_prompt', 'checkin_dm', 'feedback_request', 'welcome_dm', 'a_kind_added_later'])
      expect(capRuleOf(kind)).toMatchObject({ counted: true, priority: 'high' });
    for (const kind of ['reply_summary', 'pause_notice', 'feedback_shared', 'at_risk_alert', 'weekly_digest'])
      expect(capRuleOf(kind)).toEqual({ counted: false });
  });

  test('a rolling 7 days: older messages drop out, a resumed message does not count against itself', () => {
    const sent = {
      [sentField('a')]: daysAgo(1),
      [sentField('b')]: daysAgo(6.9),
      [sentField('c')]: daysAgo(7),
      [sentField('d')]: daysAgo(8).toISOString(),
    };
    expect(countInWindow(sent, NOW)).toBe(2);
    expect(countInWindow(sent, NOW, 'a')).toBe(1);
    expect(staleFields(sent, NOW).sort()).toEqual([sentField('c'), sentField('d')].sort());
    expect(countInWindow(undefined, NOW)).toBe(0);
  });

  test('only a low-priority message is folded, and only at the cap', () => {
    const low = capRuleOf('silence_nudge');
    expect([4, 5, 9].map((n) => mustFold(low, n, 5))).toEqual([false, true, true]);
    expect(mustFold(capRuleOf('checkin_prompt'), 50, 5)).toBe(false);
    expect(mustFold(low, 1, 1)).toBe(true);
  });

  test('an outbox key becomes a field name without dots or dollars, the same every time', () => {
    expect(sentField('reminder:abc:2026-12-08')).toBe(sentField('reminder:abc:2026-12-08'));
    expect(sentField('x.y$z')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('the folded lines a message carries', () => {
  const fold = (id: string, userId: string, ageDays: number, priv = false): Fold => ({
    _id: id,
    userId,
    line: { key: 'cap.line.silenceNudge', params: { period: 1, channel: 'C0PAIR0001' } },
    private: priv,
    at: daysAgo(ageDays),
  });

  test("the person's own, oldest first; not shown yet; not older than 14 days; private ones only in a DM", () => {
    const folds = [fold('n2', KARIM, 1), fold('n1', KARIM, 3), fold('old', KARIM, 15), fold('a', ALICE, 1)];
    folds.push(fold('fb', KARIM, 2, true));
    const ids = (fs: Fold[]) => fs.map((f) => f._id);
    expect(ids(foldsToCarry(folds, KARIM, false, NOW, new Set()))).toEqual(['n1', 'n2']);
    expect(ids(foldsToCarry(folds, KARIM, true, NOW, new Set()))).toEqual(['n1', 'fb', 'n2']);
    expect(ids(foldsToCarry(folds, KARIM, true, NOW, new Set(['n1', 'fb'])))).toEqual(['n2']);
  });

  test('each line is rendered from its key and values: a nudge, a next step due, a feedback form', () => {
    expect(foldLineOf('silence_nudge', { period: 3 }, 'nudge:c:u', 'C0PAIR0001')).toEqual({
      key: 'cap.line.silenceNudge',
      params: { period: 3, channel: 'C0PAIR0001' },
    });
    expect(foldLineOf('commitment_reminder', {}, 'reminder:abc:2026-12-18', 'C0PAIR0001').params).toEqual({
      day: '2026-12-18',
      channel: 'C0PAIR0001',
    });
    expect(foldLineOf('feedback_reminder', {}, 'fbrem:p:u:midpoint', 'C0PAIR0001').key).toBe('cap.line.feedback');
  });

  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      key: 'cap.line.silenceNudge',
      params: { period: i + 1, channel: 'C0PAIR0001' },
    }));
  const textOf = (b: ReturnType<typeof alsoBlock>) => (b!.elements[0] as { text: string }).text;

  test('"Also: …" in a DM: at most three lines, then "and N more"', () => {
    expect(textOf(alsoBlock(lines(5), { userId: KARIM, direct: true, language: 'en' })).split('\n')).toEqual([
      '*Also:*',
      '• Check-in #1 in <#C0PAIR0001> is still waiting for your answer.',
      '• Check-in #2 in <#C0PAIR0001> is still waiting for your answer.',
      '• Check-in #3 in <#C0PAIR0001> is still waiting for your answer.',
      '• and 2 more',
    ]);
    expect(textOf(alsoBlock(lines(1), { userId: KARIM, direct: true, language: 'en' }))).not.toMatch(/more/);
  });

  test("in a channel it names the person, in that person's language; a due day is a Slack date", () => {
    const due = { key: 'cap.line.commitmentDue', params: { day: '2026-12-18', channel: 'C0PAIR0001' } };
    const fr = textOf(alsoBlock([...lines(4), due], { userId: KARIM, direct: false, language: 'fr' }));
    expect(fr.split('\n')[0]).toBe(`*Aussi, <@${KARIM}> :*`);
    expect(fr).toMatch(/• et 2 autres$/);
    expect(fr).toContain('Le point n° 1 dans <#C0PAIR0001> attend toujours votre réponse.');
    const ru = textOf(alsoBlock([due], { userId: KARIM, direct: true, language: 'ru' }));
    expect(ru).toContain(`<!date^${Date.parse('2026-12-18T12:00:00Z') / 1000}^{date_long_pretty}|`);
    expect(ru.startsWith('*Также:*')).toBe(true);
    const renamed = [{ key: 'cap.line.renamedSince', params: {} }];
    expect(alsoBlock(renamed, { userId: KARIM, direct: true, language: 'en' })).toBeUndefined();
  });
});
