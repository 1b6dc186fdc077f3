import { FeedbackIds } from '../../src/features/feedback/ids';
import type { Harness } from '../support/app-harness';

/** How the tests drive the feedback form: as Slack would, through the stand-in and signed requests. */

export const A = FeedbackIds.inputAction;
export const Q = FeedbackIds.questionBlock;
export const V = FeedbackIds.visibilityBlock;

/** The messages the bot sent to one person's DM. */
export function dmsTo(h: Harness, userId: string) {
  const dm = h.standIn.dmChannelOf(userId);
  return dm ? h.standIn.messages.filter((m) => m.channel === dm && !m.ephemeral) : [];
}

/** Presses the "Give feedback" button of a DM (or any message); returns the modal opened, or the answer given. */
export async function pressGiveFeedback(
  h: Harness,
  userId: string,
  message: { channel: string; ts: string },
): Promise<{ modal?: any; answer?: any }> {
  const views = h.standIn.views.size;
  const responses = h.standIn.responses.length;
  const res = await h.driver.blockAction({
    userId,
    actionId: FeedbackIds.giveButton,
    channelId: message.channel,
    messageTs: message.ts,
  });
  if (res.status !== 200) throw new Error(`button answered ${res.status}`);
  await h.standIn.waitFor(
    () => h.standIn.views.size > views || h.standIn.responses.length > responses,
    8000,
    'the feedback button to answer',
  );
  return h.standIn.views.size > views
    ? { modal: [...h.standIn.views.values()].at(-1) }
    : { answer: h.standIn.responses.at(-1)!.body };
}

/** Types `/mentorship feedback` in a channel; returns the modal opened, or the answer given. */
export async function feedbackCommand(
  h: Harness,
  userId: string,
  channelId: string,
  text = 'feedback',
): Promise<{ modal?: any; answer?: any }> {
  const views = h.standIn.views.size;
  const responses = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', text, { userId, channelId });
  if (res.status !== 200) throw new Error(`command answered ${res.status}`);
  await h.standIn.waitFor(
    () => h.standIn.views.size > views || h.standIn.responses.length > responses,
    8000,
    `an answer to /mentorship ${text}`,
  );
  return h.standIn.views.size > views
    ? { modal: [...h.standIn.views.values()].at(-1) }
    : { answer: h.standIn.responses.at(-1)!.body };
}

type Field = { type: 'static_select' | 'plain_text_input' | 'checkboxes'; value: any };

/** Answers: question id -> value (a select's value or a text), visibility: question id -> visibility. */
export function formValues(
  answers: Record<string, string | null>,
  visibility: Record<string, string> = {},
  opts: { urgent?: boolean; textIds?: string[] } = {},
): Record<string, Record<string, any>> {
  const values: Record<string, Record<string, any>> = {};
  const textIds = new Set(opts.textIds ?? ['concern', 'not_worked', 'do_more', 'change', 'concrete_change', 'message']);
  const put = (blockId: string, f: Field) => {
    const state: any = { type: f.type };
    if (f.type === 'plain_text_input') state.value = f.value;
    else if (f.type === 'checkboxes')
      state.selected_options = (f.value as string[]).map((v) => ({ text: { type: 'plain_text', text: v }, value: v }));
    else
      state.selected_option = f.value === null ? null : { text: { type: 'plain_text', text: f.value }, value: f.value };
    values[blockId] = { [A]: state };
  };
  for (const [id, value] of Object.entries(answers)) {
    put(Q(id), textIds.has(id) ? { type: 'plain_text_input', value } : { type: 'static_select', value });
  }
  for (const [id, v] of Object.entries(visibility)) put(V(id), { type: 'static_select', value: v });
  if (opts.urgent !== undefined)
    put(FeedbackIds.urgentBlock, { type: 'checkboxes', value: opts.urgent ? ['urgent'] : [] });
  return values;
}

/** Submits the feedback modal as Slack would (same view id = a retried delivery or a double click). */
export async function submitForm(
  h: Harness,
  userId: string,
  modal: { id: string; private_metadata?: string },
  values: Record<string, Record<string, any>>,
  privateMetadata?: string,
): Promise<any> {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: modal.id,
      callback_id: FeedbackIds.formModal,
      private_metadata: privateMetadata ?? modal.private_metadata,
      state: { values },
    },
  });
  if (res.status !== 200) throw new Error(`form answered ${res.status}`);
  return res.json;
}

/** Everything the app sent to Slack, as one string (every recorded Web API call's arguments and every response_url post). */
export function everythingSent(h: Harness): string {
  return JSON.stringify([
    h.standIn.calls.map((c) => c.args),
    h.standIn.responses.map((r) => r.body),
    [...h.standIn.views.values()],
    h.standIn.messages,
    [...h.standIn.files.values()].map((f) => f.bytes?.toString('utf8') ?? ''),
  ]);
}
