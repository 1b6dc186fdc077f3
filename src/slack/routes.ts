import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { AppDeps } from './deps';
import type { ButtonArgs, CommandArgs, EventArgs, ViewArgs } from './listener-args';

/**
 * One entry of the routing table: what Slack sends (a slash command, a button's action_id, a
 * modal's callback_id, an event type), and how it reaches its handler. Each builder below keeps
 * the handler's argument type exact, so the table needs no casts.
 */
export interface Route {
  kind: 'command' | 'button' | 'view' | 'event';
  /** The command ("/mentorship"), action_id, callback_id or event type. */
  id: string;
  register(app: App, deps: AppDeps): void;
}

type Handler<A> = (args: A, deps: AppDeps) => Promise<void>;

export const command = (name: string, handler: Handler<CommandArgs>): Route => ({
  kind: 'command',
  id: name,
  register: (app, deps) => app.command(name, (args) => handler(args, deps)),
});

export const button = (actionId: string, handler: Handler<ButtonArgs>): Route => ({
  kind: 'button',
  id: actionId,
  register: (app, deps) =>
    app.action<BlockButtonAction>({ type: 'block_actions', action_id: actionId }, (args) => handler(args, deps)),
});

export const view = (callbackId: string, handler: Handler<ViewArgs>): Route => ({
  kind: 'view',
  id: callbackId,
  register: (app, deps) =>
    app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: callbackId }, (args) => handler(args, deps)),
});

export const event = <E extends 'app_home_opened'>(type: E, handler: Handler<EventArgs<E>>): Route => ({
  kind: 'event',
  id: type,
  register: (app, deps) => app.event(type, (args) => handler(args, deps)),
});

/** The ids of one kind of route, for the manifest check. */
export function idsOf(routes: readonly Route[], kind: Route['kind']): string[] {
  return routes.filter((r) => r.kind === kind).map((r) => r.id);
}
