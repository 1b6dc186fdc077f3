import { Types } from 'mongoose';
import { CommitmentIds } from '../../src/features/commitments/ids';
import { CommitmentModel, type Commitment } from '../../src/features/commitments/model';
import { reminderTime } from '../../src/features/commitments/reminder-time';
import { PairModel, type Pair } from '../../src/pairs/model';
import { findParticipants, toPerson } from '../../src/pairs/participants';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { zonedTimeToInstant } from '../../src/lib/working-time';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { rawDatesIn } from '../messages/visible-text';

/** Friday 11 December 2026, 10:00 in Dhaka: the reminder time of a commitment due Monday the 14th. */
const FRIDAY_10_DHAKA = '2026-12-11T04:00:00.000Z';
const MONDAY = '2026-12-14';
const B = CommitmentIds.block;
const A = CommitmentIds.inputAction;

let h: Harness;
/** The app's clock (history entries, "today" in the owner's zone); jobs get their own `now`. */
let appNow = new Date(FRIDAY_10_DHAKA);
let counter = 0;

withHarness('commitment_reminders', (made) => (h = made), {
  clock: { now: () => appNow },
  beforeEachTest: () => {
    appNow = new Date(FRIDAY_10_DHAKA);
  },
});

// Every date shown to people is a Slack date token (each reader sees their own day and time).
afterEach(() => {
  expect(rawDatesIn(h.standIn.messages, h.standIn.responses)).toEqual([]);
});

async function addCommitment(
  pair: Pair,
  ownerId: string,
  dueDay: string,
  opts: { what?: string; remindAt?: Date; createdBy?: string; period?: number } = {},
): Promise<Commitment> {
  const owner = (await findParticipants(pair.teamId, [ownerId])).get(ownerId)!;
  const doc = await CommitmentModel.create({
    teamId: pair.teamId,
    pairId: pair._id,
    checkinId: new Types.ObjectId(),
    sourceKey: `test:${++counter}`,
    ownerId,
    what: opts.what ?? 'Send the fee proposal draft to the board',
    dueDay,
    remindAt: opts.remindAt ?? reminderTime(dueDay, toPerson(owner)),
    createdBy: opts.createdBy ?? ownerId,
    ...(opts.period ? { checkinPeriod: opts.period } : {}),
  });
  return doc.toObject() as Commitment;
}

const reminderKeyOf = (c: Commitment, day = c.dueDay) => `reminder:${String(c._id)}:${day}`;
const reminders = () =>
  h.standIn.messages.filter((m) => String(m.metadata?.event_payload?.key ?? '').startsWith('reminder:'));
/** What the bot said in the pair's channel after the two set-up messages (the welcome and the pinned goals). */
const channelNotes = (pair: Pair) =>
  h.standIn.messages.filter(
    (m) => m.channel === pair.channel!.id && !/^(welcome|goals):/.test(String(m.metadata?.event_payload?.key ?? '')),
  );
/** The Slack date token of a calendar day: noon UTC of that day, with its readable fallback. */
const dayToken = (day: string, fallback: string) =>
  `<!date^${Date.parse(`${day}T12:00:00Z`) / 1000}^{date_long_pretty}|${fallback}>`;
const stored = async (c: Commitment) => (await CommitmentModel.findById(c._id).lean<Commitment>())!;

/** Runs the reminders job at FRIDAY_10_DHAKA and returns the one reminder DM it sent. */
async function remindedAtFriday(c: Commitment) {
  await runJobsAt(h, FRIDAY_10_DHAKA, ['reminders']);
  const sent = reminders().filter((m) => m.metadata?.event_payload?.key === reminderKeyOf(c));
  expect(sent).toHaveLength(1);
  return sent[0];
}

async function openedModal(callbackId: string) {
  await h.standIn.waitFor(
    () => [...h.standIn.views.values()].some((v) => v.callback_id === callbackId),
    5000,
    `${callbackId} to open`,
  );
  return [...h.standIn.views.values()].find((v) => v.callback_id === callbackId)!;
}

async function submitExtend(userId: string, commitmentId: string, day: string | null, viewId?: string) {
  return h.driver.viewSubmission({
    userId,
    view: {
      id: viewId,
      callback_id: CommitmentIds.extendModal,
      private_metadata: commitmentId,
      state: { values: inputValues({ [B.newDueDay]: { actionId: A, type: 'datepicker', value: day } }) },
    },
  });
}

async function submitDrop(userId: string, commitmentId: string, reason: string, viewId?: string) {
  return h.driver.viewSubmission({
    userId,
    view: {
      id: viewId,
      callback_id: CommitmentIds.dropModal,
      private_metadata: commitmentId,
      state: { values: inputValues({ [B.dropReason]: { actionId: A, type: 'plain_text_input', value: reason } }) },
    },
  });
}

describe('commitment reminders', () => {
  test("a commitment due Monday is reminded at 10:00 the Friday before in the owner's zone, exactly once", async () => {
    const pair = await createActivePair(h);
    // Alice wrote Karim's next step in her answer to check-in #1.
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY, { createdBy: PEOPLE.mentor.id, period: 1 });
    expect(c.remindAt.toISOString()).toBe(FRIDAY_10_DHAKA);

    await runJobsAt(h, '2026-12-11T03:59:00Z', ['reminders']);
    expect(reminders()).toHaveLength(0);
    expect(await OutboxModel.countDocuments({ kind: 'commitment_reminder' })).toBe(0);

    const dm = await remindedAtFriday(c);
    const opened = h.standIn.callsTo('conversations.open').map((call) => call.args.users);
    expect(opened).toContain(PEOPLE.mentee.id);
    expect(dm.channel).toMatch(/^D/);
    expect(dm.text).toBe(
      `:alarm_clock: In check-in #1, <@${PEOPLE.mentor.id}> added a next step for you: “Send the fee proposal draft to the board”. It is due *${dayToken(MONDAY, 'Monday 14 December 2026')}*.`,
    );
    expect(dm.text).not.toMatch(/agreed/);
    const buttons = dm.blocks!.find((b) => b.type === 'actions').elements;
    expect(buttons.map((b: any) => [b.action_id, b.text.text, b.value])).toEqual([
      [CommitmentIds.doneButton, 'Done', String(c._id)],
      [CommitmentIds.extendButton, 'Change date', String(c._id)],
      [CommitmentIds.dropButton, 'Remove', String(c._id)],
    ]);
    expect((await stored(c)).remindAt).toBeUndefined();

    await runJobsAt(h, FRIDAY_10_DHAKA, ['reminders']);
    await runJobsAt(h, '2026-12-11T04:15:00Z', ['reminders']);
    expect(reminders()).toHaveLength(1);
    expect(await OutboxModel.countDocuments({ key: reminderKeyOf(c) })).toBe(1);
  });

  test("a reminder due in the owner's quiet hours waits until 08:00 their time", async () => {
    const pair = await createActivePair(h);
    // 01:00 in New York on Friday 11 December (06:00Z).
    const oneAm = zonedTimeToInstant('2026-12-11', 1, 0, 'America/New_York');
    const c = await addCommitment(pair, PEOPLE.mentor.id, MONDAY, { remindAt: oneAm });

    const report = await runJobsAt(h, oneAm, ['reminders']);
    expect(reminders()).toHaveLength(0);
    expect(report.join('\n')).toMatch(
      new RegExp(`deferred commitment_reminder ${reminderKeyOf(c)} to 2026-12-11T13:00:00.000Z`),
    );

    await runJobsAt(h, '2026-12-11T12:59:00Z', ['reminders']);
    expect(reminders()).toHaveLength(0);

    await runJobsAt(h, '2026-12-11T13:00:00Z', ['reminders']);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0].text).toContain('In a check-in, you added a next step');
  });

  test('a paused pair gets no reminder', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    await PairModel.updateOne({ _id: pair._id }, { $set: { status: 'paused' } });

    const report = await runJobsAt(h, FRIDAY_10_DHAKA, ['reminders']);
    expect(reminders()).toHaveLength(0);
    expect(report.join('\n')).toContain(`skipped commitment_reminder ${reminderKeyOf(c)}: pair is paused`);
  });

  test('a pause that ends before the due day postpones the reminder to the end of the pause', async () => {
    const pair = await createActivePair(h);
    // Due Monday 28 December: reminded Friday 25th, 10:00 Dhaka; the pair is paused until Saturday 26th.
    const c = await addCommitment(pair, PEOPLE.mentee.id, '2026-12-28');
    const pauseEnd = '2026-12-25T18:00:00.000Z'; // Saturday 00:00 in Dhaka
    await PairModel.updateOne(
      { _id: pair._id },
      {
        $set: {
          status: 'paused',
          pause: { untilDay: '2026-12-26', until: new Date(pauseEnd), since: new Date('2026-12-14T00:00:00Z') },
        },
      },
    );

    const report = await runJobsAt(h, '2026-12-25T04:00:00Z', ['reminders']);
    expect(report).toContain(
      `deferred commitment_reminder ${reminderKeyOf(c)} to ${pauseEnd}: pair paused; reminding after the pause`,
    );
    expect(reminders()).toHaveLength(0);

    // The pause ends (the checkins job resumes the pair); Saturday and Sunday are the owner's weekend,
    // so the reminder waits for the first hour a DM may arrive: Monday 28 December 08:00 in Dhaka
    // (UTC+6, no daylight saving) = 02:00 UTC. Not Saturday or Sunday 08:00 (02:00 UTC those days).
    const MONDAY_08_DHAKA = '2026-12-28T02:00:00.000Z';
    await PairModel.updateOne({ _id: pair._id }, { $set: { status: 'active' }, $unset: { pause: '' } });
    await runJobsAt(h, pauseEnd, ['reminders']);
    expect(reminders()).toHaveLength(0);
    const entry = await OutboxModel.findById(reminderKeyOf(c)).lean();
    expect(entry).toMatchObject({ status: 'pending' });
    expect(entry!.nextAttemptAt.toISOString()).toBe(MONDAY_08_DHAKA);
    // Ticks at production cadence (the reminders job runs every 15 minutes) through the weekend: the DM
    // arrives at Monday 08:00 Dhaka, not one tick before.
    for (let t = Date.parse(pauseEnd) + 15 * 60_000; t < Date.parse(MONDAY_08_DHAKA); t += 15 * 60_000) {
      await runJobsAt(h, new Date(t), ['reminders']);
    }
    expect(reminders()).toHaveLength(0);
    await runJobsAt(h, MONDAY_08_DHAKA, ['reminders']);
    expect(reminders()).toHaveLength(1);
    const sent = await OutboxModel.findById(reminderKeyOf(c)).lean();
    expect(sent!.sent!.at!.toISOString()).toBe(MONDAY_08_DHAKA);
  }, 90_000); // 224 ticks of the reminders job: about 7 s alone, more on a loaded machine

  test('a dry run reports what it would send and writes nothing', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);

    const report = await runJobsAt(h, FRIDAY_10_DHAKA, ['reminders'], { dryRun: true });
    expect(report.join('\n')).toMatch(new RegExp(`would send commitment_reminder ${reminderKeyOf(c)}`));
    expect(await OutboxModel.countDocuments({ kind: 'commitment_reminder' })).toBe(0);
    expect((await stored(c)).remindAt?.toISOString()).toBe(FRIDAY_10_DHAKA);
    expect(reminders()).toHaveLength(0);
  });
});

describe('answering a reminder', () => {
  test('Done marks it done, replaces the reminder, and tells the partner in the channel; a second click says so', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    const dm = await remindedAtFriday(c);

    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.doneButton,
      messageTs: dm.ts,
      channelId: dm.channel,
    });
    await eventually(async () => (await stored(c)).status === 'done', 'the commitment to be done');
    await h.standIn.waitFor(() => channelNotes(pair).length === 1, 5000, 'a note in the pair channel');

    const after = await stored(c);
    expect(after.history).toEqual([expect.objectContaining({ by: PEOPLE.mentee.id, change: 'done' })]);
    const replaced = h.standIn.responses.find((r) => r.body.replace_original === true);
    expect(replaced!.body.text).toMatch(/Marked done: “Send the fee proposal draft to the board”/);
    expect(channelNotes(pair)[0].text).toBe(
      `:white_check_mark: <@${PEOPLE.mentee.id}> marked “Send the fee proposal draft to the board” done.`,
    );

    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.doneButton,
      messageTs: dm.ts,
      channelId: dm.channel,
    });
    await h.standIn.waitFor(() => h.standIn.responses.length === 2);
    expect(h.standIn.responses[1].body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(h.standIn.responses[1].body.text).toMatch(/already marked .* done/);
    expect(channelNotes(pair)).toHaveLength(1);
    expect((await stored(c)).history).toHaveLength(1);
  });

  test('a step the owner wrote themselves says "you added"', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY, { period: 2 });
    const dm = await remindedAtFriday(c);
    expect(dm.text).toBe(
      `:alarm_clock: In check-in #2, you added a next step: “Send the fee proposal draft to the board”. It is due *${dayToken(MONDAY, 'Monday 14 December 2026')}*.`,
    );
  });

  test('Change date: a modal; a past or too-late date is refused on the field; a good date moves it and reminds again the working day before', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    const id = String(c._id);
    const dm = await remindedAtFriday(c);

    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.extendButton,
      messageTs: dm.ts,
      channelId: dm.channel,
    });
    const modal = await openedModal(CommitmentIds.extendModal);
    expect(modal.private_metadata).toBe(id);
    expect(JSON.stringify(modal.blocks)).toContain('"type":"datepicker"');

    const past = await submitExtend(PEOPLE.mentee.id, id, '2026-12-10', modal.id);
    expect(past.json.response_action).toBe('errors');
    expect(past.json.errors[B.newDueDay]).toMatch(/after the current due date/);

    const tooLate = await submitExtend(PEOPLE.mentee.id, id, '2027-07-15', modal.id);
    expect(tooLate.json.errors[B.newDueDay]).toMatch(/at most 30 days after the program ends/);

    const empty = await submitExtend(PEOPLE.mentee.id, id, null, modal.id);
    expect(empty.json.errors[B.newDueDay]).toBe('Choose a date.');
    expect((await stored(c)).dueDay).toBe(MONDAY);

    const ok = await submitExtend(PEOPLE.mentee.id, id, '2026-12-21', modal.id);
    expect(ok.json).toEqual({ response_action: 'clear' });
    const moved = await stored(c);
    expect(moved.dueDay).toBe('2026-12-21');
    // Friday 18 December, 10:00 in Dhaka.
    expect(moved.remindAt.toISOString()).toBe('2026-12-18T04:00:00.000Z');
    expect(moved.history).toEqual([
      expect.objectContaining({ by: PEOPLE.mentee.id, change: 'due 2026-12-14 -> 2026-12-21' }),
    ]);

    await h.standIn.waitFor(
      () => channelNotes(pair).length === 1 && dm.updated === true,
      5000,
      'the channel note and the updated reminder',
    );
    expect(channelNotes(pair)[0].text).toBe(
      `:calendar: <@${PEOPLE.mentee.id}> moved “Send the fee proposal draft to the board” to *${dayToken('2026-12-21', 'Monday 21 December 2026')}* (it was ${dayToken(MONDAY, 'Monday 14 December 2026')}).`,
    );
    expect(dm.text).toContain(
      `Moved “Send the fee proposal draft to the board” to *${dayToken('2026-12-21', 'Monday 21 December 2026')}*`,
    );

    // The same submission delivered again changes nothing.
    const again = await submitExtend(PEOPLE.mentee.id, id, '2026-12-21', modal.id);
    expect(again.json).toEqual({ response_action: 'clear' });
    expect((await stored(c)).history).toHaveLength(1);

    await runJobsAt(h, '2026-12-18T03:59:00Z', ['reminders']);
    expect(reminders()).toHaveLength(1);
    await runJobsAt(h, '2026-12-18T04:00:00Z', ['reminders']);
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1].metadata!.event_payload.key).toBe(reminderKeyOf(c, '2026-12-21'));
    expect(reminders()[1].text).toContain('Monday 21 December 2026');
  });

  test("Change date on an overdue commitment: the new day must be after today in the owner's zone", async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, '2026-12-08');
    // It is Friday 11 December in Dhaka.
    const res = await submitExtend(PEOPLE.mentee.id, String(c._id), '2026-12-11');
    expect(res.json.errors[B.newDueDay]).toBe('Choose a day after today.');
    const ok = await submitExtend(PEOPLE.mentee.id, String(c._id), '2026-12-15');
    expect(ok.json).toEqual({ response_action: 'clear' });
    expect((await stored(c)).dueDay).toBe('2026-12-15');
  });

  test('Remove: the reason is optional; it is removed and the reason, when given, shared in the channel', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    const id = String(c._id);
    const dm = await remindedAtFriday(c);

    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.dropButton,
      messageTs: dm.ts,
      channelId: dm.channel,
    });
    const modal = await openedModal(CommitmentIds.dropModal);
    expect(modal.private_metadata).toBe(id);

    const input = modal.blocks.find((b: any) => b.block_id === B.dropReason);
    expect([input.optional, input.label.text]).toEqual([true, 'Why? (optional)']);
    const tooLong = await submitDrop(PEOPLE.mentee.id, id, 'x'.repeat(501), modal.id);
    expect(tooLong.json.errors[B.dropReason]).toMatch(/at most 500 characters/);
    expect((await stored(c)).status).toBe('open');

    const reason = 'The board postponed the fee review to March <!channel>';
    const ok = await submitDrop(PEOPLE.mentee.id, id, reason, modal.id);
    expect(ok.json).toEqual({ response_action: 'clear' });
    const dropped = await stored(c);
    expect(dropped.status).toBe('dropped');
    expect(dropped.dropReason).toBe(reason);
    expect(dropped.history).toEqual([expect.objectContaining({ by: PEOPLE.mentee.id, change: 'dropped' })]);

    await h.standIn.waitFor(
      () => channelNotes(pair).length === 1 && dm.updated === true,
      5000,
      'the channel note and the updated reminder',
    );
    expect(channelNotes(pair)[0].text).toBe(
      `:wastebasket: <@${PEOPLE.mentee.id}> removed “Send the fee proposal draft to the board”. Their reason: The board postponed the fee review to March &lt;!channel&gt;`,
    );

    // Done on the old reminder now says it was dropped.
    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.doneButton,
      value: id,
      channelId: dm.channel,
      messageTs: dm.ts,
    });
    await h.standIn.waitFor(() => h.standIn.responses.length === 1);
    expect(h.standIn.responses[0].body.text).toMatch(/You removed .* earlier/);
    expect((await stored(c)).status).toBe('dropped');
  });

  test('Remove without a reason: removed, and the channel note gives none', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    const dm = await remindedAtFriday(c);
    const ok = await submitDrop(PEOPLE.mentee.id, String(c._id), '   ');
    expect(ok.json).toEqual({ response_action: 'clear' });
    expect((await stored(c)).status).toBe('dropped');
    await h.standIn.waitFor(() => channelNotes(pair).length === 1 && dm.updated === true, 5000, 'the note');
    expect(channelNotes(pair)[0].text).toBe(
      `:wastebasket: <@${PEOPLE.mentee.id}> removed “Send the fee proposal draft to the board”.`,
    );
  });

  test('only the owner can act: the partner pressing the buttons or submitting a forged form is refused and nothing changes', async () => {
    const pair = await createActivePair(h);
    const c = await addCommitment(pair, PEOPLE.mentee.id, MONDAY);
    const id = String(c._id);
    const dm = await remindedAtFriday(c);
    const refusal = /Only the person this next step is for/;

    for (const actionId of [CommitmentIds.doneButton, CommitmentIds.extendButton, CommitmentIds.dropButton]) {
      await h.driver.blockAction({
        userId: PEOPLE.mentor.id,
        actionId,
        value: id,
        channelId: dm.channel,
        messageTs: dm.ts,
      });
    }
    await h.standIn.waitFor(() => h.standIn.responses.length === 3, 5000, 'three refusals');
    for (const r of h.standIn.responses) {
      expect(r.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(r.body.text).toMatch(refusal);
    }
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(0);

    const extend = await submitExtend(PEOPLE.mentor.id, id, '2026-12-21');
    expect(extend.json.response_action).toBe('errors');
    expect(extend.json.errors[B.newDueDay]).toMatch(refusal);
    const drop = await submitDrop(PEOPLE.outsider.id, id, 'Not mine to keep');
    expect(drop.json.errors[B.dropReason]).toMatch(refusal);
    const bogus = await submitDrop(PEOPLE.mentee.id, 'not-an-id', 'whatever');
    expect(bogus.json.errors[B.dropReason]).toBe('That next step no longer exists.');

    const after = await stored(c);
    expect(after.status).toBe('open');
    expect(after.dueDay).toBe(MONDAY);
    expect(after.history).toHaveLength(0);
    expect(channelNotes(pair)).toHaveLength(0);
    expect(dm.updated).toBeFalsy();
  });
});
