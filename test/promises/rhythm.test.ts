/**
 * README promises about the rhythm that had no test: a due day on the mentee's weekend, the
 * open next steps and goals in the next prompt, and editing a reply until the next prompt is
 * really posted.
 */
import { CheckinModel, CheckinReplyModel, type Checkin } from '../../src/features/checkins/model';
import { CommitmentIds } from '../../src/features/commitments/ids';
import { CommitmentModel } from '../../src/features/commitments/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { simulate, wallTime } from '../support/simulation';
import { withHarness } from '../support/with-harness';
import { dmChannelOf, pressReply, submitAnswer } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));

withHarness('promises_rhythm', (made) => (h = made), {
  clock,
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
});

const TWO_GOALS: Array<[string, string]> = [
  ['Halve the central-bank fee', 'The fee for member MFIs drops from 2% to 1%'],
  ['Launch a member newsletter', 'Three issues sent'],
];

const promptsIn = (pair: Pair, n?: number) =>
  h.standIn.messages.filter(
    (m) =>
      m.channel === pair.channel!.id && !m.thread_ts && new RegExp(`^Check-in #${n ?? '\\d+'}:`).test(m.text ?? ''),
  );
const checkinOf = async (pair: Pair, period: number) =>
  (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;

describe('a due day on the mentee’s weekend moves to their next working day', () => {
  test('Saturday and Sunday due days are posted on Monday, at the civil hour of that Monday', async () => {
    // Weekly from Saturday 5 December: #1 is due Saturday 12 December. New York mentor, Tunis mentee.
    const saturday = await createActivePair(h, {
      mentee: PEOPLE.mentee2.id,
      menteeCountry: 'Tunisia',
      startDate: '2026-12-05',
    });
    // Weekly from Sunday 6 December: #1 is due Sunday 13 December. Los Angeles mentor, Dhaka mentee.
    const sunday = await createActivePair(h, { mentor: PEOPLE.mentorLA.id, startDate: '2026-12-06' });

    // Nothing over the weekend, in anyone's time zone (hourly ticks from Friday to Monday 01:00 UTC).
    await simulate(h, '2026-12-11T00:00:00Z', '2026-12-14T01:00:00Z', ['checkins']);
    expect(promptsIn(saturday)).toHaveLength(0);
    expect(promptsIn(sunday)).toHaveLength(0);

    // Then every 5 minutes on Monday 14 December, as the cron does; note when each prompt arrives.
    const arrived = new Map<string, string>();
    for (let t = Date.parse('2026-12-14T01:05:00Z'); t <= Date.parse('2026-12-14T16:00:00Z'); t += 5 * 60_000) {
      const at = new Date(t).toISOString();
      await runJobsAt(h, at, ['checkins']);
      for (const [name, pair] of [
        ['saturday', saturday],
        ['sunday', sunday],
      ] as const) {
        if (!arrived.has(name) && promptsIn(pair).length > 0) arrived.set(name, at);
      }
    }
    // By hand: Monday 14 December. New York (UTC-5) and Tunis (UTC+1) first share a whole working
    // hour at 09:00 New York = 14:00 UTC = 15:00 Tunis. Los Angeles and Dhaka share none, and 08:00
    // Monday in Dhaka is still Sunday in Los Angeles: 09:00 in Dhaka (UTC+6) = 03:00 UTC.
    expect(Object.fromEntries(arrived)).toEqual({
      saturday: '2026-12-14T14:00:00.000Z',
      sunday: '2026-12-14T03:00:00.000Z',
    });
    const sat = await checkinOf(saturday, 1);
    expect([sat.dueDay, sat.dueAt.toISOString(), wallTime(sat.prompt!.postedAt!, 'Africa/Tunis')]).toEqual([
      '2026-12-14',
      '2026-12-14T14:00:00.000Z',
      'Mon 15:00',
    ]);
    const sun = await checkinOf(sunday, 1);
    expect([sun.dueDay, wallTime(sun.prompt!.postedAt!, 'Asia/Dhaka')]).toEqual(['2026-12-14', 'Mon 09:00']);
    // 09:00 Monday in Dhaka is 19:00 Sunday in Los Angeles: the mentor is named, not mentioned, and
    // told by DM at 09:00 Monday in Los Angeles (17:00 UTC).
    expect([sun.mentionMentor, sun.mentorDmAt]).toEqual([false, new Date('2026-12-14T17:00:00Z')]);
    expect(JSON.stringify(promptsIn(sunday)[0].blocks)).not.toContain(`<@${PEOPLE.mentorLA.id}>`);
    expect(promptsIn(saturday)).toHaveLength(1);
    expect(promptsIn(sunday)).toHaveLength(1);
    // The prompt shows each person's local time at the moved instant.
    expect(JSON.stringify(promptsIn(saturday)[0].blocks)).toMatch(/Mon 09:00 for you\).*Mon 15:00 for you\)/);
  }, 120_000);
});

describe('the next prompt lists the open next steps and the goals', () => {
  test('open next steps are listed without mentions (overdue ones say so); a done one is not', async () => {
    const pair = await createActivePair(h, { goals: TWO_GOALS }); // prompts on Tuesdays 13:00 UTC (08:00 New York, 19:00 Dhaka)
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    const first = await checkinOf(pair, 1);
    clock.set('2026-12-08T14:00:00Z');
    const answer = await submitAnswer(h, PEOPLE.mentee.id, first, 2, {
      steps: [
        { what: 'Draft the letter to the regulator', who: PEOPLE.mentee.id, by: '2026-12-10' },
        { what: 'Book the board meeting room', who: PEOPLE.mentee.id, by: '2026-12-11' },
        { what: 'Share the ASAE advocacy template', who: PEOPLE.mentor.id, by: '2026-12-21' },
      ],
    });
    expect(answer).toEqual({ response_action: 'clear' });

    // The week goes by; Karim gets his reminders and presses Done on the room booking only.
    await simulate(h, '2026-12-08T15:00:00Z', '2026-12-10T06:00:00Z', ['checkins', 'reminders']);
    const karimDm = await dmChannelOf(h, PEOPLE.mentee.id);
    const reminder = h.standIn.messages.find(
      (m) => m.channel === karimDm && /Book the board meeting room/.test(m.text ?? JSON.stringify(m.blocks)),
    );
    expect(reminder).toBeDefined();
    clock.set('2026-12-10T07:00:00Z');
    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.doneButton,
      channelId: reminder!.channel,
      messageTs: reminder!.ts,
    });
    await eventually(
      async () => Boolean(await CommitmentModel.exists({ what: 'Book the board meeting room', status: 'done' })),
      'the room booking to be done',
    );

    await simulate(h, '2026-12-10T07:00:00Z', '2026-12-15T13:00:00Z', ['checkins', 'reminders']);
    const [next, ...more] = promptsIn(pair, 2);
    expect(more).toHaveLength(0);
    const shown = JSON.stringify(next.blocks);
    expect(shown).toContain('*Goals*\\n1. Halve the central-bank fee\\n2. Launch a member newsletter');
    const steps = next
      .blocks!.map((b: any) => b.text?.text ?? '')
      .find((t: string) => t.startsWith('*Open next steps*'));
    expect(steps).not.toMatch(/<@/);
    const noon = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
    expect(steps.split('\n')).toEqual([
      '*Open next steps*',
      `• Draft the letter to the regulator (Karim Rahman, by <!date^${noon('2026-12-10')}^{date_short_pretty}|Thursday 10 December 2026>, overdue)`,
      `• Share the ASAE advocacy template (Alice Müller, by <!date^${noon('2026-12-21')}^{date_short_pretty}|Monday 21 December 2026>)`,
    ]);
    expect(shown).not.toContain('Book the board meeting room');
    expect(shown).not.toContain('Overdue commitments');
  }, 120_000);
});

describe('a reply can be edited until the next check-in is posted', () => {
  test('the next check-in exists but Slack refused its prompt: editing is still allowed; once posted, refused', async () => {
    const pair = await createActivePair(h, { goals: TWO_GOALS });
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    const first = await checkinOf(pair, 1);
    clock.set('2026-12-08T14:00:00Z');
    expect(await submitAnswer(h, PEOPLE.mentee.id, first, 2)).toEqual({ response_action: 'clear' });
    await eventually(async () => h.standIn.messages.some((m) => m.thread_ts === first.prompt!.ts), 'the summary');

    // Check-in #2 is created on time, but Slack fails its prompt.
    h.standIn.failNext('chat.postMessage', { status: 500 });
    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
    expect(await checkinOf(pair, 2)).toBeDefined();
    expect(promptsIn(pair, 2)).toHaveLength(0);

    // The answer to #1 is still editable: the button opens the filled-in modal, and the edit is saved.
    clock.set('2026-12-15T13:02:00Z');
    await pressReply(h, PEOPLE.mentee.id, first);
    await h.standIn.waitFor(() => h.standIn.callsTo('views.open').length === 1, 5000, 'the edit modal');
    const view = h.standIn.callsTo('views.open')[0].args.view;
    expect(JSON.stringify(view)).toContain('You are editing your answer');
    expect(await submitAnswer(h, PEOPLE.mentee.id, first, 2, { met: 'rescheduled' })).toEqual({
      response_action: 'clear',
    });
    expect(await CheckinReplyModel.findOne({ userId: PEOPLE.mentee.id }).lean()).toMatchObject({
      met: 'rescheduled',
      editCount: 1,
    });

    // The next tick posts #2 at last.
    await runJobsAt(h, '2026-12-15T13:05:00Z', ['checkins']);
    expect(promptsIn(pair, 2)).toHaveLength(1);

    // Now the answer to #1 is final: the button refuses, a submission is refused on the field.
    clock.set('2026-12-15T13:10:00Z');
    await pressReply(h, PEOPLE.mentee.id, first);
    await h.standIn.waitFor(() => h.standIn.responses.length === 1, 5000, 'a refusal');
    expect(h.standIn.responses[0].body.text).toMatch(/can no longer be edited/);
    expect(h.standIn.attemptsTo('views.open')).toHaveLength(1);
    const refused = await submitAnswer(h, PEOPLE.mentee.id, first, 2, { met: 'no' });
    expect(refused.response_action).toBe('errors');
    expect(Object.values(refused.errors!).join(' ')).toMatch(/can no longer be edited/);
    expect(await CheckinReplyModel.findOne({ userId: PEOPLE.mentee.id }).lean()).toMatchObject({
      met: 'rescheduled',
      editCount: 1,
    });
    expect((await PairModel.findById(pair._id).lean())!.status).toBe('active');
  });
});
