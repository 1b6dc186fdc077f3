import { context } from '../../slack/blocks';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { answering } from '../../slack/respond';
import { buildDigest } from './facts';
import { digestSchedule } from './jobs';
import { digestText as t } from './messages';
import { nextDigestSlot } from './schedule';
import { digestThreadMessages } from './thread-views';
import { digestTopMessage } from './views';

/** A response_url takes five messages: the top one and at most this many of the thread. */
const PREVIEW_PARTS = 3;

/**
 * `/mentorship digest`: the digest that would go out next, privately to the staff member who
 * asks (any time; nothing is stored, so the weekly one still compares with last week's).
 */
export async function handleCommandDigest({ ack, command, respond }: CommandArgs, _rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command digest', async () => {
    if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(t.staffOnly());
    const now = deps.clock.now();
    const next = nextDigestSlot(now, digestSchedule(deps.config));
    const facts = await buildDigest(command.team_id, now, {
      timeZone: deps.config.programTimeZone,
      weekKey: next.day,
    });
    const top = digestTopMessage(facts, { preview: { channelConfigured: Boolean(deps.config.staff.channelId) } });
    const thread = digestThreadMessages(facts);
    const shown = thread.slice(0, PREVIEW_PARTS);
    if (thread.length > shown.length) top.blocks.push(context(t.previewThreadNote(thread.length, shown.length)));
    await respond({ response_type: 'ephemeral', replace_original: false, ...top });
    for (const part of shown) await respond({ response_type: 'ephemeral', replace_original: false, ...part });
  });
}

export const digestSubcommands: Subcommand[] = [{ name: 'digest', handle: handleCommandDigest }];
