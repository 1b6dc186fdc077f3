import { FeedbackResponseModel } from '../../src/features/feedback/model';
import { PairModel } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { dmsTo, feedbackCommand, formValues, pressGiveFeedback, submitForm } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('feedback-ended', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
  clock,
});

const MENTOR = PEOPLE.mentor.id;
const MENTEE = PEOPLE.mentee.id;

test('an ended mentorship takes no quick feedback (command, forged form); the end form sent before the end still opens', async () => {
  const pair = await createActivePair(h);
  const channel = pair.channel!.id!;
  // The end request reaches the mentee (09:00 in Dhaka on 24 May); then staff end the pair.
  await runJobsAt(h, '2027-05-24T03:00:00Z', ['feedback']);
  await PairModel.updateOne({ _id: pair._id }, { $set: { status: 'ended' } });
  clock.set('2027-05-25T10:00:00Z');

  const byCommand = await feedbackCommand(h, MENTOR, channel);
  expect(byCommand.modal).toBeUndefined();
  expect(byCommand.answer.text).toMatch(/has ended/);
  const forged = await submitForm(
    h,
    MENTOR,
    { id: 'VFORGEDQUICK1', private_metadata: JSON.stringify({ pairId: String(pair._id) }) },
    formValues({ how_going: '1', message: 'after the end' }, { how_going: 'shared', message: 'shared' }),
  );
  expect(forged.errors['feedback.form']).toMatch(/has ended/);
  expect(await FeedbackResponseModel.countDocuments({})).toBe(0);

  const { modal } = await pressGiveFeedback(h, MENTEE, dmsTo(h, MENTEE).at(-1)!);
  expect(modal.title.text).toBe('End feedback');
}, 60_000);
