/**
 * The check-ins feature as other features use it. The models, the reply form and the jobs are
 * the feature's own business.
 */
export type { Checkin } from './model';
export { repliedByOf } from './model';
export { findCheckin, laterCheckinPosted, postedCheckinsUpTo } from './queries';
export { checkinReplyButton } from './reply-button';
export type { PromptPostedListener } from './prompt';
