import { FeedbackRequestModel } from '../../src/features/feedback/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { dmsTo, formValues, pressGiveFeedback, submitForm } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('feedback-requests', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
  clock,
});

const MENTOR = PEOPLE.mentor.id; // America/New_York
const MENTEE = PEOPLE.mentee.id; // Asia/Dhaka
const feedback = (at: string) => runJobsAt(h, at, ['feedback']);
const buttonOf = (m: { blocks?: any[] }) =>
  m.blocks?.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === 'feedback.give');

// The default pair runs 2026-12-01 to 2027-05-31: one month on Friday 1 January 2027, the midpoint on
// Monday 1 March, the end request a week before the end, Monday 24 May. Each person is asked at 09:00
// their own time: Dhaka (UTC+6) at 03:00 UTC, New York (UTC-5) at 14:00 UTC.
test('each form is sent on its day at the start of each person’s working hours, in their time zone, once; one reminder after three working days', async () => {
  const pair = await createActivePair(h);

  await feedback('2026-12-31T20:59:00Z'); // Dhaka 02:59 on 1 January, New York the evening before
  expect(dmsTo(h, MENTEE)).toHaveLength(0);
  await feedback('2027-01-01T02:45:00Z'); // Dhaka 08:45
  expect(dmsTo(h, MENTEE)).toHaveLength(0);

  await feedback('2027-01-01T03:00:00Z'); // Dhaka 09:00
  const [menteeDm] = dmsTo(h, MENTEE);
  expect(menteeDm.text).toContain('one-month feedback');
  expect(menteeDm.text).toContain(`<#${pair.channel!.id}>`);
  expect(JSON.parse(buttonOf(menteeDm).value)).toEqual({ pairId: String(pair._id), point: 'one_month' });
  expect(dmsTo(h, MENTOR)).toHaveLength(0); // 22:00 on New Year's Eve in New York

  // The same job run again (or by a second instance) sends nothing more.
  await feedback('2027-01-01T03:00:00Z');
  await feedback('2027-01-01T03:15:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(1);

  await feedback('2027-01-01T13:45:00Z'); // New York 08:45
  expect(dmsTo(h, MENTOR)).toHaveLength(0);
  await feedback('2027-01-01T14:00:00Z'); // New York 09:00
  expect(dmsTo(h, MENTOR)).toHaveLength(1);
  expect(dmsTo(h, MENTOR)[0].text).toContain('one-month feedback');

  // The mentor answers on Monday from the DM button; the mentee does not.
  clock.set('2027-01-04T15:00:00Z');
  const { modal } = await pressGiveFeedback(h, MENTOR, dmsTo(h, MENTOR)[0]);
  expect(modal.title.text).toBe('One-month feedback');
  const ok = await submitForm(
    h,
    MENTOR,
    modal,
    formValues(
      { fit: 'good', satisfaction: '4', meeting: 'yes', goals_clear: 'yes', partner_commitment: '5', concern: '' },
      {
        fit: 'staff_only',
        satisfaction: 'staff_only',
        meeting: 'shared',
        goals_clear: 'shared',
        partner_commitment: 'staff_only',
        concern: 'staff_only',
      },
      { urgent: false },
    ),
  );
  expect(ok).toEqual({ response_action: 'clear' });

  // Three working days after Friday 09:00 in Dhaka (Saturday and Sunday do not count): Wednesday 09:00 there.
  await feedback('2027-01-06T02:45:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(1);
  await feedback('2027-01-06T03:00:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(2);
  expect(dmsTo(h, MENTEE)[1].text).toContain('only reminder');
  expect(buttonOf(dmsTo(h, MENTEE)[1])).toBeDefined();
  // The mentor answered: no reminder for them, at their Wednesday 09:00 or after.
  for (const at of ['2027-01-06T14:00:00Z', '2027-01-08T14:00:00Z', '2027-01-15T14:00:00Z']) await feedback(at);
  expect(dmsTo(h, MENTOR)).toHaveLength(1);
  // Never a second reminder.
  for (const at of ['2027-01-07T03:00:00Z', '2027-01-11T03:00:00Z', '2027-01-20T03:00:00Z']) await feedback(at);
  expect(dmsTo(h, MENTEE)).toHaveLength(2);

  // The midpoint (Monday 1 March) and the end request (Monday 24 May), each at 09:00 local.
  await feedback('2027-03-01T02:59:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(2);
  await feedback('2027-03-01T03:00:00Z');
  expect(dmsTo(h, MENTEE).at(-1)!.text).toContain('midpoint feedback');
  await feedback('2027-03-01T14:00:00Z');
  expect(dmsTo(h, MENTOR).at(-1)!.text).toContain('midpoint feedback');
  const midpoint = await pressGiveFeedback(h, MENTEE, dmsTo(h, MENTEE).at(-1)!);
  expect(midpoint.modal.title.text).toBe('Midpoint feedback');
  expect(JSON.stringify(midpoint.modal.blocks)).toContain('Progress: Halve the central-bank fee');

  // Nobody answered the midpoint form: each gets its one reminder on Thursday 4 March, 09:00 local.
  await feedback('2027-03-04T03:00:00Z');
  await feedback('2027-03-04T14:00:00Z');
  expect(dmsTo(h, MENTEE).at(-1)!.text).toContain('only reminder');
  expect(dmsTo(h, MENTOR).at(-1)!.text).toContain('only reminder');

  await feedback('2027-05-24T03:00:00Z');
  expect(dmsTo(h, MENTEE).at(-1)!.text).toContain('end-of-program feedback');
  await feedback('2027-05-24T14:00:00Z');
  expect(dmsTo(h, MENTOR).at(-1)!.text).toContain('end-of-program feedback');

  // Each request was written once, whatever the number of runs.
  expect(await FeedbackRequestModel.countDocuments({ pairId: pair._id })).toBe(6);
  expect(await OutboxModel.countDocuments({ pairId: pair._id, kind: 'feedback_request', status: 'sent' })).toBe(6);
  // The mentee's one-month reminder and both midpoint reminders: one per unanswered request.
  expect(await OutboxModel.countDocuments({ pairId: pair._id, kind: 'feedback_reminder', status: 'sent' })).toBe(3);
}, 180_000);

test('no request while the pair is paused (sent when it resumes), none after the end', async () => {
  const pair = await createActivePair(h);
  const late = await createActivePair(h, {
    mentor: PEOPLE.mentorLA.id,
    mentee: PEOPLE.mentee2.id,
    startDate: '2026-12-01',
    endDate: '2027-01-20',
  });
  // Paused over the one-month point by the mentee, until 10 January.
  clock.set('2026-12-28T10:00:00Z');
  const res = await h.driver.command('/mentorship', 'pause until 2027-01-10', {
    userId: MENTEE,
    channelId: pair.channel!.id!,
  });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responses.length > 0, 8000, 'the pause answer');
  expect(JSON.stringify(h.standIn.responses.at(-1)!.body)).toMatch(/paus/i);

  await feedback('2027-01-01T03:00:00Z');
  await feedback('2027-01-04T03:00:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(0);

  // The pause ends (the check-ins job resumes it); the one-month request then goes at the next working morning.
  await runJobsAt(h, '2027-01-11T03:00:00Z', ['checkins']);
  await feedback('2027-01-11T03:00:00Z');
  expect(dmsTo(h, MENTEE).filter((m) => m.text?.includes('one-month feedback'))).toHaveLength(1);

  // A pair whose program is over (it ended on 20 January, and the job did not run before) gets nothing.
  await feedback('2027-01-21T10:00:00Z');
  await feedback('2027-02-01T10:00:00Z');
  expect(await FeedbackRequestModel.countDocuments({ pairId: late._id, point: 'end' })).toBe(0);
  for (const who of [PEOPLE.mentorLA.id, PEOPLE.mentee2.id])
    expect(dmsTo(h, who).filter((m) => m.text?.includes('end-of-program'))).toHaveLength(0);
}, 180_000);

test('a request whose time passed while nothing ran waits for the person’s next working morning, not their weekend', async () => {
  await createActivePair(h);
  // First run on Saturday 2 January: 16:00 in Dhaka, 05:00 in New York; both are off.
  await feedback('2027-01-02T10:00:00Z');
  expect(dmsTo(h, MENTEE)).toHaveLength(0);
  expect(dmsTo(h, MENTOR)).toHaveLength(0);
  await feedback('2027-01-04T02:59:00Z'); // Monday 08:59 in Dhaka
  expect(dmsTo(h, MENTEE)).toHaveLength(0);
  await feedback('2027-01-04T03:00:00Z'); // Monday 09:00 in Dhaka
  expect(dmsTo(h, MENTEE)).toHaveLength(1);
  expect(dmsTo(h, MENTOR)).toHaveLength(0); // 22:00 on Sunday in New York
  await feedback('2027-01-04T14:00:00Z'); // Monday 09:00 in New York
  expect(dmsTo(h, MENTOR)).toHaveLength(1);
}, 120_000);
