import type { App } from '@slack/bolt';
import { CheckinIds } from '../features/checkins/ids';
import { createCheckinHandlers } from '../features/checkins/listeners';
import { CommitmentIds } from '../features/commitments/ids';
import {
  handleActionDone,
  handleActionDrop,
  handleActionExtend,
  handleViewDrop,
  handleViewExtend,
} from '../features/commitments/listeners';
import { digestSubcommands } from '../features/digest';
import { FeedbackIds } from '../features/feedback';
import { createFeedbackListeners } from '../features/feedback/listeners';
import { goalsSubcommands } from '../features/goals/commands';
import { GoalIds } from '../features/goals/ids';
import {
  handleActionGoalAdd,
  handleActionGoalClose,
  handleActionGoalEdit,
  handleActionGoalUpdate,
  handleViewGoalAdd,
  handleViewGoalClose,
  handleViewGoalEdit,
  handleViewGoalUpdate,
} from '../features/goals/listeners';
import { HomeIds } from '../features/home/ids';
import {
  handleActionHomeChangeHours,
  handleActionHomeDigestPreview,
  handleActionHomePause,
  handleActionHomeResume,
  handleEventAppHomeOpened,
  handleViewHomePause,
} from '../features/home/listeners';
import { AtRiskIds } from '../features/nudges/at-risk-ids';
import {
  handleActionAtRiskHandled,
  handleActionAtRiskMessage,
  handleActionAtRiskStatus,
} from '../features/nudges/at-risk-listeners';
import { PairingIds } from '../features/pairing/ids';
import { handleActionRetrySetup, handleViewCreatePair, pairingSubcommands } from '../features/pairing/listeners';
import { text as pairingText } from '../features/pairing/messages';
import { PauseIds } from '../features/pause/ids';
import { handleActionPauseOffer, pauseSubcommands } from '../features/pause/listeners';
import { replaceNudgeAfterAnswer } from '../features/nudges/answered';
import {
  handleActionStaffMessage,
  handleActionStaffPause,
  handleActionStaffStatus,
  handleViewStaffPause,
} from '../features/staff/buttons';
import { staffSubcommands } from '../features/staff/commands';
import { handleViewHoursSubmit, LocalIds, localSubcommands } from '../features/local';
import { awaySubcommands } from '../features/away';
import { handleActionMeetPick, MeetIds, meetSubcommands } from '../features/meet';
import { handleViewEndPair } from '../features/staff/end-listeners';
import { StaffIds } from '../features/staff/ids';
import { pairActionsBlock } from '../features/staff/pair-actions';
import { handleViewMessagePair } from '../features/staff/message-pair';
import { withStaffTargets } from '../features/staff/pause-commands';
import { routeCommand } from './command-router';
import type { AppDeps } from './deps';
import { button, command, event, registerRoutes, type Route, view } from './routes';

export const SLASH_COMMAND = '/mentorship';

/** Feedback's early-warning alert carries the staff buttons (wired here, so feedback need not import staff). */
const feedback = createFeedbackListeners(pairActionsBlock);

const mentorship = routeCommand(
  [
    ...pairingSubcommands,
    ...withStaffTargets(pauseSubcommands),
    ...staffSubcommands,
    ...digestSubcommands,
    ...goalsSubcommands,
    ...feedback.feedbackSubcommands,
    ...localSubcommands,
    ...awaySubcommands,
    ...meetSubcommands,
  ],
  pairingText.usage,
  pairingText.unknownSubcommand,
);

/** An answer replaces the person's nudge DM (wired here, so check-ins need not know nudges). */
const checkins = createCheckinHandlers(replaceNudgeAfterAnswer);

/**
 * The routing table: every slash command, button, modal and event the app answers, each with its
 * handler. Registration and the manifest test both read it, so what is answered is what is declared.
 */
export const ROUTES: readonly Route[] = [
  command(SLASH_COMMAND, mentorship),
  button(PairingIds.retrySetupButton, handleActionRetrySetup),
  view(PairingIds.createModal, handleViewCreatePair),
  button(CheckinIds.replyButton, checkins.handleActionReplyButton),
  button(CheckinIds.didNotMeetButton, checkins.handleActionQuickAnswer),
  button(CheckinIds.skipButton, checkins.handleActionQuickAnswer),
  button(CheckinIds.addNextStepButton, checkins.handleActionAddNextStep),
  view(CheckinIds.replyModal, checkins.handleViewReplySubmit),
  button(PauseIds.offerOneWeekButton, handleActionPauseOffer),
  button(PauseIds.offerTwoWeeksButton, handleActionPauseOffer),
  button(PauseIds.offerFourWeeksButton, handleActionPauseOffer),
  button(CommitmentIds.doneButton, handleActionDone),
  button(CommitmentIds.extendButton, handleActionExtend),
  button(CommitmentIds.dropButton, handleActionDrop),
  view(CommitmentIds.extendModal, handleViewExtend),
  view(CommitmentIds.dropModal, handleViewDrop),
  button(GoalIds.addButton, handleActionGoalAdd),
  button(GoalIds.updateButton, handleActionGoalUpdate),
  button(GoalIds.closeButton, handleActionGoalClose),
  button(GoalIds.editButton, handleActionGoalEdit),
  view(GoalIds.addModal, handleViewGoalAdd),
  view(GoalIds.editModal, handleViewGoalEdit),
  view(GoalIds.updateModal, handleViewGoalUpdate),
  view(GoalIds.closeModal, handleViewGoalClose),
  button(AtRiskIds.statusButton, handleActionAtRiskStatus),
  button(AtRiskIds.messageButton, handleActionAtRiskMessage),
  button(AtRiskIds.handledButton, handleActionAtRiskHandled),
  view(AtRiskIds.messageModal, handleViewMessagePair),
  button(StaffIds.statusButton, handleActionStaffStatus),
  button(StaffIds.messageButton, handleActionStaffMessage),
  button(StaffIds.pauseButton, handleActionStaffPause),
  view(StaffIds.messageModal, handleViewMessagePair),
  view(StaffIds.pauseModal, handleViewStaffPause),
  view(StaffIds.endModal, handleViewEndPair),
  button(HomeIds.pauseButton, handleActionHomePause),
  button(HomeIds.resumeButton, handleActionHomeResume),
  button(HomeIds.digestPreviewButton, handleActionHomeDigestPreview),
  button(HomeIds.changeHoursButton, handleActionHomeChangeHours),
  view(HomeIds.pauseModal, handleViewHomePause),
  button(FeedbackIds.giveButton, feedback.handleActionGiveFeedback),
  view(FeedbackIds.formModal, feedback.handleViewFeedbackSubmit),
  view(LocalIds.hoursModal, handleViewHoursSubmit),
  button(MeetIds.pickButton, handleActionMeetPick),
  event('app_home_opened', handleEventAppHomeOpened),
];

export function registerListeners(app: App, deps: AppDeps): void {
  registerRoutes(app, ROUTES, deps);
}
