import { createJobContext } from '../../jobs/job-context';
import { runOutbox } from '../../jobs/outbox';
import type { AppDeps } from '../../slack/deps';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { describeError } from '../../slack/errors';
import { answering, submitModal } from '../../slack/respond';
import { PairModel, type Pair } from '../../pairs/model';
import { CheckinIds } from './ids';
import { text } from './messages';
import { CheckinModel, type Checkin } from './model';
import { loadPromptInput } from './prompt';
import { checkinPrompt } from './prompt-view';
import { parseReplyMetadata, readReplyForm } from './reply-form';
import { loadReplyTarget, saveReply, type ReplyTarget } from './reply-service';
import { replySummaryHandler } from './reply-summary';
import { replyModal, type ReplyModalInput } from './reply-view';

function modalInput(target: ReplyTarget): ReplyModalInput {
  const { pair, existing } = target;
  const person = (userId: string, role: 'mentor' | 'mentee') => ({
    userId,
    role,
    name: target.people.get(userId)?.name ?? userId,
  });
  return {
    checkinId: String(target.checkin._id),
    period: target.checkin.period,
    submitterId: target.userId,
    goalTitles: target.goals.map((g) => g.title),
    people: [person(pair.mentor.userId, 'mentor'), person(pair.mentee.userId, 'mentee')],
    existing: existing
      ? {
          met: existing.met,
          // Statuses follow the goals by id, so a goal dropped since does not shift the others.
          goals: target.goals.map((g) => existing.goals.find((r) => r.goalId === String(g._id)) ?? {}),
          worked: existing.worked,
          didNotWork: existing.didNotWork,
          adaptation: existing.adaptation,
          blockers: existing.blockers,
          staffNote: existing.staffNote,
          nextSteps: new Map(
            [...target.nextSteps].map(([row, c]) => [row, { what: c.what, ownerId: c.ownerId, dueDay: c.dueDay }]),
          ),
        }
      : undefined,
  };
}

/** "Reply to check-in" (in the channel's prompt or a DM nudge): opens the answer modal, pre-filled when editing. */
export async function handleActionReplyButton(
  { ack, body, action, respond, client }: ButtonArgs,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'check-in reply button', async () => {
    const target = await loadReplyTarget(action.value ?? '', body.user.id, body.team?.id ?? undefined);
    await client.views.open({ trigger_id: body.trigger_id, view: replyModal(modalInput(target)) });
  });
}

/** The answer modal was submitted: check, store, close the modal, then post the summary and update the prompt. */
export async function handleViewReplySubmit({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const userId = body.user.id;
  const teamId = body.team?.id ?? body.user.team_id ?? undefined;
  const now = deps.clock.now();
  const checkinId = await submitModal(
    ack,
    { block: CheckinIds.block.met, databaseDown: text.saveFailed(), logger: deps.logger, what: 'view check-in reply' },
    async () => {
      const target = await loadReplyTarget(parseReplyMetadata(view.private_metadata) ?? '', userId, teamId);
      const candidate = readReplyForm(view.state.values as never, target.goals.length);
      await saveReply(target, candidate, now);
      return String(target.checkin._id);
    },
  );
  if (checkinId) await afterReply(checkinId, deps);
}

/** The side effects of a stored answer; each failure is logged (the summary is retried by the scheduler). */
async function afterReply(checkinId: string, deps: AppDeps): Promise<void> {
  const ctx = createJobContext({ config: deps.config, logger: deps.logger, client: deps.client }, deps.clock.now());
  try {
    await runOutbox({ reply_summary: replySummaryHandler }, ctx);
  } catch (err) {
    deps.logger.warn(
      `check-in ${checkinId}: reply summary not sent now (${describeError(err)}); the scheduler retries it`,
    );
  }
  try {
    const checkin = await CheckinModel.findById(checkinId).lean<Checkin>();
    const pair = checkin ? await PairModel.findById(checkin.pairId).lean<Pair>() : null;
    if (!checkin?.prompt?.channelId || !checkin.prompt.ts || !pair) return;
    const prompt = checkinPrompt(await loadPromptInput(checkin, pair, deps.clock.now()));
    await deps.client.chat.update({ channel: checkin.prompt.channelId, ts: checkin.prompt.ts, ...prompt });
  } catch (err) {
    deps.logger.warn(`check-in ${checkinId}: could not update the prompt (${describeError(err)})`);
  }
}
