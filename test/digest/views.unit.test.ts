/**
 * The digest's views at 13, 50, 51 and 2,000 pairs (pure: no database, no Slack). README: "past 50
 * pairs the thread lists the exceptions first and attaches the full table as a CSV file … No
 * message exceeds Block Kit's limits … never cut mid-item".
 */
import { parse } from 'csv-parse/sync';
import type { KnownBlock } from '@slack/types';
import { digestCsv } from '../../src/features/digest/csv';
import type { DigestFacts } from '../../src/features/digest/facts';
import { chunkItems, digestThreadMessages, packUnits } from '../../src/features/digest/thread-views';
import { bothRate, digestTopMessage } from '../../src/features/digest/views';
import { inLanguage } from '../../src/i18n';
import { mrkdwn } from '../../src/slack/mrkdwn';
import { checkMessageBlocks } from '../support/block-kit-limits';
import { stateOf, syntheticFacts } from './synthetic';

const EXCEPTION = new Set(['at_risk', 'needs_attention']);
const actionsId = (pairId: string) => `staff.pair_actions.${pairId}`;
type Block = KnownBlock & { block_id?: string; text?: { text: string } };

/** Every pair's id -> how many times its buttons appear in the thread, and the thread's whole text. */
function threadOf(facts: DigestFacts) {
  const messages = digestThreadMessages(facts);
  const buttons = new Map<string, number>();
  for (const m of messages)
    for (const b of m.blocks as Block[])
      if (b.block_id?.startsWith('staff.pair_actions.')) buttons.set(b.block_id, (buttons.get(b.block_id) ?? 0) + 1);
  return { messages, buttons, text: JSON.stringify(messages) };
}

function expectWithinLimits(messages: Array<{ text: string; blocks: KnownBlock[] }>) {
  for (const m of messages) {
    expect(checkMessageBlocks(m.blocks)).toBeNull();
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const b of m.blocks as Block[]) {
      if (b.type !== 'section' || !b.text) continue;
      expect(b.text.text.length).toBeLessThanOrEqual(3000);
      expect(b.text.text.endsWith('…')).toBe(false); // nothing was cut to fit
    }
  }
}

describe('the thread at 2,000 pairs', () => {
  const facts = syntheticFacts(2000);
  const { messages, buttons, text } = threadOf(facts);
  const byId = new Map(facts.pairs.map((p) => [p.pairId, p]));

  test('every message is within Block Kit limits, and an item is never split between messages', () => {
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    for (const m of messages) {
      // Each pair's buttons follow its own section, in the same message.
      (m.blocks as Block[]).forEach((b, i) => {
        if (!b.block_id?.startsWith('staff.pair_actions.')) return;
        const pairId = b.block_id.slice('staff.pair_actions.'.length);
        const row = byId.get(pairId)!;
        expect((m.blocks[i - 1] as Block).text?.text).toContain(row.channelId);
      });
    }
  });

  test('the exceptions come first, at risk before needs attention, each once with its buttons; the rest only in the CSV', () => {
    const exceptions = facts.pairs.filter((p) => EXCEPTION.has(p.state));
    expect(exceptions).toHaveLength(600);
    for (const p of facts.pairs) expect(buttons.get(actionsId(p.pairId)) ?? 0).toBe(EXCEPTION.has(p.state) ? 1 : 0);
    const order = messages.flatMap((m) =>
      (m.blocks as Block[])
        .filter((b) => b.block_id)
        .map((b) => byId.get(b.block_id!.slice('staff.pair_actions.'.length))!.state),
    );
    expect(order.lastIndexOf('at_risk')).toBeLessThan(order.indexOf('needs_attention'));
    for (const p of facts.pairs.filter((r) => !EXCEPTION.has(r.state))) expect(text).not.toContain(p.channelId);
    expect(text).toContain('The other 1,400 pairs');
  });

  test('the CSV holds every pair exactly once, with the ten columns, formulas neutralised', () => {
    const rows: string[][] = parse(digestCsv(facts));
    expect(rows[0]).toEqual([
      'pair',
      'mentor',
      'mentee',
      'organisation',
      'country',
      'health',
      'reason',
      'last reply',
      'next check-in',
      'ends',
    ]);
    expect(rows).toHaveLength(2001);
    const labels = rows.slice(1).map((r) => r[0]);
    expect(new Set(labels).size).toBe(2000);
    for (const p of facts.pairs) expect(labels.filter((l) => l === `#${p.channelName}`)).toHaveLength(1);
    const risky = rows.find((r) => r[0] === '#mentorship-pair-0')!;
    expect(risky[5]).toBe('At risk');
    expect(risky[6]).toBe('no reply from either side for 3 check-ins; no meeting reported for 35 days');
    expect(risky[3]).toBe(`'=HYPERLINK("x") <b> & Co 0`);
    expect(risky[9]).toBe('2027-04-01');
  });

  test('the top message stays short: about a dozen lines, whatever the size', () => {
    const top = digestTopMessage(facts);
    expect(checkMessageBlocks(top.blocks)).toBeNull();
    const summary = (top.blocks[1] as Block).text!.text;
    expect(summary.split('\n').length).toBeLessThanOrEqual(12);
    expect(summary).toMatch(/2,000 pairs/);
    expect(summary).toMatch(/:red_circle: 200 at risk/);
    expect(summary).toMatch(/:large_orange_circle: 400 need attention/);
  });

  test('long names do not break the limits either', () => {
    const long = threadOf(syntheticFacts(300, { longNames: true }));
    expectWithinLimits(long.messages);
  });
});

describe('the thread at 13 and at 50 pairs', () => {
  test.each([
    13, 50,
  ])('%i pairs: exceptions with buttons, then every other pair once in a compact list, no CSV', (n) => {
    const facts = syntheticFacts(n);
    const { messages, buttons, text } = threadOf(facts);
    expectWithinLimits(messages);
    for (const p of facts.pairs) {
      expect(buttons.get(actionsId(p.pairId)) ?? 0).toBe(EXCEPTION.has(p.state) ? 1 : 0);
      expect(text.split(`<#${p.channelId}>`).length - 1).toBe(1);
    }
    expect(text).toContain('On track (');
    expect(text).not.toContain('attached table');
    expect(
      digestTopMessage(facts)
        .blocks.map((b) => JSON.stringify(b))
        .join(),
    ).not.toContain('CSV');
  });

  test('51 pairs: the table takes over', () => {
    const { text } = threadOf(syntheticFacts(51));
    expect(text).toContain('attached table');
    expect(text).not.toContain('On track (');
  });

  test('typed text is escaped: a name cannot mention @channel or a person', () => {
    const { text } = threadOf(syntheticFacts(13));
    expect(stateOf(0)).toBe('at_risk'); // pair 0's mentee has the hostile name
    expect(text).toContain('&lt;!channel&gt; Mentee 0 &amp; &lt;@U123&gt;');
    expect(text).not.toContain('<!channel>');
  });
});

describe('pieces', () => {
  test('a list is chunked between items, never inside one', () => {
    const items = Array.from({ length: 400 }, (_, i) => mrkdwn`Pair number ${i} with a fairly long name`);
    const chunks = chunkItems(items);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(3000);
    expect(chunks.map((c) => c.text).join(' · ')).toBe(items.map((i) => i.text).join(' · '));
  });

  test('units are packed whole: at most 50 blocks a message, in order', () => {
    const unit = (n: number, tag: string) =>
      Array.from({ length: n }, () => ({ type: 'divider', block_id: tag }) as KnownBlock);
    const packed = packUnits([unit(3, 'a'), unit(48, 'b'), unit(2, 'c'), unit(49, 'd')]);
    expect(packed.map((m) => m.length)).toEqual([3, 50, 49]);
    expect(packed[1]!.map((b) => (b as Block).block_id)).toEqual([...Array(48).fill('b'), 'c', 'c']);
  });

  test('a rate for a group is shown only when at least 5 people answered', () => {
    expect(bothRate({ weekStart: '', both: 3, one: 1, neither: 0, open: 0, people: 4 })).toBe('n<5');
    expect(bothRate({ weekStart: '', both: 3, one: 1, neither: 0, open: 0, people: 5 })).toBe('75%');
    expect(bothRate({ weekStart: '', both: 0, one: 0, neither: 0, open: 2, people: 0 })).toBe('–');
  });
});

describe('in the staff channel’s language', () => {
  const inRussian = (pairs: number) =>
    inLanguage('ru', () => {
      const facts = syntheticFacts(pairs);
      return { top: digestTopMessage(facts), thread: JSON.stringify(digestThreadMessages(facts)) };
    });
  const summaryOf = (top: { blocks: KnownBlock[] }) => (top.blocks[1] as Block).text!.text;

  test('Russian: the headings, and the plural form each count takes (1 пара, 3 пары, 5 пар, 21 пара)', () => {
    for (const [pairs, words] of [
      [1, 'в программе 1 пара'],
      [3, 'в программе 3 пары'],
      [5, 'в программе 5 пар'],
      [21, 'в программе 21 пара'],
    ] as const)
      expect(summaryOf(inRussian(pairs).top).split('\n')[0]).toContain(words);
    const { top, thread } = inRussian(5); // 2 at risk, 3 need attention
    expect((top.blocks[0] as Block & { text: { text: string } }).text.text).toBe('Наставничество: итоги недели');
    expect(summaryOf(top)).toContain(':red_circle: 2 под угрозой');
    expect(summaryOf(top)).toContain(':large_orange_circle: 3 требуют внимания');
    expect(thread).toContain('*Под угрозой (2)*');
    expect(thread).toContain('*Нужно внимание (3)*');
    expect(thread).not.toMatch(/At risk|Needs attention|Last reply|Pair status/);
  });
});
