/**
 * The feedback feature as other features use it (App Home): open requests and counts, the
 * "Give feedback" button, and whether feedback was given. Never the answers themselves.
 */
export type { FeedbackPoint } from './forms';
export { feedbackDueCountOfTeam, feedbackStateFor, openFeedbackRequestsFor } from './requests';
export { giveFeedbackButton } from './views';
export { FeedbackIds } from './ids';
export { staffFeedbackOfPair, staffFeedbackOfTeam, feedbackTotals, type StaffFeedbackRow } from './staff-reads';
export { staffFeedbackBlocks, totalsLines } from './views';
export { feedbackCsv } from './export';
export { feedbackDigestFacts } from './digest';
