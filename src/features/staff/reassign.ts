import { inLanguage } from '../../i18n';
import { mayPing } from '../../lib/working-time';
import { languageOfNewParticipant } from '../../pairs/language';
import { liveKeyFor, PairModel, type Pair } from '../../pairs/model';
import type { Role } from '../../pairs/membership';
import { reslotFor } from '../../pairs/checkin-times';
import { byRole, participantsOf, toPerson, upsertParticipant } from '../../pairs/participants';
import type { CommandArgs } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { describeError, slackErrorCode, UserFacingError } from '../../slack/errors';
import { mention, type Mrkdwn, mrkdwn } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';
import { fetchSlackUser } from '../../slack/users';
import { firstToChange } from './once';
import { type ReassignStep, reassignText as t } from './reassign-messages';
import { findPairById, findTargetPair, parseTarget, requireStaff, splitTarget } from './target';

interface Reassignment {
  at?: Date | null;
  by?: string | null;
  role?: string | null;
  from?: string | null;
  to?: string | null;
  removeOld?: boolean | null;
  invitedAt?: Date | null;
  removedAt?: Date | null;
  toldAt?: Date | null;
}
const changesOf = (pair: Pair): Reassignment[] => (pair.reassignments ?? []) as Reassignment[];

/**
 * `/mentorship reassign <pair> mentor|mentee @new [remove]`: the new person takes one side of the
 * pair. The pair is written first (the side, its liveKey, a reassignment record); goals, check-ins
 * and commitments stay. Then, each step recorded when done: the new person is invited, the old one
 * removed from the channel if asked, and the channel told. A Slack failure says so; the same
 * command again finishes the steps left, and does nothing twice.
 */
export async function handleCommandReassign({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command reassign', async () => {
    await requireStaff(command.user_id, deps);
    const { target, words } = splitTarget(rest, t.usage());
    const role = (words[0] ?? '').toLowerCase();
    const newcomer = parseTarget(words[1] ?? '');
    const option = (words[2] ?? '').toLowerCase();
    if (
      (role !== 'mentor' && role !== 'mentee') ||
      newcomer?.kind !== 'person' ||
      !['', 'remove', 'keep'].includes(option)
    )
      throw new UserFacingError(t.badArguments());
    const pair = await findTargetPair(command.team_id, target);
    const record = await reassign(pair, role, newcomer.userId, option === 'remove', command.user_id, deps);
    const failed = await runSlackSteps(record.pair, record.index, deps);
    const r = changesOf(record.pair)[record.index];
    await respond({
      response_type: 'ephemeral',
      text: failed
        ? t.slackFailed(role, newcomer.userId, failed.step, failed.error)
        : t.done(role, newcomer.userId, record.pair.channel?.id ?? undefined, Boolean(r?.removeOld)),
    });
  });
}

/** Validates the new person and writes the change; a repeated command finds the change already made. */
async function reassign(pair: Pair, role: Role, newId: string, removeOld: boolean, by: string, deps: AppDeps) {
  if (pair.status === 'ended') throw new UserFacingError(t.ended());
  if (pair.status === 'setting_up') throw new UserFacingError(t.notReady());
  const other = role === 'mentor' ? pair.mentee.userId : pair.mentor.userId;
  const current = pair[role].userId;
  if (current === newId) {
    // Already done (a retry after a Slack failure): finish the last change to this person.
    const changes = changesOf(pair);
    const index = changes.map((r) => r.role === role && r.to === newId).lastIndexOf(true);
    if (index >= 0) return { pair, index };
  }
  if (newId === other) throw new UserFacingError(t.otherSide(role));
  const user = await fetchSlackUser(deps.client, newId);
  if (!user) throw new UserFacingError(t.unknownPerson());
  if (user.isBot) throw new UserFacingError(t.bot());
  if (user.deleted) throw new UserFacingError(t.deactivated());
  const liveKey = liveKeyFor(pair.teamId, other, newId);
  if (await PairModel.exists({ liveKey })) throw new UserFacingError(t.alreadyPaired(newId, other));
  await upsertParticipant({
    teamId: pair.teamId,
    userId: newId,
    name: user.name,
    tz: user.tz ?? 'UTC',
    language: await languageOfNewParticipant(pair.teamId, user),
  });
  const now = deps.clock.now();
  if (!(await firstToChange(pair, 'reassign', by, now))) throw new UserFacingError(t.changedMeanwhile());
  const change: Reassignment = { at: now, by, role, from: current, to: newId, removeOld };
  // A mentee organisation stays the pair's; a mentor's organisation and country were the old mentor's.
  const side = role === 'mentor' ? { userId: newId, organisation: '', country: '' } : { ...pair.mentee, userId: newId };
  const schedule = await nextCheckinFor({ ...pair, [role]: side });
  try {
    const res = await PairModel.updateOne(
      { _id: pair._id, [`${role}.userId`]: current },
      { $set: { [role]: side, liveKey, ...schedule }, $push: { reassignments: change } },
    );
    if (res.modifiedCount === 0) throw new UserFacingError(t.changedMeanwhile());
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new UserFacingError(t.alreadyPaired(newId, other));
    throw err;
  }
  deps.logger.info(`pair ${pair._id}: ${role} reassigned by ${by}`);
  const updated = await findPairById(String(pair._id));
  return { pair: updated, index: changesOf(updated).length - 1 };
}

/**
 * The pair's next check-in moved to the hour that suits the people now in it (the new person's
 * time zone and working days), as `$set` fields; none when no check-in is scheduled (paused, over).
 */
async function nextCheckinFor(pair: Pair): Promise<Record<string, unknown>> {
  if (pair.status !== 'active' || !pair.schedule?.nextDueDay || !pair.schedule.nextCheckinId) return {};
  const { mentor, mentee } = byRole(pair, await participantsOf(pair));
  if (!mentor || !mentee) return {};
  const state = reslotFor(
    {
      nextPeriod: pair.schedule.nextPeriod ?? 1,
      nextCheckinId: pair.schedule.nextCheckinId,
      nextDueDay: pair.schedule.nextDueDay,
      nextKind: pair.schedule.nextKind === 'welcome_back' ? 'welcome_back' : 'regular',
    },
    pair,
    toPerson(mentor),
    toPerson(mentee),
  );
  if (!state) return {};
  return {
    'schedule.nextDueDay': state.nextDueDay,
    'schedule.nextCheckinAt': state.nextCheckinAt,
    'schedule.nextMentionMentor': state.nextMentionMentor,
    'schedule.nextMentorDmAt': state.nextMentorDmAt,
  };
}

/** Invite, remove, tell: each done once and recorded; the first failure is returned (and the rest left for a retry). */
async function runSlackSteps(
  pair: Pair,
  index: number,
  deps: AppDeps,
): Promise<{ step: ReassignStep; error: string } | undefined> {
  const r = changesOf(pair)[index];
  const channel = pair.channel?.id;
  if (!r || !channel) return undefined;
  const mark = (field: 'invitedAt' | 'removedAt' | 'toldAt') =>
    PairModel.updateOne({ _id: pair._id }, { $set: { [`reassignments.${index}.${field}`]: deps.clock.now() } });
  const step = async (
    name: ReassignStep,
    done: unknown,
    work: () => Promise<unknown>,
    ok: string[],
    field: Parameters<typeof mark>[0],
  ) => {
    if (done) return undefined;
    try {
      await work();
    } catch (err) {
      if (!ok.includes(slackErrorCode(err) ?? '')) return { step: name, error: describeError(err) };
    }
    await mark(field);
    return undefined;
  };
  const invite = () => deps.client.conversations.invite({ channel, users: r.to! });
  const kick = () => deps.client.conversations.kick({ channel, user: r.from! });
  return (
    (await step('invite', r.invitedAt, invite, ['already_in_channel'], 'invitedAt')) ??
    (r.removeOld ? await step('remove', r.removedAt, kick, ['not_in_channel'], 'removedAt') : undefined) ??
    (await step('tell', r.toldAt, () => tellThePair(pair, r, deps), [], 'toldAt'))
  );
}

/** One short message in the channel for both sides, in the pair's language; each is @-mentioned only in their waking hours. */
async function tellThePair(pair: Pair, r: Reassignment, deps: AppDeps): Promise<void> {
  const people = await participantsOf(pair);
  const now = deps.clock.now();
  const who = (userId: string): Mrkdwn => {
    const person = people.get(userId);
    return !person || mayPing(now, toPerson(person)) ? mention(userId) : mrkdwn`${person.name || userId}`;
  };
  const previous = (await fetchSlackUser(deps.client, r.from!).catch(() => null))?.name ?? r.from!;
  const other = r.role === 'mentor' ? pair.mentee.userId : pair.mentor.userId;
  const text = inLanguage(pair.language, () => t.notice(r.role!, who(r.to!), previous, who(other)).text);
  await deps.client.chat.postMessage({ channel: pair.channel!.id!, text });
}
