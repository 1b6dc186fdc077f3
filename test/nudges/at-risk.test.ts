import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { PairModel, type Pair } from '../../src/pairs/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { simulate } from '../support/simulation';
import { inputValues } from '../support/slack-driver';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
const B = CheckinIds.block;
const A = CheckinIds.inputAction;

withHarness('at_risk', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T12:00:00Z') });

/** A short, honest reply through the real button and modal, at the fake clock's time. */
async function reply(userId: string, checkin: Checkin): Promise<void> {
  await h.driver.blockAction({
    userId,
    actionId: CheckinIds.replyButton,
    channelId: checkin.prompt!.channelId!,
    messageTs: checkin.prompt!.ts!,
  });
  const values = inputValues({
    [B.met]: { actionId: A, type: 'radio_buttons', value: 'yes' },
    [B.goalStatus(1)]: { actionId: A, type: 'static_select', value: 'some_progress' },
  });
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VR${Math.random().toString(36).slice(2, 9)}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: { values },
    },
  });
  expect(res.json).toEqual({ response_action: 'clear' });
}

async function latestCheckin(pair: Pair): Promise<Checkin> {
  return (await CheckinModel.findOne({ pairId: pair._id }).sort({ period: -1 }).lean<Checkin>())!;
}

test('the mentor answers every week, the mentee misses three in a row: nudged twice kindly, then staff are told, once', async () => {
  const pair = await createActivePair(h); // check-ins on Tuesdays 03:00 UTC (09:00 Dhaka)
  for (const [tuesday, nextTuesday] of [
    ['2026-12-08', '2026-12-15'],
    ['2026-12-15', '2026-12-22'],
    ['2026-12-22', '2026-12-29'],
  ]) {
    await simulate(h, `${tuesday}T00:00:00Z`, `${tuesday}T13:00:00Z`, ['checkins', 'nudges']);
    clock.set(`${tuesday}T14:00:00Z`);
    await reply(PEOPLE.mentor.id, await latestCheckin(pair));
    await simulate(h, `${tuesday}T14:00:00Z`, `${nextTuesday}T01:00:00Z`, ['checkins', 'nudges']);
  }

  const nudges = await OutboxModel.find({ kind: 'silence_nudge', status: 'sent' }).sort({ 'ref.period': 1 }).lean();
  expect(nudges.map((n) => [n.ref.period, n.ref.userId])).toEqual([
    [1, PEOPLE.mentee.id],
    [2, PEOPLE.mentee.id],
    [3, PEOPLE.mentee.id],
  ]);
  const dms = nudges.map((n) => h.standIn.messages.find((m) => m.ts === n.sent!.ts)!);
  expect(dms[0].text).toMatch(/still waits for your answer/);
  expect(dms[1].text).toMatch(/second in a row/);
  expect(JSON.stringify(dms[1].blocks)).toContain('nudges.pause_offer_2w');

  const alerts = h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /may need help/.test(m.text ?? ''));
  expect(alerts).toHaveLength(1);
  // The silent side by role and name, the three nudges it got, the mentor's last reply (22 December, 14:00 UTC).
  const alert = alerts[0].text!;
  expect(alert).toContain('No reply from the mentee, Karim Rahman, for 3 check-ins.');
  expect(alert).toContain('3 nudges went out by DM.');
  expect(alert).toContain(`Last reply: <!date^${Date.parse('2026-12-22T14:00:00Z') / 1000}^{date_long_pretty}|`);
  expect(alert).not.toMatch(/never replied/i);
  expect((await PairModel.findById(pair._id).lean())!.atRisk!.reason).toBe('missed_three');

  // The mentee answers at last: the flag is lifted.
  clock.set('2026-12-24T10:00:00Z');
  await reply(PEOPLE.mentee.id, await latestCheckin(pair));
  const after = await PairModel.findById(pair._id).lean();
  expect(after!.atRisk?.since).toBeUndefined();
  expect(after!.lastActivityAt!.toISOString()).toBe('2026-12-24T10:00:00.000Z');
}, 120_000);
