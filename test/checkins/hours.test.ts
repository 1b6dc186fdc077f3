/**
 * Issue 11, "nobody is pinged at night or on their weekend": three pairs run for four days with
 * the jobs ticking at their production cadences, and every @-mention and every DM a participant
 * got is checked against the recipient's own clock. The expected instants are computed by hand.
 */
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { localParts } from '../../src/lib/working-time';
import type { Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { wallTime } from '../support/simulation';
import { withHarness } from '../support/with-harness';
import { dmChannels, type Received, submitAnswer, tickAsInProduction } from '../promises/drive';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';

let h: Harness;
// Staff create the three pairs on Sunday 6 December, 15:00 UTC: a weekend day for all six people.
const CREATED_AT = '2026-12-06T15:00:00Z';
const clock = new FakeClock(new Date(CREATED_AT));

withHarness('checkins_hours', (made) => (h = made), { clock, beforeEachTest: () => clock.set(CREATED_AT) });

const PARTICIPANTS = ['mentor', 'menteeTbilisi', 'mentorLA', 'mentee', 'mentorParis', 'mentee2'] as const;
type Name = (typeof PARTICIPANTS)[number];
const nameOf = new Map<string, Name>(PARTICIPANTS.map((n) => [PEOPLE[n].id, n]));
const tzOf = (name: Name) => PEOPLE[name].tz;

interface Ping {
  who: Name;
  how: 'mention' | 'dm';
  /** The recipient's wall clock, e.g. "Mon 08:00". */
  local: string;
  at: Date;
}

/** Every @-mention of a participant in a channel message, and every DM to a participant, with when it was sent. */
function pingsIn(received: Received[], dms: Map<string, Name>): Ping[] {
  const pings: Ping[] = [];
  for (const { at, message } of received) {
    if (message.ephemeral) continue;
    const dmTo = dms.get(message.channel);
    if (dmTo) {
      pings.push({ who: dmTo, how: 'dm', local: wallTime(at, tzOf(dmTo)), at });
      continue;
    }
    const body = `${message.text ?? ''} ${JSON.stringify(message.blocks ?? [])}`;
    const mentioned = new Set([...body.matchAll(/<@(U[A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]));
    for (const id of mentioned) {
      const who = nameOf.get(id);
      if (who) pings.push({ who, how: 'mention', local: wallTime(at, tzOf(who)), at });
    }
  }
  return pings;
}

const checkinOf = async (pair: Pair) => (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean<Checkin>())!;

describe('nobody is pinged at night or on their weekend', () => {
  test('New York–Tbilisi, Los Angeles–Dhaka and Paris–Tunis, created on a Sunday, ticking as in production until Wednesday night', async () => {
    const welcomesBefore = h.standIn.messages.length;
    const pairs = {
      nyTbilisi: await createActivePair(h, {
        mentor: PEOPLE.mentor.id,
        mentee: PEOPLE.menteeTbilisi.id,
        menteeCountry: 'Georgia',
        startDate: '2026-11-30',
      }),
      laDhaka: await createActivePair(h, {
        mentor: PEOPLE.mentorLA.id,
        mentee: PEOPLE.mentee.id,
        startDate: '2026-11-30',
      }),
      parisTunis: await createActivePair(h, {
        mentor: PEOPLE.mentorParis.id,
        mentee: PEOPLE.mentee2.id,
        menteeCountry: 'Tunisia',
        startDate: '2026-11-30',
      }),
    };
    // What set-up posted on Sunday (the welcomes, the staff confirmations), sent at CREATED_AT.
    const received: Received[] = h.standIn.messages.slice(welcomesBefore).map((message) => ({
      at: new Date(CREATED_AT),
      message,
    }));
    const dms = (await dmChannels(h, [...PARTICIPANTS])) as Map<string, Name>;

    received.push(...(await tickAsInProduction(h, '2026-12-06T15:05:00Z', '2026-12-09T23:55:00Z')));
    const pings = pingsIn(received, dms);

    // The rule: every @-mention and every DM reaches its recipient between 08:00 and 20:00 on a Monday-Friday of theirs.
    for (const p of pings) {
      const { hour, isoWeekday } = localParts(p.at, tzOf(p.who));
      expect([p.who, p.how, p.local, isoWeekday <= 5 && hour >= 8 && hour < 20]).toEqual([p.who, p.how, p.local, true]);
    }

    // By hand. The first check-in of each pair is due on Monday 7 December (start 30 November, weekly).
    // New York (UTC-5) and Tbilisi (UTC+4) share no working hour (09:00 New York is 18:00 Tbilisi);
    // the first hour both are awake is 08:00 New York = 17:00 Tbilisi = 13:00 UTC: both mentioned.
    expect((await checkinOf(pairs.nyTbilisi)).prompt!.postedAt).toEqual(new Date('2026-12-07T13:00:00Z'));
    // Los Angeles (UTC-8) and Dhaka (UTC+6): 08:00 Monday in Dhaka is 18:00 Sunday in Los Angeles, a day
    // off. So 09:00 Dhaka = 03:00 UTC without mentioning Lee, who gets a DM at 09:00 Monday his time = 17:00 UTC.
    const laCheckin = await checkinOf(pairs.laDhaka);
    expect(laCheckin.prompt!.postedAt).toEqual(new Date('2026-12-07T03:00:00Z'));
    expect([laCheckin.mentionMentor, laCheckin.mentorDmAt]).toEqual([false, new Date('2026-12-07T17:00:00Z')]);
    // Paris and Tunis (both UTC+1 in winter): 09:00 for both = 08:00 UTC.
    expect((await checkinOf(pairs.parisTunis)).prompt!.postedAt).toEqual(new Date('2026-12-07T08:00:00Z'));

    // Who was pinged, how, and when on their own clock, in order. On Sunday nobody: the welcomes only
    // name them; each gets a DM at 08:00 on Monday, their time. Nudges: two working days after the
    // prompt, out of the night (Lee: from Monday 00:00, his first working hour, to Wednesday 00:00 -> 08:00).
    const seen = pings.map((p) => [p.who, p.how, p.local, p.at.toISOString().slice(0, 16)]);
    expect(seen).toEqual([
      ['mentee', 'dm', 'Mon 08:00', '2026-12-07T02:00'], // welcome DM, Dhaka
      ['mentee', 'mention', 'Mon 09:00', '2026-12-07T03:00'], // check-in #1, Lee named, not mentioned
      ['menteeTbilisi', 'dm', 'Mon 08:00', '2026-12-07T04:00'], // welcome DM, Tbilisi
      ['mentorParis', 'dm', 'Mon 08:00', '2026-12-07T07:00'], // welcome DM, Paris
      ['mentee2', 'dm', 'Mon 08:00', '2026-12-07T07:00'], // welcome DM, Tunis
      ['mentorParis', 'mention', 'Mon 09:00', '2026-12-07T08:00'], // check-in #1 Paris-Tunis
      ['mentee2', 'mention', 'Mon 09:00', '2026-12-07T08:00'],
      ['mentor', 'dm', 'Mon 08:00', '2026-12-07T13:00'], // welcome DM, New York
      ['mentor', 'mention', 'Mon 08:00', '2026-12-07T13:00'], // check-in #1 New York-Tbilisi
      ['menteeTbilisi', 'mention', 'Mon 17:00', '2026-12-07T13:00'],
      ['mentorLA', 'dm', 'Mon 08:00', '2026-12-07T16:00'], // welcome DM, Los Angeles
      ['mentorLA', 'dm', 'Mon 09:00', '2026-12-07T17:00'], // "Check-in #1 for you and Karim is open"
      ['mentee', 'dm', 'Wed 09:00', '2026-12-09T03:00'], // nudge, Dhaka
      ['mentorParis', 'dm', 'Wed 09:00', '2026-12-09T08:00'], // nudges, Paris and Tunis
      ['mentee2', 'dm', 'Wed 09:00', '2026-12-09T08:00'],
      ['mentor', 'dm', 'Wed 08:00', '2026-12-09T13:00'], // nudges, New York and Tbilisi
      ['menteeTbilisi', 'dm', 'Wed 17:00', '2026-12-09T13:00'],
      ['mentorLA', 'dm', 'Wed 08:00', '2026-12-09T16:00'], // nudge, Los Angeles
    ]);
    // The Los Angeles prompt names Lee in plain text, and his DM carries the reply button.
    const laPrompt = received.find(
      (r) => r.message.channel === pairs.laDhaka.channel!.id && /Check-in #1/.test(r.message.text ?? ''),
    )!;
    expect(JSON.stringify(laPrompt.message.blocks)).toContain('Lee Park');
    const leeDm = received.find(
      (r) => dms.get(r.message.channel) === 'mentorLA' && /is open/.test(r.message.text ?? ''),
    )!;
    expect(leeDm.message.text).toBe(
      `Check-in #1 for you and Karim Rahman is open. Please answer in <#${pairs.laDhaka.channel!.id}>.`,
    );
    expect(JSON.stringify(leeDm.message.blocks)).toContain('checkins.reply_button');
  }, 600_000);

  test("an answer's thread summary, posted at night for the partner, names their next step without an @-mention", async () => {
    clock.set('2026-12-01T13:30:00Z'); // Tuesday 08:30 New York, 19:30 Dhaka
    const pair = await createActivePair(h); // Alice (New York) and Karim (Dhaka): Tuesdays 13:00 UTC
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    const checkin = await checkinOf(pair);
    const summaries = () => h.standIn.messages.filter((m) => m.thread_ts === checkin.prompt!.ts);
    // Karim answers on Wednesday at 09:00 in Dhaka: 22:00 on Tuesday in New York.
    clock.set('2026-12-09T03:00:00Z');
    const answer = await submitAnswer(h, PEOPLE.mentee.id, checkin, 1, {
      steps: [
        { what: 'Send the fee study', who: PEOPLE.mentor.id, by: '2026-12-14' },
        { what: 'Call the regulator', who: PEOPLE.mentee.id, by: '2026-12-14' },
      ],
    });
    expect(answer).toEqual({ response_action: 'clear' });
    await eventually(async () => summaries().length === 1, 'the summary');
    const summary = JSON.stringify(summaries()[0].blocks);
    expect(summary).toContain('• Alice Müller: Send the fee study');
    expect(summary).not.toContain(`<@${PEOPLE.mentor.id}>`);
    // Karim, who just answered, is @-mentioned: it answers what he did.
    expect(summary).toContain(`• <@${PEOPLE.mentee.id}>: Call the regulator`);
  }, 60_000);
});
