/**
 * The one escaping boundary for text people typed.
 *
 * In mrkdwn and in a message's `text`, `&`, `<` and `>` are control characters: `<!channel>`,
 * `<@U…>`, `<#C…>` and `<https://…|label>` become live broadcasts, mentions and links. So every
 * piece of mrkdwn the app sends is a `Mrkdwn` value, and the only ways to make one are:
 *
 * - the `mrkdwn` template tag: its literal parts are the app's own markup; every interpolated
 *   string or number is escaped (`&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`), exactly once;
 *   an interpolated `Mrkdwn` is already safe and goes in as it is (so nothing is escaped twice);
 * - the helpers below that make markup the app means: `mention` of a valid user ID,
 *   `channelLink`, `slackDate`, `join`, `bold`, `italic`, `code`, `truncate`.
 *
 * The Block Kit helpers (slack/blocks.ts) take only `Mrkdwn`, so a view cannot hand them a raw
 * string. plain_text (headers, labels, buttons, options, input values) is shown as it is: give
 * it the text as typed, never escaped.
 */

const BRAND: unique symbol = Symbol('mrkdwn');

/** Markup that is safe to send: the app's own, with every piece of typed text escaped once. */
export interface Mrkdwn {
  readonly [BRAND]: true;
  readonly text: string;
}

function trusted(text: string): Mrkdwn {
  return Object.freeze({ [BRAND]: true as const, text, toString: () => text });
}

/**
 * A sentence from the message catalogues (src/i18n), with its values already escaped by `tm`:
 * the catalogues are the app's own markup, reviewed like source code.
 */
export function catalogueMrkdwn(text: string): Mrkdwn {
  return trusted(text);
}

export function isMrkdwn(value: unknown): value is Mrkdwn {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

/** Slack's escaping of text for mrkdwn and `text`: the three control characters as entities. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type MrkdwnValue = Mrkdwn | string | number;

const piece = (v: MrkdwnValue): string => (isMrkdwn(v) ? v.text : escapeText(String(v)));

/** The template tag: `mrkdwn\`*Goal:* ${title}\`` escapes `title`; the literal parts are markup. */
export function mrkdwn(strings: TemplateStringsArray, ...values: MrkdwnValue[]): Mrkdwn {
  // Only a real template literal (from the source code) counts as the app's own markup.
  if (!Array.isArray((strings as { raw?: unknown }).raw)) throw new TypeError('mrkdwn is a template tag');
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return trusted(out);
}

/** Parts joined with a separator; strings among them (and the separator) are escaped. */
export function join(parts: readonly MrkdwnValue[], separator: MrkdwnValue = ''): Mrkdwn {
  return trusted(parts.map(piece).join(piece(separator)));
}

/** Lines of a paragraph. */
export const lines = (...parts: MrkdwnValue[]): Mrkdwn => join(parts, '\n');

export const bold = (v: MrkdwnValue): Mrkdwn => mrkdwn`*${v}*`;
export const italic = (v: MrkdwnValue): Mrkdwn => mrkdwn`_${v}_`;
export const code = (v: MrkdwnValue): Mrkdwn => mrkdwn`\`${v}\``;

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** A live mention of a user the app means to mention; anything but a user ID is shown as text. */
export function mention(userId: string): Mrkdwn {
  return USER_ID.test(userId) ? trusted(`<@${userId}>`) : trusted(escapeText(userId));
}

/** Several mentions: "<@A> and <@B>". */
export const mentions = (userIds: readonly string[]): Mrkdwn => join(userIds.map(mention), ' and ');

/** A link to a channel by ID; anything else is shown as text. */
export function channelLink(channelId: string): Mrkdwn {
  return CHANNEL_ID.test(channelId) ? trusted(`<#${channelId}>`) : trusted(escapeText(channelId));
}

/** A time Slack shows in each reader's own time zone and locale; `fallback` where it cannot. */
export function slackDate(at: Date, fallback: string, format = '{date_long}'): Mrkdwn {
  const seconds = Math.floor(at.getTime() / 1000);
  return trusted(`<!date^${seconds}^${format.replace(/[|<>^]/g, '')}|${escapeText(fallback).replace(/\|/g, '/')}>`);
}

/**
 * At most `max` characters, an ellipsis where cut; never cut inside an entity (`&amp;`) or a
 * token (`<@U…>`), which would show a broken half of it.
 */
export function truncate(m: Mrkdwn, max: number): Mrkdwn {
  if (m.text.length <= max) return m;
  let cut = max - 1;
  const head = m.text.slice(0, cut);
  const amp = head.lastIndexOf('&');
  if (amp >= 0 && !head.slice(amp).includes(';')) cut = amp;
  const lt = head.lastIndexOf('<');
  if (lt >= 0 && lt < cut && !head.slice(lt).includes('>')) cut = lt;
  return trusted(`${m.text.slice(0, cut)}…`);
}

/**
 * Slash-command text as the person read it, for storing as typed: Slack sends it with `&`, `<`
 * and `>` escaped and, with `should_escape`, what it formatted itself as tokens (`<@U1|ana>`,
 * `<!here>`, `<#C1|general>`, `<https://…|label>`). Tokens become their visible text
 * (`@ana`, `@here`, `#general`, the link's label or address), then the entities are undone.
 */
export function fromCommandText(s: string): string {
  const visible = s.replace(/<([^<>]*)>/g, (_, token: string) => {
    const [target, label] = token.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      const name = target.slice(1).split('^')[0];
      return label ?? (name.startsWith('subteam') ? '@group' : `@${name}`);
    }
    return label && label !== target ? `${label} (${target})` : target;
  });
  return visible.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
