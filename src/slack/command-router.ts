import type { AppDeps } from './deps';

import type { CommandArgs } from './listener-args';

export type { CommandArgs };

/** One `/mentorship <name> …` subcommand; `rest` is the text after the name. */
export interface Subcommand {
  name: string;
  handle(args: CommandArgs, rest: string, deps: AppDeps): Promise<void>;
}

/** Splits "/mentorship pair <@U1> <@U2>" into the subcommand and the rest, and dispatches. */
export function routeCommand(subcommands: Subcommand[], usage: () => string, unknown: (given: string) => string) {
  return async (args: CommandArgs, deps: AppDeps): Promise<void> => {
    const trimmed = args.command.text.trim();
    const [first = '', ...restWords] = trimmed.split(/\s+/);
    const name = first.toLowerCase();
    const sub = subcommands.find((s) => s.name === name);
    if (!sub) {
      const prefix = name && name !== 'help' ? `${unknown(first)}\n\n` : '';
      await args.ack({ response_type: 'ephemeral', text: `${prefix}${usage()}` });
      return;
    }
    await sub.handle(args, restWords.join(' '), deps);
  };
}

/** The channel ID of a channel as Slack sends it in command text (should_escape): `<#C123|name>`. */
export function channelOfToken(word: string): string | undefined {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1];
}
