import { parse } from 'csv-parse/sync';
import { FeedbackResponseModel } from '../../src/features/feedback/model';
import { OutcomeModel } from '../../src/features/goals/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';
import { dmsTo, everythingSent, feedbackCommand, formValues, pressGiveFeedback, submitForm } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('feedback-visibility', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
  clock,
});

const MENTOR = PEOPLE.mentor.id;
const MENTEE = PEOPLE.mentee.id;
const STAFF = PEOPLE.staff.id;
const STAFF_ONLY_CONCERN = 'STAFFONLY-7Q: my mentor <!channel> cancels every call';
const TOTALS_TEXT = 'TOTALS-9Z: secret worry';

const staffChannelMessages = () => h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && !m.ephemeral);
/** What the mentor (the partner) could ever see: the pair channel, their DMs, their ephemeral answers, their modals and Home. */
function mentorCouldSee(pairChannel: string): string {
  const dm = h.standIn.dmChannelOf(MENTOR);
  return JSON.stringify([
    h.standIn.messages.filter(
      (m) => m.channel === pairChannel || m.channel === dm || (m.ephemeral && m.user === MENTOR),
    ),
    h.standIn.calls
      .filter((c) => ['views.open', 'views.publish', 'views.update', 'views.push'].includes(c.method))
      .map((c) => c.args),
    h.standIn.homeViewOf(MENTOR) ?? null,
  ]);
}

/** Both sides asked for one-month feedback (Dhaka 09:00, New York 09:00 on 1 January). */
async function requested() {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  await runJobsAt(h, '2027-01-01T14:00:00Z', ['feedback']);
  clock.set('2027-01-04T10:00:00Z');
  return pair;
}

test('the one-month form: field errors, visibility honoured on every path, early warning at once (not for totals only), stored once', async () => {
  const pair = await requested();
  const channel = pair.channel!.id!;
  const { modal } = await pressGiveFeedback(h, MENTEE, dmsTo(h, MENTEE)[0]);
  const shown = JSON.stringify(modal.blocks);
  expect(shown).toContain('Who sees this answer');
  expect(shown).toContain('Counted only in totals');
  expect(shown).toContain('anonymous to staff');
  expect(shown).toContain('staff are told at once');

  const good = {
    fit: 'not_a_fit',
    satisfaction: '2',
    meeting: 'less',
    goals_clear: 'partly',
    partner_commitment: '3',
    concern: STAFF_ONLY_CONCERN,
  };
  const vis = {
    fit: 'staff_only',
    satisfaction: 'shared',
    meeting: 'shared',
    goals_clear: 'shared',
    partner_commitment: 'staff_only',
    concern: 'staff_only',
  };
  // Field errors: a required rating missing, a value out of range, a visibility the form does not offer.
  const missing = await submitForm(
    h,
    MENTEE,
    modal,
    formValues({ ...good, satisfaction: null }, vis, { urgent: true }),
  );
  expect(missing.response_action).toBe('errors');
  expect(missing.errors['feedback.q.satisfaction']).toBe('Please answer this question.');
  const outOfRange = await submitForm(
    h,
    MENTEE,
    modal,
    formValues({ ...good, partner_commitment: '7' }, { ...vis, fit: 'everyone' }, { urgent: true }),
  );
  expect(outOfRange.errors['feedback.q.partner_commitment']).toBe('Please choose one of the answers.');
  expect(outOfRange.errors['feedback.v.fit']).toBe('Please choose who sees this answer.');
  // Forged private_metadata: garbage, another pair's id, a point whose form was never sent.
  const forged = await submitForm(h, MENTEE, modal, formValues(good, vis), '{"pairId":"nope"}');
  expect(forged.errors['feedback.form']).toMatch(/no longer exists/);
  const otherPair = await submitForm(
    h,
    MENTEE,
    modal,
    formValues(good, vis),
    JSON.stringify({ pairId: '0123456789abcdef01234567', point: 'one_month' }),
  );
  expect(otherPair.errors['feedback.form']).toMatch(/no longer exists/);
  const notSent = await submitForm(
    h,
    MENTEE,
    modal,
    formValues(good, vis),
    JSON.stringify({ pairId: String(pair._id), point: 'end' }),
  );
  expect(notSent.errors['feedback.form']).toMatch(/not open/);
  // Someone not in the pair, with the real form's metadata.
  const outsider = await submitForm(h, PEOPLE.outsider.id, modal, formValues(good, vis));
  expect(outsider.errors['feedback.form']).toMatch(/not about one of your mentorships/);
  expect(await FeedbackResponseModel.countDocuments({})).toBe(0);

  // A valid answer, sent twice (a double click / a retried delivery): stored once, posted once, alerted once.
  expect(await submitForm(h, MENTEE, modal, formValues(good, vis, { urgent: true }))).toEqual({
    response_action: 'clear',
  });
  await h.standIn.waitFor(() => staffChannelMessages().length > 0, 8000, 'the early-warning alert');
  expect(await submitForm(h, MENTEE, modal, formValues(good, vis, { urgent: true }))).toEqual({
    response_action: 'clear',
  });
  await runJobsAt(h, '2027-01-04T10:05:00Z', ['feedback']);
  expect(await FeedbackResponseModel.countDocuments({})).toBe(1);

  const alerts = staffChannelMessages();
  expect(alerts).toHaveLength(1);
  expect(alerts[0].text).toContain('not a good fit');
  expect(alerts[0].text).toContain('marked a concern urgent');
  expect(alerts[0].text).toContain('STAFFONLY-7Q: my mentor &lt;!channel&gt; cancels every call');
  expect(JSON.stringify(alerts[0].blocks)).toContain('staff.pair_status');

  const shared = h.standIn.messages.filter((m) => m.channel === channel && m.text?.includes('shared some'));
  expect(shared).toHaveLength(1);
  expect(shared[0].text).toContain(`<@${MENTEE}> shared some one-month feedback`);
  expect(shared[0].text).toContain('Less often');
  expect(shared[0].text).not.toContain('Not a good fit');
  expect(shared[0].text).not.toContain('STAFFONLY');

  // The partner answers from `/mentorship feedback` in the channel, with everything counted only in totals:
  // "not a good fit", satisfaction 1 and an urgent concern alert nobody, and are shown nowhere.
  const mentorForm = await feedbackCommand(h, MENTOR, channel);
  expect(mentorForm.modal.title.text).toBe('One-month feedback');
  const allTotals = {
    fit: 'totals_only',
    satisfaction: 'totals_only',
    meeting: 'totals_only',
    goals_clear: 'totals_only',
    partner_commitment: 'totals_only',
    concern: 'totals_only',
  };
  expect(
    await submitForm(
      h,
      MENTOR,
      mentorForm.modal,
      formValues({ ...good, satisfaction: '1', concern: TOTALS_TEXT }, allTotals, { urgent: true }),
    ),
  ).toEqual({ response_action: 'clear' });
  await runJobsAt(h, '2027-01-04T10:10:00Z', ['feedback']);
  expect(staffChannelMessages()).toHaveLength(1);

  // Staff see the staff-only answers in the status and the export; never the totals-only ones.
  const status = await mentorship(h, `status <#${channel}|${pair.channel!.name}>`, STAFF);
  const statusShown = JSON.stringify(status.blocks);
  expect(statusShown).toContain('STAFFONLY-7Q');
  expect(statusShown).toContain('Not a good fit');
  expect(statusShown).not.toContain('TOTALS-9Z');
  const refused = await mentorship(h, `status <#${channel}|${pair.channel!.name}>`, MENTOR);
  expect(refused.text).toMatch(/only program staff/);
  expect(JSON.stringify(refused)).not.toContain('STAFFONLY');

  expect((await mentorship(h, 'export feedback', STAFF)).text).toMatch(/feedback export is in your DM/);
  const file = [...h.standIn.files.values()].at(-1)!;
  const rows = parse(file.bytes!.toString('utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(rows.some((r) => r.answer.includes('STAFFONLY-7Q'))).toBe(true);
  expect(rows.every((r) => r.person !== 'Alice Müller')).toBe(true); // all the mentor's answers were totals only
  const exportRefused = await mentorship(h, 'export feedback', MENTOR);
  expect(exportRefused.text).toMatch(/only program staff/);
  expect(JSON.stringify(exportRefused)).not.toContain('STAFFONLY');
  // The file went to the staff member's DM with the bot, and nowhere else.
  const shares = h.standIn.messages.filter((m) => m.files?.length);
  expect(shares.map((m) => m.channel)).toEqual([h.standIn.dmChannelOf(STAFF)]);
  const totalsRefused = await mentorship(h, 'feedback totals', MENTOR);
  expect(totalsRefused.text).toMatch(/Only program staff/);

  // The partner never sees the staff-only answer: not in the channel, their DMs, their answers, modals or Home.
  await h.driver
    .send(
      JSON.stringify({
        type: 'event_callback',
        team_id: h.standIn.teamId,
        event_id: 'Ev1',
        event: { type: 'app_home_opened', user: MENTOR, tab: 'home' },
      }),
      'application/json',
    )
    .catch(() => undefined);
  expect(mentorCouldSee(channel)).not.toContain('STAFFONLY');
  // No Slack call of any kind carries the totals-only text.
  expect(everythingSent(h)).not.toContain('TOTALS-9Z');
}, 180_000);

test('totals: figures only from 5 answers on, never a person’s words; the end form’s change recorded as an outcome once', async () => {
  const pairs = [
    await createActivePair(h),
    await createActivePair(h, { mentor: PEOPLE.mentorLA.id, mentee: PEOPLE.mentee2.id }),
    await createActivePair(h, { mentor: PEOPLE.mentorParis.id, mentee: PEOPLE.menteeTbilisi.id }),
  ];
  const people = [
    [MENTEE, pairs[0]],
    [MENTOR, pairs[0]],
    [PEOPLE.mentorLA.id, pairs[1]],
    [PEOPLE.mentee2.id, pairs[1]],
    [PEOPLE.mentorParis.id, pairs[2]],
  ] as const;
  const ratings = ['2', '3', '4', '5', '5'];
  for (const [i, [userId, pair]] of people.entries()) {
    const { modal, answer } = await feedbackCommand(h, userId, pair.channel!.id!);
    expect(answer).toBeUndefined();
    expect(modal.title.text).toBe('Feedback'); // nothing due yet: the quick form
    expect(
      await submitForm(
        h,
        userId,
        modal,
        formValues(
          { how_going: ratings[i], message: `${TOTALS_TEXT} ${i}` },
          { how_going: 'totals_only', message: 'totals_only' },
          { urgent: i === 0 },
        ),
      ),
    ).toEqual({ response_action: 'clear' });
    const totals = await mentorship(h, 'feedback totals', STAFF);
    if (i < 4) expect(totals.text).toContain('fewer than 5 people answered');
    else {
      expect(totals.text).toContain('How is it going? (1–5): average 3.8 (5 answers)');
      expect(totals.text).toContain('5 of 5 wrote something (not shown)');
    }
  }
  expect((await mentorship(h, 'feedback totals', MENTEE)).text).toMatch(/Only program staff/);
  // Who may open a form where: someone in two pairs is told which channels; staff and outsiders get none.
  const second = await createActivePair(h, { mentor: MENTOR, mentee: PEOPLE.menteeTbilisi.id });
  const several = await feedbackCommand(h, MENTOR, 'C0GENERAL1');
  expect(several.answer.text).toContain('more than one mentorship');
  expect(several.answer.text).toContain(`<#${pairs[0].channel!.id}>`);
  expect(several.answer.text).toContain(`<#${second.channel!.id}>`);
  expect((await feedbackCommand(h, PEOPLE.outsider.id, 'C0GENERAL1')).answer.text).toMatch(/no mentorship/);
  expect((await feedbackCommand(h, PEOPLE.outsider.id, pairs[0].channel!.id!)).answer.text).toMatch(
    /not your mentorship channel/,
  );
  expect((await feedbackCommand(h, STAFF, pairs[0].channel!.id!)).answer.text).toMatch(/for the mentor and mentee/);
  // The preview (`/mentorship digest`) ends with the same feedback part.
  const previewFrom = h.standIn.responses.length;
  await mentorship(h, 'digest', STAFF);
  await h.standIn.waitFor(
    () => JSON.stringify(h.standIn.responses.slice(previewFrom)).includes('average 3.8'),
    8000,
    'the feedback totals in the digest preview',
  );
  // The weekly digest's thread carries the same totals (the staff channel), and nothing per person.
  await runJobsAt(h, '2026-12-07T08:00:00Z', ['digest']);
  await runJobsAt(h, '2026-12-07T09:00:00Z', ['digest']);
  expect(JSON.stringify(h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL))).toContain('average 3.8');
  expect(everythingSent(h)).not.toContain('TOTALS-9Z');
  expect(
    h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && m.text?.includes('Feedback needs attention')),
  ).toHaveLength(0);

  // The end form: the concrete change, shared, becomes an outcome with the quote consent given; twice sent, once recorded.
  await runJobsAt(h, '2027-05-24T03:00:00Z', ['feedback']);
  clock.set('2027-05-24T05:00:00Z');
  const endDm = dmsTo(h, MENTEE).at(-1)!;
  const { modal } = await pressGiveFeedback(h, MENTEE, endDm);
  expect(modal.title.text).toBe('End feedback');
  const values = formValues(
    {
      goals_met: 'most',
      concrete_change: 'The central bank halved its fee',
      recommend: '9',
      keep_in_touch: 'yes',
      quote: 'yes',
    },
    { goals_met: 'shared', concrete_change: 'shared', recommend: 'staff_only', keep_in_touch: 'shared' },
  );
  expect(await submitForm(h, MENTEE, modal, values)).toEqual({ response_action: 'clear' });
  expect(await submitForm(h, MENTEE, modal, values)).toEqual({ response_action: 'clear' });
  const outcomes = await OutcomeModel.find({ pairId: pairs[0]._id }).lean();
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({
    story: 'The central bank halved its fee',
    quoteConsent: true,
    source: 'end_feedback',
    recordedBy: MENTEE,
  });
}, 240_000);
