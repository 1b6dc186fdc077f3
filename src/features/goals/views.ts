import type { ActionsBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import { context, header, message, plain, section, textInput } from '../../slack/blocks';
import { slackDayOf } from '../../slack/dates';
import { lines, type Mrkdwn, channelLink } from '../../slack/mrkdwn';
import { CLOSED_GOAL_STATUSES, GOAL_LIMITS, type GoalStatus, goalStatusOf, isLiveGoal } from '../../pairs/goal-status';
import { LIMITS, MAX_GOALS } from '../../pairs/limits';
import { addGoalButton, goalActionButtons } from './buttons';
import { GoalIds, goalModalMetadata } from './ids';
import { text } from './messages';
import { OUTCOME_LIMITS } from './model';
import type { OutcomeRow } from './outcomes';
import type { Goal } from './service';

const B = GoalIds.block;
const A = GoalIds.inputAction;

/** Closed goals listed by name in the goals message; the rest are counted. */
const MAX_CLOSED_SHOWN = 10;
/** Outcomes listed in one `/mentorship outcomes` answer (one section each, within 50 blocks). */
export const MAX_OUTCOMES_SHOWN = 40;

export interface GoalsMessageInput {
  pairId: string;
  goals: Goal[];
  /** Names by user ID (who wrote a note). */
  names: Map<string, string>;
}

/** A day as a Slack date token, short ("Dec 10" in the reader's own zone). */
const shortDay = (at: Date) => slackDayOf(at, '{date_short_pretty}');

const nameOf = (names: Map<string, string>, userId: string | null | undefined) =>
  (userId ? names.get(userId) : undefined) ?? text.someone();

/** Typed text shown in the goals message is cut to this (the whole is in the forms and exports). */
const SHOWN = { success: 300, note: 300, what: 200 } as const;
const clip = (s: string | null | undefined, max: number) => {
  const t = s ?? '';
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
};

/** One live goal: title and status, success, the milestones, the latest note (cut first if Slack's limit is reached). */
function goalText(n: number, g: Goal, names: Map<string, string>): Mrkdwn {
  const parts: Mrkdwn[] = [
    text.goalLine(n, g.title, goalStatusOf(g)),
    text.success(clip(g.successCriteria, SHOWN.success)),
  ];
  for (const m of g.milestones ?? []) {
    if (m.title && m.dueDay) parts.push(text.milestone(m.title, m.dueDay, Boolean(m.done)));
  }
  const note = g.lastNote;
  if (note?.at && (note.text || note.progress))
    parts.push(
      text.latestNote(
        nameOf(names, note.by),
        shortDay(note.at),
        note.progress ?? undefined,
        clip(note.text, SHOWN.note),
      ),
    );
  return lines(...parts);
}

/** The goals message: each open goal with its buttons, the closed ones in a list, "Add a goal". */
export function goalsMessage(d: GoalsMessageInput): { text: string; blocks: KnownBlock[] } {
  const live = d.goals.filter(isLiveGoal);
  const closed = d.goals.filter((g) => !isLiveGoal(g));
  const blocks: KnownBlock[] = [header(text.goalsHeading()), context(text.goalsIntro())];
  if (!live.length) blocks.push(section(text.noGoals()));
  live.forEach((g, i) => {
    blocks.push(section(goalText(i + 1, g, d.names)), {
      type: 'actions',
      block_id: `goals.actions.${String(g._id)}`,
      elements: goalActionButtons(d.pairId, String(g._id)),
    });
  });
  if (closed.length) {
    // One context element each (Slack allows ten), newest first; the rest counted.
    const shown = closed
      .slice(-(MAX_CLOSED_SHOWN - 1))
      .reverse()
      .map((g) => text.closedGoal(g.title, goalStatusOf(g), clip(g.closed?.what, SHOWN.what)));
    const more = closed.length > shown.length ? [text.moreClosed(closed.length - shown.length)] : [];
    blocks.push({ type: 'divider' }, section(text.closedHeading()), context(...shown, ...more));
  }
  if (live.length < MAX_GOALS) {
    const add: ActionsBlock = { type: 'actions', block_id: 'goals.add_actions', elements: [addGoalButton(d.pairId)] };
    blocks.push(add);
  } else blocks.push(context(text.maxGoalsReached(MAX_GOALS)));
  return message(text.goalsFallback(live.length), blocks);
}

/** A one-sentence message (the line in the pair's channel after a change). */
export function lineMessage(sentence: Mrkdwn): { text: string; blocks: KnownBlock[] } {
  return message(sentence);
}

const option = (label: string, value: string): PlainTextOption => ({ text: plain(label), value });

function modal(callbackId: string, metadata: string, title: string, submit: string, blocks: KnownBlock[]): View {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    title: plain(title),
    submit: plain(submit),
    close: plain(text.cancel()),
    blocks,
  };
}

function goalFieldInputs(initial?: { title: string; successCriteria: string }): KnownBlock[] {
  return [
    textInput(B.title, A, text.titleLabel(), {
      max: LIMITS.goalTitle,
      initial: initial?.title,
      placeholder: text.titlePlaceholder(),
    }),
    textInput(B.success, A, text.successLabel(), {
      max: LIMITS.goalSuccess,
      multiline: true,
      initial: initial?.successCriteria,
    }),
  ];
}

/** "Add a goal": a title and what success looks like. */
export function addGoalModal(pairId: string): View {
  return modal(GoalIds.addModal, goalModalMetadata(pairId), text.addTitle(), text.addSubmit(), goalFieldInputs());
}

/** "Edit": the goal's title and what success looks like. */
export function editGoalModal(pairId: string, goal: Goal): View {
  return modal(
    GoalIds.editModal,
    goalModalMetadata(pairId, String(goal._id)),
    text.editTitle(),
    text.editSubmit(),
    goalFieldInputs(goal),
  );
}

export interface NoteShown {
  name: string;
  at: Date;
  text: string;
  progress?: string;
}

/** "Update": the status while open, a progress note, the milestones (five rows). */
export function updateGoalModal(pairId: string, goal: Goal, notes: NoteShown[]): View {
  const live: GoalStatus[] = ['not_started', 'in_progress'];
  const options = live.map((s) => option(text.statusOption(s), s));
  const current = options.find((o) => o.value === goalStatusOf(goal));
  const doneOption = option(text.milestoneDoneOption(), 'done');
  const milestones = goal.milestones ?? [];
  const rows: KnownBlock[] = [];
  for (let n = 1; n <= GOAL_LIMITS.milestones; n++) {
    const m = milestones[n - 1];
    rows.push(
      textInput(B.milestoneTitle(n), A, text.milestoneTitleLabel(n), {
        max: GOAL_LIMITS.milestoneTitle,
        optional: true,
        initial: m?.title,
      }),
      {
        type: 'input',
        block_id: B.milestoneDue(n),
        optional: true,
        label: plain(text.milestoneDueLabel(n)),
        element: { type: 'datepicker', action_id: A, ...(m?.dueDay ? { initial_date: m.dueDay } : {}) },
      },
      {
        type: 'input',
        block_id: B.milestoneDone(n),
        optional: true,
        label: plain(text.milestoneDoneLabel(n)),
        element: {
          type: 'checkboxes',
          action_id: A,
          options: [doneOption],
          ...(m?.done ? { initial_options: [doneOption] } : {}),
        },
      },
    );
  }
  const recent = notes.map((n) => text.latestNote(n.name, shortDay(n.at), n.progress, clip(n.text, SHOWN.note)));
  return modal(
    GoalIds.updateModal,
    goalModalMetadata(pairId, String(goal._id)),
    text.updateTitle(),
    text.updateSubmit(),
    [
      section(text.goalIntro(goal.title, goal.successCriteria)),
      ...(recent.length ? [context(text.recentNotes(), ...recent)] : []),
      {
        type: 'input',
        block_id: B.status,
        label: plain(text.statusLabel()),
        element: { type: 'static_select', action_id: A, options, ...(current ? { initial_option: current } : {}) },
      },
      textInput(B.note, A, text.noteLabel(), {
        max: GOAL_LIMITS.note,
        optional: true,
        multiline: true,
        placeholder: text.notePlaceholder(),
      }),
      { type: 'divider' },
      section(text.milestonesIntro()),
      ...rows,
    ],
  );
}

/** "Close": what happened (achieved, changed, dropped, and a sentence); for achieved, an optional outcome. */
export function closeGoalModal(pairId: string, goal: Goal): View {
  const statusOptions = CLOSED_GOAL_STATUSES.map((s) => option(text.statusOption(s), s));
  const no = option(text.quoteNo(), 'no');
  const yes = option(text.quoteYes(), 'yes');
  return modal(GoalIds.closeModal, goalModalMetadata(pairId, String(goal._id)), text.closeTitle(), text.closeSubmit(), [
    section(text.closeIntro(goal.title)),
    {
      type: 'input',
      block_id: B.closeStatus,
      label: plain(text.closeStatusLabel()),
      element: { type: 'radio_buttons', action_id: A, options: statusOptions },
    },
    textInput(B.closeWhat, A, text.closeWhatLabel(), {
      max: GOAL_LIMITS.closeWhat,
      multiline: true,
      placeholder: text.closeWhatPlaceholder(),
    }),
    { type: 'divider' },
    section(text.outcomeIntro()),
    textInput(B.outcomeStory, A, text.storyLabel(), {
      max: OUTCOME_LIMITS.story,
      optional: true,
      multiline: true,
      placeholder: text.storyPlaceholder(),
    }),
    textInput(B.outcomeBeneficiaries, A, text.beneficiariesLabel(), {
      max: OUTCOME_LIMITS.beneficiaries,
      optional: true,
      placeholder: text.beneficiariesPlaceholder(),
    }),
    textInput(B.outcomeFigure, A, text.figureLabel(), {
      max: OUTCOME_LIMITS.figure,
      optional: true,
      placeholder: text.figurePlaceholder(),
    }),
    {
      type: 'input',
      block_id: B.outcomeQuote,
      optional: true,
      label: plain(text.quoteLabel()),
      element: { type: 'radio_buttons', action_id: A, options: [no, yes], initial_option: no },
    },
  ]);
}

export interface OutcomeShown extends OutcomeRow {
  /** The pair's channel id, when it has one. */
  channelId?: string;
  /** The pair's label otherwise ("Alice and Karim"). */
  pairLabel: string;
  recordedByName: string;
}

/** `/mentorship outcomes`: newest first, one section each, within a message's 50 blocks. */
export function outcomesMessage(outcomes: OutcomeShown[]): { text: string; blocks: KnownBlock[] } {
  const shown = outcomes.slice(0, MAX_OUTCOMES_SHOWN);
  const blocks: KnownBlock[] = [header(text.outcomesHeading(outcomes.length))];
  if (!outcomes.length) blocks.push(section(text.noOutcomes()));
  for (const o of shown) {
    blocks.push(
      section(
        text.outcome(
          o.channelId ? channelLink(o.channelId) : lines(o.pairLabel),
          o.goalTitle ?? '',
          shortDay(o.recordedAt),
          o.recordedByName,
          o.quoteConsent,
          o.figure,
          o.beneficiaries,
          o.story,
        ),
      ),
    );
  }
  if (outcomes.length > MAX_OUTCOMES_SHOWN)
    blocks.push(context(text.moreOutcomes(outcomes.length - MAX_OUTCOMES_SHOWN)));
  else if (outcomes.length) blocks.push(context(text.exportHint()));
  return message(text.outcomesFallback(outcomes.length), blocks);
}
