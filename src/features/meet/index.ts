/** Meeting times (`/mentorship meet`): three times fair to both people of a pair, picked with buttons. */
export { MeetIds } from './ids';
export { handleActionMeetPick, meetSubcommands } from './listeners';
export { meetingReminderHandler } from './reminder';
export { proposeSlots } from './slots';
