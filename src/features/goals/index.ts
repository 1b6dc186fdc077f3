/**
 * The goals feature as other features use it: outcomes (record, read), the goal buttons for any
 * surface (App Home), and how a goal's status reads. The model, modals and listeners are the
 * feature's own business.
 */
export {
  recordOutcome,
  outcomesOfPairs,
  outcomesOfTeam,
  type OutcomeInput,
  type OutcomeRow,
} from './outcomes';
export { OUTCOME_LIMITS, type OutcomeSource } from './model';
export { addGoalButton, goalActionButtons } from './buttons';
export { GoalIds } from './ids';
export {
  GOAL_STATUSES,
  GOAL_STATUS_LABELS,
  goalStatusLabel,
  goalStatusOf,
  isLiveGoal,
  type GoalStatus,
} from '../../pairs/goal-status';
export { recordGoalProgressFromReply, type GoalProgressInput, type ProgressSource } from './progress';
