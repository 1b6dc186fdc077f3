/** The local-context feature's public module: `/mentorship hours` and `/mentorship daysoff`. */
export { LocalIds } from './ids';
export { handleViewHoursSubmit, localSubcommands } from './listeners';
export { reslotPairsOf } from './reslot';
