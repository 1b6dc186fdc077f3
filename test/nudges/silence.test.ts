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

  test('no replies for a month: a nudge per missed check-in two working days later, a pause offered at the second, staff told once', async () => {
    pair = await createActivePair(h); // New York mentor, Dhaka mentee, weekly from 1 December
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-30T00:00:00Z', ['checkins', 'nudges']);

    const nudges = await sentNudges();
    // Check-ins go out on Tuesdays 09:00 Dhaka (Monday 22:00 New York). Each person is nudged two
    // working days later, inside their waking hours: Thursday 09:00 in Dhaka; for New York, Wednesday
    // 22:00 is quiet time, so Thursday 08:00.
    expect(nudges.map((n) => [n.period, n.userId === PEOPLE.mentee.id ? 'mentee' : 'mentor', n.local])).toEqual([
      [1, 'mentee', 'Thu 09:00'],
      [1, 'mentor', 'Thu 08:00'],
      [2, 'mentee', 'Thu 09:00'],
      [2, 'mentor', 'Thu 08:00'],
      [3, 'mentee', 'Thu 09:00'],
      [3, 'mentor', 'Thu 08:00'],
    ]);
    // Kind first nudge with a reply button; from the second miss in a row, an offer to pause.
    expect(nudges[0].text).toMatch(/still waiting for your reply/);
    expect(nudges[0].blocks).toContain('checkins.reply_button');
    expect(nudges[0].blocks).not.toContain('nudges.pause_offer');
    expect(nudges[2].text).toMatch(/second in a row/);
    expect(nudges[2].blocks).toContain('nudges.pause_offer_1w'); // "Move to next week": reschedule
    expect(nudges[2].blocks).toContain('nudges.pause_offer_2w');
    // Never twice for the same check-in and person: count what reached each person's DM in Slack (the
    // outbox keys are unique by construction, so counting them could not fail). Only nudges go to DMs here.
    for (const person of [PEOPLE.mentee, PEOPLE.mentor]) {
      const dm = h.standIn.dmChannelOf(person.id);
      const received = h.standIn.messages.filter((m) => m.channel === dm);
      expect(received.map((m) => (/second in a row/.test(m.text ?? '') ? 'pause offer' : 'nudge'))).toEqual([
        'nudge',
        'pause offer',
        'pause offer',
      ]);
      const posts = h.standIn.attemptsTo('chat.postMessage').filter((c) => [dm, person.id].includes(c.args.channel));
      expect(posts).toHaveLength(3);
    }

    // 21 days without a reply from either side (from 1 December 12:00): flagged, staff told, once.
    const alerts = h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /may be at risk/.test(m.text ?? ''));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toMatch(/Alice Müller\* and \*Karim Rahman\*.*no reply from either side for 21 days/);
    const flagged = await PairModel.findById(pair._id).lean();
    expect(flagged!.atRisk!.since!.toISOString()).toBe('2026-12-22T12:00:00.000Z');
  }, 120_000); // 22 simulated days, hourly ticks of two jobs: about 30 s on a loaded 2-core machine

  test('a nudge that lost its point is skipped: the next check-in went out first', async () => {
    pair = await createActivePair(h);
    // The bot was down from Tuesday 8 December until after check-in #2 was due: catch-up posts #1 and #2 together.
    await runJobsAt(h, '2026-12-15T04:00:00Z', ['checkins']);
    await simulate(h, '2026-12-15T05:00:00Z', '2026-12-19T00:00:00Z', ['nudges']);
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
    await runJobsAt(h, '2026-12-08T03:00:00Z', ['checkins']);
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
