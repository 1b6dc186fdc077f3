import type { KnownBlock, PlainTextElement } from '@slack/types';

/** Small Block Kit helpers shared by the features' views. */

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });

export function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn.slice(0, 3000) } };
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
