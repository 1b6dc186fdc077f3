import type { KnownBlock, PlainTextOption, View } from '@slack/types';
import { context, plain, section, textInput as sharedTextInput, type TextInputOptions } from '../../slack/blocks';
import { mention } from '../../slack/mrkdwn';
import { CheckinIds } from './ids';
import { text } from './messages';
import { GOAL_PROGRESS, MET_ANSWERS } from './model';
import { replyMetadata } from './reply-form';
import { MAX_COMMITMENTS_PER_REPLY, REPLY_LIMITS } from './reply-schemas';

const B = CheckinIds.block;
const A = CheckinIds.inputAction;

export interface ReplyModalInput {
  checkinId: string;
  period: number;
  submitterId: string;
  goalTitles: string[];
  /** The two people a next step can be given to. */
  people: Array<{ userId: string; name: string; role: 'mentor' | 'mentee' }>;
  /** Next-step rows to show (at least 1, at most MAX_COMMITMENTS_PER_REPLY). */
  rows?: number;
  /** The DM the form was opened from (a nudge), kept for the thank-you. */
  dmChannel?: string;
  /** A one-tap answer being replaced by a full one: the meeting answer to start from. */
  initialMet?: string;
  /** True when editing an earlier full answer (the title, intro and submit say so). */
  editing?: boolean;
  /** The earlier answer (when editing), or what was typed so far (after "Add another next step"). */
  existing?: {
    met?: string;
    goals: Array<{ status?: string | null; note?: string | null }>;
    worked: string;
    didNotWork: string;
    adaptation: string;
    blockers: string;
    staffNote: string;
    nextSteps: Map<number, { what: string; ownerId: string; dueDay: string }>;
  };
}

const option = (label: string, value: string): PlainTextOption => ({ text: plain(label), value });

/** Every free-text field of the reply is optional unless said otherwise. */
function textInput(blockId: string, label: string, opts: TextInputOptions): KnownBlock {
  return sharedTextInput(blockId, A, label, { optional: true, ...opts });
}

function select(
  blockId: string,
  label: string,
  options: PlainTextOption[],
  opts: { optional?: boolean; initial?: string | null; hint?: string },
): KnownBlock {
  const initial = options.find((o) => o.value === opts.initial);
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label.slice(0, 2000)),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'static_select',
      action_id: A,
      options,
      placeholder: plain(text.choose()),
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

/** The modal in which one person answers one check-in (or edits their answer). */
export function replyModal(d: ReplyModalInput): View {
  const e = d.existing;
  const partner = d.people.find((p) => p.userId !== d.submitterId);
  const metOptions = MET_ANSWERS.map((m) => option(text.metAnswer(m), m));
  const statusOptions = GOAL_PROGRESS.map((s) => option(text.goalStatus(s), s));
  const peopleOptions = d.people.map((p) => option(text.personOption(p.name, p.role), p.userId));
  const initialMet = metOptions.find((o) => o.value === (e?.met ?? d.initialMet));
  const editing = d.editing ?? Boolean(e);
  const rows = Math.min(Math.max(1, d.rows ?? 1), MAX_COMMITMENTS_PER_REPLY);

  // One status (optional after "we did not meet"; checked on the server) and at most one note per goal.
  const goals: KnownBlock[] = d.goalTitles.flatMap((title, i) => [
    select(B.goalStatus(i + 1), text.goalStatusLabel(i + 1, title), statusOptions, {
      initial: e?.goals[i]?.status,
      optional: true,
      hint: text.goalStatusHint(),
    }),
    textInput(B.goalNote(i + 1), text.goalNoteLabel(i + 1), { max: REPLY_LIMITS.goalNote, initial: e?.goals[i]?.note }),
  ]);

  const nextSteps: KnownBlock[] = [];
  for (let row = 1; row <= rows; row++) {
    const step = e?.nextSteps.get(row);
    nextSteps.push(
      textInput(B.commitmentWhat(row), text.nextStepWhatLabel(row), {
        max: REPLY_LIMITS.commitmentWhat,
        initial: step?.what,
      }),
      select(B.commitmentWho(row), text.nextStepWhoLabel(row), peopleOptions, {
        optional: true,
        initial: step?.ownerId ?? d.submitterId,
      }),
      {
        type: 'input',
        block_id: B.commitmentBy(row),
        optional: true,
        label: plain(text.nextStepByLabel(row)),
        element: { type: 'datepicker', action_id: A, ...(step?.dueDay ? { initial_date: step.dueDay } : {}) },
      },
    );
  }

  return {
    type: 'modal',
    callback_id: CheckinIds.replyModal,
    private_metadata: replyMetadata(d.checkinId, rows, d.dmChannel),
    title: plain(text.replyModalTitle(d.period)),
    submit: plain(text.replySubmit(editing)),
    close: plain(text.cancel()),
    blocks: [
      context(text.replyIntro(partner ? mention(partner.userId) : text.yourPartner(), editing)),
      {
        type: 'input',
        block_id: B.met,
        label: plain(text.metLabel(d.period)),
        element: {
          type: 'radio_buttons',
          action_id: A,
          options: metOptions,
          ...(initialMet ? { initial_option: initialMet } : {}),
        },
      },
      ...(goals.length ? [section(text.goalsHeading()), ...goals] : []),
      { type: 'divider' },
      textInput(B.worked, text.workedLabel(), { max: REPLY_LIMITS.worked, multiline: true, initial: e?.worked }),
      textInput(B.didNotWork, text.didNotWorkLabel(), {
        max: REPLY_LIMITS.didNotWork,
        multiline: true,
        initial: e?.didNotWork,
        hint: text.didNotWorkHint(),
      }),
      textInput(B.adaptation, text.adaptationLabel(), {
        max: REPLY_LIMITS.adaptation,
        multiline: true,
        initial: e?.adaptation,
      }),
      { type: 'divider' },
      section(text.nextStepsHeading()),
      ...nextSteps,
      ...(rows < MAX_COMMITMENTS_PER_REPLY
        ? [
            {
              type: 'actions' as const,
              block_id: B.addNextStep,
              elements: [
                {
                  type: 'button' as const,
                  action_id: CheckinIds.addNextStepButton,
                  text: plain(text.addNextStepButton()),
                  value: String(rows + 1),
                },
              ],
            },
          ]
        : []),
      { type: 'divider' },
      textInput(B.blockers, text.blockersLabel(), {
        max: REPLY_LIMITS.blockers,
        multiline: true,
        initial: e?.blockers,
      }),
      textInput(B.staffNote, text.staffNoteLabel(), {
        max: REPLY_LIMITS.staffNote,
        multiline: true,
        initial: e?.staffNote,
        hint: text.staffNoteHint(),
      }),
    ],
  };
}
