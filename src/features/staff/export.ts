import { PairModel, type Pair } from '../../pairs/model';
import { ParticipantModel, type Participant } from '../../pairs/participants-model';
import type { CommandArgs } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { dmChannelOf, shareFile } from '../../slack/files';
import { answering } from '../../slack/respond';
import { checkinsOfTeam, repliesOfTeam } from '../checkins';
import { commitmentsOfTeam } from '../commitments';
import { outcomesOfTeam } from '../goals';
import { healthOfPairs } from '../health';
import { EXPORT_KINDS, EXPORTS, type ExportData, type ExportKind } from './export-csv';
import { exportText as t } from './export-messages';
import { shareFeedbackExport } from './export-feedback';
import { requireStaff } from './target';

/** What one export reads: one query per collection it needs (FerretDB scans on every non-_id query). */
async function readExport(teamId: string, kind: ExportKind, now: Date, viewerId: string): Promise<ExportData> {
  const pairs = await PairModel.find({ teamId }).sort({ createdAt: 1 }).lean<Pair[]>();
  const [people, health, checkins, replies, commitments, outcomes] = await Promise.all([
    ParticipantModel.find({ teamId }).lean<Participant[]>(),
    kind === 'pairs' ? healthOfPairs(pairs, now) : Promise.resolve(new Map()),
    kind === 'checkins' ? checkinsOfTeam(teamId) : Promise.resolve([]),
    kind === 'checkins' ? repliesOfTeam(teamId) : Promise.resolve([]),
    kind === 'commitments' ? commitmentsOfTeam(teamId) : Promise.resolve([]),
    kind === 'outcomes' ? outcomesOfTeam(teamId) : Promise.resolve([]),
  ]);
  const names = new Map(people.map((p) => [p.userId, p.name]));
  return { pairs, names, health, checkins, replies, commitments, outcomes, viewerId };
}

/**
 * `/mentorship export pairs|checkins|commitments|outcomes`: a CSV file shared privately with the staff
 * member, in their DM with the bot (the check-ins export holds the staff-only notes).
 */
export async function handleCommandExport({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command export', async () => {
    await requireStaff(command.user_id, deps);
    const kind = rest.trim().toLowerCase() as ExportKind;
    if ((kind as string) === 'feedback') {
      await shareFeedbackExport(deps.client, command.team_id, command.user_id, deps.clock.now());
      await respond({ response_type: 'ephemeral', text: t.sent('feedback') });
      return;
    }
    if (!EXPORT_KINDS.includes(kind)) throw new UserFacingError(t.usage());
    const now = deps.clock.now();
    const content = EXPORTS[kind](await readExport(command.team_id, kind, now, command.user_id));
    const day = now.toISOString().slice(0, 10);
    const channelId = await dmChannelOf(deps.client, command.user_id);
    await shareFile(deps.client, {
      channelId,
      filename: `mentorship-${kind}-${day}.csv`,
      title: t.title(kind, day),
      content,
      comment: t.comment(kind),
    });
    await respond({ response_type: 'ephemeral', text: t.sent(kind) });
  });
}
