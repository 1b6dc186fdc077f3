import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { header, section } from '../../src/slack/blocks';
import {
  bold,
  channelLink,
  fromCommandText,
  join,
  mention,
  mrkdwn,
  slackDate,
  truncate,
  type MrkdwnValue,
} from '../../src/slack/mrkdwn';

const TYPED = '<!channel> <@U0MENTOR01> <https://x.example|y> R&D';
const ESCAPED = '&lt;!channel&gt; &lt;@U0MENTOR01&gt; &lt;https://x.example|y&gt; R&amp;D';

describe('the mrkdwn boundary', () => {
  test('the tag escapes every interpolated string once and keeps its own markup', () => {
    expect(mrkdwn`*Goal:* ${TYPED}`.text).toBe(`*Goal:* ${ESCAPED}`);
    expect(mrkdwn`${3}. ${'a & b'}`.text).toBe('3. a &amp; b');
  });

  test('nested mrkdwn is not escaped again', () => {
    const inner = mrkdwn`${TYPED}`;
    expect(mrkdwn`outer ${inner} ${bold(inner)}`.text).toBe(`outer ${ESCAPED} *${ESCAPED}*`);
    expect(join([inner, 'x&y'], ' & ').text).toBe(`${ESCAPED} &amp; x&amp;y`);
  });

  test('only a real template literal counts as markup', () => {
    const forged = Object.assign(['<!channel>'], {}) as unknown as TemplateStringsArray;
    expect(() => mrkdwn(forged)).toThrow(TypeError);
    const notMrkdwn = { text: '<!channel>' } as unknown as MrkdwnValue;
    expect(mrkdwn`${notMrkdwn}`.text).toBe('[object Object]');
  });

  test('mentions and channel links only for real IDs', () => {
    expect(mention('U0MENTOR01').text).toBe('<@U0MENTOR01>');
    expect(mention('U1> <!channel').text).toBe('U1&gt; &lt;!channel');
    expect(channelLink('C0123ABC').text).toBe('<#C0123ABC>');
    expect(channelLink('<!here>').text).toBe('&lt;!here&gt;');
  });

  test('a date token escapes its fallback', () => {
    const at = new Date('2027-01-15T00:00:00Z');
    expect(slackDate(at, '15 Jan <b>').text).toBe('<!date^1799971200^{date_long}|15 Jan &lt;b&gt;>');
  });

  test('cutting never leaves half an entity or half a token', () => {
    const m = mrkdwn`abc ${'&'}`; // "abc &amp;"
    expect(truncate(m, 7).text).toBe('abc …');
    expect(truncate(mrkdwn`ab ${mention('U0MENTOR01')}`, 9).text).toBe('ab …');
    expect(truncate(mrkdwn`short`, 9).text).toBe('short');
  });

  test('slash-command text comes back as the person read it', () => {
    expect(fromCommandText('audit &amp; elections &lt;!channel&gt;')).toBe('audit & elections <!channel>');
    expect(
      fromCommandText('<!here> <@U0OUTSIDE1|olga> <#C0123|general> <https://x.example> <https://y.example|site>'),
    ).toBe('@here @olga #general https://x.example site (https://y.example)');
  });

  test('Block Kit helpers take mrkdwn; headers take the text as typed', () => {
    expect(section(mrkdwn`${TYPED}`)).toEqual({ type: 'section', text: { type: 'mrkdwn', text: ESCAPED } });
    expect(header(TYPED)).toEqual({ type: 'header', text: { type: 'plain_text', text: TYPED } });
  });

  test('no source file but the Block Kit helpers writes a mrkdwn text object by hand', () => {
    const src = path.join(__dirname, '../../src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const handWritten = files.filter(
      (f) =>
        path.normalize(f) !== path.normalize('slack/blocks.ts') &&
        /type: ['"]mrkdwn['"]/.test(readFileSync(path.join(src, f), 'utf8')),
    );
    expect(handWritten).toEqual([]);
  });
});
