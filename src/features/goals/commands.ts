import { inLanguage } from '../../i18n';
import { isMember } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import { channelOfToken } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { answering } from '../../slack/respond';
import { text } from './messages';
import { namesOf, pairNames } from './names';
import { outcomesOfTeam } from './outcomes';
import { goalsOf, pairOfChannel } from './service';
import { goalsMessage, MAX_OUTCOMES_SHOWN, outcomesMessage } from './views';

/** The pair the command is about, checked against the person: its channel, or (staff) the channel named. */
async function pairOfCommand(command: CommandArgs['command'], rest: string, deps: AppDeps): Promise<Pair> {
  const { team_id: teamId, user_id: userId } = command;
  const word = rest.trim();
  const channelId = word ? channelOfToken(word) : command.channel_id;
  if (!channelId)
    throw new UserFacingError((await deps.staff.isStaff(userId)) ? text.goalsUsage() : text.onlyStaffName());
  const pair = await pairOfChannel(teamId, channelId);
  if (!pair) {
    if (word) throw new UserFacingError(text.notAPairChannelNamed(channelId));
    throw new UserFacingError(
      (await deps.staff.isStaff(userId)) ? text.notAPairChannelStaff() : text.notAPairChannel(),
    );
  }
  if (!isMember(pair, userId) && !(await deps.staff.isStaff(userId))) throw new UserFacingError(text.notYours());
  return pair;
}

/**
 * `/mentorship goals`: in a pair's channel, posts the pair's goals there with their buttons (for
 * the mentor, the mentee and staff). Staff naming a pair from elsewhere see them privately.
 */
export async function handleCommandGoals({ ack, command, respond, client }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command goals', async () => {
    const pair = await pairOfCommand(command, rest, deps);
    const goals = goalsOf(pair);
    const names = await pairNames(
      client,
      pair,
      goals.map((g) => g.lastNote?.by ?? ''),
    );
    const shown = () => goalsMessage({ pairId: String(pair._id), goals, names });
    // Posted in the pair's channel, it is for both people: in the pair's language.
    if (pair.channel?.id && pair.channel.id === command.channel_id)
      await client.chat.postMessage({ channel: pair.channel.id, ...inLanguage(pair.language, shown) });
    else await respond({ response_type: 'ephemeral', ...shown() });
  });
}

/** `/mentorship outcomes`: the program's outcomes, newest first, privately, for staff. */
export async function handleCommandOutcomes(
  { ack, command, respond, client }: CommandArgs,
  _rest: string,
  deps: AppDeps,
) {
  await ack();
  await answering(respond, deps.logger, 'command outcomes', async () => {
    if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(text.staffOnly());
    const outcomes = await outcomesOfTeam(command.team_id);
    const shown = outcomes.slice(0, MAX_OUTCOMES_SHOWN);
    const pairs = await PairModel.find({
      teamId: command.team_id,
      _id: { $in: [...new Set(shown.map((o) => o.pairId))] },
    })
      .select({ channel: 1, mentor: 1, mentee: 1 })
      .lean<Pair[]>();
    const byId = new Map(pairs.map((p) => [String(p._id), p]));
    const names = await namesOf(client, command.team_id, [
      ...shown.map((o) => o.recordedBy),
      ...pairs.flatMap((p) => [p.mentor.userId, p.mentee.userId]),
    ]);
    const name = (id: string) => names.get(id) ?? id;
    const rows = outcomes.map((o) => {
      const p = byId.get(o.pairId);
      return {
        ...o,
        channelId: p?.channel?.id ?? undefined,
        pairLabel: p ? text.pairLabel(name(p.mentor.userId), name(p.mentee.userId)) : o.pairId,
        recordedByName: name(o.recordedBy),
      };
    });
    await respond({ response_type: 'ephemeral', ...outcomesMessage(rows) });
  });
}

/** The goals feature's subcommands of `/mentorship`. */
export const goalsSubcommands: Subcommand[] = [
  { name: 'goals', handle: handleCommandGoals },
  { name: 'outcomes', handle: handleCommandOutcomes },
];
