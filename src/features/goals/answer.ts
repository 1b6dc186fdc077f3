import { isDatabaseUnavailable } from '../../db/connection';
import { memberIds } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { APOLOGY, DATABASE_DOWN, UserFacingError, describeError } from '../../slack/errors';
import type { ButtonArgs } from '../../slack/listener-args';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';
import { lineMessage, noticeModal } from './views';

/**
 * A goal button's work, and its answer when it fails: ephemeral where the button was in a message;
 * on App Home (no response_url) a small modal with the sentence.
 */
export async function answerButton(
  args: ButtonArgs,
  deps: AppDeps,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  if (args.respond && args.body.response_url) return answering(args.respond, deps.logger, what, work);
  try {
    await work();
  } catch (err) {
    const sentence =
      err instanceof UserFacingError ? err.userMessage : isDatabaseUnavailable(err) ? DATABASE_DOWN : APOLOGY;
    if (!(err instanceof UserFacingError)) deps.logger.error(`${what} failed: ${describeError(err)}`);
    await args.client.views
      .open({ trigger_id: args.body.trigger_id, view: noticeModal(sentence) })
      .catch((e) => deps.logger.error(`${what}: could not tell the user: ${describeError(e)}`));
  }
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
