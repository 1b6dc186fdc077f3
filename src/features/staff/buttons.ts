import type { View } from '@slack/types';
import { addDays, localDay } from '../../lib/time';
import { byRole, participantsOf } from '../../pairs/participants';
import type { Pair } from '../../pairs/model';
import { plain, section } from '../../slack/blocks';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import type { ButtonArgs, ViewArgs } from '../../slack/listener-args';
import { answering, openingModal } from '../../slack/respond';
import { assertCanPause, MAX_REASON_LENGTH, menteeTimeZone } from '../pause';
import { StaffIds } from './ids';
import { messagePairModal } from './message-pair';
import { messageText } from './message-messages';
import { pauseForStaff } from './pause-commands';
import { pauseText as t } from './pause-messages';
import { pairStatusOf } from './status';
import { pairStatusModal } from './status-view';
import { findPairById, pairIdOfMetadata, requireStaff } from './target';

/**
 * The three buttons of `pairActionsBlock` (value: the pair id). Each checks on the server that the
 * person pressing it is staff and that the pair still exists, whoever forged the request.
 */

async function namesOf(pair: Pair): Promise<{ mentorName: string; menteeName: string }> {
  const { mentor, mentee } = byRole(pair, await participantsOf(pair));
  return { mentorName: mentor?.name || pair.mentor.userId, menteeName: mentee?.name || pair.mentee.userId };
}

/** **Pair status**: the staff status in a modal (staff notes included: only staff get here). */
export async function handleActionStaffStatus(args: ButtonArgs, deps: AppDeps) {
  const { ack, body, action } = args;
  await ack();
  // The status takes many reads: a window opens at once, and the status fills it.
  await openingModal(args, deps.logger, 'staff status button', async () => {
    await requireStaff(body.user.id, deps);
    const pair = await findPairById(action.value ?? '');
    return pairStatusModal(await pairStatusOf(pair, deps.clock.now(), body.user.id));
  });
}

/** **Message the pair**: the modal whose text goes to the pair's channel (see message-pair.ts). */
export async function handleActionStaffMessage({ ack, body, action, respond, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'staff message button', async () => {
    await requireStaff(body.user.id, deps);
    const pair = await findPairById(action.value ?? '');
    if (!pair.channel?.id) throw new UserFacingError(messageText.noChannel());
    const view = messagePairModal({ metadata: { pairId: String(pair._id) }, ...(await namesOf(pair)) });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}

const PAUSE_WEEKS = [1, 2, 3, 4, 6, 8, 12] as const;

function pauseModal(pairId: string, mentorName: string, menteeName: string): View {
  const option = (n: number) => ({ text: plain(t.weeks(n)), value: String(n) });
  return {
    type: 'modal',
    callback_id: StaffIds.pauseModal,
    private_metadata: JSON.stringify({ pairId }),
    title: plain(t.modalTitle()),
    submit: plain(t.modalSubmit()),
    close: plain(t.cancel()),
    blocks: [
      section(t.modalIntro(mentorName, menteeName)),
      {
        type: 'input',
        block_id: StaffIds.block.pauseLength,
        label: plain(t.lengthLabel()),
        element: {
          type: 'static_select',
          action_id: StaffIds.inputAction,
          options: PAUSE_WEEKS.map(option),
          initial_option: option(2),
        },
      },
      {
        type: 'input',
        block_id: StaffIds.block.pauseReason,
        optional: true,
        label: plain(t.reasonLabel()),
        element: {
          type: 'plain_text_input',
          action_id: StaffIds.inputAction,
          max_length: MAX_REASON_LENGTH,
          placeholder: plain(t.reasonPlaceholder()),
        },
      },
    ],
  };
}

/** **Pause**: how long and why, in a modal. */
export async function handleActionStaffPause({ ack, body, action, respond, client }: ButtonArgs, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'staff pause button', async () => {
    await requireStaff(body.user.id, deps);
    const pair = await findPairById(action.value ?? '');
    assertCanPause(pair);
    const { mentorName, menteeName } = await namesOf(pair);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: pauseModal(String(pair._id), mentorName, menteeName),
    });
  });
}

/** The pause modal submitted: staff and the pair checked again, then paused; the modal says until when. */
export async function handleViewStaffPause({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const B = StaffIds.block.pauseLength;
  const refuse = (message: string) => ack({ response_action: 'errors', errors: { [B]: message } });
  try {
    await requireStaff(body.user.id, deps);
    const values = view.state.values;
    const weeks = Number(values[B]?.[StaffIds.inputAction]?.selected_option?.value ?? '2');
    if (!PAUSE_WEEKS.includes(weeks as (typeof PAUSE_WEEKS)[number])) return void (await refuse(t.chooseLength()));
    const reason = String(values[StaffIds.block.pauseReason]?.[StaffIds.inputAction]?.value ?? '')
      .trim()
      .slice(0, MAX_REASON_LENGTH);
    const pair = await findPairById(pairIdOfMetadata(view.private_metadata));
    const untilDay = addDays(localDay(deps.clock.now(), await menteeTimeZone(pair)), weeks * 7);
    const until = await pauseForStaff(pair, body.user.id, untilDay, reason, deps);
    const done: View = {
      type: 'modal',
      callback_id: StaffIds.pauseModal,
      title: plain(t.modalTitle()),
      close: plain(t.close()),
      blocks: [section(t.done(until))],
    };
    await ack({ response_action: 'update', view: done } as never);
  } catch (err) {
    if (err instanceof UserFacingError) return void (await refuse(err.userMessage));
    deps.logger.error(`staff pause failed: ${describeError(err)}`);
    await refuse(t.failed());
  }
}
