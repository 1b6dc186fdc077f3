/**
 * The check-ins feature as other features use it. The models, the reply form and the jobs are
 * the feature's own business.
 */
export type { Checkin, CheckinReply } from './model';
export { repliedByOf } from './model';
export { findCheckin, laterCheckinPosted, postedCheckinsUpTo } from './queries';
export {
  olderRepliesOfPairs,
  postedCheckinsOfPairs,
  repliesOfPairs,
  type PostedCheckinRow,
  type ReplyRow,
} from './pairs-batch';
export { checkinReplyButton } from './reply-button';
export { answerButtons as checkinAnswerButtons } from './prompt-view';
export type { AnswerListener } from './listeners';
export type { PromptPostedListener } from './prompt';
export { checkinsOfTeam, repliesOfTeam, repliesToCheckins } from './staff-reads';
export {
  digestCheckinsOfTeam,
  digestRepliesOfTeam,
  type DigestCheckinRow,
  type DigestReplyRow,
} from './digest-reads';
