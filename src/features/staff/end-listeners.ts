import type { View } from '@slack/types';
import type { Pair } from '../../pairs/model';
import { byRole, participantsOf } from '../../pairs/participants';
import { plain, section } from '../../slack/blocks';
import type { CommandArgs } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { describeError, UserFacingError } from '../../slack/errors';
import type { ViewArgs } from '../../slack/listener-args';
import { dmChannelOf } from '../../slack/files';
import { answering } from '../../slack/respond';
import { END_REASONS, type EndReason, endText as t } from './end-messages';
import { endPair, finishEnd } from './end-service';
import { StaffIds } from './ids';
import { findPairById, findTargetPair, pairIdOfMetadata, requireStaff, splitTarget } from './target';

/** The longest note staff can leave on an ending. */
const NOTE_MAX = 500;
const ARCHIVE = 'archive';

function endModal(pair: Pair, mentorName: string, menteeName: string): View {
  const option = (r: EndReason) => ({ text: plain(t.reasonLabel(r)), value: r });
  return {
    type: 'modal',
    callback_id: StaffIds.endModal,
    private_metadata: JSON.stringify({ pairId: String(pair._id) }),
    title: plain(t.modalTitle()),
    submit: plain(t.modalSubmit()),
    close: plain(t.cancel()),
    blocks: [
      section(t.modalIntro(mentorName, menteeName, pair.channel?.id ?? undefined)),
      {
        type: 'input',
        block_id: StaffIds.block.endReason,
        label: plain(t.reasonField()),
        element: { type: 'static_select', action_id: StaffIds.inputAction, options: END_REASONS.map(option) },
      },
      {
        type: 'input',
        block_id: StaffIds.block.endNote,
        optional: true,
        label: plain(t.noteField()),
        element: { type: 'plain_text_input', action_id: StaffIds.inputAction, multiline: true, max_length: NOTE_MAX },
      },
      ...(pair.channel?.id
        ? [
            {
              type: 'input' as const,
              block_id: StaffIds.block.endArchive,
              optional: true,
              label: plain(t.archiveField()),
              element: {
                type: 'checkboxes' as const,
                action_id: StaffIds.inputAction,
                options: [{ text: plain(t.archiveOption()), value: ARCHIVE }],
              },
            },
          ]
        : []),
    ],
  };
}

/** `/mentorship end <pair>`: asks for confirmation in a modal (why, a note, archive the channel or not). */
export async function handleCommandEnd({ ack, command, respond, client }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command end', async () => {
    await requireStaff(command.user_id, deps);
    const { target } = splitTarget(rest, t.usage());
    const pair = await findTargetPair(command.team_id, target);
    if (pair.status === 'ended') throw new UserFacingError(t.alreadyEnded());
    const { mentor, mentee } = byRole(pair, await participantsOf(pair));
    const view = endModal(pair, mentor?.name || pair.mentor.userId, mentee?.name || pair.mentee.userId);
    await client.views.open({ trigger_id: command.trigger_id, view });
  });
}

/** The end confirmed: staff and the pair checked again on the server; a second submission ends nothing more. */
export async function handleViewEndPair({ ack, body, view }: ViewArgs, deps: AppDeps): Promise<void> {
  const B = StaffIds.block.endReason;
  const refuse = (message: string) => ack({ response_action: 'errors', errors: { [B]: message } });
  try {
    await requireStaff(body.user.id, deps);
    const values = view.state.values;
    const field = (block: string) => values[block]?.[StaffIds.inputAction];
    const reason = field(B)?.selected_option?.value as EndReason | undefined;
    if (!reason || !END_REASONS.includes(reason)) return void (await refuse(t.reasonMissing()));
    const note = String(field(StaffIds.block.endNote)?.value ?? '')
      .trim()
      .slice(0, NOTE_MAX);
    const archiveChannel = (field(StaffIds.block.endArchive)?.selected_options ?? []).some((o) => o.value === ARCHIVE);
    const pair = await findPairById(pairIdOfMetadata(view.private_metadata));
    const outcome = await endPair(pair, { by: body.user.id, reason, note, archiveChannel }, deps);
    if (outcome.status === 'already_ended') return void (await refuse(t.alreadyEnded()));
    const channelId = outcome.pair.channel?.id ?? undefined;
    const done: View = {
      type: 'modal',
      callback_id: StaffIds.endModal,
      title: plain(t.modalTitle()),
      close: plain(t.close()),
      blocks: [section(t.ending(channelId, archiveChannel))],
    };
    // Acknowledged once the state is written (within Slack's 3 seconds); then the Slack steps.
    await ack({ response_action: 'update', view: done } as never);
    await tellWhenDone(outcome.pair, body.user.id, deps).catch((err) =>
      deps.logger.error(`end pair: could not tell staff: ${describeError(err)}`),
    );
  } catch (err) {
    if (err instanceof UserFacingError) return void (await refuse(err.userMessage));
    deps.logger.error(`end pair failed: ${describeError(err)}`);
    await refuse(t.failed());
  }
}

/** The thank-you sent (and the channel archived) now; the staff member told by DM how it went. */
async function tellWhenDone(pair: Pair, staffId: string, deps: AppDeps): Promise<void> {
  const report = await finishEnd(pair, deps);
  const dm = await dmChannelOf(deps.client, staffId);
  const channelId = pair.channel?.id ?? undefined;
  await deps.client.chat.postMessage({ channel: dm, text: t.done(channelId, report.told, report.archive).text });
}
