import type { KnownBlock, View } from '@slack/types';
import { plain, section } from '../../slack/blocks';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { HOME_PAUSE_WEEKS, HomeIds } from './ids';
import { text } from './messages';

/** The maximum length of a pause reason typed on the Home's pause modal (the pause feature's limit). */
export interface PauseModalInput {
  pairId: string;
  partnerId: string;
  channelId?: string;
  maxReason: number;
}

/** The pause modal opened from a pair on App Home: how long (one to eight weeks) and, optionally, why. */
export function homePauseModal(input: PauseModalInput): View {
  const option = (n: number) => ({ text: plain(text.weeks(n)), value: String(n) });
  return {
    type: 'modal',
    callback_id: HomeIds.pauseModal,
    private_metadata: JSON.stringify({ pairId: input.pairId }),
    title: plain(text.pauseModalTitle()),
    submit: plain(text.pauseModalSubmit()),
    close: plain(text.cancel()),
    blocks: [
      section(text.pauseModalIntro(input.partnerId, input.channelId)),
      {
        type: 'input',
        block_id: HomeIds.block.pauseLength,
        label: plain(text.pauseLengthLabel()),
        element: {
          type: 'static_select',
          action_id: HomeIds.inputAction,
          options: HOME_PAUSE_WEEKS.map(option),
          initial_option: option(2),
        },
      },
      {
        type: 'input',
        block_id: HomeIds.block.pauseReason,
        optional: true,
        label: plain(text.pauseReasonLabel()),
        element: { type: 'plain_text_input', action_id: HomeIds.inputAction, max_length: input.maxReason },
      },
    ],
  };
}

/** A read-only modal: a sentence (an answer to a Home button, which has nowhere else to go) or a preview. */
export function infoModal(title: string, body: Mrkdwn | KnownBlock[]): View {
  return {
    type: 'modal',
    callback_id: HomeIds.infoModal,
    title: plain(title),
    close: plain(text.close()),
    blocks: Array.isArray(body) ? body.slice(0, 100) : [section(body)],
  };
}
