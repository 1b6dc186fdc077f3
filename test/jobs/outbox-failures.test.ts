import { CheckinModel } from '../../src/features/checkins/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import type { Pair } from '../../src/pairs/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { simulate } from '../support/simulation';
import { withHarness } from '../support/with-harness';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

withHarness('outbox_failures', (made) => (h = made), {
  clock,
  beforeEachTest: () => {
    clock.set('2026-12-01T12:00:00Z');
    h.standIn.users.get(PEOPLE.mentee.id)!.deleted = false;
  },
});
afterAll(() => {
  if (h) h.standIn.users.get(PEOPLE.mentee.id)!.deleted = false;
});

const deliveryAlerts = () =>
  h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /could not deliver/.test(m.text ?? ''));

describe('a send Slack refuses for good is not retried, and staff are told once', () => {
  test('the mentee is deactivated mid-program: their nudges fail for good, one staff message, the mentor still nudged', async () => {
    await createActivePair(h); // New York mentor, Dhaka mentee, weekly check-ins from 8 December
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z', ['checkins', 'nudges']);
    h.standIn.users.get(PEOPLE.mentee.id)!.deleted = true; // an admin deactivates the account

    // Ten days of ticks: nudges for check-ins #1 and #2 fall due for both people (Thursdays).
    await simulate(h, '2026-12-09T00:00:00Z', '2026-12-18T00:00:00Z', ['checkins', 'nudges']);

    const menteeNudges = await OutboxModel.find({ kind: 'silence_nudge', 'ref.userId': PEOPLE.mentee.id }).lean();
    expect(menteeNudges.length).toBeGreaterThanOrEqual(2);
    for (const nudge of menteeNudges) {
      expect(nudge).toMatchObject({ status: 'failed', attempts: 1, lastError: 'slack:user_disabled' });
    }
    // Each refused send was tried once: no back-off retries at 1, 5, 15, 60 minutes…
    const opens = h.standIn.attemptsTo('conversations.open').filter((c) => c.args.users === PEOPLE.mentee.id);
    expect(opens.map((c) => c.error)).toEqual(menteeNudges.map(() => 'user_disabled'));
    // …and a week later, still no retry.
    await simulate(h, '2026-12-25T00:00:00Z', '2026-12-25T06:00:00Z', ['nudges'], 60);
    expect(h.standIn.attemptsTo('conversations.open').filter((c) => c.args.users === PEOPLE.mentee.id)).toHaveLength(
      opens.length,
    );

    // Staff are told once, however many messages to the mentee failed.
    const alerts = deliveryAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toContain(`<@${PEOPLE.mentee.id}>`);
    expect(alerts[0].text).toMatch(/deactivated.*will not try again/);
    // The mentor's nudges went out as usual.
    const mentorNudges = await OutboxModel.find({ kind: 'silence_nudge', 'ref.userId': PEOPLE.mentor.id }).lean();
    expect(mentorNudges.map((n) => n.status)).toEqual(mentorNudges.map(() => 'sent'));
    expect(mentorNudges.length).toBe(menteeNudges.length);
  }, 120_000);

  test('an error that may pass (a 500) is still retried, and no staff alert is sent', async () => {
    await createActivePair(h);
    await simulate(h, '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z', ['checkins']);
    h.standIn.failNext('conversations.open', { status: 500 }, 2);
    // Thursday 13:00 UTC: 19:00 in Dhaka, 08:00 in New York. Both nudges fall due at that tick, so
    // the two 500s hit one each; each is retried at the next tick and sent.
    await simulate(h, '2026-12-10T12:00:00Z', '2026-12-10T14:00:00Z', ['nudges'], 15);
    const nudges = await OutboxModel.find({ kind: 'silence_nudge' }).lean();
    expect(nudges.map((n) => [n.status, n.failures])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(deliveryAlerts()).toHaveLength(0);
  }, 60_000);
});

describe('a pair channel archived by hand', () => {
  test('the check-in prompts fail for good (is_archived), staff are told once, nothing is retried', async () => {
    const pair = await createActivePair(h);
    h.standIn.channels.get(pair.channel!.id!)!.archived = true;
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']); // check-in #1: Tuesday 08:00 in New York, 19:00 in Dhaka
    await runJobsAt(h, '2026-12-08T14:00:00Z', ['checkins']); // an hour later: no retry
    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']); // check-in #2 fails the same way

    const prompts = await OutboxModel.find({ kind: 'checkin_prompt' }).sort({ dueAt: 1 }).lean();
    expect(prompts.map((p) => [p.status, p.attempts, p.lastError])).toEqual([
      ['failed', 1, 'slack:is_archived'],
      ['failed', 1, 'slack:is_archived'],
    ]);
    const alerts = deliveryAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].text).toContain(`a check-in prompt to <#${pair.channel!.id}>`);
    expect(alerts[0].text).toMatch(/archived/);
  });
});

describe('a resumed send looks far enough back in a busy channel', () => {
  const promptsIn = (pair: Pair) =>
    h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /Check-in #\d+/.test(m.text ?? ''));

  test('the prompt went out, then 150 people wrote: the resumed send finds it beyond the first page, posts nothing', async () => {
    const pair = await createActivePair(h);
    await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins']);
    expect(promptsIn(pair)).toHaveLength(1);
    for (let i = 0; i < 150; i++) {
      h.standIn.postAsUser(pair.channel!.id!, i % 2 ? PEOPLE.mentor.id : PEOPLE.mentee.id, `message ${i}`);
    }
    // The instance crashed after the Slack call, before recording it.
    await OutboxModel.updateOne(
      { kind: 'checkin_prompt' },
      { $set: { status: 'sending', claimedAt: new Date('2026-12-08T15:00:00Z') }, $unset: { sent: '' } },
    );
    await CheckinModel.updateOne({}, { $unset: { prompt: '' } });
    const historyCalls = h.standIn.attemptsTo('conversations.history').length;

    const report = await runJobsAt(h, '2026-12-08T15:10:00Z', ['checkins']);
    expect(report).toContain(`sent checkin_prompt checkin:${pair._id}:1 (resumed)`);
    expect(promptsIn(pair)).toHaveLength(1);
    const reads = h.standIn.attemptsTo('conversations.history').slice(historyCalls);
    expect(reads.length).toBe(2); // 100 messages a page: the prompt is on the second
    expect(Number(reads[0].args.oldest)).toBeGreaterThan(0); // only since the first attempt, less a margin
  });
});
