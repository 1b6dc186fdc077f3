import type { App } from '@slack/bolt';
import { CheckinIds } from '../features/checkins/ids';
import { handleActionReplyButton, handleViewReplySubmit } from '../features/checkins/listeners';
import { CommitmentIds } from '../features/commitments/ids';
import {
  handleActionDone,
  handleActionDrop,
  handleActionExtend,
  handleViewDrop,
  handleViewExtend,
} from '../features/commitments/listeners';
import { handleEventAppHomeOpened } from '../features/home/listeners';
import { PairingIds } from '../features/pairing/ids';
import { handleActionRetrySetup, handleViewCreatePair, pairingSubcommands } from '../features/pairing/listeners';
import { text as pairingText } from '../features/pairing/messages';
import { PauseIds } from '../features/pause/ids';
import { handleActionPauseOffer, pauseSubcommands } from '../features/pause/listeners';
import { routeCommand } from './command-router';
import type { AppDeps } from './deps';

export const SLASH_COMMAND = '/mentorship';

/**
 * The routing table: every slash command, button, modal and event the app answers.
 * The manifest test reads these lists, so what is registered here is what the manifest declares.
 */
export const ROUTES = {
  commands: [SLASH_COMMAND],
  actions: [
    PairingIds.retrySetupButton,
    CheckinIds.replyButton,
    PauseIds.offerOneWeekButton,
    PauseIds.offerTwoWeeksButton,
    PauseIds.offerFourWeeksButton,
    CommitmentIds.doneButton,
    CommitmentIds.extendButton,
    CommitmentIds.dropButton,
  ],
  views: [PairingIds.createModal, CheckinIds.replyModal, CommitmentIds.extendModal, CommitmentIds.dropModal],
  events: ['app_home_opened'],
} as const;

export function registerListeners(app: App, deps: AppDeps): void {
  const mentorship = routeCommand(
    [...pairingSubcommands, ...pauseSubcommands],
    pairingText.usage,
    pairingText.unknownSubcommand,
  );
  app.command(SLASH_COMMAND, (args) => mentorship(args, deps));
  app.action(PairingIds.retrySetupButton, (args) => handleActionRetrySetup(args as never, deps));
  app.view(PairingIds.createModal, (args) => handleViewCreatePair(args as never, deps));
  app.action(CheckinIds.replyButton, (args) => handleActionReplyButton(args as never, deps));
  app.view(CheckinIds.replyModal, (args) => handleViewReplySubmit(args as never, deps));
  app.action(PauseIds.offerOneWeekButton, (args) => handleActionPauseOffer(args as never, deps));
  app.action(PauseIds.offerTwoWeeksButton, (args) => handleActionPauseOffer(args as never, deps));
  app.action(PauseIds.offerFourWeeksButton, (args) => handleActionPauseOffer(args as never, deps));
  app.action(CommitmentIds.doneButton, (args) => handleActionDone(args as never, deps));
  app.action(CommitmentIds.extendButton, (args) => handleActionExtend(args as never, deps));
  app.action(CommitmentIds.dropButton, (args) => handleActionDrop(args as never, deps));
  app.view(CommitmentIds.extendModal, (args) => handleViewExtend(args as never, deps));
  app.view(CommitmentIds.dropModal, (args) => handleViewDrop(args as never, deps));
  app.event('app_home_opened', (args) => handleEventAppHomeOpened(args, deps));
}
