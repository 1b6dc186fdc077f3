/**
 * Every sentence of the staff commands and buttons. Names, goals, reasons and notes are typed
 * text: the `mrkdwn` tag escapes them.
 */
export const staffText = {
  statusButton: () => 'Pair status',
  messageButton: () => 'Message the pair',
  pauseButton: () => 'Pause',
  staffOnly: () => 'Sorry, only program staff can do that.',
  pairGone: () => 'That pair no longer exists.',
};
