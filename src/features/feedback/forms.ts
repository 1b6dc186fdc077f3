import { type MessageKey, t } from '../../i18n';

/**
 * The feedback forms as data: each question, its possible answers, and who may see the answer.
 * Pure (no Slack, no database): views.ts draws them, service.ts checks answers against them.
 * Every label is a function: it is read when a form or answer is shown, in the reader's language.
 */

export const FEEDBACK_POINTS = ['one_month', 'midpoint', 'end', 'anytime'] as const;
export type FeedbackPoint = (typeof FEEDBACK_POINTS)[number];
/** The points a request is sent for, in program order. */
export const FIXED_POINTS = ['one_month', 'midpoint', 'end'] as const;
export type FixedPoint = (typeof FIXED_POINTS)[number];

/**
 * Who sees an answer:
 * - `shared`: posted in the pair's channel with the person's name;
 * - `staff_only`: program staff only, never the partner;
 * - `totals_only`: staff see only program-wide figures, once at least TOTALS_MIN_ANSWERS people
 *   answered the question; a written answer is only counted (answered or not), never shown.
 */
export const VISIBILITIES = ['shared', 'staff_only', 'totals_only'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A question's totals are shown only from this many answers on. */
export const TOTALS_MIN_ANSWERS = 5;

/** A label, read in the reader's language when it is shown. */
export type Label = () => string;
const label =
  (key: MessageKey): Label =>
  () =>
    t(key);

export interface Choice {
  value: string;
  label: Label;
}

export type QuestionKind =
  | { type: 'choice'; choices: readonly Choice[] }
  | { type: 'scale'; min: number; max: number; lowLabel: Label; highLabel: Label }
  | { type: 'text'; maxLength: number };

export interface Question {
  id: string;
  label: Label;
  kind: QuestionKind;
  required: boolean;
  /** The visibilities the person may choose (the first offered is not the default: see `defaultVisibility`). */
  visibilities: readonly Visibility[];
  defaultVisibility: Visibility;
  /** When the answer alerts staff at once (if they may see it). */
  warnsWhen?: (value: string) => boolean;
  /** Shown under the question: what a warning answer does. */
  warning?: Label;
  /** A "this is urgent" checkbox goes with it (a concern). */
  urgentBox?: boolean;
  /** One question per goal of the pair (midpoint progress): `id` is suffixed with the goal's index. */
  perGoal?: boolean;
}

const ALL: readonly Visibility[] = VISIBILITIES;
const TEXT = { type: 'text', maxLength: 1000 } as const;
const YES_PARTLY_NO: readonly Choice[] = [
  { value: 'yes', label: label('feedback.choice.yesPartlyNo.yes') },
  { value: 'partly', label: label('feedback.choice.yesPartlyNo.partly') },
  { value: 'no', label: label('feedback.choice.yesPartlyNo.no') },
];
const satisfaction = {
  type: 'scale',
  min: 1,
  max: 5,
  lowLabel: label('feedback.scale.veryUnhappy'),
  highLabel: label('feedback.scale.veryHappy'),
} as const;

export const FORMS: Record<FeedbackPoint, readonly Question[]> = {
  one_month: [
    {
      id: 'fit',
      label: label('feedback.question.fit'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'good', label: label('feedback.choice.fit.good') },
          { value: 'deciding', label: label('feedback.choice.fit.deciding') },
          { value: 'not_a_fit', label: label('feedback.choice.fit.not_a_fit') },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === 'not_a_fit',
      warning: label('feedback.warning.notAFit'),
    },
    {
      id: 'satisfaction',
      label: label('feedback.question.satisfaction'),
      kind: satisfaction,
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === '1',
      warning: label('feedback.warning.lowRating'),
    },
    {
      id: 'meeting',
      label: label('feedback.question.meeting'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: label('feedback.choice.meeting.yes') },
          { value: 'less', label: label('feedback.choice.meeting.less') },
          { value: 'no', label: label('feedback.choice.meeting.no') },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'goals_clear',
      label: label('feedback.question.goals_clear'),
      kind: { type: 'choice', choices: YES_PARTLY_NO },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'partner_commitment',
      label: label('feedback.question.partner_commitment'),
      kind: {
        type: 'scale',
        min: 1,
        max: 5,
        lowLabel: label('feedback.scale.notAtAll'),
        highLabel: label('feedback.scale.fully'),
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
    {
      id: 'concern',
      label: label('feedback.question.concern'),
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      urgentBox: true,
      warning: label('feedback.warning.urgent'),
    },
  ],
  midpoint: [
    {
      id: 'goal',
      label: label('feedback.question.goal'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'not_started', label: label('feedback.choice.progress.not_started') },
          { value: 'some', label: label('feedback.choice.progress.some') },
          { value: 'substantial', label: label('feedback.choice.progress.substantial') },
          { value: 'done', label: label('feedback.choice.progress.done') },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
      perGoal: true,
    },
    {
      id: 'not_worked',
      label: label('feedback.question.not_worked'),
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'do_more',
      label: label('feedback.question.do_more'),
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'context_understood',
      label: label('feedback.question.context_understood'),
      kind: { type: 'choice', choices: YES_PARTLY_NO },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'change',
      label: label('feedback.question.change'),
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
  ],
  end: [
    {
      id: 'goals_met',
      label: label('feedback.question.goals_met'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'all', label: label('feedback.choice.goalsMet.all') },
          { value: 'most', label: label('feedback.choice.goalsMet.most') },
          { value: 'some', label: label('feedback.choice.goalsMet.some') },
          { value: 'none', label: label('feedback.choice.goalsMet.none') },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'concrete_change',
      label: label('feedback.question.concrete_change'),
      kind: TEXT,
      required: false,
      // An outcome is a story to read: "counted only in totals" would make it one no one may read.
      visibilities: ['shared', 'staff_only'],
      defaultVisibility: 'shared',
      warning: label('feedback.warning.outcome'),
    },
    {
      id: 'recommend',
      label: label('feedback.question.recommend'),
      kind: {
        type: 'scale',
        min: 0,
        max: 10,
        lowLabel: label('feedback.scale.notAtAll'),
        highLabel: label('feedback.scale.certainly'),
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
    {
      id: 'keep_in_touch',
      label: label('feedback.question.keep_in_touch'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: label('feedback.choice.keepInTouch.yes') },
          { value: 'maybe', label: label('feedback.choice.keepInTouch.maybe') },
          { value: 'no', label: label('feedback.choice.keepInTouch.no') },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'quote',
      label: label('feedback.question.quote'),
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: label('feedback.choice.yesNo.yes') },
          { value: 'no', label: label('feedback.choice.yesNo.no') },
        ],
      },
      required: true,
      visibilities: ['staff_only'],
      defaultVisibility: 'staff_only',
    },
  ],
  anytime: [
    {
      id: 'how_going',
      label: label('feedback.question.how_going'),
      kind: satisfaction,
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === '1',
      warning: label('feedback.warning.lowRating'),
    },
    {
      id: 'message',
      label: label('feedback.question.message'),
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      urgentBox: true,
      warning: label('feedback.warning.urgent'),
    },
  ],
};

/** A question as asked of one pair: per-goal questions become one per goal. */
export interface AskedQuestion extends Question {
  /** The goal's title, for a per-goal question. */
  goalTitle?: string;
}

/**
 * The questions of a form for a pair with these goal titles (midpoint progress asks one per goal).
 * A goal given as undefined (dropped or changed) is not asked about; the others keep their place
 * in the pair's list ("goal_3" is the pair's third goal), which is how stored answers are read.
 */
export function questionsOf(point: FeedbackPoint, goalTitles: readonly (string | undefined)[]): AskedQuestion[] {
  return FORMS[point].flatMap((q): AskedQuestion[] =>
    q.perGoal
      ? goalTitles.flatMap((title, i) =>
          title === undefined ? [] : [{ ...q, id: `${q.id}_${i + 1}`, goalTitle: title }],
        )
      : [q],
  );
}

/** The question a stored answer id belongs to (per-goal ids "goal_2" → the "goal" question). */
export function questionById(point: FeedbackPoint, id: string): Question | undefined {
  return FORMS[point].find((q) => q.id === id || (q.perGoal && id.startsWith(`${q.id}_`)));
}

/** The label of a choice or scale value, as a person reads it (in the reader's language). */
export function answerLabel(q: Question, value: string): string {
  if (q.kind.type === 'choice') return q.kind.choices.find((c) => c.value === value)?.label() ?? value;
  return value;
}

export function isFeedbackPoint(v: unknown): v is FeedbackPoint {
  return typeof v === 'string' && (FEEDBACK_POINTS as readonly string[]).includes(v);
}
