/**
 * The staff feature as other features use it: the buttons staff press to act on one pair
 * (open its status, message it, pause it). Who is staff is in access.ts (wired through AppDeps).
 */
export { pairActionsBlock } from './pair-actions';
