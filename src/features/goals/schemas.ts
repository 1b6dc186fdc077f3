import { z } from 'zod';
import type { ViewStateValues } from '../../slack/listener-args';
import { addDays, isIsoDay } from '../../lib/time';
import { CLOSED_GOAL_STATUSES, GOAL_LIMITS, type ClosedGoalStatus } from '../../pairs/goal-status';
import { LIMITS, PROGRAM_RULES } from '../../pairs/limits';
import { GoalIds } from './ids';
import { text as t } from './messages';
import { OUTCOME_LIMITS } from './model';

/**
 * The goals modals' values, read and checked. Each check answers on the field it is about
 * (block ids from ids.ts), so a modal keeps what was typed and shows where it is wrong.
 */
const B = GoalIds.block;
const A = GoalIds.inputAction;

const field = (values: unknown, blockId: string) => (values as ViewStateValues | undefined)?.[blockId]?.[A];
const textOf = (values: unknown, blockId: string) => {
  const v = field(values, blockId)?.value;
  return typeof v === 'string' ? v : '';
};
const optionOf = (values: unknown, blockId: string) => {
  const v = field(values, blockId)?.selected_option?.value;
  return typeof v === 'string' ? v : '';
};
const dateOf = (values: unknown, blockId: string) => {
  const v = field(values, blockId)?.selected_date;
  return typeof v === 'string' ? v : '';
};
const checkedOf = (values: unknown, blockId: string) => {
  const v = field(values, blockId)?.selected_options;
  return Array.isArray(v) && v.some((o) => o?.value === 'done');
};

export type FieldErrors = Record<string, string>;
export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

/** Built per form, so its field errors are in the language of the person who sent it. */
const goalFieldsSchema = () =>
  z.object({
    title: text(LIMITS.goalTitle, t.titleTooLong(LIMITS.goalTitle)).min(1, t.titleMissing()),
    successCriteria: text(LIMITS.goalSuccess, t.successTooLong(LIMITS.goalSuccess)).min(1, t.successMissing()),
  });
export type GoalFields = z.infer<ReturnType<typeof goalFieldsSchema>>;

/** The add and edit modals: a title and what success looks like. */
export function readGoalFields(values: unknown): Checked<GoalFields> {
  const parsed = goalFieldsSchema().safeParse({
    title: textOf(values, B.title),
    successCriteria: textOf(values, B.success),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const block = issue.path[0] === 'successCriteria' ? B.success : B.title;
    errors[block] ??= issue.message;
  }
  return { ok: false, errors };
}

export interface MilestoneInput {
  title: string;
  dueDay: string;
  done: boolean;
}
export interface UpdateInput {
  status: 'not_started' | 'in_progress';
  note: string;
  milestones: MilestoneInput[];
}

/** The update modal: status (while open), an optional progress note, and up to five milestones within the program. */
export function readUpdateForm(values: unknown, program: { startDate: string; endDate: string }): Checked<UpdateInput> {
  const errors: FieldErrors = {};
  const status = optionOf(values, B.status);
  if (status !== 'not_started' && status !== 'in_progress') errors[B.status] = t.chooseStatus();
  const note = textOf(values, B.note).trim();
  if (note.length > GOAL_LIMITS.note) errors[B.note] = t.noteTooLong(GOAL_LIMITS.note);
  const latest = addDays(program.endDate, PROGRAM_RULES.daysAfterProgramEnd);
  const milestones: MilestoneInput[] = [];
  for (let n = 1; n <= GOAL_LIMITS.milestones; n++) {
    const title = textOf(values, B.milestoneTitle(n)).trim();
    const dueDay = dateOf(values, B.milestoneDue(n));
    if (!title && !dueDay) continue;
    if (!title) errors[B.milestoneTitle(n)] = t.milestoneTitleMissing();
    else if (title.length > GOAL_LIMITS.milestoneTitle)
      errors[B.milestoneTitle(n)] = t.milestoneTitleTooLong(GOAL_LIMITS.milestoneTitle);
    if (!dueDay) errors[B.milestoneDue(n)] = t.milestoneDayMissing();
    else if (!isIsoDay(dueDay)) errors[B.milestoneDue(n)] = t.chooseDay();
    else if (dueDay < program.startDate) errors[B.milestoneDue(n)] = t.milestoneBeforeStart(program.startDate);
    else if (dueDay > latest) errors[B.milestoneDue(n)] = t.milestoneTooLate(latest);
    milestones.push({ title, dueDay, done: checkedOf(values, B.milestoneDone(n)) });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { status: status as UpdateInput['status'], note, milestones } };
}

export interface CloseInput {
  status: ClosedGoalStatus;
  what: string;
  /** Present when an achieved goal is also recorded as an outcome. */
  outcome?: { story: string; beneficiaries: string; figure: string; quoteConsent: boolean };
}

/** The close modal: what happened (required), and for an achieved goal an optional outcome. */
export function readCloseForm(values: unknown): Checked<CloseInput> {
  const errors: FieldErrors = {};
  const status = optionOf(values, B.closeStatus);
  if (!(CLOSED_GOAL_STATUSES as readonly string[]).includes(status)) errors[B.closeStatus] = t.chooseClosedStatus();
  const what = textOf(values, B.closeWhat).trim();
  if (!what) errors[B.closeWhat] = t.whatMissing();
  else if (what.length > GOAL_LIMITS.closeWhat) errors[B.closeWhat] = t.whatTooLong(GOAL_LIMITS.closeWhat);
  const story = textOf(values, B.outcomeStory).trim();
  const beneficiaries = textOf(values, B.outcomeBeneficiaries).trim();
  const figure = textOf(values, B.outcomeFigure).trim();
  const quote = optionOf(values, B.outcomeQuote) || 'no';
  if (story.length > OUTCOME_LIMITS.story) errors[B.outcomeStory] = t.storyTooLong(OUTCOME_LIMITS.story);
  if (beneficiaries.length > OUTCOME_LIMITS.beneficiaries)
    errors[B.outcomeBeneficiaries] = t.beneficiariesTooLong(OUTCOME_LIMITS.beneficiaries);
  if (figure.length > OUTCOME_LIMITS.figure) errors[B.outcomeFigure] = t.figureTooLong(OUTCOME_LIMITS.figure);
  if (quote !== 'yes' && quote !== 'no') errors[B.outcomeQuote] = t.chooseQuote();
  const anyOutcome = Boolean(story || beneficiaries || figure);
  if (anyOutcome && !errors[B.closeStatus] && status !== 'achieved') errors[B.outcomeStory] ??= t.outcomeOnlyAchieved();
  else if (!story && (beneficiaries || figure)) errors[B.outcomeStory] ??= t.outcomeStoryMissing();
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      status: status as ClosedGoalStatus,
      what,
      ...(story ? { outcome: { story, beneficiaries, figure, quoteConsent: quote === 'yes' } } : {}),
    },
  };
}
