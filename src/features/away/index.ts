/** Time away (`/mentorship away`): a person's leave, travel or poor connectivity, a day off for scheduling. */
export { awaySubcommands } from './listeners';
