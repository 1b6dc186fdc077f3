/**
 * The commitments feature as other features use it. Anything not exported here (the model, the
 * reminder job, the buttons) is the feature's own business.
 */
export type { Commitment } from './model';
export {
  nextStepsOfReply,
  openCommitments,
  overdueCommitments,
  recordNextStepsFromReply,
  type NextStepInput,
  type NextStepSource,
} from './next-steps';
export {
  openCommitmentsOfPairs,
  overdueCommitmentsOfPairs,
  type OpenCommitmentRow,
  type OverdueRow,
} from './pairs-batch';
export { commitmentsOfTeam } from './staff-reads';
export { digestCommitmentsOfTeam, type DigestCommitmentRow } from './digest-reads';
