import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { GoalIds } from '../../src/features/goals/ids';
import { GoalNoteModel } from '../../src/features/goals/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { eventually } from '../support/eventually';
import type { Harness } from '../support/app-harness';
import { inputValues } from '../support/slack-driver';

export const A = GoalIds.inputAction;
export const B = GoalIds.block;

export const reload = async (pair: Pair) => (await PairModel.findById(pair._id).lean<Pair>())!;
export const goalsOfPair = async (pair: Pair) => (await reload(pair)).goals as any[];
export const notesOf = (pair: Pair) => GoalNoteModel.find({ pairId: pair._id }).sort({ at: 1 }).lean();
export const channelPosts = (h: Harness, pair: Pair) =>
  h.standIn.messages.filter((m) => m.channel === pair.channel?.id && !m.ephemeral);

/** `/mentorship <text>` typed in `channelId`; waits for a post in that channel or an answer through response_url. */
export async function typeCommand(h: Harness, userId: string, channelId: string, text: string): Promise<any> {
  const posts = h.standIn.messages.length;
  const responses = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', text, { userId, channelId });
  if (res.status !== 200) throw new Error(`command answered ${res.status}`);
  await h.standIn.waitFor(
    () => h.standIn.responses.length > responses || h.standIn.messages.length > posts,
    8000,
    `an answer to "/mentorship ${text}"`,
  );
  if (h.standIn.responses.length > responses) return { answer: h.standIn.responses.at(-1)!.body };
  return { posted: h.standIn.messages.at(-1)! };
}

/** The value of a button in a message's blocks (by action_id, and the goal's section above it when given). */
export function buttonValue(message: { blocks?: any[] }, actionId: string, n = 0): string {
  const values = (message.blocks ?? [])
    .flatMap((b) => b.elements ?? [])
    .filter((e: any) => e.action_id === actionId)
    .map((e: any) => e.value as string);
  if (values[n] === undefined) throw new Error(`no ${actionId} button #${n}`);
  return values[n];
}

/** Presses a goals button; returns the modal opened, or the answer given instead. */
export async function press(
  h: Harness,
  userId: string,
  actionId: string,
  value: string,
  channelId?: string,
  fromHome = false,
): Promise<{ modal?: any; answer?: any }> {
  const modals = () => [...h.standIn.views.values()].filter((v) => v.type === 'modal');
  const views = modals().length;
  const responses = h.standIn.responses.length;
  // From App Home: no response_url, so any answer comes as a small modal.
  const home = fromHome ? { view: { id: 'VHOMETAB', type: 'home', blocks: [] } } : {};
  const res = await h.driver.blockAction({ userId, actionId, value, channelId, ...home });
  if (res.status !== 200) throw new Error(`button answered ${res.status}`);
  await h.standIn.waitFor(
    () => modals().length > views || h.standIn.responses.length > responses,
    8000,
    `the answer to ${actionId}`,
  );
  return modals().length > views ? { modal: modals().at(-1)! } : { answer: h.standIn.responses.at(-1)!.body };
}

type Fields = Parameters<typeof inputValues>[0];
export const txt = (value: string) => ({ actionId: A, type: 'plain_text_input' as const, value });
export const choose = (value: string | null) => ({ actionId: A, type: 'static_select' as const, value });
export const radio = (value: string) => ({ actionId: A, type: 'radio_buttons' as const, value });
export const day = (value: string) => ({ actionId: A, type: 'datepicker' as const, value });
export const checked = (values: string[]) => ({ actionId: A, type: 'checkboxes' as const, value: values });

/** Submits a modal as Slack would; `metadata` forges its private_metadata. */
export async function submit(h: Harness, userId: string, modal: any, fields: Fields, metadata?: string): Promise<any> {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: modal.id,
      callback_id: modal.callback_id,
      private_metadata: metadata ?? modal.private_metadata,
      state: { values: inputValues(fields) },
    },
  });
  if (res.status !== 200) throw new Error(`submission answered ${res.status}`);
  return res.json ?? {};
}

/** Waits for a post in the pair's channel whose text matches (the line comes after the modal closes). */
export async function lineIn(h: Harness, pair: Pair, pattern: RegExp): Promise<string> {
  await h.standIn.waitFor(
    () => channelPosts(h, pair).some((m) => pattern.test(m.text ?? '')),
    5000,
    `a line ${pattern}`,
  );
  return channelPosts(h, pair)
    .filter((m) => pattern.test(m.text ?? ''))
    .at(-1)!.text!;
}

/** Answers check-in `period` through the real form with a status (and a note) for each goal. */
export async function answerWithGoals(
  h: Harness,
  pair: Pair,
  period: number,
  userId: string,
  goals: Array<{ status: string; note?: string }>,
  viewId = `VGOALREPLY${userId}${period}`,
): Promise<void> {
  const checkin = (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;
  const CA = CheckinIds.inputAction;
  const CB = CheckinIds.block;
  const fields: Fields = { [CB.met]: { actionId: CA, type: 'radio_buttons', value: 'yes' } };
  goals.forEach((g, i) => {
    fields[CB.goalStatus(i + 1)] = { actionId: CA, type: 'static_select', value: g.status };
    fields[CB.goalNote(i + 1)] = { actionId: CA, type: 'plain_text_input', value: g.note ?? '' };
  });
  const before = h.standIn.messages.length;
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: viewId,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: { values: inputValues(fields) },
    },
  });
  if (res.json?.response_action !== 'clear') throw new Error(`answer refused: ${JSON.stringify(res.json)}`);
  // The summary in the prompt's thread and the private thank-you are sent after the ack: wait for
  // both, so the next step's "latest message" is not one of them arriving late.
  await h.standIn.waitFor(
    () => h.standIn.messages.slice(before).some((m) => m.ephemeral && m.user === userId),
    8000,
    'the private thank-you for the answer',
  );
  await eventually(
    async () =>
      (await OutboxModel.countDocuments({ pairId: pair._id, kind: 'reply_summary', status: { $ne: 'sent' } })) === 0 &&
      (await OutboxModel.countDocuments({ pairId: pair._id, kind: 'reply_summary' })) > 0,
    'the reply summary sent',
  );
}
