import type { KnownBlock, View } from '@slack/types';
import { context, message, plain, section } from '../../slack/blocks';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { CommitmentIds } from './ids';
import { text } from './messages';
import { LIMITS } from './schemas';

/** The two small modals of a reminder: an intro sentence and one input. */
function oneInputModal(m: {
  callbackId: string;
  commitmentId: string;
  title: string;
  submit: string;
  intro: Mrkdwn;
  input: KnownBlock;
}): View {
  return {
    type: 'modal',
    callback_id: m.callbackId,
    private_metadata: m.commitmentId,
    title: plain(m.title),
    submit: plain(m.submit),
    close: plain(text.cancel()),
    blocks: [section(m.intro), m.input],
  };
}

export interface ReminderInput {
  commitmentId: string;
  what: string;
  dueDay: string;
  ownerId: string;
  /** Who wrote the step in their check-in answer: the owner or their partner. */
  authorId: string;
  /** The check-in it was written in, when known. */
  period?: number;
}

/** The reminder DM to the owner: who added which step in which check-in, when it is due, and the three buttons. */
export function reminderMessage(r: ReminderInput): { text: string; blocks: KnownBlock[] } {
  const sentence =
    r.authorId === r.ownerId
      ? text.reminderFromYou(r.period, r.what, r.dueDay)
      : text.reminderFromPartner(r.period, r.authorId, r.what, r.dueDay);
  return message(sentence, [
    section(sentence),
    context(text.reminderHint()),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: CommitmentIds.doneButton,
          style: 'primary',
          text: plain(text.doneButton()),
          value: r.commitmentId,
        },
        {
          type: 'button',
          action_id: CommitmentIds.extendButton,
          text: plain(text.extendButton()),
          value: r.commitmentId,
        },
        {
          type: 'button',
          action_id: CommitmentIds.dropButton,
          text: plain(text.dropButton()),
          value: r.commitmentId,
        },
      ],
    },
  ]);
}

/** A one-sentence message (confirmations that replace the reminder, notes in the pair's channel). */
export function sentenceMessage(sentence: Mrkdwn): { text: string; blocks: KnownBlock[] } {
  return message(sentence);
}

/** "Change date": a datepicker for the new due day. */
export function extendModal(c: { commitmentId: string; what: string; dueDay: string; suggestedDay: string }): View {
  return oneInputModal({
    callbackId: CommitmentIds.extendModal,
    commitmentId: c.commitmentId,
    title: text.extendModalTitle(),
    submit: text.extendSubmit(),
    intro: text.extendIntro(c.what, c.dueDay),
    input: {
      type: 'input',
      block_id: CommitmentIds.block.newDueDay,
      label: plain(text.newDueDayLabel()),
      element: { type: 'datepicker', action_id: CommitmentIds.inputAction, initial_date: c.suggestedDay },
    },
  });
}

/** "Remove": an optional reason, shared with the partner. */
export function dropModal(c: { commitmentId: string; what: string; dueDay: string }): View {
  return oneInputModal({
    callbackId: CommitmentIds.dropModal,
    commitmentId: c.commitmentId,
    title: text.dropModalTitle(),
    submit: text.dropSubmit(),
    intro: text.dropIntro(c.what, c.dueDay),
    input: {
      type: 'input',
      block_id: CommitmentIds.block.dropReason,
      optional: true,
      label: plain(text.dropReasonLabel()),
      element: {
        type: 'plain_text_input',
        action_id: CommitmentIds.inputAction,
        multiline: true,
        max_length: LIMITS.dropReason,
        placeholder: plain(text.dropReasonPlaceholder()),
      },
    },
  });
}
