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
const nudgeText = /still waits for your answer|in a row without your answer/;

describe('nudges never arrive between 20:00 and 08:00 or on the recipient’s weekend', () => {
  test('four people from Los Angeles to Dhaka, jobs ticking every 5 and 15 minutes for five days: nudges and reminders', async () => {
    // Alice (New York) + Karim (Dhaka): check-in #1 on Friday 11 December, 08:00 New York = 19:00 Dhaka (13:00 UTC).
    await createActivePair(h, { startDate: '2026-12-04' });
    // Lee (Los Angeles) + Amira (Tunis): #1 on Thursday 10 December, 08:00 Los Angeles = 17:00 Tunis (16:00 UTC).
    const tunis = await createActivePair(h, {
      mentor: PEOPLE.mentorLA.id,
      mentee: PEOPLE.mentee2.id,
      menteeCountry: 'Tunisia',
      startDate: '2026-12-03',
    });
    const people = await dmChannels(h, ['mentor', 'mentee', 'mentorLA', 'mentee2']);

    const received = await tickAsInProduction(h, '2026-12-10T15:00:00Z', '2026-12-10T17:00:00Z');
    // Amira answers at 18:00 Tunis with two next steps: Lee's by Monday 14, hers by Tuesday 15 December.
    clock.set('2026-12-10T17:00:00Z');
    const answer = await submitAnswer(h, PEOPLE.mentee2.id, await checkinOf(tunis, 1), 1, {
      steps: [
        { what: 'Send the board template', who: PEOPLE.mentorLA.id, by: '2026-12-14' },
        { what: 'Book the board meeting', who: PEOPLE.mentee2.id, by: '2026-12-15' },
      ],
    });
    expect(answer).toEqual({ response_action: 'clear' });
    received.push(...(await tickAsInProduction(h, '2026-12-10T17:05:00Z', '2026-12-15T14:00:00Z')));

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
    // days after each prompt, weekends not counted, moved out of the night: Lee: Thursday 08:00 +
    // 48 h = Monday 08:00. Alice: Friday 08:00 -> Tuesday 08:00. Karim: Friday 19:00 -> Tuesday 19:00.
    // Amira answered: no nudge.
    const inOrder = seen.map((s) => [s.name, s.kind, s.local]);
    expect(inOrder.slice(0, 3)).toEqual([
      ['mentorLA', 'reminder', 'Fri 10:00'],
      ['mentee2', 'reminder', 'Mon 10:00'],
      ['mentorLA', 'nudge', 'Mon 08:00'],
    ]);
    // Alice and Karim are nudged at the same tick (Tuesday 13:00 UTC), in either order.
    expect(inOrder.slice(3).sort()).toEqual([
      ['mentee', 'nudge', 'Tue 19:00'],
      ['mentor', 'nudge', 'Tue 08:00'],
    ]);
    expect(dms.filter((r) => /Send the board template|Book the board meeting/.test(r.message.text ?? ''))).toHaveLength(
      2,
    );
  }, 600_000);
});

describe('a nudge deferred overnight is dropped when the person replied in the night', () => {
  test('no DM in the morning; the partner’s nudge went out as usual', async () => {
    const pair = await createActivePair(h); // #1 on Tuesday 8 December, 19:00 Dhaka, 08:00 New York (13:00 UTC)
    const karimDm = await dmChannelOf(h, PEOPLE.mentee.id);
    const aliceDm = await dmChannelOf(h, PEOPLE.mentor.id);
    await tickAsInProduction(h, '2026-12-08T12:00:00Z', '2026-12-08T14:00:00Z');
    const first = await checkinOf(pair, 1);
    expect(first.prompt?.ts).toBeDefined();

    // The bot was down from Tuesday until Thursday 16:00 UTC, 22:00 in Dhaka: Karim's nudge, due at
    // 19:00 Dhaka, waits for his morning (08:00 Dhaka = 02:00 UTC); Alice's (11:00 New York) goes out.
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
    const pair = await createActivePair(h); // weekly on Tuesdays, 19:00 Dhaka = 08:00 New York (13:00 UTC)
    const karimDm = await dmChannelOf(h, PEOPLE.mentee.id);
    const aliceDm = await dmChannelOf(h, PEOPLE.mentor.id);
    // Both are nudged two working days after each prompt, at the same hour: Thursdays 13:00 UTC.
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-17T13:00:00Z', ['checkins', 'nudges']);
    const nudges = h.standIn.messages.filter((m) => m.channel === karimDm);
    expect(nudges.map((m) => (/second in a row/.test(m.text ?? '') ? 'second' : 'first'))).toEqual(['first', 'second']);
    expect(JSON.stringify(nudges[1].blocks)).not.toContain('Move to next week');
    const second = nudges[1];
    expect(JSON.stringify(second.blocks)).toContain('Pause 4 weeks');

    clock.set('2026-12-17T13:10:00Z'); // Thursday 19:10 in Dhaka, 08:10 in New York
    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: PauseIds.offerFourWeeksButton,
      channelId: second.channel,
      messageTs: second.ts,
    });
    await h.standIn.waitFor(() => h.standIn.responses.length === 1, 8000, 'the answer to the button');
    // 28 days after Thursday 17 December in Dhaka: Thursday 14 January (00:00 Dhaka, 18:00 UTC the day
    // before), shown as that calendar day to both: a token at noon UTC of 14 January.
    const untilToken = `<!date^${Date.parse('2027-01-14T12:00:00Z') / 1000}^{date_long}|Thursday 14 January 2027>`;
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

    // Four quiet weeks: no prompt on 22 and 29 December, 5 and 12 January, no nudge; then the pair
    // comes back by itself, with a welcome-back check-in at 08:00 New York = 19:00 Dhaka on Thursday 14 January.
    const before = inChannel().length;
    await simulate(h, '2026-12-17T14:00:00Z', '2027-01-14T13:00:00Z', ['checkins', 'nudges']);
    const after = inChannel().slice(before);
    // Alice's nudge for #2 went out at the same tick as Karim's (08:00 New York), before he paused.
    expect(h.standIn.messages.filter((m) => m.channel === aliceDm).map((m) => m.text)).toEqual([
      expect.stringMatching(/Check-in #1 .*still waits for your answer/),
      expect.stringMatching(/Check-in #2 .*second in a row/),
    ]);
    expect(h.standIn.messages.filter((m) => m.channel === karimDm)).toHaveLength(2);
    expect(after.map((m) => m.text)).toEqual([
      expect.stringMatching(/^:arrow_forward: The pause is over\. Welcome back!/),
      'Check-in #3: time to check in with each other.',
    ]);
    const welcome = await checkinOf(pair, 3);
    expect([welcome.kind, wallTime(welcome.prompt!.postedAt!, 'Asia/Dhaka')]).toEqual(['welcome_back', 'Thu 19:00']);
  }, 180_000);
});
