/**
 * The staff feature as other features use it: the buttons staff press to act on one pair
 * (open its status, message it, pause it), and the status and "message the pair" modals (the
 * at-risk alert's **Pair status** and **Message both** open them too). Who is staff is in access.ts (wired through AppDeps).
 */
export { StaffIds } from './ids';
export { pairActionsBlock } from './pair-actions';
export { messagePairModal } from './message-pair';
export { pairStatusModalOf } from './status';
export { requireStaff } from './target';
export { healthLabel } from './messages';
