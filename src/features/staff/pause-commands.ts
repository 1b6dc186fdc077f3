import { inLanguage } from '../../i18n';
import { localDay } from '../../lib/time';
import type { Pair } from '../../pairs/model';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';
import {
  assertCanPause,
  assertCanResume,
  menteeTimeZone,
  pauseArgsSchema,
  pauseDay,
  pausePair,
  pausedUntilText,
  resumePairNow,
  type PauseOutcome,
} from '../pause';
import { findPairById, findTargetPair, splitTarget, startsWithTarget } from './target';
import { pauseText as t } from './pause-messages';

/**
 * `/mentorship pause <pair> [2w|10d|until YYYY-MM-DD] [reason]` and `/mentorship resume <pair>`
 * for staff, from anywhere. Without a `@person` or `#channel` first, the participants' commands
 * answer as before (their own pair, or the pair of the channel they type in).
 */
export function withStaffTargets(participantCommands: Subcommand[]): Subcommand[] {
  const staff: Record<string, Subcommand['handle']> = {
    pause: handleCommandStaffPause,
    resume: handleCommandStaffResume,
  };
  return participantCommands.map((sub) => {
    const staffHandle = staff[sub.name];
    if (!staffHandle) return sub;
    return {
      name: sub.name,
      handle: (args, rest, deps) =>
        startsWithTarget(rest) ? staffHandle(args, rest, deps) : sub.handle(args, rest, deps),
    };
  });
}

/** Why a pause did not happen: the pair changed under us (paused by someone else, ended, …). */
function notPaused(outcome: Exclude<PauseOutcome, { status: 'paused' }>): UserFacingError {
  if (outcome.status === 'already_paused') return new UserFacingError(t.alreadyPaused(pausedUntilText(outcome.pair)));
  if (!outcome.pair) return new UserFacingError(t.pairGone());
  try {
    assertCanPause(outcome.pair);
  } catch (err) {
    if (err instanceof UserFacingError) return err;
  }
  return new UserFacingError(t.pairGone());
}

/** Pauses `pair` for staff member `by` until `untilDay` (mentee-local); the last day, as a date token. */
export async function pauseForStaff(
  pair: Pair,
  by: string,
  untilDay: string,
  reason: string,
  deps: AppDeps,
): Promise<Mrkdwn> {
  assertCanPause(pair);
  // The notice posted in the pair's channel is in the pair's language, not the staff member's.
  const outcome = await inLanguage(pair.language, () => pausePair(pair, { by, untilDay, reason }, deps));
  if (outcome.status !== 'paused') throw notPaused(outcome);
  return pauseDay(outcome.untilDay, outcome.until);
}

async function handleCommandStaffPause({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'staff pause', async () => {
    if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(t.namedByNonStaff('pause'));
    const { target, words } = splitTarget(rest, t.pauseUsage());
    const pair = await findTargetPair(command.team_id, target);
    assertCanPause(pair);
    const today = localDay(deps.clock.now(), await menteeTimeZone(pair));
    const args = pauseArgsSchema(today).safeParse(words.join(' '));
    if (!args.success) throw new UserFacingError(t.badArguments(args.error.issues[0]?.message ?? ''));
    const until = await pauseForStaff(pair, command.user_id, args.data.untilDay, args.data.reason, deps);
    await respond({ response_type: 'ephemeral', text: t.paused(until, pair.channel?.id ?? undefined) });
  });
}

async function handleCommandStaffResume({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'staff resume', async () => {
    if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(t.namedByNonStaff('resume'));
    const { target } = splitTarget(rest, t.resumeUsage());
    const pair = await findTargetPair(command.team_id, target);
    assertCanResume(pair);
    if (!(await inLanguage(pair.language, () => resumePairNow(pair, command.user_id, deps)))) {
      assertCanResume(await findPairById(String(pair._id))); // throws "not paused" when resumed meanwhile
      throw new UserFacingError(t.notPausedNow());
    }
    await respond({ response_type: 'ephemeral', text: t.resumed(pair.channel?.id ?? undefined) });
  });
}
