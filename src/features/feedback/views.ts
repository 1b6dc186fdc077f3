import type { ActionsBlock, Button, KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import { context, message, plain, section } from '../../slack/blocks';
import { type Mrkdwn, lines, mrkdwn } from '../../slack/mrkdwn';
import type { AskedQuestion, FeedbackPoint } from './forms';
import { FeedbackIds } from './ids';
import { staffText, text } from './messages';
import type { QuestionTotal, StaffFeedbackRow } from './staff-reads';

/** Pure Block Kit builders of the feedback feature. */

/** The value of a "Give feedback" button: which pair and point (checked again on the server). */
export function giveButtonValue(pairId: string, point?: FeedbackPoint): string {
  return JSON.stringify(point ? { pairId, point } : { pairId });
}

/** "Give feedback": opens the form of the pair (the point given, else the one due, else the quick form). */
export function giveFeedbackButton(pairId: string, point?: FeedbackPoint): Button {
  return {
    type: 'button',
    action_id: FeedbackIds.giveButton,
    text: plain(text.giveButton()),
    style: 'primary',
    value: giveButtonValue(pairId, point),
  };
}

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label.slice(0, 75)), value });

function answerOptions(q: AskedQuestion): PlainTextOption[] {
  const kind = q.kind;
  if (kind.type === 'choice') return kind.choices.map((c) => option(c.value, c.label()));
  if (kind.type === 'scale') {
    const out: PlainTextOption[] = [];
    for (let n = kind.min; n <= kind.max; n++) {
      const label =
        n === kind.min ? `${n}: ${kind.lowLabel()}` : n === kind.max ? `${n}: ${kind.highLabel()}` : String(n);
      out.push(option(String(n), label));
    }
    return out;
  }
  return [];
}

function questionBlock(q: AskedQuestion, partnerIsStaff: boolean): KnownBlock {
  const label = q.goalTitle ? text.goalProgress(q.goalTitle) : q.label();
  const hint = q.visibilities.length === 1 ? text.fixedVisibility(q.visibilities[0], partnerIsStaff) : q.warning?.();
  const element =
    q.kind.type === 'text'
      ? {
          type: 'plain_text_input' as const,
          action_id: FeedbackIds.inputAction,
          multiline: true,
          max_length: q.kind.maxLength,
        }
      : {
          type: 'static_select' as const,
          action_id: FeedbackIds.inputAction,
          placeholder: plain(text.choose()),
          options: answerOptions(q),
        };
  return {
    type: 'input',
    block_id: FeedbackIds.questionBlock(q.id),
    optional: !q.required,
    label: plain(label.slice(0, 2000)),
    ...(hint ? { hint: plain(hint.slice(0, 2000)) } : {}),
    element,
  };
}

function visibilityBlock(q: AskedQuestion, partnerIsStaff: boolean): KnownBlock {
  const label = (v: (typeof q.visibilities)[number]) =>
    v === 'staff_only' && partnerIsStaff ? text.staffOnlyWhenPartnerIsStaff() : text.visibilityOption(v);
  const options = q.visibilities.map((v) => option(v, label(v)));
  const initial = options.find((o) => o.value === q.defaultVisibility) ?? options[0];
  return {
    type: 'input',
    block_id: FeedbackIds.visibilityBlock(q.id),
    label: plain(text.visibilityLabel()),
    element: {
      type: 'static_select',
      action_id: FeedbackIds.inputAction,
      options,
      initial_option: initial,
    },
  };
}

function urgentBlock(): KnownBlock {
  const only: Option = { text: plain(text.urgentOption()), value: 'urgent' };
  return {
    type: 'input',
    block_id: FeedbackIds.urgentBlock,
    optional: true,
    label: plain(text.urgentLabel()),
    element: { type: 'checkboxes', action_id: FeedbackIds.inputAction, options: [only] },
  };
}

/**
 * The feedback form: per question, the answer and (where there is a choice) who sees it. When the
 * partner is program staff, "staff only" reaches them, and the form says so instead of "never your partner".
 */
export function feedbackFormModal(input: {
  pairId: string;
  point: FeedbackPoint;
  partnerId: string;
  questions: AskedQuestion[];
  partnerIsStaff?: boolean;
}): ModalView {
  const partnerIsStaff = input.partnerIsStaff ?? false;
  const blocks: KnownBlock[] = [
    { ...section(text.formIntro(input.partnerId)), block_id: FeedbackIds.formBlock },
    ...(partnerIsStaff ? [context(text.partnerIsStaff())] : []),
    context(text.totalsExplained()),
  ];
  // Per-goal questions share one visibility choice, after the last of them.
  const goals = input.questions.filter((q) => q.goalTitle);
  for (const q of input.questions) {
    blocks.push(questionBlock(q, partnerIsStaff));
    if (q.goalTitle) {
      if (q === goals.at(-1) && q.visibilities.length > 1)
        blocks.push(visibilityBlock({ ...q, id: GOALS_VISIBILITY_ID }, partnerIsStaff));
      continue;
    }
    if (q.visibilities.length > 1) blocks.push(visibilityBlock(q, partnerIsStaff));
    if (q.urgentBox) blocks.push(urgentBlock());
  }
  return {
    type: 'modal',
    callback_id: FeedbackIds.formModal,
    private_metadata: JSON.stringify({ pairId: input.pairId, point: input.point }),
    title: plain(text.formTitle(input.point)),
    submit: plain(text.submit()),
    close: plain(text.close()),
    blocks,
  };
}

/** The block id suffix of the one visibility choice all goal-progress answers share. */
export const GOALS_VISIBILITY_ID = 'goals';

/** The DM asking for feedback at a point, with the button to the form. */
export function requestMessage(pairId: string, point: FeedbackPoint, channelId?: string, reminder = false) {
  const body = reminder ? text.reminderDm(point, channelId) : text.requestDm(point, channelId);
  return message(body, [section(body), { type: 'actions', elements: [giveFeedbackButton(pairId, point)] }]);
}

/** The shared answers, posted in the pair's channel with the person's name. */
export function sharedAnswersMessage(
  userId: string,
  point: FeedbackPoint,
  items: Array<{ label: string; answer: string }>,
) {
  const parts: Mrkdwn[] = items.map((i) => text.sharedLine(i.label, i.answer));
  const body = lines(text.sharedHeader(userId, point), ...parts);
  return message(body, [section(text.sharedHeader(userId, point)), ...parts.slice(0, 40).map((p) => section(p))]);
}

/** The early-warning alert to staff, with the staff buttons for the pair (given: the staff feature's). */
export function alertMessage(
  userId: string,
  channelId: string | undefined,
  reasons: string[],
  staffActions: ActionsBlock,
) {
  const body = text.alert(userId, channelId, reasons);
  return message(body, [section(body), staffActions]);
}

/** The totals as lines: a figure only where at least TOTALS_MIN_ANSWERS people answered, else "fewer than 5 people answered". */
export function totalsLines(totals: readonly QuestionTotal[]): Mrkdwn[] {
  if (totals.length === 0) return [mrkdwn`${text.totalsNone()}`];
  return totals.map((t) => {
    const f = t.figures;
    const figure = !f
      ? text.totalsFewer()
      : f.average !== undefined
        ? staffText.average(f.average, t.answered)
        : f.counts
          ? staffText.counts(
              f.counts.map((c) => `${c.label} ${c.count}`),
              t.answered,
            )
          : staffText.textCount(f.textAnswered ?? 0, t.answered);
    return staffText.totalsLine(t.point, t.question, figure);
  });
}

/** The feedback totals as a message (the staff command and the digest). */
export function totalsMessage(totals: readonly QuestionTotal[]) {
  const body = lines(staffText.totalsHeading(), ...totalsLines(totals));
  return message(body);
}

/** Rows of staff-readable feedback shown in a pair's status. */
const STATUS_ROWS = 8;

/** Staff-readable feedback of one pair, as blocks for `/mentorship status` (staff only). */
export function staffFeedbackBlocks(rows: readonly StaffFeedbackRow[]): KnownBlock[] {
  if (rows.length === 0) return [section(staffText.statusNone())];
  const shown = rows
    .slice(0, STATUS_ROWS)
    .map((r) =>
      staffText.statusRow(
        r.userId,
        r.point,
        r.question,
        r.answer.slice(0, 300),
        r.visibility === 'staff_only',
        r.urgent,
      ),
    );
  return [
    section(lines(staffText.statusHeading(), ...shown)),
    ...(rows.length > STATUS_ROWS ? [context(staffText.statusMore(rows.length - STATUS_ROWS))] : []),
  ];
}
