import type { App } from '@slack/bolt';
import { handleEventAppHomeOpened } from '../features/home/listeners';
import { PairingIds } from '../features/pairing/ids';
import { handleActionRetrySetup, handleViewCreatePair, pairingSubcommands } from '../features/pairing/listeners';
import { text as pairingText } from '../features/pairing/messages';
import { routeCommand } from './command-router';
import type { AppDeps } from './deps';

export const SLASH_COMMAND = '/mentorship';

/**
 * The routing table: every slash command, button, modal and event the app answers.
 * The manifest test reads these lists, so what is registered here is what the manifest declares.
 */
export const ROUTES = {
  commands: [SLASH_COMMAND],
  actions: [PairingIds.retrySetupButton],
  views: [PairingIds.createModal],
  events: ['app_home_opened'],
} as const;

export function registerListeners(app: App, deps: AppDeps): void {
  const mentorship = routeCommand([...pairingSubcommands], pairingText.usage, pairingText.unknownSubcommand);
  app.command(SLASH_COMMAND, (args) => mentorship(args, deps));
  app.action(PairingIds.retrySetupButton, (args) => handleActionRetrySetup(args as never, deps));
  app.view(PairingIds.createModal, (args) => handleViewCreatePair(args as never, deps));
  app.event('app_home_opened', (args) => handleEventAppHomeOpened(args, deps));
}
