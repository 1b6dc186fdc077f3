import { inLanguage } from '../../i18n';
import { createJobContext } from '../../jobs/job-context';
import { runOutbox } from '../../jobs/outbox';
import type { AppDeps } from '../../slack/deps';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { describeError } from '../../slack/errors';
import { dmChannelOf as openDm } from '../../slack/files';
import { answering, submitModal } from '../../slack/respond';
import { UserFacingError } from '../../slack/errors';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { PairModel, type Pair } from '../../pairs/model';
import { CheckinIds } from './ids';
import { text } from './messages';
import { CheckinModel, type Checkin } from './model';
import { loadPromptInput } from './prompt';
import { checkinPrompt } from './prompt-view';
import type { QuickAnswer } from './model';
import { type QuickAnswerOutcome, saveQuickAnswer } from './quick-answer';
import { readReplyForm, readReplyMetadata, type ReplyMetadata } from './reply-form';
import type { ReplyCandidate } from './reply-schemas';
import { loadReplyTarget, saveReply, type ReplyTarget } from './reply-service';
import { replySummaryHandler } from './reply-summary';
import { replyModal, type ReplyModalInput } from './reply-view';

/**
 * Told of each answer (full or one-tap) with the thank-you sentence for the person; the routing
 * table wires the nudges feature here, which replaces that person's nudge DM (if one was sent)
 * with it, buttons gone. Returns true when it did. So check-ins need not know nudges.
 */
export type AnswerListener = (
  answer: { checkinId: string; userId: string; thanks: Mrkdwn },
  client: AppDeps['client'],
) => Promise<boolean>;

type ModalExtras = Pick<ReplyModalInput, 'rows' | 'dmChannel'> & { typed?: ReplyCandidate };

function modalInput(target: ReplyTarget, extras: ModalExtras = {}): ReplyModalInput {
  const { pair } = target;
  // A one-tap answer is not an answer to edit: the form starts fresh (from "did not meet", if so).
  const existing = target.existing?.quick ? null : target.existing;
  const person = (userId: string, role: 'mentor' | 'mentee') => ({
    userId,
    role,
    name: target.people.get(userId)?.name ?? userId,
  });
  const base = {
    checkinId: String(target.checkin._id),
    period: target.checkin.period,
    submitterId: target.userId,
    goalTitles: target.goals.map((g) => g.title),
    people: [person(pair.mentor.userId, 'mentor'), person(pair.mentee.userId, 'mentee')],
    editing: Boolean(existing),
    dmChannel: extras.dmChannel,
    initialMet: target.existing?.quick && target.existing.met === 'no' ? 'no' : undefined,
    rows: extras.rows ?? Math.max(1, ...target.nextSteps.keys()),
  };
  if (extras.typed) return { ...base, existing: typedAnswer(extras.typed) };
  return {
    ...base,
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

/** What was typed so far, as the modal's initial values (after "Add another next step"). */
function typedAnswer(typed: ReplyCandidate): NonNullable<ReplyModalInput['existing']> {
  return {
    met: typed.met || undefined,
    goals: typed.goals.map((g) => ({ status: g.status || null, note: g.note })),
    worked: typed.worked,
    didNotWork: typed.didNotWork,
    adaptation: typed.adaptation,
    blockers: typed.blockers,
    staffNote: typed.staffNote,
    nextSteps: new Map(
      typed.nextSteps
        .filter((s) => s.what || s.dueDay || s.ownerId)
        .map((s) => [s.row, { what: s.what, ownerId: s.ownerId, dueDay: s.dueDay }]),
    ),
  };
}

/** The DM a button was pressed in, when it was not the pair's channel (a nudge, or another DM). */
function dmChannelOf(body: ButtonArgs['body'], target: ReplyTarget): string | undefined {
  const where = body.container?.channel_id ?? body.channel?.id;
  const pairChannels = [target.checkin.prompt?.channelId, target.pair.channel?.id];
  return where && !pairChannels.includes(where) ? where : undefined;
}

const promptChannelOf = (target: ReplyTarget) =>
  target.checkin.prompt?.channelId ?? target.pair.channel?.id ?? undefined;

/** The check-in's buttons, the answer modal and its "Add another next step", wired to `onAnswered`. */
export function createCheckinHandlers(onAnswered: AnswerListener) {
  /** "Answer" (in the channel's prompt or a DM nudge): opens the answer modal, pre-filled when editing. */
  async function handleActionReplyButton({ ack, body, action, respond, client }: ButtonArgs, deps: AppDeps) {
    await ack();
    await answering(respond, deps.logger, 'check-in reply button', async () => {
      const target = await loadReplyTarget(action.value ?? '', body.user.id, body.team?.id ?? undefined);
      const view = replyModal(modalInput(target, { dmChannel: dmChannelOf(body, target) }));
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  }

  /** "We did not meet this week" / "Skip this week": recorded as the person's answer at once, no form. */
  async function handleActionQuickAnswer({ ack, body, action, respond }: ButtonArgs, deps: AppDeps) {
    await ack();
    await answering(respond, deps.logger, 'check-in one-tap answer', async () => {
      const answer: QuickAnswer = action.action_id === CheckinIds.skipButton ? 'skipped' : 'did_not_meet';
      const target = await loadReplyTarget(action.value ?? '', body.user.id, body.team?.id ?? undefined);
      const outcome: QuickAnswerOutcome = await saveQuickAnswer(target, answer, deps.clock.now());
      if (outcome === 'already_answered') throw new UserFacingError(text.alreadyAnswered(target.checkin.period));
      const thanks = text.thankYouQuick(target.checkin.period, answer, promptChannelOf(target));
      let nudgeReplaced = false;
      if (outcome === 'recorded') {
        deps.refreshHome(target.pair.teamId, [target.pair.mentor.userId, target.pair.mentee.userId]);
        await updatePrompt(String(target.checkin._id), deps);
        nudgeReplaced = await tellAnswered(String(target.checkin._id), body.user.id, thanks, deps);
      }
      if (nudgeReplaced && dmChannelOf(body, target)) return; // the nudge they pressed now says thank you
      await respond({ response_type: 'ephemeral', replace_original: false, text: thanks.text });
    });
  }

  /** "Add another next step" inside the modal: the same modal with one more row, keeping what was typed. */
  async function handleActionAddNextStep({ ack, body, client }: ButtonArgs, deps: AppDeps) {
    await ack();
    const view = body.view;
    const meta = readReplyMetadata(view?.private_metadata);
    if (!view || !meta) return;
    try {
      const target = await loadReplyTarget(meta.checkinId, body.user.id, body.team?.id ?? undefined);
      const typed = readReplyForm(view.state.values, target.goals.length);
      const modal = replyModal(modalInput(target, { rows: meta.rows + 1, dmChannel: meta.dmChannel, typed }));
      await client.views.update({ view_id: view.id, hash: view.hash, view: modal });
    } catch (err) {
      deps.logger.warn(`add next step: could not update the answer form (${describeError(err)})`);
    }
  }

  /** The answer modal was submitted: check, store, close the modal, then the summary, the prompt and a thank-you. */
  async function handleViewReplySubmit({ ack, body, view }: ViewArgs, deps: AppDeps) {
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? undefined;
    const now = deps.clock.now();
    const meta = readReplyMetadata(view.private_metadata);
    const target = await submitModal(
      ack,
      {
        block: CheckinIds.block.met,
        databaseDown: text.saveFailed(),
        logger: deps.logger,
        what: 'view check-in reply',
      },
      async () => {
        const loaded = await loadReplyTarget(meta?.checkinId ?? '', userId, teamId);
        const candidate = readReplyForm(view.state.values, loaded.goals.length);
        await saveReply(loaded, candidate, now);
        return loaded;
      },
    );
    if (target) await afterReply(target, meta, deps);
  }

  /** The side effects of a stored answer; each failure is logged (the summary is retried by the scheduler). */
  async function afterReply(target: ReplyTarget, meta: ReplyMetadata | undefined, deps: AppDeps): Promise<void> {
    const checkinId = String(target.checkin._id);
    deps.refreshHome(target.pair.teamId, [target.pair.mentor.userId, target.pair.mentee.userId]);
    const ctx = createJobContext(
      { config: deps.config, logger: deps.logger, client: deps.outboxClient },
      deps.clock.now(),
    );
    try {
      await runOutbox({ reply_summary: replySummaryHandler }, ctx);
    } catch (err) {
      deps.logger.warn(
        `check-in ${checkinId}: reply summary not sent now (${describeError(err)}); the scheduler retries it`,
      );
    }
    await updatePrompt(checkinId, deps);
    const channel = promptChannelOf(target);
    const thanks = text.thankYou(target.checkin.period, channel);
    const nudgeReplaced = await tellAnswered(checkinId, target.userId, thanks, deps);
    try {
      if (meta?.dmChannel) {
        // The person's own DM, opened again: the channel in private_metadata is only a hint of where they were.
        const dm = nudgeReplaced ? '' : await openDm(deps.client, target.userId);
        if (dm) await deps.client.chat.postMessage({ channel: dm, text: thanks.text });
      } else if (channel) {
        await deps.client.chat.postEphemeral({ channel, user: target.userId, text: thanks.text });
      }
    } catch (err) {
      deps.logger.warn(`check-in ${checkinId}: could not say thank you (${describeError(err)})`);
    }
  }

  async function tellAnswered(checkinId: string, userId: string, thanks: Mrkdwn, deps: AppDeps): Promise<boolean> {
    try {
      return await onAnswered({ checkinId, userId, thanks }, deps.client);
    } catch (err) {
      deps.logger.warn(`check-in ${checkinId}: could not update the nudge (${describeError(err)})`);
      return false;
    }
  }

  return { handleActionReplyButton, handleActionQuickAnswer, handleActionAddNextStep, handleViewReplySubmit };
}

/** Rebuilds the prompt in the channel (who answered); a failure is logged. */
async function updatePrompt(checkinId: string, deps: AppDeps): Promise<void> {
  try {
    const checkin = await CheckinModel.findById(checkinId).lean<Checkin>();
    const pair = checkin ? await PairModel.findById(checkin.pairId).lean<Pair>() : null;
    if (!checkin?.prompt?.channelId || !checkin.prompt.ts || !pair) return;
    const input = await loadPromptInput(checkin, pair, deps.clock.now());
    // In the pair's common language, whoever pressed the button.
    const prompt = inLanguage(pair.language, () => checkinPrompt(input));
    await deps.client.chat.update({ channel: checkin.prompt.channelId, ts: checkin.prompt.ts, ...prompt });
  } catch (err) {
    deps.logger.warn(`check-in ${checkinId}: could not update the prompt (${describeError(err)})`);
  }
}
