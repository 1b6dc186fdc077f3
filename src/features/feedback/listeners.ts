import type { ActionsBlock } from '@slack/types';
import { isMember } from '../../pairs/membership';
import { PairModel, type Pair } from '../../pairs/model';
import type { CommandArgs, Subcommand } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { databaseDown, UserFacingError } from '../../slack/errors';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { answering, answeringButton, submitModal } from '../../slack/respond';
import { FeedbackIds } from './ids';
import { feedbackHandlers } from './jobs';
import { text } from './messages';
import { parseFeedbackRef } from './schemas';
import { formInput, formPointFor, pairOfParticipant, sendFollowUps, submitFeedback } from './service';
import { feedbackTotals } from './staff-reads';
import type { FeedbackPoint } from './forms';
import { feedbackFormModal, totalsMessage } from './views';

/** The pair `/mentorship feedback` is about: the pair of this channel, else the person's one live pair. */
async function pairForCommand(command: CommandArgs['command'], deps: AppDeps): Promise<Pair> {
  const teamId = command.team_id;
  const userId = command.user_id;
  const inChannel = command.channel_id
    ? await PairModel.findOne({ teamId, 'channel.id': command.channel_id }).sort({ createdAt: -1 }).lean<Pair>()
    : null;
  if (inChannel) {
    if (isMember(inChannel, userId)) return inChannel;
    if (await deps.staff.isStaff(userId)) throw new UserFacingError(text.staffNoForm());
    throw new UserFacingError(text.notInThisPair());
  }
  const mine = (
    await PairModel.find({ teamId, $or: [{ 'mentor.userId': userId }, { 'mentee.userId': userId }] }).lean<Pair[]>()
  ).filter((p) => p.status === 'active' || p.status === 'paused');
  if (mine.length === 1) return mine[0];
  if (mine.length > 1)
    throw new UserFacingError(text.severalPairs(mine.map((p) => p.channel?.id).filter((c): c is string => !!c)));
  if (await deps.staff.isStaff(userId)) throw new UserFacingError(text.staffNoForm());
  throw new UserFacingError(text.noPair());
}

/** Opens the form; when the partner is program staff it says that "staff only" reaches them too. */
async function openForm(deps: AppDeps, triggerId: string, pair: Pair, userId: string, point: FeedbackPoint) {
  const input = formInput(pair, userId, point);
  const partnerIsStaff = await deps.staff.isStaff(input.partnerId).catch((err: unknown) => {
    deps.logger.warn(`feedback form: staff lookup failed (${err instanceof Error ? err.name : 'error'})`);
    return false;
  });
  await deps.client.views.open({ trigger_id: triggerId, view: feedbackFormModal({ ...input, partnerIsStaff }) });
}

/**
 * The feedback listeners. `staffActions` is the staff feature's buttons for a pair, put under
 * the early-warning alert (wired in the routing table, so feedback does not import staff).
 */
export function createFeedbackListeners(staffActions: (pairId: string) => ActionsBlock) {
  // After a submission, only what it queued: its shared answers and its alert (requests stay the job's).
  const { feedback_shared, feedback_alert } = feedbackHandlers(staffActions);
  const handlers = { feedback_shared, feedback_alert };

  /** "Give feedback" (request DM, reminder, App Home): opens the form, for a member of the pair only. */
  async function handleActionGiveFeedback(args: ButtonArgs, deps: AppDeps): Promise<void> {
    const { ack, body, action } = args;
    await ack();
    await answeringButton(args, deps.logger, 'feedback button', async () => {
      const ref = parseFeedbackRef(action.value);
      if (!ref) throw new UserFacingError(text.pairGone());
      const pair = await pairOfParticipant(ref.pairId, body.user.id);
      const point = await formPointFor(pair, body.user.id, ref.point);
      await openForm(deps, body.trigger_id, pair, body.user.id, point);
    });
  }

  /** `/mentorship feedback` opens the form that is due (else the quick one); `/mentorship feedback totals` is for staff. */
  async function handleCommandFeedback({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
    await ack();
    await answering(respond, deps.logger, 'command feedback', async () => {
      if (rest.trim().toLowerCase() === 'totals') {
        if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(text.totalsOnlyStaff());
        await respond({ response_type: 'ephemeral', ...totalsMessage(await feedbackTotals(command.team_id)) });
        return;
      }
      const pair = await pairForCommand(command, deps);
      const point = await formPointFor(pair, command.user_id);
      await openForm(deps, command.trigger_id, pair, command.user_id, point);
    });
  }

  /** The form's submission: stored once, shared answers posted and staff alerted at once (after the modal closes). */
  async function handleViewFeedbackSubmit({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
    const userId = body.user.id;
    const stored = await submitModal(
      ack,
      { block: FeedbackIds.formBlock, databaseDown: databaseDown(), logger: deps.logger, what: 'feedback form' },
      async () => {
        const ref = parseFeedbackRef(view.private_metadata);
        if (!ref) throw new UserFacingError(text.pairGone(), { [FeedbackIds.formBlock]: text.pairGone() });
        return submitFeedback(
          { teamId: body.team?.id ?? body.user.team_id ?? '', userId, viewId: view.id, ref },
          view.state.values as Record<string, Record<string, unknown>>,
          deps.clock.now(),
        );
      },
    );
    if (!stored) return;
    try {
      // Also after a repeated delivery: what the first one queued may not have gone out yet.
      await sendFollowUps(deps, handlers);
    } catch (err) {
      deps.logger.warn(`feedback follow-ups: ${err instanceof Error ? err.name : 'error'}; the job sends them`);
    }
    deps.refreshHome(stored.pair.teamId, [userId]);
  }

  const feedbackSubcommands: Subcommand[] = [{ name: 'feedback', handle: handleCommandFeedback }];
  return { handleActionGiveFeedback, handleCommandFeedback, handleViewFeedbackSubmit, feedbackSubcommands };
}
