import { CheckinIds } from '../../src/features/checkins/ids';
import { filledModal } from '../support/modals';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import type { Harness } from '../support/app-harness';
import { inputValues } from '../support/slack-driver';

/** How Slack sends a mention and a channel in command text (should_escape is on). */
export const person = (p: { id: string; name: string }) => `<@${p.id}|${p.name}>`;
export const channelOf = (pair: Pair) => `<#${pair.channel!.id}|${pair.channel!.name}>`;

/** Types `/mentorship <text>` and waits for the answer through response_url. */
export async function mentorship(h: Harness, text: string, userId: string): Promise<any> {
  const before = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', text, { userId });
  if (res.status !== 200) throw new Error(`command answered ${res.status}`);
  await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, `an answer to "/mentorship ${text}"`);
  return h.standIn.responses[h.standIn.responses.length - 1].body;
}

/** Types a command that opens a modal and returns the modal (or throws with the answer given instead). */
export async function openModal(h: Harness, text: string, userId: string): Promise<any> {
  const views = h.standIn.views.size;
  const responses = h.standIn.responses.length;
  await h.driver.command('/mentorship', text, { userId });
  await h.standIn.waitFor(
    () => h.standIn.views.size > views || h.standIn.responses.length > responses,
    8000,
    `a modal for "/mentorship ${text}"`,
  );
  if (h.standIn.views.size === views) throw new Error(JSON.stringify(h.standIn.responses.at(-1)!.body));
  return [...h.standIn.views.values()].at(-1)!;
}

/** Presses a staff button (value: the pair id), as from the staff channel; waits for a modal or an answer. */
export async function pressStaffButton(
  h: Harness,
  userId: string,
  actionId: string,
  pairId: string,
  channelId: string,
): Promise<{ modal: any; answer: any }> {
  const views = h.standIn.views.size;
  const responses = h.standIn.responses.length;
  const res = await h.driver.blockAction({ userId, actionId, value: pairId, channelId });
  if (res.status !== 200) throw new Error(`button answered ${res.status}`);
  await h.standIn.waitFor(
    () => h.standIn.views.size > views || h.standIn.responses.length > responses,
    8000,
    `the answer to ${actionId}`,
  );
  return h.standIn.views.size > views
    ? { modal: await filledModal(h, [...h.standIn.views.values()].at(-1)!), answer: undefined }
    : { modal: undefined, answer: h.standIn.responses.at(-1)!.body };
}

export const reload = async (pair: Pair) => (await PairModel.findById(pair._id).lean<Pair>())!;
export const channelMessages = (h: Harness, pair: Pair) =>
  h.standIn.messages.filter((m) => m.channel === pair.channel!.id && !m.ephemeral);

/** Answers check-in `period` of the pair through the real form, with a note for staff only and a next step. */
export async function answerCheckin(
  h: Harness,
  pair: Pair,
  period: number,
  userId: string,
  a: { staffNote: string; step?: { what: string; who: string; by: string } },
): Promise<Checkin> {
  const checkin = (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;
  const A = CheckinIds.inputAction;
  const B = CheckinIds.block;
  const fields: Parameters<typeof inputValues>[0] = {
    [B.met]: { actionId: A, type: 'radio_buttons', value: 'yes' },
    [B.goalStatus(1)]: { actionId: A, type: 'static_select', value: 'some_progress' },
    [B.worked]: { actionId: A, type: 'plain_text_input', value: 'We met on Zoom' },
    [B.staffNote]: { actionId: A, type: 'plain_text_input', value: a.staffNote },
  };
  if (a.step) {
    fields[B.commitmentWhat(1)] = { actionId: A, type: 'plain_text_input', value: a.step.what };
    fields[B.commitmentWho(1)] = { actionId: A, type: 'static_select', value: a.step.who };
    fields[B.commitmentBy(1)] = { actionId: A, type: 'datepicker', value: a.step.by };
  }
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VSTAFFREPLY${userId}${period}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: { values: inputValues(fields) },
    },
  });
  if (res.json?.response_action !== 'clear') throw new Error(`answer refused: ${JSON.stringify(res.json)}`);
  return checkin;
}
