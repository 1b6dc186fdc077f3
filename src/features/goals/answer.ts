import { inLanguage } from '../../i18n';
import { memberIds } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import type { AppDeps } from '../../slack/deps';
import { describeError } from '../../slack/errors';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { lineMessage } from './views';

/** The team a button or modal came from. */
export const teamOf = (body: { team?: { id?: string } | null; user: { team_id?: string } }) =>
  body.team?.id ?? body.user.team_id ?? '';

/**
 * After a stored change: one short line in the pair's channel, written in the pair's language
 * (`line` is called in it), and the people's Home tabs refreshed.
 */
export async function announce(deps: AppDeps, pair: Pair, line: () => Mrkdwn, what: string): Promise<void> {
  const channel = pair.channel?.id;
  if (channel) {
    await deps.client.chat
      .postMessage({ channel, ...inLanguage(pair.language, () => lineMessage(line())) })
      .catch((err) => deps.logger.warn(`${what}: the line in the pair's channel failed: ${describeError(err)}`));
  }
  deps.refreshHome(pair.teamId, memberIds(pair));
}
