import { currentLanguage, inLanguage } from '../../i18n';
import { OutboxModel } from '../../jobs/outbox-model';
import { isObjectIdString } from '../../lib/ids';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf } from '../../pairs/participants';
import type { KnownBlock } from '@slack/types';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import type { ButtonArgs } from '../../slack/listener-args';
import { answering, openingModal } from '../../slack/respond';
import { AtRiskIds, pairIdOfAlertKey } from './at-risk-ids';
import { atRiskText as t } from './at-risk-messages';
import { handledAlertBlocks } from './at-risk-views';
import { messagePairModal, pairStatusModalOf, requireStaff } from '../staff';

/** The pair an alert key names, with its people's names. */
async function pairOfAlert(key: string): Promise<{ pair: Pair; mentorName: string; menteeName: string }> {
  const pairId = pairIdOfAlertKey(key);
  const pair = pairId && isObjectIdString(pairId) ? await PairModel.findById(pairId).lean<Pair>() : null;
  if (!pair) throw new UserFacingError(t.pairGone());
  const people = await participantsOf(pair);
  const { mentor, mentee } = byRole(pair, people);
  return { pair, mentorName: mentor?.name || pair.mentor.userId, menteeName: mentee?.name || pair.mentee.userId };
}

/** Pair status: the staff pair status in a modal (health, goals, check-ins, commitments, notes), for staff only. */
export async function handleActionAtRiskStatus(args: ButtonArgs, deps: AppDeps): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  // The status takes many reads: a window opens at once, and the status fills it.
  await openingModal(args, deps.logger, 'at-risk pair status', async () => {
    await requireStaff(body.user.id, deps);
    const { pair } = await pairOfAlert(action.value ?? '');
    return pairStatusModalOf(pair, deps.clock.now(), body.user.id);
  });
}

/** Message both: the staff "Message the pair" modal (its submission is handled there), for staff only. */
export async function handleActionAtRiskMessage(
  { ack, body, action, respond, client }: ButtonArgs,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'at-risk message both', async () => {
    await requireStaff(body.user.id, deps);
    const key = action.value ?? '';
    const { pair, mentorName, menteeName } = await pairOfAlert(key);
    if (!pair.channel?.id) throw new UserFacingError(t.noChannel());
    await client.views.open({
      trigger_id: body.trigger_id,
      view: messagePairModal({ callbackId: AtRiskIds.messageModal, metadata: { key }, mentorName, menteeName }),
    });
  });
}

/** Mark as handled: records who and when on the alert, and shows it on the alert message. */
export async function handleActionAtRiskHandled(
  { ack, body, action, respond, client }: ButtonArgs,
  deps: AppDeps,
): Promise<void> {
  await ack();
  await answering(respond, deps.logger, 'at-risk handled', async () => {
    await requireStaff(body.user.id, deps);
    const key = action.value ?? '';
    await pairOfAlert(key);
    const now = deps.clock.now();
    // The first one to press it is recorded; a second press changes nothing.
    await OutboxModel.updateOne(
      { _id: key, 'ref.handledBy': { $exists: false } },
      { $set: { 'ref.handledBy': body.user.id, 'ref.handledAt': now } },
    );
    const alert = await OutboxModel.findById(key).lean();
    const handledBy = String(alert?.ref?.handledBy ?? body.user.id);
    const handledAt = alert?.ref?.handledAt ? new Date(alert.ref.handledAt as string) : now;
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    if (channel && ts) {
      // In the alert's language: the staff channel's, or (a DM to the creator) the presser's own.
      const blocks = inLanguage(
        channel === deps.config.staff.channelId ? deps.config.staffLanguage : currentLanguage(),
        () => handledAlertBlocks((body.message?.blocks ?? []) as KnownBlock[], handledBy, handledAt),
      );
      await client.chat.update({ channel, ts, text: String(body.message?.text ?? ''), blocks });
    }
  });
}
