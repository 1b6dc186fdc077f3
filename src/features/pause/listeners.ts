import { addDays, localDay } from '../../lib/time';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import type { ButtonArgs } from '../../slack/listener-args';
import { UserFacingError } from '../../slack/errors';
import { answering } from '../../slack/respond';
import { isMember as isParticipant, othersThan } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import { pauseDay, text } from './messages';
import { pauseArgsSchema, pauseOfferValueSchema } from './schemas';
import {
  alreadyPausedSentence,
  assertCanPause,
  assertCanResume,
  findPairForCommand,
  menteeTimeZone,
  pausePair,
  resumePairNow,
  type PauseOutcome,
} from './service';

function commandTarget(command: CommandArgs['command']) {
  return { teamId: command.team_id, userId: command.user_id, channelId: command.channel_id };
}

/** The sentence for a pause that did not happen because the pair changed under us. */
function notPausedSentence(outcome: Exclude<PauseOutcome, { status: 'paused' }>): string {
  if (outcome.status === 'already_paused') return alreadyPausedSentence(outcome.pair);
  if (!outcome.pair) return text.pairGone();
  try {
    assertCanPause(outcome.pair);
  } catch (err) {
    if (err instanceof UserFacingError) return err.userMessage;
  }
  return text.notSetUp();
}

/** `/mentorship pause [2w|10d|until YYYY-MM-DD] [reason]`. */
export async function handleCommandPause(
  { ack, command, respond }: CommandArgs,
  rest: string,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'command pause', async () => {
    const pair = await findPairForCommand(commandTarget(command), (id) => deps.staff.isStaff(id));
    assertCanPause(pair);
    const today = localDay(deps.clock.now(), await menteeTimeZone(pair));
    const args = pauseArgsSchema(today).safeParse(rest);
    if (!args.success) throw new UserFacingError(text.badArguments(args.error.issues[0]?.message ?? ''));
    const outcome = await pausePair(pair, { by: command.user_id, ...args.data }, deps);
    if (outcome.status !== 'paused') throw new UserFacingError(notPausedSentence(outcome));
    deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
    const until = pauseDay(outcome.untilDay, outcome.until);
    await respond({
      response_type: 'ephemeral',
      text: text.pausedForYou(until, othersThan(pair, command.user_id), pair.channel?.id ?? undefined),
    });
  });
}

/** `/mentorship resume`: ends the pair's pause now, with the same welcome-back as at its end. */
export async function handleCommandResume(
  { ack, command, respond }: CommandArgs,
  _rest: string,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'command resume', async () => {
    const pair = await findPairForCommand(commandTarget(command), (id) => deps.staff.isStaff(id));
    assertCanResume(pair);
    const schedule = await resumePairNow(pair, command.user_id, deps);
    if (!schedule) {
      const current = await PairModel.findById(pair._id).lean<Pair>();
      if (!current) throw new UserFacingError(text.pairGone());
      assertCanResume(current); // throws "not paused" when someone resumed it first
      throw new UserFacingError(text.notPaused());
    }
    deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
    await respond({ response_type: 'ephemeral', text: text.resumedForYou(pair.channel?.id ?? undefined) });
  });
}

export const pauseSubcommands: Subcommand[] = [
  { name: 'pause', handle: handleCommandPause },
  { name: 'resume', handle: handleCommandResume },
];

/**
 * "Pause 2 weeks" / "Pause 4 weeks" in a nudge after missed check-ins (and "Move to next week"
 * in nudges sent before it was replaced by "Skip this week"). The pause carries no reason: the
 * person did not write one, so the notice does not make one up.
 */
export async function handleActionPauseOffer({ ack, body, action, respond }: ButtonArgs, deps: AppDeps): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'pause offer', async () => {
    const value = pauseOfferValueSchema.safeParse(action.value ?? '');
    if (!value.success) throw new UserFacingError(text.pairGone());
    const pair = await PairModel.findById(value.data.pairId).lean<Pair>();
    if (!pair) throw new UserFacingError(text.pairGone());
    if (!isParticipant(pair, body.user.id)) throw new UserFacingError(text.offerNotYours());
    if (pair.status === 'paused') {
      await respond({ replace_original: true, text: alreadyPausedSentence(pair) });
      return;
    }
    assertCanPause(pair);
    const untilDay = addDays(localDay(deps.clock.now(), await menteeTimeZone(pair)), value.data.days);
    const outcome = await pausePair(pair, { by: body.user.id, untilDay, reason: '' }, deps);
    if (outcome.status !== 'paused') {
      await respond({ replace_original: true, text: notPausedSentence(outcome) });
      return;
    }
    deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
    const partner = othersThan(pair, body.user.id)[0];
    await respond({
      replace_original: true,
      text: text.pausedFromOffer(pauseDay(outcome.untilDay, outcome.until), partner),
    });
  });
}
