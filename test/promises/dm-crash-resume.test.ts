/**
 * README: "A claim left by a crash is resumed after 5 minutes, first looking in the channel for a
 * message that already carries the key (message metadata)". For DMs (nudges and reminders) the
 * "channel" is the person's DM with the bot.
 */
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { enqueueDueReminders } from '../../src/features/commitments/jobs';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { jobContext, runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { dmChannelOf, submitAnswer } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));

withHarness('promises_dm_crash', (made) => (h = made), {
  clock,
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
});

const dmsTo = async (userId: string) => {
  const channel = await dmChannelOf(h, userId);
  return h.standIn.messages.filter((m) => m.channel === channel);
};

/** A pair whose check-in #1 went out on Tuesday 8 December, 13:00 UTC (19:00 Dhaka, 08:00 New York); Karim's nudge is due Thursday 13:00 UTC. */
async function pairWithPrompt(): Promise<Checkin> {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  return (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean<Checkin>())!;
}

describe('a nudge DM whose sender crashed', () => {
  test('after the Slack call, before recording it: resumed after 5 minutes from the DM’s history, no second DM', async () => {
    const checkin = await pairWithPrompt();
    const key = `nudge:${checkin._id}:${PEOPLE.mentee.id}`;
    await runJobsAt(h, '2026-12-10T13:00:00Z', ['nudges']);
    expect(await dmsTo(PEOPLE.mentee.id)).toHaveLength(1);
    // Roll the entry back to "claimed, not yet recorded as sent", as a process that died right after Slack answered.
    await OutboxModel.updateOne(
      { _id: key },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-10T13:00:00Z') }, $unset: { sent: '' } },
    );

    await runJobsAt(h, '2026-12-10T13:02:00Z', ['nudges']); // the claim is fresh: maybe the sender is still at it
    const report = await runJobsAt(h, '2026-12-10T13:15:00Z', ['nudges']);
    expect(report).toContain(`sent silence_nudge ${key} (resumed)`);
    await runJobsAt(h, '2026-12-10T13:30:00Z', ['nudges']);

    const dms = await dmsTo(PEOPLE.mentee.id);
    expect(dms).toHaveLength(1);
    expect(
      h.standIn.attemptsTo('chat.postMessage').filter((c) => c.args.metadata?.event_payload?.key === key),
    ).toHaveLength(1);
    expect((await OutboxModel.findById(key).lean())!.sent).toMatchObject({ channelId: dms[0].channel, ts: dms[0].ts });
    // It looked in the DM's history, with message metadata, to find it.
    expect(
      h.standIn
        .attemptsTo('conversations.history')
        .some((c) => c.args.channel === dms[0].channel && String(c.args.include_all_metadata) === 'true'),
    ).toBe(true);
  });

  test('before the Slack call: sent once, after the claim goes stale', async () => {
    const checkin = await pairWithPrompt();
    const key = `nudge:${checkin._id}:${PEOPLE.mentee.id}`;
    // The dying instance claimed the nudge at 13:00 and died before calling Slack.
    await OutboxModel.updateOne(
      { _id: key },
      {
        $set: { status: 'sending', claimedAt: new Date('2026-12-10T13:00:00Z'), claimedBy: 'dying' },
        $inc: { attempts: 1 },
      },
    );
    await runJobsAt(h, '2026-12-10T13:00:00Z', ['nudges']);
    expect(await dmsTo(PEOPLE.mentee.id)).toHaveLength(0);
    const report = await runJobsAt(h, '2026-12-10T13:15:00Z', ['nudges']);
    expect(report).toContain(`sent silence_nudge ${key} (resumed)`);
    await runJobsAt(h, '2026-12-10T13:30:00Z', ['nudges']);
    const dms = await dmsTo(PEOPLE.mentee.id);
    expect(dms.map((m) => /still waits for your answer/.test(m.text ?? ''))).toEqual([true]);
  });
});

describe('a commitment reminder DM whose sender crashed', () => {
  async function commitmentDueFriday(): Promise<void> {
    const checkin = await pairWithPrompt();
    clock.set('2026-12-08T14:00:00Z');
    const answer = await submitAnswer(h, PEOPLE.mentee.id, checkin, 1, {
      steps: [{ what: 'Draft the letter to the regulator', who: PEOPLE.mentee.id, by: '2026-12-11' }],
    });
    expect(answer).toEqual({ response_action: 'clear' });
  }
  const reminders = async () =>
    (await dmsTo(PEOPLE.mentee.id)).filter((m) => /Draft the letter to the regulator/.test(m.text ?? ''));

  test('after the Slack call, before recording it: resumed without a second DM', async () => {
    await commitmentDueFriday();
    // 10:00 Dhaka on Thursday 10 December (04:00 UTC), the working day before Friday.
    await runJobsAt(h, '2026-12-10T04:00:00Z', ['reminders']);
    expect(await reminders()).toHaveLength(1);
    const entry = (await OutboxModel.findOne({ kind: 'commitment_reminder' }).lean())!;
    await OutboxModel.updateOne(
      { _id: entry._id },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-10T04:00:00Z') }, $unset: { sent: '' } },
    );
    await runJobsAt(h, '2026-12-10T04:02:00Z', ['reminders']);
    const report = await runJobsAt(h, '2026-12-10T04:15:00Z', ['reminders']);
    expect(report).toContain(`sent commitment_reminder ${entry._id} (resumed)`);
    expect(await reminders()).toHaveLength(1);
  });

  test('before the Slack call: sent once, after the claim goes stale', async () => {
    await commitmentDueFriday();
    // Queue the reminder without sending it, then leave a claim as a process that died before Slack.
    await enqueueDueReminders(jobContext(h, '2026-12-10T04:00:00Z', { instanceId: 'dying' }));
    const entry = (await OutboxModel.findOne({ kind: 'commitment_reminder' }).lean())!;
    await OutboxModel.updateOne(
      { _id: entry._id },
      {
        $set: { status: 'sending', claimedAt: new Date('2026-12-10T04:00:00Z'), claimedBy: 'dying' },
        $inc: { attempts: 1 },
      },
    );
    await runJobsAt(h, '2026-12-10T04:00:00Z', ['reminders']);
    expect(await reminders()).toHaveLength(0);
    const report = await runJobsAt(h, '2026-12-10T04:15:00Z', ['reminders']);
    expect(report).toContain(`sent commitment_reminder ${entry._id} (resumed)`);
    await runJobsAt(h, '2026-12-10T04:30:00Z', ['reminders']);
    expect(await reminders()).toHaveLength(1);
  });
});
