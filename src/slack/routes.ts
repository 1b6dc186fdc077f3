import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { formOutdated } from './errors';
import { noticeModal } from './respond';
import type { AppDeps } from './deps';
import type { ButtonArgs, CommandArgs, EventArgs, ViewArgs } from './listener-args';

type Handler<A> = (args: A, deps: AppDeps) => Promise<void>;

/**
 * One entry of the routing table: what Slack sends (a slash command, a button's action_id, a
 * modal's callback_id, an event type), and its handler. Each builder below keeps the handler's
 * argument type exact, so the table needs no casts.
 */
export type Route =
  | { kind: 'command'; id: string; handle: Handler<CommandArgs> }
  | { kind: 'button'; id: string; handle: Handler<ButtonArgs> }
  | { kind: 'view'; id: string; handle: Handler<ViewArgs> }
  | { kind: 'event'; id: 'app_home_opened'; handle: Handler<EventArgs<'app_home_opened'>> };

/** A slash command ("/mentorship"). */
export const command = (name: string, handle: Handler<CommandArgs>): Route => ({ kind: 'command', id: name, handle });

/** A button (or any block action) by its action_id. */
export const button = (actionId: string, handle: Handler<ButtonArgs>): Route => ({
  kind: 'button',
  id: actionId,
  handle,
});

/** A modal's submission by its callback_id. */
export const view = (callbackId: string, handle: Handler<ViewArgs>): Route => ({
  kind: 'view',
  id: callbackId,
  handle,
});

/** An Events API event by its type. */
export const event = (type: 'app_home_opened', handle: Handler<EventArgs<'app_home_opened'>>): Route => ({
  kind: 'event',
  id: type,
  handle,
});

/** The routes of one kind, by id. */
function byId<K extends Route['kind']>(routes: readonly Route[], kind: K): Map<string, Extract<Route, { kind: K }>> {
  return new Map(
    routes.filter((r): r is Extract<Route, { kind: K }> => r.kind === kind).map((r) => [r.id, r] as const),
  );
}

/**
 * Registers the routing table with Bolt: one Bolt listener per kind of request, which finds the
 * handler by id. (Bolt runs the matchers of every listener on every request: with one listener per
 * button and modal, each request paid for some forty matchers before its ack.) A block action or a
 * submission the table does not know is answered at once: a link button's click is acknowledged;
 * a form of an older version is told it is out of date (nothing saved), and logged.
 */
export function registerRoutes(app: App, routes: readonly Route[], deps: AppDeps): void {
  for (const route of routes) {
    if (route.kind === 'command') app.command(route.id, (args) => route.handle(args, deps));
    if (route.kind === 'event') app.event(route.id, (args) => route.handle(args, deps));
  }
  const buttons = byId(routes, 'button');
  app.action<BlockButtonAction>({ type: 'block_actions' }, async (args) => {
    const route = buttons.get(args.action.action_id);
    if (route) return route.handle(args, deps);
    await args.ack();
    deps.logger.debug(`block action with no handler: ${args.action.action_id}`);
  });
  const views = byId(routes, 'view');
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => {
    const route = views.get(args.view.callback_id);
    if (route) return route.handle(args, deps);
    // Closing it would lose what was typed without a word: the window says so instead.
    await args.ack({ response_action: 'update', view: noticeModal(formOutdated()) });
    deps.logger.warn(`modal submission with no handler: ${args.view.callback_id}`);
  });
}

/** The ids of one kind of route, for the manifest check. */
export function idsOf(routes: readonly Route[], kind: Route['kind']): string[] {
  return routes.filter((r) => r.kind === kind).map((r) => r.id);
}
