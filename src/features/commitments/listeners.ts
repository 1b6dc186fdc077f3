import { localDay } from '../../lib/time';
import { partnerOf } from '../../pairs/membership';
import type { AppDeps } from '../../slack/deps';
import type { Mrkdwn } from '../../slack/mrkdwn';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { describeError } from '../../slack/errors';
import { answering, submitModal } from '../../slack/respond';
import { CommitmentIds } from './ids';
import { text } from './messages';
import { dropReasonSchema, newDueDaySchema } from './schemas';
import {
  dropCommitment,
  extendCommitment,
  loadOwned,
  markDone,
  ownerPerson,
  replaceReminder,
  suggestedNewDay,
  tellPartner,
} from './service';
import { dropModal, extendModal, sentenceMessage } from './views';

const ephemeral = (sentence: Mrkdwn) => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  text: sentence.text,
});

/** Done: marks it done, replaces the reminder with a confirmation, tells the partner in the channel. */
export async function handleActionDone({ ack, body, action, respond }: ButtonArgs, deps: AppDeps): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'commitment done', async () => {
    const outcome = await markDone(action.value ?? '', body.user.id, deps.clock.now());
    if (outcome.status !== 'done') {
      const sentence =
        outcome.status === 'already_done'
          ? text.alreadyDone(outcome.commitment.what)
          : text.alreadyDropped(outcome.commitment.what);
      await respond(ephemeral(sentence));
      return;
    }
    const { commitment, pair } = outcome;
    if (pair) deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
    const partnerId = pair ? partnerOf(pair, commitment.ownerId) : '';
    // Stored: from here on a failed message is logged, not reported as "nothing was changed".
    // i18n-exempt: a log label
    await afterSubmit(deps, 'commitment done', [
      () => respond({ replace_original: true, ...sentenceMessage(text.doneConfirmation(commitment.what, partnerId)) }),
      () => tellPartner(deps.client, pair, () => text.doneChannelNote(commitment.ownerId, commitment.what)),
    ]);
  });
}

/** Need more time: opens the date modal (for the owner of an open commitment). */
export async function handleActionExtend(
  { ack, body, action, respond, client }: ButtonArgs,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'commitment extend', async () => {
    const { commitment } = await loadOwned(action.value ?? '', body.user.id);
    if (commitment.status !== 'open') {
      await respond(
        ephemeral(
          commitment.status === 'done' ? text.alreadyDone(commitment.what) : text.alreadyDropped(commitment.what),
        ),
      );
      return;
    }
    const person = await ownerPerson(commitment.teamId, commitment.ownerId);
    const today = localDay(deps.clock.now(), person.tz);
    const view = extendModal({
      commitmentId: String(commitment._id),
      what: commitment.what,
      dueDay: commitment.dueDay,
      suggestedDay: suggestedNewDay(commitment.dueDay, today),
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}

/** Drop it: opens the reason modal (for the owner of an open commitment). */
export async function handleActionDrop(
  { ack, body, action, respond, client }: ButtonArgs,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'commitment drop', async () => {
    const { commitment } = await loadOwned(action.value ?? '', body.user.id);
    if (commitment.status !== 'open') {
      await respond(
        ephemeral(
          commitment.status === 'done' ? text.alreadyDone(commitment.what) : text.alreadyDropped(commitment.what),
        ),
      );
      return;
    }
    const view = dropModal({ commitmentId: String(commitment._id), what: commitment.what, dueDay: commitment.dueDay });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}

/** The new due day was submitted: checked, stored with a fresh reminder, the partner told. */
export async function handleViewExtend({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const B = CommitmentIds.block.newDueDay;
  const values = view.state.values;
  const parsed = newDueDaySchema.safeParse(values[B]?.[CommitmentIds.inputAction]?.selected_date ?? undefined);
  if (!parsed.success) {
    await ack({ response_action: 'errors', errors: { [B]: parsed.error.issues[0].message } });
    return;
  }
  const outcome = await submitModal(
    ack,
    { block: B, databaseDown: text.saveFailedModal(), logger: deps.logger, what: 'commitment extend' },
    () => extendCommitment(view.private_metadata, body.user.id, parsed.data, deps.clock.now()),
  );
  if (!outcome?.changed) return;
  const { commitment, pair, oldDay } = outcome;
  if (pair) deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
  // i18n-exempt: a log label
  await afterSubmit(deps, 'commitment extend', [
    () =>
      replaceReminder(
        deps.client,
        String(commitment._id),
        oldDay,
        text.extendedConfirmation(commitment.what, commitment.dueDay),
      ),
    () =>
      tellPartner(deps.client, pair, () =>
        text.extendedChannelNote(commitment.ownerId, commitment.what, oldDay, commitment.dueDay),
      ),
  ]);
}

/** The drop reason was submitted: stored, and shared with the partner in the channel. */
export async function handleViewDrop({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const B = CommitmentIds.block.dropReason;
  const values = view.state.values;
  const parsed = dropReasonSchema.safeParse(values[B]?.[CommitmentIds.inputAction]?.value ?? '');
  if (!parsed.success) {
    await ack({ response_action: 'errors', errors: { [B]: parsed.error.issues[0].message } });
    return;
  }
  const outcome = await submitModal(
    ack,
    { block: B, databaseDown: text.saveFailedModal(), logger: deps.logger, what: 'commitment drop' },
    () => dropCommitment(view.private_metadata, body.user.id, parsed.data, deps.clock.now()),
  );
  if (!outcome?.changed) return;
  const { commitment, pair } = outcome;
  if (pair) deps.refreshHome(pair.teamId, [pair.mentor.userId, pair.mentee.userId]);
  // i18n-exempt: a log label
  await afterSubmit(deps, 'commitment drop', [
    () =>
      replaceReminder(
        deps.client,
        String(commitment._id),
        commitment.dueDay,
        text.droppedConfirmation(commitment.what),
      ),
    () =>
      tellPartner(deps.client, pair, () => text.droppedChannelNote(commitment.ownerId, commitment.what, parsed.data)),
  ]);
}

/** Slack messages after the change is stored: each on its own, failures logged (the change stands). */
async function afterSubmit(deps: AppDeps, what: string, steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const step of steps) {
    await step().catch((err) => deps.logger.warn(`${what}: a follow-up message failed: ${describeError(err)}`));
  }
}
