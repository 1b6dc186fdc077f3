import type { ContextBlock } from '@slack/types';
import { inLanguage, type MessageKey, tm } from '../i18n';
import { context } from '../slack/blocks';
import { slackDay } from '../slack/dates';
import { channelLink, join, type Mrkdwn, type MrkdwnValue, mention, mrkdwn } from '../slack/mrkdwn';
import { alsoLines, type FoldLine } from './message-cap-rules';

/** The line keys a fold may name (a fold stored before a key was renamed is left out, not shown as a key). */
const LINE_KEYS: ReadonlySet<string> = new Set<MessageKey>([
  'cap.line.silenceNudge',
  'cap.line.commitmentDue',
  'cap.line.feedback',
  'cap.line.other',
]);

/** A folded line in the reader's language: `channel` becomes a channel link, `day` a Slack date. */
function lineOf(line: FoldLine): Mrkdwn {
  const params: Record<string, MrkdwnValue> = {};
  for (const [name, value] of Object.entries(line.params)) {
    if (name === 'channel') params[name] = channelLink(String(value));
    else if (name === 'day') params[name] = slackDay(String(value));
    else params[name] = value;
  }
  return tm(line.key as MessageKey, params);
}

/**
 * The context block a message adds for one person's folded lines, in that person's language: at
 * most ALSO_LINES of them, then "and N more". In a DM it speaks to them; in a channel it names them.
 */
export function alsoBlock(lines: readonly FoldLine[], who: { userId: string; direct: boolean; language: string }) {
  return inLanguage(who.language, (): ContextBlock | undefined => {
    const known = lines.filter((l) => LINE_KEYS.has(l.key));
    if (known.length === 0) return undefined;
    const { shown, more } = alsoLines(known);
    const items = shown.map((l) => mrkdwn`• ${lineOf(l)}`);
    if (more > 0) items.push(mrkdwn`• ${tm('cap.more', { count: more })}`);
    const list = join(items, '\n');
    return context(
      who.direct ? tm('cap.also', { lines: list }) : tm('cap.alsoFor', { person: mention(who.userId), lines: list }),
    );
  });
}
