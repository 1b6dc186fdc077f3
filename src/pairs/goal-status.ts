import { t } from '../i18n';

/**
 * A goal's status, read the same way everywhere (pair channel, App Home, staff status, digest,
 * exports). Goals stored before goals had a lifecycle carry 'open': that reads as not started, or
 * in progress once a progress note is on record, with no migration.
 */

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'changed', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** What may be stored: the five, and 'open' from before. */
export const STORED_GOAL_STATUSES = [...GOAL_STATUSES, 'open'] as const;

/** The statuses of a goal that is still being worked on (counts towards MAX_GOALS). */
export const LIVE_GOAL_STATUSES: readonly GoalStatus[] = ['not_started', 'in_progress'];
/** The statuses that close a goal. */
export const CLOSED_GOAL_STATUSES = ['achieved', 'changed', 'dropped'] as const;
export type ClosedGoalStatus = (typeof CLOSED_GOAL_STATUSES)[number];

/**
 * Short lower-case labels: "(not started)", "marked … achieved", in the reader's language. Each
 * is read when it is used (`GOAL_STATUS_LABELS[status]`), never frozen in English at import.
 */
export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  get not_started() {
    return t('goalStatus.not_started');
  },
  get in_progress() {
    return t('goalStatus.in_progress');
  },
  get achieved() {
    return t('goalStatus.achieved');
  },
  get changed() {
    return t('goalStatus.changed');
  },
  get dropped() {
    return t('goalStatus.dropped');
  },
};

export interface GoalStatusFields {
  status?: string | null;
  /** How many progress notes the goal has (kept on the goal; the notes are in their own collection). */
  noteCount?: number | null;
}

/** The goal's status as people see it. */
export function goalStatusOf(goal: GoalStatusFields): GoalStatus {
  const s = goal.status;
  if (s && (GOAL_STATUSES as readonly string[]).includes(s)) return s as GoalStatus;
  // 'open' (or nothing): stored before the lifecycle.
  return (goal.noteCount ?? 0) > 0 ? 'in_progress' : 'not_started';
}

/** True while the goal is being worked on (not achieved, changed or dropped). */
export function isLiveGoal(goal: GoalStatusFields): boolean {
  return LIVE_GOAL_STATUSES.includes(goalStatusOf(goal));
}

/** The goal's label: "not started", "achieved", … */
export function goalStatusLabel(goal: GoalStatusFields): string {
  return GOAL_STATUS_LABELS[goalStatusOf(goal)];
}

/** Limits of a goal's parts beyond its title and success criteria (those are in limits.ts). */
export const GOAL_LIMITS = {
  milestoneTitle: 150,
  /** At most this many milestones per goal. */
  milestones: 5,
  note: 1000,
  closeWhat: 1000,
  /** Goals kept on a pair, closed ones included (MAX_GOALS of them live). */
  stored: 20,
} as const;
