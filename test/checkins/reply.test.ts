import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, CheckinReplyModel, repliedByOf, type Checkin } from '../../src/features/checkins/model';
import { CommitmentModel } from '../../src/features/commitments/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { rawDatesIn } from '../messages/visible-text';

const B = CheckinIds.block;
const A = CheckinIds.inputAction;

/** Simulated time for the app's listeners (deps.clock). */
const clock = {
  current: new Date('2026-12-01T10:00:00Z'),
  now() {
    return this.current;
  },
  set(iso: string) {
    this.current = new Date(iso);
  },
};

let h: Harness;

withHarness('checkin_reply', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T10:00:00Z') });

// Every date shown to people (the summary's next steps among them) is a Slack date token.
afterEach(() => {
  expect(rawDatesIn(h.standIn.messages, h.standIn.responses)).toEqual([]);
});

const TWO_GOALS: Array<[string, string]> = [
  ['Halve the central-bank fee', 'The fee for member MFIs drops from 2% to 1%'],
  ['Launch a member newsletter', 'Three issues sent'],
];

/** A pair (weekly from 2026-12-01) whose check-in #1 prompt is posted on 2026-12-08 at 13:00 UTC (08:00 New York, 19:00 Dhaka); the clock is then 13:00 UTC. */
async function pairWithPrompt(goals = TWO_GOALS): Promise<{ pair: Pair; checkin: Checkin }> {
  const pair = await createActivePair(h, { goals });
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  const checkin = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean<Checkin>())!;
  expect(checkin.prompt?.ts).toBeDefined();
  clock.set('2026-12-08T13:00:00Z');
  return { pair: (await PairModel.findById(pair._id).lean<Pair>())!, checkin };
}

function promptMessage(checkin: Checkin) {
  return h.standIn.messages.find((m) => m.channel === checkin.prompt!.channelId && m.ts === checkin.prompt!.ts)!;
}

function pressReply(userId: string, checkin: Checkin) {
  return h.driver.blockAction({
    userId,
    actionId: CheckinIds.replyButton,
    channelId: checkin.prompt!.channelId!,
    messageTs: checkin.prompt!.ts!,
  });
}

interface Step {
  what?: string;
  who?: string;
  by?: string;
}
interface Answer {
  met?: string | null;
  goals?: Array<[string | null, string]>;
  worked?: string;
  didNotWork?: string;
  adaptation?: string;
  steps?: Step[];
  blockers?: string;
  staffNote?: string;
}

const GOOD: Required<Answer> = {
  met: 'yes',
  goals: [
    ['some_progress', 'Met the deputy governor'],
    ['stuck', 'No budget for printing'],
  ],
  worked: 'Framing the fee as a cost to rural borrowers.',
  didNotWork: 'The petition idea: petitions are not how things move here.',
  adaptation: 'We used the association board instead of a public campaign.',
  steps: [
    { what: 'Draft the letter to the regulator', who: PEOPLE.mentee.id, by: '2026-12-18' },
    { what: 'Share the ASAE advocacy template', who: PEOPLE.mentor.id, by: '2026-12-14' },
  ],
  blockers: 'Waiting for board approval.',
  staffNote: 'SECRET-FOR-STAFF: I feel the mentor pushes US solutions.',
};

function answerValues(a: Answer = {}) {
  const x = { ...GOOD, ...a };
  const fields: Parameters<typeof inputValues>[0] = {
    [B.met]: { actionId: A, type: 'radio_buttons', value: x.met },
    [B.worked]: { actionId: A, type: 'plain_text_input', value: x.worked },
    [B.didNotWork]: { actionId: A, type: 'plain_text_input', value: x.didNotWork },
    [B.adaptation]: { actionId: A, type: 'plain_text_input', value: x.adaptation },
    [B.blockers]: { actionId: A, type: 'plain_text_input', value: x.blockers },
    [B.staffNote]: { actionId: A, type: 'plain_text_input', value: x.staffNote },
  };
  x.goals.forEach(([status, note], i) => {
    fields[B.goalStatus(i + 1)] = { actionId: A, type: 'static_select', value: status };
    fields[B.goalNote(i + 1)] = { actionId: A, type: 'plain_text_input', value: note };
  });
  for (let row = 1; row <= 3; row++) {
    const s = x.steps[row - 1] ?? {};
    fields[B.commitmentWhat(row)] = { actionId: A, type: 'plain_text_input', value: s.what ?? '' };
    fields[B.commitmentWho(row)] = { actionId: A, type: 'static_select', value: s.who ?? PEOPLE.mentee.id };
    fields[B.commitmentBy(row)] = { actionId: A, type: 'datepicker', value: s.by ?? null };
  }
  return inputValues(fields);
}

async function submitAnswer(userId: string, checkin: Checkin, a: Answer = {}) {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VREPLY${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: { values: answerValues(a) },
    },
  });
  expect(res.status).toBe(200);
  return res.json as { response_action: string; errors?: Record<string, string> };
}

/** Messages in the prompt's thread. */
const threadOf = (checkin: Checkin) => h.standIn.messages.filter((m) => m.thread_ts === checkin.prompt!.ts);
const repliedLine = (checkin: Checkin) => JSON.stringify(promptMessage(checkin).blocks?.at(-1));

describe('answering a check-in', () => {
  test('the button opens the modal with one status field and one note per goal, and one next-step row', async () => {
    const { checkin } = await pairWithPrompt();
    await pressReply(PEOPLE.mentee.id, checkin);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'views.open');
    const view = h.standIn.callsTo('views.open')[0].args.view;
    expect(view.callback_id).toBe(CheckinIds.replyModal);
    expect(JSON.parse(view.private_metadata)).toEqual({ checkinId: String(checkin._id), rows: 1 });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    const ids: string[] = view.blocks.map((b: any) => b.block_id).filter(Boolean);
    expect(ids.filter((id) => /^checkins\.goal_\d+_status$/.test(id))).toEqual([B.goalStatus(1), B.goalStatus(2)]);
    expect(ids.filter((id) => /^checkins\.goal_\d+_note$/.test(id))).toEqual([B.goalNote(1), B.goalNote(2)]);
    expect(
      view.blocks.filter((b: any) => /note/i.test(b.label?.text ?? '') && /Goal 1/.test(b.label.text)),
    ).toHaveLength(1);
    expect(ids).toEqual(
      expect.arrayContaining([B.met, B.worked, B.didNotWork, B.adaptation, B.blockers, B.staffNote, B.commitmentBy(1)]),
    );
    // One next-step row, and a button for another (not three empty rows).
    expect(ids.filter((id) => /^checkins\.commitment_\d+_what$/.test(id))).toEqual([B.commitmentWhat(1)]);
    const add = view.blocks.find((b: any) => b.block_id === B.addNextStep);
    expect(add.elements.map((e: any) => [e.action_id, e.text.text])).toEqual([
      [CheckinIds.addNextStepButton, 'Add another next step'],
    ]);
    // Check-in #1 does not ask about "since the last check-in".
    expect(view.blocks.find((b: any) => b.block_id === B.met).label.text).toBe('Did you meet this week?');
    const status = view.blocks.find((b: any) => b.block_id === B.goalStatus(1));
    expect(status.label.text).toContain('Halve the central-bank fee');
    expect(status.element.options.map((o: any) => o.value)).toEqual([
      'not_started',
      'some_progress',
      'on_track',
      'stuck',
      'achieved',
    ]);
    const who = view.blocks.find((b: any) => b.block_id === B.commitmentWho(1));
    expect(who.element.options.map((o: any) => [o.text.text, o.value])).toEqual([
      ['Alice Müller (mentor)', PEOPLE.mentor.id],
      ['Karim Rahman (mentee)', PEOPLE.mentee.id],
    ]);
    const staffNote = view.blocks.find((b: any) => b.block_id === B.staffNote);
    expect(staffNote.label.text).toBe('Note for staff only (not shared with your partner)');
    expect(h.standIn.responses).toHaveLength(0);
  });

  test('a valid answer stores the reply and its next steps, posts a summary in the thread (without the staff note) and marks the prompt', async () => {
    const { pair, checkin } = await pairWithPrompt();
    expect(await submitAnswer(PEOPLE.mentee.id, checkin)).toEqual({ response_action: 'clear' });

    const reply = (await CheckinReplyModel.findOne({ checkinId: checkin._id }).lean())!;
    expect(reply).toMatchObject({
      userId: PEOPLE.mentee.id,
      period: 1,
      met: 'yes',
      editCount: 0,
      staffNote: GOOD.staffNote,
      blockers: GOOD.blockers,
    });
    expect(reply.goals.map((g) => [g.title, g.status, g.note])).toEqual([
      ['Halve the central-bank fee', 'some_progress', 'Met the deputy governor'],
      ['Launch a member newsletter', 'stuck', 'No budget for printing'],
    ]);
    expect(reply.submittedAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');

    const commitments = await CommitmentModel.find({ pairId: pair._id }).sort({ sourceKey: 1 }).lean();
    expect(commitments.map((c) => [c.sourceKey, c.ownerId, c.what, c.dueDay, c.status, c.createdBy])).toEqual([
      [`${reply._id}:1`, PEOPLE.mentee.id, 'Draft the letter to the regulator', '2026-12-18', 'open', PEOPLE.mentee.id],
      [`${reply._id}:2`, PEOPLE.mentor.id, 'Share the ASAE advocacy template', '2026-12-14', 'open', PEOPLE.mentee.id],
    ]);
    // 10:00 the owner's time on their working day before: Thu 17 Dec in Dhaka (UTC+6), Fri 11 Dec in New York (UTC-5).
    expect(commitments.map((c) => c.remindAt.toISOString())).toEqual([
      '2026-12-17T04:00:00.000Z',
      '2026-12-11T15:00:00.000Z',
    ]);

    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!)).toEqual([PEOPLE.mentee.id]);

    await eventually(
      async () =>
        threadOf(checkin).length === 1 && repliedLine(checkin).includes(`:white_check_mark: <@${PEOPLE.mentee.id}>`),
      'summary and prompt update',
    );
    const summary = threadOf(checkin)[0];
    expect(summary.channel).toBe(pair.channel!.id);
    const shown = JSON.stringify(summary.blocks);
    for (const part of [
      'Karim',
      'Met the deputy governor',
      'Some progress',
      'Stuck',
      GOOD.worked,
      'petitions are not how things move here',
      GOOD.adaptation,
      // The due day as a Slack date token: each reader sees it in their own locale.
      `Draft the letter to the regulator (by <!date^${Date.parse('2026-12-18T12:00:00Z') / 1000}^{date_long_pretty}|Friday 18 December 2026>)`,
      `<@${PEOPLE.mentor.id}>: Share the ASAE advocacy template`,
      GOOD.blockers,
    ]) {
      expect(shown).toContain(part.replace('Karim', `<@${PEOPLE.mentee.id}>`));
    }
    const everything = JSON.stringify(h.standIn.messages) + JSON.stringify(h.standIn.calls.map((c) => c.args));
    expect(everything).not.toContain('SECRET-FOR-STAFF');
    expect(repliedLine(checkin)).toContain(`:hourglass_flowing_sand: <@${PEOPLE.mentor.id}>`);
    expect((await CheckinReplyModel.findById(reply._id).lean())!.summary).toEqual({
      channelId: summary.channel,
      ts: summary.ts,
    });
  });

  test('each person answers separately', async () => {
    const { checkin } = await pairWithPrompt();
    expect((await submitAnswer(PEOPLE.mentee.id, checkin)).response_action).toBe('clear');
    await eventually(async () => threadOf(checkin).length === 1, 'first summary');
    expect(
      (await submitAnswer(PEOPLE.mentor.id, checkin, { met: 'rescheduled', steps: [], staffNote: '' })).response_action,
    ).toBe('clear');
    await eventually(
      async () =>
        threadOf(checkin).length === 2 && repliedLine(checkin).includes(`:white_check_mark: <@${PEOPLE.mentor.id}>`),
      'second summary',
    );

    const replies = await CheckinReplyModel.find({ checkinId: checkin._id }).sort({ userId: 1 }).lean();
    expect(replies.map((r) => [r.userId, r.met])).toEqual([
      [PEOPLE.mentee.id, 'yes'],
      [PEOPLE.mentor.id, 'rescheduled'],
    ]);
    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!).sort()).toEqual(
      [PEOPLE.mentee.id, PEOPLE.mentor.id].sort(),
    );
    expect(repliedLine(checkin)).toContain(`:white_check_mark: <@${PEOPLE.mentee.id}>`);
    expect(await CommitmentModel.countDocuments()).toBe(2);
  });

  test.each([
    ['someone outside the pair', PEOPLE.outsider.id],
    ['program staff', PEOPLE.staff.id],
  ])('%s is refused on the button and on a forged submission', async (_who, userId) => {
    const { checkin } = await pairWithPrompt();
    await pressReply(userId, checkin);
    await h.standIn.waitFor(() => h.standIn.responses.length === 1, 5000, 'a refusal');
    expect(h.standIn.responses[0].body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(h.standIn.responses[0].body.text).toMatch(/Only the mentor and the mentee/);
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);

    const answer = await submitAnswer(userId, checkin);
    expect(answer.response_action).toBe('errors');
    expect(answer.errors![B.met]).toMatch(/Only the mentor and the mentee/);
    expect(await CheckinReplyModel.countDocuments()).toBe(0);
    expect(await CommitmentModel.countDocuments()).toBe(0);
    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!)).toEqual([]);
  });

  test.each<[string, Answer, string, RegExp]>([
    [
      'a next step without a date',
      { steps: [{ what: 'Call the regulator', who: PEOPLE.mentee.id }] },
      B.commitmentBy(1),
      /by when/,
    ],
    [
      'a date without a next step',
      { steps: [{}, { who: PEOPLE.mentor.id, by: '2026-12-20' }] },
      B.commitmentWhat(2),
      /Say what will be done/,
    ],
    [
      'a date in the past',
      { steps: [{ what: 'Call the regulator', who: PEOPLE.mentee.id, by: '2026-12-07' }] },
      B.commitmentBy(1),
      /in the past \(today is Tuesday 8 December 2026/,
    ],
    [
      'a date way after the program end',
      { steps: [{ what: 'Call the regulator', who: PEOPLE.mentee.id, by: '2027-07-01' }] },
      B.commitmentBy(1),
      /more than 30 days after the program ends: choose Wednesday 30 June 2027/,
    ],
    [
      'a goal without a status',
      {
        goals: [
          ['on_track', ''],
          [null, 'forgot'],
        ],
      },
      B.goalStatus(2),
      /where this goal stands/,
    ],
    ['no answer on meeting', { met: null }, B.met, /whether you met/],
    ['an over-long note', { didNotWork: 'x'.repeat(1501) }, B.didNotWork, /at most 1500 characters/],
    [
      'a next step owned by someone else',
      { steps: [{ what: 'Call', who: PEOPLE.outsider.id, by: '2026-12-20' }] },
      B.commitmentWho(1),
      /the mentor or the mentee/,
    ],
  ])('%s gets a field error and stores nothing', async (_name, answer, blockId, message) => {
    const { checkin } = await pairWithPrompt();
    const res = await submitAnswer(PEOPLE.mentee.id, checkin, answer);
    expect(res.response_action).toBe('errors');
    expect(res.errors![blockId]).toMatch(message);
    expect(await CheckinReplyModel.countDocuments()).toBe(0);
    expect(await CommitmentModel.countDocuments()).toBe(0);
    expect(await OutboxModel.countDocuments({ kind: 'reply_summary' })).toBe(0);
    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!)).toEqual([]);
  });

  test('"today" is the submitter\'s: late evening in New York is already tomorrow in Dhaka', async () => {
    const { checkin } = await pairWithPrompt();
    clock.set('2026-12-08T20:00:00Z'); // 15:00 on the 8th in New York, 02:00 on the 9th in Dhaka
    const steps = [{ what: 'Call the regulator', who: PEOPLE.mentee.id, by: '2026-12-08' }];
    expect((await submitAnswer(PEOPLE.mentee.id, checkin, { steps })).errors?.[B.commitmentBy(1)]).toMatch(
      /today is Wednesday 9 December 2026/,
    );
    expect((await submitAnswer(PEOPLE.mentor.id, checkin, { steps })).response_action).toBe('clear');
  });

  test('editing updates the same reply, the same commitments and the same thread message', async () => {
    const { pair, checkin } = await pairWithPrompt();
    await submitAnswer(PEOPLE.mentee.id, checkin);
    await eventually(async () => threadOf(checkin).length === 1, 'first summary');
    const first = (await CheckinReplyModel.findOne().lean())!;
    const summaryTs = threadOf(checkin)[0].ts;

    // The button now opens the modal pre-filled with the answer.
    clock.set('2026-12-10T09:00:00Z');
    await pressReply(PEOPLE.mentee.id, checkin);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'views.open');
    const view = h.standIn.callsTo('views.open')[0].args.view;
    const block = (id: string) => view.blocks.find((b: any) => b.block_id === id);
    expect(block(B.met).element.initial_option.value).toBe('yes');
    expect(block(B.goalStatus(2)).element.initial_option.value).toBe('stuck');
    expect(block(B.worked).element.initial_value).toBe(GOOD.worked);
    expect(block(B.staffNote).element.initial_value).toBe(GOOD.staffNote);
    expect(block(B.commitmentWhat(1)).element.initial_value).toBe('Draft the letter to the regulator');
    expect(block(B.commitmentWho(2)).element.initial_option.value).toBe(PEOPLE.mentor.id);
    expect(block(B.commitmentBy(1)).element.initial_date).toBe('2026-12-18');

    const edited = await submitAnswer(PEOPLE.mentee.id, checkin, {
      goals: [
        ['on_track', 'Letter drafted'],
        ['stuck', 'No budget for printing'],
      ],
      steps: [{ what: 'Send the letter to the regulator', who: PEOPLE.mentee.id, by: '2026-12-21' }, {}],
    });
    expect(edited).toEqual({ response_action: 'clear' });
    await eventually(
      async () => h.standIn.callsTo('chat.update').some((c) => c.args.ts === summaryTs),
      'the summary to be updated',
    );

    const replies = await CheckinReplyModel.find().lean();
    expect(replies).toHaveLength(1);
    expect(String(replies[0]._id)).toBe(String(first._id));
    expect(replies[0]).toMatchObject({
      editCount: 1,
      goals: [expect.objectContaining({ status: 'on_track', note: 'Letter drafted' }), expect.anything()],
    });
    expect(replies[0].editedAt!.toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(replies[0].submittedAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');

    const commitments = await CommitmentModel.find({ pairId: pair._id }).lean();
    expect(commitments.map((c) => [c.sourceKey, c.what, c.dueDay, c.remindAt.toISOString()])).toEqual([
      [`${first._id}:1`, 'Send the letter to the regulator', '2026-12-21', '2026-12-18T04:00:00.000Z'],
    ]);

    expect(threadOf(checkin)).toHaveLength(1);
    const summary = threadOf(checkin)[0];
    expect(summary.ts).toBe(summaryTs);
    expect(JSON.stringify(summary.blocks)).toContain('Send the letter to the regulator');
    expect(JSON.stringify(summary.blocks)).not.toContain('Share the ASAE advocacy template');
    expect(JSON.stringify(summary.blocks)).toContain('(edited)');
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === checkin.prompt!.ts)).toHaveLength(
      1,
    );
  });

  test('after the next check-in, a first answer to the older one still counts for its period, but an answer cannot be edited any more', async () => {
    const { pair, checkin } = await pairWithPrompt();
    await submitAnswer(PEOPLE.mentee.id, checkin);
    await eventually(async () => threadOf(checkin).length === 1, 'first summary');

    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
    const second = (await CheckinModel.findOne({ pairId: pair._id, period: 2 }).lean<Checkin>())!;
    expect(second.prompt?.ts).toBeDefined();
    clock.set('2026-12-15T13:00:00Z');

    // The mentor never answered #1: the answer is accepted and counts for period 1.
    const late = await submitAnswer(PEOPLE.mentor.id, checkin, {
      steps: [{ what: 'Review the draft', who: PEOPLE.mentor.id, by: '2026-12-17' }],
    });
    expect(late).toEqual({ response_action: 'clear' });
    const mentorReply = (await CheckinReplyModel.findOne({ userId: PEOPLE.mentor.id }).lean())!;
    expect(mentorReply.period).toBe(1);
    expect(String(mentorReply.checkinId)).toBe(String(checkin._id));
    expect(repliedByOf((await CheckinModel.findById(checkin._id).lean())!).sort()).toEqual(
      [PEOPLE.mentee.id, PEOPLE.mentor.id].sort(),
    );
    expect(repliedByOf((await CheckinModel.findById(second._id).lean())!)).toEqual([]);
    await eventually(async () => threadOf(checkin).length === 2, 'the late summary in the first thread');

    // The mentee's answer to #1 is final now: the button and a submission say so.
    await pressReply(PEOPLE.mentee.id, checkin);
    await h.standIn.waitFor(() => h.standIn.responses.length === 1, 5000, 'a refusal');
    expect(h.standIn.responses[0].body.text).toMatch(/can no longer be edited/);
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);
    const refused = await submitAnswer(PEOPLE.mentee.id, checkin, { met: 'no' });
    expect(refused.response_action).toBe('errors');
    expect(refused.errors![B.met]).toMatch(/can no longer be edited/);
    expect((await CheckinReplyModel.findOne({ userId: PEOPLE.mentee.id }).lean())!).toMatchObject({
      met: 'yes',
      editCount: 0,
    });
  });

  test('an answer ends an at-risk episode and moves lastActivityAt', async () => {
    const { pair, checkin } = await pairWithPrompt();
    await PairModel.updateOne(
      { _id: pair._id },
      {
        $set: {
          lastActivityAt: new Date('2026-11-01T00:00:00Z'),
          atRisk: { since: new Date('2026-12-05T00:00:00Z'), reason: 'silent_21_days' },
        },
      },
    );
    clock.set('2026-12-09T08:30:00Z');
    expect((await submitAnswer(PEOPLE.mentee.id, checkin)).response_action).toBe('clear');
    const after = (await PairModel.findById(pair._id).lean())!;
    expect(after.lastActivityAt!.toISOString()).toBe('2026-12-09T08:30:00.000Z');
    expect(after.atRisk?.since).toBeUndefined();
  });

  test('a summary that Slack refused is posted once by the scheduler later', async () => {
    const { checkin } = await pairWithPrompt();
    h.standIn.failNext('chat.postMessage', { error: 'fatal_error' });
    expect((await submitAnswer(PEOPLE.mentee.id, checkin)).response_action).toBe('clear');
    await eventually(
      async () =>
        Boolean(await OutboxModel.exists({ kind: 'reply_summary', status: 'pending', lastError: 'slack:fatal_error' })),
      'the failed summary to wait for a retry',
    );
    expect(threadOf(checkin)).toHaveLength(0);
    expect(await CheckinReplyModel.countDocuments()).toBe(1);
    // The prompt is still updated.
    await eventually(
      async () => repliedLine(checkin).includes(`:white_check_mark: <@${PEOPLE.mentee.id}>`),
      'the prompt update',
    );

    await runJobsAt(h, '2026-12-08T13:10:00Z', ['checkins']);
    expect(threadOf(checkin)).toHaveLength(1);
    await runJobsAt(h, '2026-12-08T13:30:00Z', ['checkins']);
    expect(threadOf(checkin)).toHaveLength(1);
    expect(await OutboxModel.findOne({ kind: 'reply_summary' }).lean()).toMatchObject({ status: 'sent' });
  });

  test('a crash after the summary reached Slack but before it was recorded: the resumed send finds it in the thread', async () => {
    const { checkin } = await pairWithPrompt();
    expect((await submitAnswer(PEOPLE.mentee.id, checkin)).response_action).toBe('clear');
    await eventually(
      async () => Boolean(await OutboxModel.exists({ kind: 'reply_summary', status: 'sent' })),
      'the summary',
    );
    expect(threadOf(checkin)).toHaveLength(1);
    // Roll the entry back to "claimed, not yet recorded", as a process that died right after Slack answered.
    await OutboxModel.updateOne(
      { kind: 'reply_summary' },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-08T13:00:00Z') }, $unset: { sent: '' } },
    );

    const report = await runJobsAt(h, '2026-12-08T13:10:00Z', ['checkins']);
    expect(report.some((l) => /^sent reply_summary .* \(resumed\)$/.test(l))).toBe(true);
    expect(threadOf(checkin)).toHaveLength(1);
  });
});
