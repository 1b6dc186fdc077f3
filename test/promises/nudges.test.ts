/**
 * README promises about nudges that had no test: never between 20:00 and 08:00 or on the
 * recipient's weekend at the production cadences; a nudge deferred overnight is dropped when the
 * person replied in the night; the four-week pause offered by the second-miss nudge.
 */
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { PauseIds } from '../../src/features/pause/ids';
import { localParts } from '../../src/lib/working-time';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { simulate, wallTime } from '../support/simulation';
import { withHarness } from '../support/with-harness';
import { dmChannelOf, dmChannels, submitAnswer, tickAsInProduction } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));

withHarness('promises_nudges', (made) => (h = made), {
  clock,
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
});

const checkinOf = async (pair: Pair, period: number) =>
  (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;
const nudgeText = /still waiting for your reply|second in a row/;

describe('nudges never arrive between 20:00 and 08:00 or on the recipient’s weekend', () => {
  test('four people from Los Angeles to Dhaka, jobs ticking every 5 and 15 minutes for five days: nudges and reminders', async () => {
    // Alice (New York) + Karim (Dhaka): check-in #1 on Friday 11 December, 09:00 Dhaka (Thursday 22:00 New York).
    await createActivePair(h, { startDate: '2026-12-04' });
    // Lee (Los Angeles) + Amira (Tunis): #1 on Thursday 10 December, 09:00 Tunis (00:00 Los Angeles).
    const tunis = await createActivePair(h, {
      mentor: PEOPLE.mentorLA.id,
      mentee: PEOPLE.mentee2.id,
      menteeCountry: 'Tunisia',
      startDate: '2026-12-03',
    });
    const people = await dmChannels(h, ['mentor', 'mentee', 'mentorLA', 'mentee2']);

    const received = await tickAsInProduction(h, '2026-12-10T07:00:00Z', '2026-12-10T09:00:00Z');
    // Amira answers at 10:00 Tunis with two next steps: Lee's by Monday 14, hers by Tuesday 15 December.
    clock.set('2026-12-10T09:00:00Z');
    const answer = await submitAnswer(h, PEOPLE.mentee2.id, await checkinOf(tunis, 1), 1, {
      steps: [
        { what: 'Send the board template', who: PEOPLE.mentorLA.id, by: '2026-12-14' },
        { what: 'Book the board meeting', who: PEOPLE.mentee2.id, by: '2026-12-15' },
      ],
    });
    expect(answer).toEqual({ response_action: 'clear' });
    received.push(...(await tickAsInProduction(h, '2026-12-10T09:05:00Z', '2026-12-15T14:00:00Z')));

    const dms = received.filter((r) => people.has(r.message.channel));
    const seen = dms.map((r) => {
      const name = people.get(r.message.channel)!;
      const tz = (PEOPLE[name] as { tz: string }).tz;
      const kind = nudgeText.test(r.message.text ?? '') ? 'nudge' : 'reminder';
      return { name, kind, local: wallTime(r.at, tz), ...localParts(r.at, tz) };
    });
    // Every DM anyone received (nudges and reminders): inside 08:00–20:00 on a Monday–Friday of their own.
    for (const dm of seen) {
      expect([dm.name, dm.kind, dm.isoWeekday <= 5 && dm.hour >= 8 && dm.hour < 20]).toEqual([dm.name, dm.kind, true]);
    }
    // By hand. Reminders: 10:00 on the owner's working day before the due day. Nudges: two working
    // days after each prompt, weekends not counted, moved out of the night: Lee: Thursday 00:00 +
    // 48 h = Saturday 00:00 -> Monday 08:00. Alice: Thursday 22:00 -> Monday 22:00 -> Tuesday 08:00.
    // Karim: Friday 09:00 -> Tuesday 09:00. Amira answered: no nudge.
    expect(seen.map((s) => [s.name, s.kind, s.local])).toEqual([
      ['mentorLA', 'reminder', 'Fri 10:00'],
      ['mentee2', 'reminder', 'Mon 10:00'],
      ['mentorLA', 'nudge', 'Mon 08:00'],
      ['mentee', 'nudge', 'Tue 09:00'],
      ['mentor', 'nudge', 'Tue 08:00'],
    ]);
    expect(dms.filter((r) => /Send the board template|Book the board meeting/.test(r.message.text ?? ''))).toHaveLength(
      2,
    );
  }, 600_000);
});

describe('a nudge deferred overnight is dropped when the person replied in the night', () => {
  test('no DM in the morning; the partner’s nudge went out as usual', async () => {
    const pair = await createActivePair(h); // #1 on Tuesday 8 December, 09:00 Dhaka (03:00 UTC)
    const karimDm = await dmChannelOf(h, PEOPLE.mentee.id);
    const aliceDm = await dmChannelOf(h, PEOPLE.mentor.id);
    await tickAsInProduction(h, '2026-12-08T02:00:00Z', '2026-12-08T04:00:00Z');
    const first = await checkinOf(pair, 1);
    expect(first.prompt?.ts).toBeDefined();

    // The bot was down from Tuesday until Thursday 16:00 UTC, 22:00 in Dhaka: Karim's nudge, due at
    // 09:00 Dhaka, waits for his morning (08:00 Dhaka = 02:00 UTC); Alice's (11:00 New York) goes out.
    const report = await runJobsAt(h, '2026-12-10T16:00:00Z', ['checkins', 'nudges', 'reminders']);
    expect(report).toContain(
      `deferred silence_nudge nudge:${first._id}:${PEOPLE.mentee.id} to 2026-12-11T02:00:00.000Z: quiet hours`,
    );
    const evening = await tickAsInProduction(h, '2026-12-10T16:05:00Z', '2026-12-10T20:00:00Z');

    // Karim cannot sleep and answers at 02:00 Dhaka (20:05 UTC).
    clock.set('2026-12-10T20:05:00Z');
    expect(await submitAnswer(h, PEOPLE.mentee.id, first, 1)).toEqual({ response_action: 'clear' });
    const night = await tickAsInProduction(h, '2026-12-10T20:05:00Z', '2026-12-11T12:00:00Z');

    const to = (channel: string) => h.standIn.messages.filter((m) => m.channel === channel);
    expect(to(karimDm)).toHaveLength(0);
    expect(to(aliceDm).map((m) => nudgeText.test(m.text ?? ''))).toEqual([true]);
    expect([...evening, ...night].filter((r) => r.message.channel === karimDm)).toHaveLength(0);
  }, 120_000);
});

describe('the second missed check-in in a row offers to pause', () => {
  test('Karim presses "Pause 4 weeks" in the real nudge DM: paused until the right day, both told, back by itself', async () => {
    const pair = await createActivePair(h); // weekly on Tuesdays, 09:00 Dhaka
    const karimDm = await dmChannelOf(h, PEOPLE.mentee.id);
    const aliceDm = await dmChannelOf(h, PEOPLE.mentor.id);
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-17T04:00:00Z', ['checkins', 'nudges']);
    const nudges = h.standIn.messages.filter((m) => m.channel === karimDm);
    expect(nudges.map((m) => (/second in a row/.test(m.text ?? '') ? 'second' : 'first'))).toEqual(['first', 'second']);
    const second = nudges[1];
    expect(JSON.stringify(second.blocks)).toContain('Pause 4 weeks');

    clock.set('2026-12-17T04:00:00Z'); // Thursday 10:00 in Dhaka
    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: PauseIds.offerFourWeeksButton,
      channelId: second.channel,
      messageTs: second.ts,
    });
    await h.standIn.waitFor(() => h.standIn.responses.length === 1, 8000, 'the answer to the button');
    // 28 days after Thursday 17 December in Dhaka: Thursday 14 January, from 00:00 Dhaka (18:00 UTC the day before).
    const untilToken = `<!date^${Date.parse('2027-01-13T18:00:00Z') / 1000}^{date_long}|2027-01-14>`;
    const answer = h.standIn.responses[0].body;
    expect(answer.replace_original).toBe(true);
    expect(answer.text).toContain(`Paused until ${untilToken}`);
    expect(answer.text).toContain(`<@${PEOPLE.mentor.id}> has been told`);
    const paused = (await PairModel.findById(pair._id).lean<Pair>())!;
    expect(paused.status).toBe('paused');
    expect(paused.pause!.until!.toISOString()).toBe('2027-01-13T18:00:00.000Z');
    expect(paused.pause!.untilDay).toBe('2027-01-14');

    const inChannel = () => h.standIn.messages.filter((m) => m.channel === pair.channel!.id && !m.thread_ts);
    await eventually(async () => inChannel().some((m) => /paused this mentorship/.test(m.text ?? '')), 'the notice');
    const notices = inChannel().filter((m) => /paused this mentorship/.test(m.text ?? ''));
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain(`<@${PEOPLE.mentee.id}> paused this mentorship until *${untilToken}*`);
    expect(notices[0].text).toContain(`<@${PEOPLE.mentor.id}>: check-ins and nudges stop`);

    // Four quiet weeks: Alice's nudge for #2 (Thursday 08:00 New York) is dropped, no prompt on
    // 22 and 29 December, 5 and 12 January; then the pair comes back by itself.
    const before = inChannel().length;
    await simulate(h, '2026-12-17T05:00:00Z', '2027-01-14T04:00:00Z', ['checkins', 'nudges']);
    const after = inChannel().slice(before);
    expect(h.standIn.messages.filter((m) => m.channel === aliceDm).map((m) => m.text)).toEqual([
      expect.stringMatching(/Check-in #1 .*still waiting for your reply/),
    ]);
    expect(h.standIn.messages.filter((m) => m.channel === karimDm)).toHaveLength(2);
    expect(after.map((m) => m.text)).toEqual([
      expect.stringMatching(/^:arrow_forward: The pause is over\. Welcome back!/),
      'Check-in #3: time to check in with each other.',
    ]);
    const welcome = await checkinOf(pair, 3);
    expect([welcome.kind, wallTime(welcome.prompt!.postedAt!, 'Asia/Dhaka')]).toEqual(['welcome_back', 'Thu 09:00']);
  }, 180_000);
});
