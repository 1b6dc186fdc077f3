/**
 * The staff feature as other features use it: the buttons staff press to act on one pair
 * (open its status, message it, pause it), and the "message the pair" modal (the at-risk alert's
 * "Message both" opens it too). Who is staff is in access.ts (wired through AppDeps).
 */
export { StaffIds } from './ids';
export { pairActionsBlock } from './pair-actions';
export { messagePairModal } from './message-pair';
