import { PairModel, type Pair } from '../../pairs/model';
import { ParticipantModel, type Participant } from '../../pairs/participants-model';
import type { WebClient } from '@slack/web-api';
import { dmChannelOf, shareFile } from '../../slack/files';
import { feedbackCsv, staffFeedbackOfTeam } from '../feedback';
import { exportText as t } from './export-messages';

/**
 * `/mentorship export feedback` (staff only, checked by the caller): the feedback answers staff may
 * read one by one (shared and staff only), as a CSV in the staff member's DM with the bot. Answers
 * counted only in totals are not in it.
 */
export async function shareFeedbackExport(client: WebClient, teamId: string, userId: string, now: Date): Promise<void> {
  const pairs = await PairModel.find({ teamId }).lean<Pair[]>();
  const [people, rows] = await Promise.all([
    ParticipantModel.find({ teamId }).lean<Participant[]>(),
    staffFeedbackOfTeam(teamId, pairs, userId),
  ]);
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const channels = new Map(pairs.map((p) => [String(p._id), p.channel?.name ? `#${p.channel.name}` : String(p._id)]));
  const day = now.toISOString().slice(0, 10);
  await shareFile(client, {
    channelId: await dmChannelOf(client, userId),
    filename: `mentorship-feedback-${day}.csv`,
    title: t.title('feedback', day),
    content: feedbackCsv(rows, names, channels),
    comment: t.comment('feedback'),
  });
}
