import type { KnownBlock, View } from '@slack/types';
import { CommitmentIds } from './ids';
import { text } from './messages';
import { LIMITS } from './schemas';

const plain = (t: string) => ({ type: 'plain_text' as const, text: t });
const section = (t: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: t.slice(0, 3000) } });

export interface ReminderInput {
  commitmentId: string;
  what: string;
  dueDay: string;
  partnerId: string;
}

/** The reminder DM to the owner: what, by when, with whom, and the three buttons. */
export function reminderMessage(r: ReminderInput): { text: string; blocks: KnownBlock[] } {
  const sentence = text.reminder(r.what, r.dueDay, r.partnerId);
  return {
    text: sentence,
    blocks: [
      section(sentence),
      { type: 'context', elements: [{ type: 'mrkdwn', text: text.reminderHint() }] },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: CommitmentIds.doneButton, style: 'primary', text: plain(text.doneButton()), value: r.commitmentId },
          { type: 'button', action_id: CommitmentIds.extendButton, text: plain(text.extendButton()), value: r.commitmentId },
          { type: 'button', action_id: CommitmentIds.dropButton, text: plain(text.dropButton()), value: r.commitmentId },
        ],
      },
    ],
  };
}

/** A one-sentence message (confirmations that replace the reminder, notes in the pair's channel). */
export function sentenceMessage(sentence: string): { text: string; blocks: KnownBlock[] } {
  return { text: sentence, blocks: [section(sentence)] };
}

/** "Need more time": a datepicker for the new due day. */
export function extendModal(c: { commitmentId: string; what: string; dueDay: string; suggestedDay: string }): View {
  return {
    type: 'modal',
    callback_id: CommitmentIds.extendModal,
    private_metadata: c.commitmentId,
    title: plain(text.extendModalTitle()),
    submit: plain(text.extendSubmit()),
    close: plain('Cancel'),
    blocks: [
      section(text.extendIntro(c.what, c.dueDay)),
      {
        type: 'input',
        block_id: CommitmentIds.block.newDueDay,
        label: plain(text.newDueDayLabel()),
        element: { type: 'datepicker', action_id: CommitmentIds.inputAction, initial_date: c.suggestedDay },
      },
    ],
  };
}

/** "Drop it": a required reason, shared with the partner. */
export function dropModal(c: { commitmentId: string; what: string; dueDay: string }): View {
  return {
    type: 'modal',
    callback_id: CommitmentIds.dropModal,
    private_metadata: c.commitmentId,
    title: plain(text.dropModalTitle()),
    submit: plain(text.dropSubmit()),
    close: plain('Cancel'),
    blocks: [
      section(text.dropIntro(c.what, c.dueDay)),
      {
        type: 'input',
        block_id: CommitmentIds.block.dropReason,
        label: plain(text.dropReasonLabel()),
        element: {
          type: 'plain_text_input',
          action_id: CommitmentIds.inputAction,
          multiline: true,
          min_length: 1,
          max_length: LIMITS.dropReason,
          placeholder: plain(text.dropReasonPlaceholder()),
        },
      },
    ],
  };
}
