/**
 * The feedback forms as data: each question, its possible answers, and who may see the answer.
 * Pure (no Slack, no database): views.ts draws them, service.ts checks answers against them.
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

export interface Choice {
  value: string;
  label: string;
}

export type QuestionKind =
  | { type: 'choice'; choices: readonly Choice[] }
  | { type: 'scale'; min: number; max: number; lowLabel: string; highLabel: string }
  | { type: 'text'; maxLength: number };

export interface Question {
  id: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  /** The visibilities the person may choose (the first offered is not the default: see `defaultVisibility`). */
  visibilities: readonly Visibility[];
  defaultVisibility: Visibility;
  /** When the answer alerts staff at once (if they may see it). */
  warnsWhen?: (value: string) => boolean;
  /** Shown under the question: what a warning answer does. */
  warning?: string;
  /** A "this is urgent" checkbox goes with it (a concern). */
  urgentBox?: boolean;
  /** One question per goal of the pair (midpoint progress): `id` is suffixed with the goal's index. */
  perGoal?: boolean;
}

const ALL: readonly Visibility[] = VISIBILITIES;
const TEXT = { type: 'text', maxLength: 1000 } as const;
const YES_PARTLY_NO: readonly Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'no', label: 'No' },
];
const satisfaction = { type: 'scale', min: 1, max: 5, lowLabel: 'very unhappy', highLabel: 'very happy' } as const;
const WARN_TOLD =
  "If you answer this, staff are told at once so they can help, unless you choose 'counted only in totals'.";

export const FORMS: Record<FeedbackPoint, readonly Question[]> = {
  one_month: [
    {
      id: 'fit',
      label: 'Is the match a good fit?',
      kind: {
        type: 'choice',
        choices: [
          { value: 'good', label: 'Good fit' },
          { value: 'deciding', label: 'Still deciding' },
          { value: 'not_a_fit', label: 'Not a good fit' },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === 'not_a_fit',
      warning: `"Not a good fit": ${WARN_TOLD}`,
    },
    {
      id: 'satisfaction',
      label: 'How satisfied are you so far? (1–5)',
      kind: satisfaction,
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === '1',
      warning: `1: ${WARN_TOLD}`,
    },
    {
      id: 'meeting',
      label: 'Are you meeting as often as you agreed?',
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'less', label: 'Less often' },
          { value: 'no', label: 'Not meeting' },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'goals_clear',
      label: 'Are the goals clear?',
      kind: { type: 'choice', choices: YES_PARTLY_NO },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'partner_commitment',
      label: 'How committed is your partner? (1–5)',
      kind: { type: 'scale', min: 1, max: 5, lowLabel: 'not at all', highLabel: 'fully' },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
    {
      id: 'concern',
      label: 'Any concern?',
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      urgentBox: true,
      warning: `Marked urgent: ${WARN_TOLD}`,
    },
  ],
  midpoint: [
    {
      id: 'goal',
      label: 'Progress on this goal',
      kind: {
        type: 'choice',
        choices: [
          { value: 'not_started', label: 'Not started' },
          { value: 'some', label: 'Some' },
          { value: 'substantial', label: 'Substantial' },
          { value: 'done', label: 'Done' },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
      perGoal: true,
    },
    {
      id: 'not_worked',
      label: 'A suggestion that did not work, and why',
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'do_more',
      label: 'What could the other person do more of?',
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'context_understood',
      label: "Is each side's local context understood?",
      kind: { type: 'choice', choices: YES_PARTLY_NO },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'change',
      label: 'What should change?',
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
  ],
  end: [
    {
      id: 'goals_met',
      label: 'Were the goals met, against what was agreed?',
      kind: {
        type: 'choice',
        choices: [
          { value: 'all', label: 'All of them' },
          { value: 'most', label: 'Most' },
          { value: 'some', label: 'Some' },
          { value: 'none', label: 'None' },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'concrete_change',
      label: "The concrete change in the mentee's organisation",
      kind: TEXT,
      required: false,
      // An outcome is a story to read: "counted only in totals" would make it one no one may read.
      visibilities: ['shared', 'staff_only'],
      defaultVisibility: 'shared',
      warning: 'If shared, it is also recorded as an outcome of your mentorship, which your partner and staff see.',
    },
    {
      id: 'recommend',
      label: 'How likely are you to recommend the program? (0–10)',
      kind: { type: 'scale', min: 0, max: 10, lowLabel: 'not at all', highLabel: 'certainly' },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
    },
    {
      id: 'keep_in_touch',
      label: 'Will you keep in touch?',
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'maybe', label: 'Maybe' },
          { value: 'no', label: 'No' },
        ],
      },
      required: true,
      visibilities: ALL,
      defaultVisibility: 'shared',
    },
    {
      id: 'quote',
      label: 'May the program quote you (with your name)?',
      kind: {
        type: 'choice',
        choices: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
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
      label: 'How is it going? (1–5)',
      kind: satisfaction,
      required: true,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      warnsWhen: (v) => v === '1',
      warning: `1: ${WARN_TOLD}`,
    },
    {
      id: 'message',
      label: 'Anything to tell staff or your partner?',
      kind: TEXT,
      required: false,
      visibilities: ALL,
      defaultVisibility: 'staff_only',
      urgentBox: true,
      warning: `Marked urgent: ${WARN_TOLD}`,
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

/** The label of a choice or scale value, as a person reads it. */
export function answerLabel(q: Question, value: string): string {
  if (q.kind.type === 'choice') return q.kind.choices.find((c) => c.value === value)?.label ?? value;
  return value;
}

export function isFeedbackPoint(v: unknown): v is FeedbackPoint {
  return typeof v === 'string' && (FEEDBACK_POINTS as readonly string[]).includes(v);
}
