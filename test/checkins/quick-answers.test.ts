/**
 * Answering takes seconds when there is little to say: "We did not meet this week" and "Skip this
 * week" on the prompt and in the nudge, the form after "we did not meet", "Add another next step",
 * the thank-you, and the nudge DM that stops offering what is done.
 */
import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, CheckinReplyModel, repliedByOf, type Checkin } from '../../src/features/checkins/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import type { StandInMessage } from '../support/slack-stand-in';
import { withHarness } from '../support/with-harness';

const B = CheckinIds.block;
const A = CheckinIds.inputAction;
let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));

withHarness('checkin_quick', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T10:00:00Z') });

const KARIM = PEOPLE.mentee.id;
const ALICE = PEOPLE.mentor.id;

/** Check-in #1, posted Tuesday 8 December 13:00 UTC (08:00 New York, 19:00 Dhaka); the clock is then 13:30. */
async function pairWithPrompt(): Promise<{ pair: Pair; checkin: Checkin }> {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  const checkin = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean<Checkin>())!;
  expect(checkin.prompt?.ts).toBeDefined();
  clock.set('2026-12-08T13:30:00Z');
  return { pair, checkin };
}

const promptOf = (checkin: Checkin) =>
  h.standIn.messages.find((m) => m.channel === checkin.prompt!.channelId && m.ts === checkin.prompt!.ts)!;
const statusLine = (checkin: Checkin) => JSON.stringify(promptOf(checkin).blocks?.at(-1));
const threadOf = (checkin: Checkin) => h.standIn.messages.filter((m) => m.thread_ts === checkin.prompt!.ts);
/** The nudges in a person's DM (other DMs, such as the welcome, are not counted). */
const dmOf = (userId: string) =>
  h.standIn.messages.filter(
    (m) =>
      m.channel === h.standIn.dmChannelOf(userId) &&
      String((m.metadata as any)?.event_payload?.key ?? '').startsWith('nudge:'),
  );
/** Two working days after the prompt: Alice's nudge (Thursday 08:00 New York), then Karim's (Friday morning in Dhaka). */
async function nudgeBoth() {
  await runJobsAt(h, '2026-12-10T14:00:00Z', ['nudges']);
  await runJobsAt(h, '2026-12-11T04:00:00Z', ['nudges']);
}
const actionIdsOn = (m: StandInMessage) =>
  (m.blocks ?? []).flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).map((e: any) => e.action_id);

async function press(userId: string, actionId: string, where: { channel: string; ts: string }) {
  const before = h.standIn.responses.length;
  const res = await h.driver.blockAction({ userId, actionId, channelId: where.channel, messageTs: where.ts });
  expect(res.status).toBe(200);
  return before;
}
const onPrompt = (checkin: Checkin) => ({ channel: checkin.prompt!.channelId!, ts: checkin.prompt!.ts! });

/** A full answer: met, and goal statuses (null = left empty). */
function answerValues(met: string, statuses: Array<string | null>, extra: Record<string, string> = {}) {
  const fields: Parameters<typeof inputValues>[0] = {
    [B.met]: { actionId: A, type: 'radio_buttons', value: met },
    [B.worked]: { actionId: A, type: 'plain_text_input', value: extra.worked ?? '' },
    [B.commitmentWhat(1)]: { actionId: A, type: 'plain_text_input', value: extra.what ?? '' },
    [B.commitmentWho(1)]: { actionId: A, type: 'static_select', value: KARIM },
    [B.commitmentBy(1)]: { actionId: A, type: 'datepicker', value: extra.by ?? null },
  };
  statuses.forEach((status, i) => {
    fields[B.goalStatus(i + 1)] = { actionId: A, type: 'static_select', value: status };
    fields[B.goalNote(i + 1)] = { actionId: A, type: 'plain_text_input', value: '' };
  });
  return inputValues(fields);
}

async function submit(userId: string, checkin: Checkin, met: string, statuses: Array<string | null>, meta = {}) {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VQ${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id), rows: 1, ...meta }),
      state: { values: answerValues(met, statuses) },
    },
  });
  expect(res.status).toBe(200);
  return res.json as { response_action: string; errors?: Record<string, string> };
}

describe('one-tap answers on the prompt', () => {
  test('the prompt offers Answer, "We did not meet this week" and "Skip this week"', async () => {
    const { checkin } = await pairWithPrompt();
    const buttons = (promptOf(checkin).blocks ?? []).flatMap((b: any) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b: any) => [b.action_id, b.text.text, b.value])).toEqual([
      [CheckinIds.replyButton, 'Answer', String(checkin._id)],
      [CheckinIds.didNotMeetButton, 'We did not meet this week', String(checkin._id)],
      [CheckinIds.skipButton, 'Skip this week', String(checkin._id)],
    ]);
  });

  test('"Skip this week": one reply even on a double click, shown on the prompt, thanked, ends silence, no nudge', async () => {
    const { pair, checkin } = await pairWithPrompt();
    await PairModel.updateOne(
      { _id: pair._id },
      { $set: { atRisk: { since: new Date('2026-12-05T00:00:00Z'), reason: 'silent_21_days' } } },
    );
    const before = h.standIn.responses.length;
    await Promise.all([
      press(KARIM, CheckinIds.skipButton, onPrompt(checkin)),
      press(KARIM, CheckinIds.skipButton, onPrompt(checkin)),
    ]);
    await h.standIn.waitFor(() => h.standIn.responses.length >= before + 2, 8000, 'two answers to the clicks');

    const replies = await CheckinReplyModel.find({ checkinId: checkin._id }).lean();
    expect(replies.map((r) => [r.userId, r.met, r.quick])).toEqual([[KARIM, 'skipped', true]]);
    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!)).toEqual([KARIM]);
    const after = (await PairModel.findById(pair._id).lean())!;
    expect(after.lastActivityAt!.toISOString()).toBe('2026-12-08T13:30:00.000Z');
    expect(after.atRisk?.since).toBeUndefined();

    await eventually(async () => statusLine(checkin).includes(`<@${KARIM}> skipped this week`), 'the prompt update');
    expect(statusLine(checkin)).toContain(`:hourglass_flowing_sand: <@${ALICE}> has not answered yet`);
    const thanks = h.standIn.responses.slice(before).map((r) => r.body);
    expect(thanks[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(thanks[0].text).toMatch(/^Thank you\. Check-in #1 in <#C[A-Z0-9]+> now shows that you skip this week\./);
    expect(threadOf(checkin)).toHaveLength(0); // no summary for a one-tap answer

    // Two working days later: only Alice is nudged.
    await nudgeBoth();
    expect(dmOf(KARIM)).toHaveLength(0);
    expect(dmOf(ALICE)).toHaveLength(1);
    expect(await OutboxModel.findById(`nudge:${checkin._id}:${KARIM}`).lean()).toMatchObject({
      status: 'skipped',
      skipReason: 'already replied',
    });
  });

  test('"We did not meet this week", then a full answer replaces it: the form needs no goal progress after "no"', async () => {
    const { checkin } = await pairWithPrompt();
    const before = await press(KARIM, CheckinIds.didNotMeetButton, onPrompt(checkin));
    await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, 'the thank-you');
    expect(h.standIn.responses[before].body.text).toMatch(/now shows that you did not meet this week/);
    expect((await CheckinReplyModel.findOne({ userId: KARIM }).lean())!).toMatchObject({ met: 'no', quick: true });
    await eventually(async () => statusLine(checkin).includes(`<@${KARIM}>: we did not meet this week`), 'the prompt');

    // "Answer" opens a fresh form (not an edit), starting from "No".
    await press(KARIM, CheckinIds.replyButton, onPrompt(checkin));
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'views.open');
    const view = h.standIn.callsTo('views.open')[0].args.view;
    expect(view.submit.text).toBe('Send');
    expect(view.blocks.find((b: any) => b.block_id === B.met).element.initial_option.value).toBe('no');

    // "Yes" still needs each goal's progress; "No" does not.
    const refused = await submit(KARIM, checkin, 'yes', [null, null]);
    expect(refused.response_action).toBe('errors');
    expect(refused.errors![B.goalStatus(1)]).toMatch(/where this goal stands/);
    expect(await submit(KARIM, checkin, 'no', [null, null])).toEqual({ response_action: 'clear' });

    const replies = await CheckinReplyModel.find({ userId: KARIM }).lean();
    expect(replies.map((r) => [r.met, r.quick, r.editCount])).toEqual([['no', false, 0]]);
    await eventually(async () => threadOf(checkin).length === 1, 'the summary');
    expect(JSON.stringify(threadOf(checkin)[0].blocks)).not.toContain('(edited)');
    await eventually(async () => statusLine(checkin).includes(`:white_check_mark: <@${KARIM}> answered`), 'prompt');
    // The thank-you says where the answer went, privately in the channel (the handler's last step).
    const thanksTo = () =>
      h.standIn.messages.filter((m) => m.ephemeral && m.user === KARIM && /Thank you\./.test(m.text ?? ''));
    await eventually(async () => thanksTo().length > 0, 'the thank-you');
    const thanks = thanksTo();
    expect(thanks.map((m) => m.text)).toEqual([
      `Thank you. Your answer is in the thread of check-in #1 in <#${checkin.prompt!.channelId}>.`,
    ]);
    expect(thanks[0].channel).toBe(checkin.prompt!.channelId);
  });

  test('a one-tap answer does not overwrite a full answer', async () => {
    const { checkin } = await pairWithPrompt();
    expect(await submit(KARIM, checkin, 'yes', ['on_track', 'stuck'])).toEqual({ response_action: 'clear' });
    const before = await press(KARIM, CheckinIds.skipButton, onPrompt(checkin));
    await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, 'the refusal');
    expect(h.standIn.responses[before].body.text).toMatch(/You already answered check-in #1/);
    expect((await CheckinReplyModel.findOne({ userId: KARIM }).lean())!).toMatchObject({ met: 'yes', quick: false });
  });
});

describe('the nudge offers the same one-tap answers, and stops offering them once answered', () => {
  test('"Skip this week" in the nudge DM records the skip and the DM says thank you, without buttons', async () => {
    const { checkin } = await pairWithPrompt();
    await nudgeBoth();
    const [nudge] = dmOf(KARIM);
    expect(nudge.text).toMatch(/Check-in #1 with <@U0MENTOR01> still waits for your answer/);
    expect(actionIdsOn(nudge)).toEqual([CheckinIds.replyButton, CheckinIds.didNotMeetButton, CheckinIds.skipButton]);

    clock.set('2026-12-11T04:30:00Z');
    const before = await press(KARIM, CheckinIds.skipButton, { channel: nudge.channel, ts: nudge.ts });
    await eventually(async () => Boolean(nudge.updated), 'the nudge DM to be updated');
    expect(nudge.text).toMatch(/^Thank you\. Check-in #1 in <#C[A-Z0-9]+> now shows that you skip this week\./);
    expect(actionIdsOn(nudge)).toEqual([]);
    expect((await CheckinReplyModel.findOne({ userId: KARIM }).lean())!).toMatchObject({ met: 'skipped', quick: true });
    await eventually(async () => statusLine(checkin).includes(`<@${KARIM}> skipped this week`), 'the prompt');
    expect(h.standIn.responses.length).toBe(before); // the updated DM is the thank-you: no second message
    expect(dmOf(KARIM)).toHaveLength(1);
  });

  test('a full answer given in the channel replaces the nudge DM with the thank-you', async () => {
    const { checkin } = await pairWithPrompt();
    await nudgeBoth();
    const [nudge] = dmOf(ALICE);
    clock.set('2026-12-10T15:00:00Z');
    expect(await submit(ALICE, checkin, 'yes', ['on_track', 'some_progress'])).toEqual({ response_action: 'clear' });
    await eventually(async () => Boolean(nudge.updated), 'the nudge DM to be updated');
    expect(nudge.text).toBe(
      `Thank you. Your answer is in the thread of check-in #1 in <#${checkin.prompt!.channelId}>.`,
    );
    expect(actionIdsOn(nudge)).toEqual([]);
  });

  test('a full answer from the nudge DM: the thank-you is the updated DM, not a message in the channel', async () => {
    const { checkin } = await pairWithPrompt();
    await nudgeBoth();
    const [nudge] = dmOf(ALICE);
    await press(ALICE, CheckinIds.replyButton, { channel: nudge.channel, ts: nudge.ts });
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'views.open');
    const meta = JSON.parse(h.standIn.callsTo('views.open')[0].args.view.private_metadata);
    expect(meta).toEqual({ checkinId: String(checkin._id), rows: 1, dmChannel: nudge.channel });
    expect(await submit(ALICE, checkin, 'yes', ['on_track', 'achieved'], meta)).toEqual({ response_action: 'clear' });
    await eventually(async () => Boolean(nudge.updated), 'the nudge DM to be updated');
    expect(nudge.text).toMatch(/^Thank you\. Your answer is in the thread of check-in #1/);
    expect(h.standIn.messages.filter((m) => m.ephemeral && /Thank you/.test(m.text ?? ''))).toHaveLength(0);
  });
});

describe('"Add another next step"', () => {
  test('updates the modal with one more row and keeps what was typed, up to three rows', async () => {
    const { checkin } = await pairWithPrompt();
    await press(KARIM, CheckinIds.replyButton, onPrompt(checkin));
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'views.open');
    const opened = h.standIn.callsTo('views.open')[0];
    const stored = [...h.standIn.views.values()].find((v: any) => v.callback_id === CheckinIds.replyModal) as any;
    expect(stored).toBeDefined();
    const typed = inputValues({
      [B.met]: { actionId: A, type: 'radio_buttons', value: 'yes' },
      [B.worked]: { actionId: A, type: 'plain_text_input', value: 'The board <b>agreed</b> & signed' },
      [B.commitmentWhat(1)]: { actionId: A, type: 'plain_text_input', value: 'Draft the letter' },
      [B.commitmentWho(1)]: { actionId: A, type: 'static_select', value: ALICE },
      [B.commitmentBy(1)]: { actionId: A, type: 'datepicker', value: '2026-12-18' },
    });
    const click = (view: any, state: any) =>
      h.driver.blockAction({
        userId: KARIM,
        actionId: CheckinIds.addNextStepButton,
        view: { ...view, state: { values: state } },
      });
    await click(stored, typed);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.update').length === 1, 5000, 'views.update');
    const update = h.standIn.callsTo('views.update')[0].args;
    expect(update.view_id).toBe(stored.id);
    const block = (view: any, id: string) => view.blocks.find((b: any) => b.block_id === id);
    const v2 = update.view;
    expect(JSON.parse(v2.private_metadata)).toEqual({ checkinId: String(checkin._id), rows: 2 });
    expect(block(v2, B.commitmentWhat(2))).toBeDefined();
    expect(block(v2, B.commitmentWhat(3))).toBeUndefined();
    expect(block(v2, B.worked).element.initial_value).toBe('The board <b>agreed</b> & signed');
    expect(block(v2, B.met).element.initial_option.value).toBe('yes');
    expect(block(v2, B.commitmentWhat(1)).element.initial_value).toBe('Draft the letter');
    expect(block(v2, B.commitmentWho(1)).element.initial_option.value).toBe(ALICE);
    expect(block(v2, B.commitmentBy(1)).element.initial_date).toBe('2026-12-18');
    expect(block(v2, B.addNextStep)).toBeDefined();

    const updated = h.standIn.views.get(stored.id) as any;
    await click(updated, typed);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.update').length === 2, 5000, 'second views.update');
    const v3 = h.standIn.callsTo('views.update')[1].args.view;
    expect(block(v3, B.commitmentWhat(3))).toBeDefined();
    expect(block(v3, B.addNextStep)).toBeUndefined(); // the limit: no more rows offered
    expect(opened.args.view.blocks.filter((b: any) => /commitment_\d+_what/.test(b.block_id ?? ''))).toHaveLength(1);
  });
});
