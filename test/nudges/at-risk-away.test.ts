import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
withHarness('at_risk_away', (made) => (h = made), { clock });

/**
 * The at-risk alert to staff counts days without a reply from either side (21); days either of
 * them was away do not count. Last activity on 5 December; on 2 January that is 28 days.
 */
test('a pair silent for 28 days while the mentee was away for 14 of them is not flagged; without the time away it is', async () => {
  const pair = await createActivePair(h);
  await PairModel.updateOne({ _id: pair._id }, { $set: { lastActivityAt: new Date('2026-12-05T10:00:00Z') } });
  const mentee = participantId(pair.teamId, PEOPLE.mentee.id);
  await ParticipantModel.updateOne(
    { _id: mentee },
    { $set: { away: [{ from: '2026-12-19', until: '2027-01-01', reason: 'leave', by: PEOPLE.mentee.id }] } },
  );
  const alerts = () => OutboxModel.countDocuments({ pairId: pair._id, kind: 'at_risk_alert' });

  // 28 days since, 14 of them away: 14 counted.
  await runJobsAt(h, '2027-01-02T12:00:00Z', ['nudges']);
  expect(await alerts()).toBe(0);
  expect((await PairModel.findById(pair._id).lean())!.atRisk?.since).toBeUndefined();

  // The same silence with no time away: 28 days, flagged once.
  await ParticipantModel.updateOne({ _id: mentee }, { $set: { away: [] } });
  await runJobsAt(h, '2027-01-02T12:15:00Z', ['nudges']);
  expect(await alerts()).toBe(1);
  expect((await PairModel.findById(pair._id).lean())!.atRisk?.reason).toBe('silent_21_days');
});
