/*
 * Every sentence the goals feature shows people, in one place, built from parameters. Sentences
 * for messages are `Mrkdwn`: goal titles, notes and stories are typed text, escaped by the
 * `mrkdwn` tag. Modal titles, labels, buttons and field errors are plain text, shown as typed.
 */
export const text = {
  updateButton: () => 'Update',
  closeButton: () => 'Close',
  editButton: () => 'Edit',
  addButton: () => 'Add a goal',

  pairGone: () => 'That mentorship no longer exists.',
  goalGone: () => 'That goal no longer exists.',
  notYours: () => 'Only the mentor, the mentee or program staff can change this mentorship’s goals.',
  outcomeStoryMissing: () => 'Say what changed.',
  saveFailedModal: () =>
    "We couldn't save this just now (the database is unreachable). Nothing is lost: press the button again in a minute.",
};
