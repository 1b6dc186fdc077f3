/**
 * What a person reads in a message: the text of its blocks (headers, sections, fields, context),
 * in order, one block a line. Markup stays (tests look for tokens); `plainWords` strips it.
 */
export function visibleText(blocks: unknown[] | undefined, fallback = ''): string {
  if (!blocks?.length) return fallback;
  const out: string[] = [];
  const texts = (b: any): string[] => {
    const parts: string[] = [];
    if (b.text?.text) parts.push(b.text.text);
    for (const f of b.fields ?? []) parts.push(f.text);
    for (const e of b.elements ?? [])
      if (typeof e.text === 'string') parts.push(e.text);
      else if (e.text?.text) parts.push(e.text.text);
    return parts;
  };
  for (const b of blocks) out.push(...texts(b));
  return out.join('\n');
}

/** Markup as a reader sees it: a date token's fallback, a mention as "@name", no *bold*, _italic_ or `code` marks. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<@[A-Z0-9]+>/g, '@someone')
    .replace(/<#[A-Z0-9]+(\|[^>]*)?>/g, '#channel')
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/:[a-z_]+:/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Words a person reads (markup stripped; a date token counts as its fallback). */
export function wordCount(s: string): number {
  return stripMarkup(s)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Raw calendar dates ("2026-12-14") shown to people: in the text and blocks of every message and
 * response, outside Slack date tokens (a token's fallback may hold any text). Each with where it is.
 */
export function rawDatesIn(
  messages: Array<{ channel?: string; text?: string; blocks?: unknown }>,
  responses: Array<{ body: unknown }> = [],
): string[] {
  const found: string[] = [];
  const scan = (where: string, value: unknown) => {
    const shown = JSON.stringify(value ?? '').replace(/<!date\^[^>]*>/g, '');
    for (const m of shown.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) found.push(`${where}: ${m[0]}`);
  };
  for (const m of messages) scan(`message in ${m.channel}`, [m.text, m.blocks]);
  for (const r of responses) scan('response', r.body);
  return found;
}
