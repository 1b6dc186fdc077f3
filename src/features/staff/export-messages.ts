import { mrkdwn } from '../../slack/mrkdwn';

/** The sentences of `/mentorship export`. */
export const exportText = {
  usage: () =>
    'Say what to export: `/mentorship export pairs`, `/mentorship export checkins`, `/mentorship export commitments`, `/mentorship export outcomes` or `/mentorship export feedback`. The CSV file comes to you privately.',
  title: (kind: string, day: string) => `Mentorship ${kind}, ${day}`,
  comment: (kind: string) =>
    kind === 'checkins'
      ? mrkdwn`Your export of the check-ins, as a CSV file. :lock: It includes the staff-only notes (their column says so): do not share it with participants.`
      : mrkdwn`Your export of the ${kind}, as a CSV file.`,
  sent: (kind: string) => `:inbox_tray: The ${kind} export is in your DM with me, as a CSV file only you can see.`,
};
