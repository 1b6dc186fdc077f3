/** The local-context feature's public module: `/mentorship hours` (and its form, opened from App Home too) and `/mentorship daysoff`. */
export { LocalIds } from './ids';
export { handleViewHoursSubmit, localSubcommands, openHoursModal } from './listeners';
export { reslotPairsOf } from './reslot';
