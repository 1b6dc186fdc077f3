import { context } from '../../slack/blocks';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { answering } from '../../slack/respond';
import { digestText as t } from './messages';
import { nextDigestPreview } from './preview';

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
    const { top, thread } = await nextDigestPreview(command.team_id, deps.clock.now(), deps.config);
    const shown = thread.slice(0, PREVIEW_PARTS);
    if (thread.length > shown.length) top.blocks.push(context(t.previewThreadNote(thread.length, shown.length)));
    await respond({ response_type: 'ephemeral', replace_original: false, ...top });
    for (const part of shown) await respond({ response_type: 'ephemeral', replace_original: false, ...part });
  });
}

export const digestSubcommands: Subcommand[] = [{ name: 'digest', handle: handleCommandDigest }];
