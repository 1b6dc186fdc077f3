import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { answering } from '../../slack/respond';
import { usage } from './messages';
import { handleCommandEnd } from './end-listeners';
import { handleCommandExport } from './export';
import { handleCommandReassign } from './reassign';
import { pairStatusOf } from './status';
import { pairStatusMessage } from './status-view';
import { findTargetPair, requireStaff, splitTarget } from './target';

/** `/mentorship status <pair>`: the pair's status, privately, for staff (staff-only notes included). */
export async function handleCommandStatus({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command status', async () => {
    await requireStaff(command.user_id, deps);
    const { target } = splitTarget(rest, usage.status());
    const pair = await findTargetPair(command.team_id, target);
    const status = await pairStatusOf(pair, deps.clock.now(), command.user_id);
    await respond({ response_type: 'ephemeral', ...pairStatusMessage(status) });
  });
}

/** The staff subcommands of `/mentorship` (pause and resume are the pause feature's, see withStaffTargets). */
export const staffSubcommands: Subcommand[] = [
  { name: 'status', handle: handleCommandStatus },
  { name: 'end', handle: handleCommandEnd },
  { name: 'reassign', handle: handleCommandReassign },
  { name: 'export', handle: handleCommandExport },
];
