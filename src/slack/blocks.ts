import type {
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { type Mrkdwn, truncate } from './mrkdwn';

/**
 * Small Block Kit helpers shared by the features' views. Every mrkdwn text goes in as `Mrkdwn`
 * (slack/mrkdwn.ts), so typed text cannot reach a message unescaped; plain_text goes in as typed.
 */

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

const SECTION_MAX = 3000;
const FIELD_MAX = 2000;
const HEADER_MAX = 150;

/** A mrkdwn text object, cut at `max` characters. */
export function mrkdwnText(m: Mrkdwn, max = SECTION_MAX): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(m, max).text };
}

/** A mrkdwn section, cut with an ellipsis at Slack's 3000 characters. */
export function section(m: Mrkdwn): SectionBlock {
  return { type: 'section', text: mrkdwnText(m) };
}

/**
 * A section holding a message's `text` as it was sent (the outbox's rendered posts): that text
 * already went through the boundary, so it is markup as it is.
 */
export function sectionOfSentText(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, SECTION_MAX) } };
}

/** A section of up to ten mrkdwn fields (2000 characters each). */
export function fieldsSection(...fields: Mrkdwn[]): SectionBlock {
  return { type: 'section', fields: fields.slice(0, 10).map((f) => mrkdwnText(f, FIELD_MAX)) };
}

/** A context block of mrkdwn elements. */
export function context(...elements: Mrkdwn[]): ContextBlock {
  return { type: 'context', elements: elements.slice(0, 10).map((e) => mrkdwnText(e)) };
}

/** A header: plain text as typed, cut at Slack's 150 characters. */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text.length <= HEADER_MAX ? text : `${text.slice(0, HEADER_MAX - 1)}…`) };
}

/** A message: the notification `text` (mrkdwn too) and its blocks (by default one section of it). */
export function message(text: Mrkdwn, blocks: KnownBlock[] = [section(text)]): { text: string; blocks: KnownBlock[] } {
  return { text: truncate(text, 40_000).text, blocks };
}

export interface TextInputOptions {
  max: number;
  optional?: boolean;
  multiline?: boolean;
  initial?: string | null;
  hint?: string;
  placeholder?: string;
}

/** An input block holding one plain-text input (labels cut to Slack's 2000 characters). */
export function textInput(blockId: string, actionId: string, label: string, opts: TextInputOptions): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label.slice(0, 2000)),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      max_length: opts.max,
      multiline: opts.multiline ?? false,
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
    },
  };
}
