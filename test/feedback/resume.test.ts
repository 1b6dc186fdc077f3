import { FeedbackRequestModel, FeedbackResponseModel } from '../../src/features/feedback/model';
import { feedbackKeys } from '../../src/features/feedback/ids';
import { addGoal } from '../../src/features/goals/service';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { dmsTo, formValues, pressGiveFeedback, submitForm } from './drive';

/** A run or a delivery that stopped half-way (a crash, a database error) is finished by the next one. */

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('feedback-resume', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
  clock,
});

const MENTEE = PEOPLE.mentee.id; // Asia/Dhaka: 09:00 there is 03:00 UTC

test('a request written by a run that stopped before queueing its DM is sent by the next run, once', async () => {
  const pair = await createActivePair(h);
  // The run wrote the request, then stopped before the outbox entry (a crash, the database gone a moment).
  await FeedbackRequestModel.create({
    _id: feedbackKeys.request(String(pair._id), MENTEE, 'one_month'),
    teamId: pair.teamId,
    pairId: pair._id,
    userId: MENTEE,
    point: 'one_month',
    dueAt: new Date('2027-01-01T03:00:00Z'),
  });
  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  expect(dmsTo(h, MENTEE).filter((m) => m.text?.includes('one-month feedback'))).toHaveLength(1);
  await runJobsAt(h, '2027-01-01T03:15:00Z', ['feedback']);
  expect(dmsTo(h, MENTEE)).toHaveLength(1);
}, 60_000);

test('a form stored by a delivery that stopped before queueing: sent again, its alert and shared answers go out once', async () => {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  clock.set('2027-01-04T10:00:00Z');
  const { modal } = await pressGiveFeedback(h, MENTEE, dmsTo(h, MENTEE)[0]);
  const answers = {
    fit: 'not_a_fit',
    satisfaction: '3',
    meeting: 'less',
    goals_clear: 'yes',
    partner_commitment: '4',
    concern: '',
  };
  const vis = {
    fit: 'staff_only',
    satisfaction: 'staff_only',
    meeting: 'shared',
    goals_clear: 'staff_only',
    partner_commitment: 'staff_only',
    concern: 'staff_only',
  };
  // The first delivery stored the answers, then stopped (the person saw "try again" and sends the form again).
  await FeedbackResponseModel.create({
    _id: feedbackKeys.response(String(pair._id), MENTEE, 'one_month', modal.id),
    teamId: pair.teamId,
    pairId: pair._id,
    userId: MENTEE,
    role: 'mentee',
    point: 'one_month',
    answers: Object.entries(answers)
      .filter(([, v]) => v)
      .map(([questionId, value]) => ({ questionId, value, visibility: vis[questionId as keyof typeof vis] })),
    submittedAt: new Date('2027-01-04T09:59:00Z'),
  });
  expect(await submitForm(h, MENTEE, modal, formValues(answers, vis, { urgent: false }))).toEqual({
    response_action: 'clear',
  });
  const alerts = () =>
    h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && m.text?.includes('Feedback needs attention'));
  const shared = () =>
    h.standIn.messages.filter((m) => m.channel === pair.channel!.id && m.text?.includes('shared some'));
  await h.standIn.waitFor(() => alerts().length > 0 && shared().length > 0, 8000, 'the alert and the shared answers');
  expect(alerts()[0].text).toContain('not a good fit');
  expect(shared()[0].text).toContain('Less often');
  // Once, however often it is sent again or the job runs.
  expect(await submitForm(h, MENTEE, modal, formValues(answers, vis, { urgent: false }))).toEqual({
    response_action: 'clear',
  });
  await runJobsAt(h, '2027-01-04T10:15:00Z', ['feedback']);
  expect(alerts()).toHaveLength(1);
  expect(shared()).toHaveLength(1);
  expect(await FeedbackResponseModel.countDocuments({})).toBe(1);
}, 60_000);

test('a midpoint form opened before a goal was added is still taken (the new goal is asked next time)', async () => {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2027-03-01T03:00:00Z', ['feedback']);
  clock.set('2027-03-01T05:00:00Z');
  const { modal } = await pressGiveFeedback(h, MENTEE, dmsTo(h, MENTEE).at(-1)!);
  expect(modal.title.text).toBe('Midpoint feedback');
  // Meanwhile the mentor adds a goal: the open form has no question about it.
  await addGoal(pair, PEOPLE.mentor.id, { title: 'A new goal', successCriteria: 'Done' }, 'VADDGOAL1', clock.now());
  const answer = await submitForm(
    h,
    MENTEE,
    modal,
    formValues(
      { goal_1: 'some', not_worked: '', do_more: '', context_understood: 'yes', change: '' },
      { goals: 'shared', not_worked: 'shared', do_more: 'shared', context_understood: 'shared', change: 'staff_only' },
    ),
  );
  expect(answer).toEqual({ response_action: 'clear' });
  const stored = await FeedbackResponseModel.findOne({ pairId: pair._id }).lean();
  expect(stored?.answers.filter((a) => a.value).map((a) => a.questionId)).toEqual(['goal_1', 'context_understood']);
}, 60_000);
