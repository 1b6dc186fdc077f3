import { memberIds } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { describeError } from '../../slack/errors';
import type { ButtonArgs } from '../../slack/listener-args';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { answeringButton } from '../../slack/respond';
import { lineMessage } from './views';

/** A goal button's work, and its answer when it fails (ephemeral, or a small window on App Home). */
export function answerButton(args: ButtonArgs, deps: AppDeps, what: string, work: () => Promise<void>): Promise<void> {
  return answeringButton(args, deps.logger, what, work);
}

/** The team a button or modal came from. */
export const teamOf = (body: { team?: { id?: string } | null; user: { team_id?: string } }) =>
  body.team?.id ?? body.user.team_id ?? '';

/** After a stored change: one short line in the pair's channel, and the people's Home tabs refreshed. */
export async function announce(deps: AppDeps, pair: Pair, line: Mrkdwn, what: string): Promise<void> {
  const channel = pair.channel?.id;
  if (channel) {
    await deps.client.chat
      .postMessage({ channel, ...lineMessage(line) })
      .catch((err) => deps.logger.warn(`${what}: the line in the pair's channel failed: ${describeError(err)}`));
  }
  deps.refreshHome(pair.teamId, memberIds(pair));
}
