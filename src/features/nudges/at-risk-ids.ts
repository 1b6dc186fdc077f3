import { StaffIds } from '../staff';

/** Every callback_id, block_id and action_id of the at-risk alert to staff. */
export const AtRiskIds = {
  /** Buttons on the alert; their value is the alert's outbox key ("atrisk:<pair>:<episode>"). */
  statusButton: 'nudges.at_risk_status',
  messageButton: 'nudges.at_risk_message',
  handledButton: 'nudges.at_risk_handled',
  /** "Message both": the staff feature's "Message the pair" modal; its private_metadata is JSON { key }. */
  messageModal: 'nudges.at_risk_message_modal',
  inputAction: StaffIds.inputAction,
  block: {
    messageText: StaffIds.block.messageText,
  },
} as const;

/** The pair id in an alert key "atrisk:<pair>:<episode>". */
export function pairIdOfAlertKey(key: string): string | undefined {
  const m = /^atrisk:([0-9a-f]{24}):/.exec(key);
  return m ? m[1] : undefined;
}
