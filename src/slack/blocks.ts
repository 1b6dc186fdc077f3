import type { KnownBlock, PlainTextElement } from '@slack/types';

/** Small Block Kit helpers shared by the features' views. */

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

const SECTION_MAX = 3000;

/** A mrkdwn section, cut with an ellipsis at Slack's 3000 characters. */
export function section(mrkdwn: string): KnownBlock {
  const text = mrkdwn.length <= SECTION_MAX ? mrkdwn : `${mrkdwn.slice(0, SECTION_MAX - 1)}…`;
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** People's words in mrkdwn: Slack's three control characters escaped, so typed text cannot mention @channel or forge links. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
