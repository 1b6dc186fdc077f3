import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { simulate, wallTime } from '../support/simulation';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

withHarness('nudges', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T12:00:00Z') });

async function sentNudges() {
  const entries = await OutboxModel.find({ kind: 'silence_nudge', status: 'sent' }).sort({ 'sent.at': 1 }).lean();
  return entries.map((e) => {
    const userId = String(e.ref.userId);
    const tz = userId === PEOPLE.mentee.id ? 'Asia/Dhaka' : 'America/New_York';
    const dm = h.standIn.messages.find((m) => m.channel === e.sent!.channelId && m.ts === e.sent!.ts)!;
    return {
      userId,
      period: e.ref.period as number,
      local: wallTime(e.sent!.at!, tz),
      text: dm.text ?? '',
      blocks: JSON.stringify(dm.blocks),
    };
  });
}

describe('silence is noticed early and kindly', () => {
  let pair: Pair;

  test('no replies for a month: a nudge per missed check-in two working days later with the true count, a pause offered at the second, staff told once', async () => {
    pair = await createActivePair(h); // New York mentor, Dhaka mentee, weekly from 1 December
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-30T00:00:00Z', ['checkins', 'nudges']);

    const nudges = await sentNudges();
    // Check-ins go out on Tuesdays 13:00 UTC (08:00 New York, 19:00 Dhaka: inside both people's
    // waking hours). Each person is nudged two working days later, on Thursday at the same hour.
    expect(
      nudges
        .map((n) => [n.period, n.userId === PEOPLE.mentee.id ? 'mentee' : 'mentor', n.local])
        .sort((a, b) => String(a).localeCompare(String(b))),
    ).toEqual([
      [1, 'mentee', 'Thu 19:00'],
      [1, 'mentor', 'Thu 08:00'],
      [2, 'mentee', 'Thu 19:00'],
      [2, 'mentor', 'Thu 08:00'],
      [3, 'mentee', 'Thu 19:00'],
      [3, 'mentor', 'Thu 08:00'],
    ]);
    nudges.sort((a, b) => a.period - b.period || a.userId.localeCompare(b.userId));
    // Kind first nudge with the answer buttons; the true count after that; a pause offered at the
    // second miss in a row, not repeated at the third (staff are told then).
    expect(nudges[0].text).toMatch(/still waits for your answer/);
    for (const id of ['checkins.reply_button', 'checkins.did_not_meet_button', 'checkins.skip_button']) {
      expect(nudges.map((n) => n.blocks.includes(`"${id}"`))).toEqual([true, true, true, true, true, true]);
    }
    expect(nudges[0].blocks).not.toContain('nudges.pause_offer');
    expect(nudges[2].text).toMatch(/is the second in a row without your answer/);
    expect(nudges[2].text).toMatch(/skip this week or pause the mentorship/);
    expect(nudges[2].blocks).not.toContain('nudges.pause_offer_1w'); // "Move to next week" is gone: "Skip this week" does it
    expect(nudges[2].blocks).toContain('nudges.pause_offer_2w');
    expect(nudges[4].text).toMatch(/is the third in a row without your answer/);
    expect(nudges[4].text).not.toMatch(/second/);
    expect(nudges[4].blocks).not.toContain('nudges.pause_offer');
    // Never twice for the same check-in and person: count what reached each person's DM in Slack (the
    // outbox keys are unique by construction, so counting them could not fail); the welcome DM is not counted.
    for (const person of [PEOPLE.mentee, PEOPLE.mentor]) {
      const dm = h.standIn.dmChannelOf(person.id);
      const received = h.standIn.messages.filter(
        (m) => m.channel === dm && String(m.metadata?.event_payload?.key ?? '').startsWith('nudge:'),
      );
      expect(received.map((m) => /(second|third) in a row/.exec(m.text ?? '')?.[1] ?? 'first')).toEqual([
        'first',
        'second',
        'third',
      ]);
      const posts = h.standIn
        .attemptsTo('chat.postMessage')
        .filter((c) => [dm, person.id].includes(c.args.channel) && /^nudge:/.test(c.args.metadata?.event_payload?.key));
      expect(posts).toHaveLength(3);
    }

    // The third missed check-in in a row (the nudges of Thursday 24 December) flags the pair before
    // 21 silent days since the first check-in are up: staff are told, once.
    const alerts = h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /may need help/.test(m.text ?? ''));
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0].blocks)).toContain('*Alice Müller* and *Karim Rahman*');
    const flagged = await PairModel.findById(pair._id).lean();
    expect([flagged!.atRisk!.reason, flagged!.atRisk!.since!.toISOString()]).toEqual([
      'missed_three',
      '2026-12-24T13:00:00.000Z',
    ]);
  }, 120_000); // 22 simulated days, hourly ticks of two jobs: about 30 s on a loaded 2-core machine

  test('a nudge that lost its point is skipped: the next check-in went out first', async () => {
    pair = await createActivePair(h);
    // The bot was down from Tuesday 8 December until after check-in #2 was due: catch-up posts #1 and #2 together.
    await runJobsAt(h, '2026-12-15T14:00:00Z', ['checkins']);
    await simulate(h, '2026-12-15T15:00:00Z', '2026-12-19T00:00:00Z', ['nudges']);
    const entries = await OutboxModel.find({ kind: 'silence_nudge' }).lean();
    const forFirst = entries.filter((e) => e.ref.period === 1);
    expect(forFirst.map((e) => [e.status, e.skipReason])).toEqual([
      ['skipped', 'a newer check-in has gone out'],
      ['skipped', 'a newer check-in has gone out'],
    ]);
    expect((await sentNudges()).map((n) => n.period)).toEqual([2, 2]);
  });

  test('a paused pair gets no nudges', async () => {
    pair = await createActivePair(h);
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    await PairModel.updateOne(
      { _id: pair._id },
      {
        $set: {
          status: 'paused',
          pause: { until: new Date('2027-01-05T00:00:00Z'), since: new Date('2026-12-09T00:00:00Z') },
        },
      },
    );
    await simulate(h, '2026-12-09T00:00:00Z', '2026-12-12T00:00:00Z', ['nudges'], 120);
    expect(await sentNudges()).toEqual([]);
    expect(
      await OutboxModel.countDocuments({ kind: 'silence_nudge', status: 'skipped', skipReason: 'pair is paused' }),
    ).toBe(2);
  });
});
