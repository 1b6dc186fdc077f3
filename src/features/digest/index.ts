/**
 * The weekly digest as the app's tables use it: the `digest` job (job-table.ts) and the
 * `/mentorship digest` preview (listeners.ts). Facts, views, the snapshot model and the uploads
 * are the feature's own business.
 */
export { runDigestJob } from './jobs';
export { digestSubcommands } from './listeners';
export { digestPreviewBlocks } from './preview';
