import { CheckinModel } from '../../src/features/checkins/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { jobContext, runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { simulate, wallTime } from '../support/simulation';
import { runJobs } from '../../src/jobs/run-jobs';
import { JOBS } from '../../src/jobs/job-table';
import { roundTripsOf as countRoundTrips } from '../support/round-trips';
import { insertBulkPairs } from '../support/bulk-pairs';

let h: Harness;

withHarness('scheduler', (made) => (h = made));

/** The check-in prompts Slack received in a pair's channel, in order. */
function promptsIn(pair: Pair) {
  return h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /Check-in #\d+/.test(m.text ?? ''));
}

async function postedTimes(pair: Pair): Promise<Date[]> {
  const checkins = await CheckinModel.find({ pairId: pair._id }).sort({ period: 1 }).lean();
  return checkins.map((c) => c.prompt!.postedAt!);
}

describe('check-ins across months, at a civil hour for both', () => {
  test('Los Angeles + Dhaka (no shared working hour) and New York + Tunis (across the US daylight-saving change)', async () => {
    const la = await createActivePair(h, {
      mentor: PEOPLE.mentorLA.id,
      mentee: PEOPLE.mentee.id,
      startDate: '2027-02-01',
      endDate: '2027-04-30',
    });
    const ny = await createActivePair(h, {
      mentor: PEOPLE.mentor.id,
      mentee: PEOPLE.mentee2.id,
      startDate: '2027-02-01',
      endDate: '2027-04-30',
    });

    await simulate(h, '2027-02-01T00:00:00Z', '2027-03-29T23:00:00Z', ['checkins']);

    // Weekly from Monday 8 February: 8 check-ins each, one message per check-in, numbered in order.
    expect(promptsIn(la).map((m) => m.text)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Check-in #${n}: time to check in with each other.`),
    );
    expect(promptsIn(ny)).toHaveLength(8);

    // No overlap between LA and Dhaka working hours, and 08:00 Monday in Dhaka is Sunday 18:00 (19:00
    // after 14 March) in Los Angeles, a day off: 09:00 in Dhaka, every Monday, without mentioning the
    // mentor, who gets a DM at 09:00 Monday in Los Angeles (17:00 UTC, then 16:00 UTC in daylight time).
    const laTimes = await postedTimes(la);
    expect(laTimes.map((t) => wallTime(t, 'Asia/Dhaka'))).toEqual(Array(8).fill('Mon 09:00'));
    const laCheckins = await CheckinModel.find({ pairId: la._id }).sort({ period: 1 }).lean();
    expect(laCheckins.map((c) => c.mentionMentor)).toEqual(Array(8).fill(false));
    expect(laCheckins.map((c) => wallTime(c.mentorDmAt!, 'America/Los_Angeles'))).toEqual(Array(8).fill('Mon 09:00'));
    expect(JSON.stringify(promptsIn(la)[0].blocks)).not.toContain(`<@${PEOPLE.mentorLA.id}>`);
    const leeDms = h.standIn.messages.filter((m) => m.channel === h.standIn.dmChannelOf(PEOPLE.mentorLA.id));
    expect(leeDms.map((m) => m.text)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map(
        (n) => `Check-in #${n} for you and Karim Rahman is open. Please answer in <#${la.channel!.id}>.`,
      ),
    );

    // New York + Tunis: 09:00 New York (the first hour inside both working days), before and after
    // 14 March, when New York moves to daylight time and Tunis does not: 15:00 then 14:00 in Tunis.
    const nyTimes = await postedTimes(ny);
    expect(nyTimes.map((t) => wallTime(t, 'America/New_York'))).toEqual(Array(8).fill('Mon 09:00'));
    expect(nyTimes.map((t) => wallTime(t, 'Africa/Tunis'))).toEqual([
      'Mon 15:00',
      'Mon 15:00',
      'Mon 15:00',
      'Mon 15:00',
      'Mon 15:00',
      'Mon 14:00',
      'Mon 14:00',
      'Mon 14:00',
    ]);
    expect(nyTimes.map((t) => t.toISOString().slice(11, 16))).toEqual([
      '14:00',
      '14:00',
      '14:00',
      '14:00',
      '14:00',
      '13:00',
      '13:00',
      '13:00',
    ]);

    // Each prompt shows each side's local time.
    const first = JSON.stringify(promptsIn(ny)[0].blocks);
    expect(first).toMatch(/Mon 09:00 for you\) and <@U0MENTEE02> \(Mon 15:00 for you\)/);
    expect(first).toContain('checkins.reply_button');
  }, 240_000); // months of simulated ticks: about 30 s alone, over 60 s on a loaded 2-core machine

  test('a biweekly pair gets a prompt every two weeks, and none after the program ends', async () => {
    const pair = await createActivePair(h, { cadence: 'biweekly', startDate: '2027-01-04', endDate: '2027-02-20' });
    await simulate(h, '2027-01-04T00:00:00Z', '2027-03-10T00:00:00Z', ['checkins'], 180);
    const checkins = await CheckinModel.find({ pairId: pair._id }).sort({ period: 1 }).lean();
    expect(checkins.map((c) => c.dueDay)).toEqual(['2027-01-18', '2027-02-01', '2027-02-15']);
    expect(promptsIn(pair)).toHaveLength(3);
    expect((await PairModel.findById(pair._id).lean())!.schedule!.nextCheckinAt).toBeNull();
  }, 120_000);
});

describe('exactly once', () => {
  test('two scheduler instances ticking at the same moment post each prompt once', async () => {
    const pair = await createActivePair(h);
    const due = '2026-12-08T15:00:00Z';
    const [a, b] = await Promise.all([
      runJobsAt(h, due, ['checkins'], { instanceId: 'instance-a' }),
      runJobsAt(h, due, ['checkins'], { instanceId: 'instance-b' }),
    ]);
    expect(promptsIn(pair)).toHaveLength(1);
    expect([...a, ...b].filter((l) => l.startsWith('sent checkin_prompt'))).toHaveLength(1);
    expect(await CheckinModel.countDocuments()).toBe(1);
    // And a second round at the same time changes nothing.
    await runJobsAt(h, due, ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
  });

  test('a crash between the database write and the Slack call: the prompt is posted once, after the claim goes stale', async () => {
    const pair = await createActivePair(h);
    // The dying instance created the check-in and claimed its prompt, then died before calling Slack.
    const ctx = jobContext(h, '2026-12-08T15:00:00Z', { instanceId: 'dying' });
    const { createDueCheckins } = await import('../../src/features/checkins/due-checkins-job');
    await createDueCheckins(ctx);
    await OutboxModel.updateOne(
      { kind: 'checkin_prompt' },
      { $set: { status: 'sending', claimedAt: ctx.now, claimedBy: 'dying' } },
    );

    await runJobsAt(h, '2026-12-08T15:01:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(0); // the claim is fresh: maybe the other instance is still at it
    const report = await runJobsAt(h, '2026-12-08T15:06:00Z', ['checkins']);
    expect(report).toContain(`sent checkin_prompt checkin:${pair._id}:1 (resumed)`);
    expect(promptsIn(pair)).toHaveLength(1);
    expect((await CheckinModel.findOne().lean())!.prompt!.ts).toBe(promptsIn(pair)[0].ts);
  });

  test('a crash after the Slack call but before recording it: the resumed send finds the message and does not post again', async () => {
    const pair = await createActivePair(h);
    await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
    // Roll the database back to "claimed, not yet recorded as sent".
    await OutboxModel.updateOne(
      { kind: 'checkin_prompt' },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-08T15:00:00Z') }, $unset: { sent: '' } },
    );
    await CheckinModel.updateOne({}, { $unset: { prompt: '' } });
    await OutboxModel.deleteMany({ kind: 'silence_nudge' });

    const report = await runJobsAt(h, '2026-12-08T15:10:00Z', ['checkins']);
    expect(report).toContain(`sent checkin_prompt checkin:${pair._id}:1 (resumed)`);
    expect(promptsIn(pair)).toHaveLength(1);
    expect((await CheckinModel.findOne().lean())!.prompt!.ts).toBe(promptsIn(pair)[0].ts);
    expect(await OutboxModel.countDocuments({ kind: 'silence_nudge' })).toBe(2);
  });

  test('after downtime each missed check-in is posted once, marked late, not once per missed tick', async () => {
    const pair = await createActivePair(h);
    // The bot was off from 1 December until 30 December 10:00 UTC: check-ins of 8, 15, 22 and 29 December were missed.
    const report = await runJobsAt(h, '2026-12-30T10:00:00Z', ['checkins']);
    expect(report.filter((l) => l.startsWith('created check-in'))).toHaveLength(4);
    expect(promptsIn(pair).map((m) => m.text)).toEqual(
      [1, 2, 3, 4].map((n) => `Check-in #${n}: time to check in with each other.`),
    );
    expect(JSON.stringify(promptsIn(pair)[0].blocks)).toMatch(
      /was due on <!date\^\d+\^\{date_long_pretty\}\|Tuesday 8 December 2026>\. The bot was offline then/,
    );
    await runJobsAt(h, '2026-12-30T10:05:00Z', ['checkins']);
    await runJobsAt(h, '2026-12-30T11:00:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(4);
    // The rhythm goes on: the next is 5 January.
    expect((await PairModel.findById(pair._id).lean())!.schedule!.nextDueDay).toBe('2027-01-05');
  });
});

describe('when Slack fails', () => {
  test('a send that keeps failing is retried after 1, 5, 15 and 60 minutes, then every 6 hours; then posted once', async () => {
    const pair = await createActivePair(h);
    const postsBefore = h.standIn.attemptsTo('chat.postMessage').length; // the welcome and the staff DM
    h.standIn.failNext('chat.postMessage', { status: 500 }, 6);
    const entry = async () => (await OutboxModel.findOne({ kind: 'checkin_prompt' }).lean())!;
    let now = Date.parse('2026-12-08T15:00:00Z');
    const waitsInMinutes: number[] = [];
    for (let failures = 1; failures <= 6; failures++) {
      const report = await runJobsAt(h, new Date(now), ['checkins']);
      expect(report.some((l) => /failed checkin_prompt .*slack:http_500 \(will retry\)/.test(l))).toBe(true);
      const queued = await entry();
      expect(queued).toMatchObject({ status: 'pending', failures });
      const next = queued.nextAttemptAt.getTime();
      waitsInMinutes.push((next - now) / 60_000);
      // A tick one second before the next attempt time leaves it alone.
      await runJobsAt(h, new Date(next - 1000), ['checkins']);
      expect(h.standIn.attemptsTo('chat.postMessage')).toHaveLength(postsBefore + failures);
      now = next;
    }
    expect(waitsInMinutes).toEqual([1, 5, 15, 60, 360, 360]);
    expect(promptsIn(pair)).toHaveLength(0);
    await runJobsAt(h, new Date(now), ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
    await runJobsAt(h, new Date(now + 6 * 3600_000), ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
  });

  test('ratelimited: the run waits out Retry-After and posts in the same tick', async () => {
    const pair = await createActivePair(h);
    h.standIn.failNext('chat.postMessage', { ratelimited: 2 });
    const waits: number[] = [];
    const attempts = () => h.standIn.attemptsTo('chat.postMessage');
    const sleep = async (ms: number) => {
      waits.push(ms);
      expect(attempts().at(-1)!.error).toBe('ratelimited'); // sleeps right after the 429, before trying again
    };
    const ctx = jobContext(h, '2026-12-08T15:00:00Z', { sleep });
    await runJobs(['checkins'], JOBS, ctx);
    expect(waits).toEqual([2000]);
    expect(
      attempts()
        .map((c) => c.error ?? 'ok')
        .slice(-2),
    ).toEqual(['ratelimited', 'ok']); // then tried again, once
    expect(promptsIn(pair)).toHaveLength(1);
  });

  test('a dry run says what it would do and changes nothing', async () => {
    const pair = await createActivePair(h);
    const report = await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins'], { dryRun: true });
    // New York and Dhaka share no working hour; 08:00 New York = 19:00 Dhaka (13:00 UTC) is inside both waking days.
    // The pair was made on the real clock, so whether its welcome DMs are queued depends on the hour the test runs.
    expect(report.filter((l) => !l.startsWith('would send welcome_dm'))).toEqual([
      `would create check-in #1 for pair ${pair._id} (due 2026-12-08T13:00:00.000Z)`,
    ]);
    expect(await CheckinModel.countDocuments()).toBe(0);
    expect(promptsIn(pair)).toHaveLength(0);
  });
});

describe('the cost of a tick (issue 10: at most 4 database round trips a prompt, an idle tick a handful)', () => {
  /** Runs `run` and counts the database commands it sends (MongoDB command monitoring). */
  const roundTripsOf = async (run: () => Promise<unknown>) => (await countRoundTrips(run)).total;

  test('150 prompts due at once: each posted once, with its DM and nudges, in at most 4 round trips a prompt', async () => {
    const dueAt = new Date('2026-12-08T03:00:00Z'); // 22:00 in New York (no mention: a DM), 09:00 in Dhaka
    // More than one update command (50 statements) of prompts.
    await insertBulkPairs({ teamId: h.standIn.teamId, count: 300, due: 150, dueAt, standIn: h.standIn });
    let report: string[] = [];
    const due = await roundTripsOf(async () => {
      report = await runJobsAt(h, dueAt, ['checkins']);
    });
    const prompts = h.standIn.messages.filter((m) => /^Check-in #1:/.test(m.text ?? ''));
    expect(prompts).toHaveLength(150);
    expect(new Set(prompts.map((m) => m.channel)).size).toBe(150);
    expect(report.filter((l) => l.startsWith('sent checkin_prompt'))).toHaveLength(150);
    // What follows each post was written: the check-in knows its message, the mentor's DM and both nudges are queued.
    const checkins = await CheckinModel.find().lean();
    expect(checkins).toHaveLength(150);
    expect(checkins.every((c) => prompts.some((m) => m.ts === c.prompt?.ts && m.channel === c.prompt?.channelId))).toBe(
      true,
    );
    expect(await OutboxModel.countDocuments({ kind: 'checkin_dm' })).toBe(150);
    expect(await OutboxModel.countDocuments({ kind: 'silence_nudge' })).toBe(300);
    expect(await OutboxModel.countDocuments({ kind: 'checkin_prompt', status: 'sent' })).toBe(150);
    expect(await PairModel.countDocuments({ 'schedule.nextPeriod': 2 })).toBe(150);
    expect(due / 150).toBeLessThanOrEqual(4);

    // Five minutes later nothing is due: a handful of round trips, nothing posted again.
    const idle = await roundTripsOf(() => runJobsAt(h, new Date(dueAt.getTime() + 5 * 60_000), ['checkins']));
    expect(idle).toBeLessThanOrEqual(10);
    expect(h.standIn.messages.filter((m) => /^Check-in #1:/.test(m.text ?? ''))).toHaveLength(150);
  }, 180_000);

  test('a crash after the batch wrote what follows its posts but before their "sent" marks: nothing is posted twice', async () => {
    const pair = await createActivePair(h);
    await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
    // The check-in's "posted" and the nudges were written; the instance died before the entry's "sent" mark.
    await OutboxModel.updateOne(
      { kind: 'checkin_prompt' },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-08T15:00:00Z') }, $unset: { sent: '' } },
    );
    await runJobsAt(h, '2026-12-08T15:10:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
    expect(await OutboxModel.countDocuments({ kind: 'silence_nudge' })).toBe(2);
    const entry = (await OutboxModel.findOne({ kind: 'checkin_prompt' }).lean())!;
    expect(entry.status).not.toMatch(/pending|sending/);
  });

  test('a pair paused while its batch waits out a Retry-After is not prompted: the batch is read again after the wait', async () => {
    const first = await createActivePair(h);
    const second = await createActivePair(h, { mentor: PEOPLE.mentorLA.id, mentee: PEOPLE.mentee2.id });
    await runJobsAt(h, '2026-12-08T12:00:00Z', ['checkins']); // the welcome DMs that may go out by then
    // The first pair's prompt is due a minute before the second's: it is sent first, both in one batch.
    for (const [pair, at] of [
      [first, '2026-12-08T12:59:00Z'],
      [second, '2026-12-08T13:00:00Z'],
    ] as const)
      await PairModel.updateOne({ _id: pair._id }, { $set: { 'schedule.nextCheckinAt': new Date(at) } });
    h.standIn.failNext('chat.postMessage', { ratelimited: 1 });
    const sleep = async () => {
      // During the wait someone pauses the second pair.
      await PairModel.updateOne({ _id: second._id }, { $set: { status: 'paused' } });
    };
    const report = await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins'], { sleep });
    expect(promptsIn(first)).toHaveLength(1);
    expect(promptsIn(second)).toHaveLength(0);
    expect(report).toContain(`skipped checkin_prompt checkin:${second._id}:1: pair is paused`);
  });
});
