import { StaffIds } from '../../src/features/staff/ids';
import { CommitmentModel } from '../../src/features/commitments/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { withHarness } from '../support/with-harness';
import { answerCheckin, channelMessages, channelOf, mentorship, openModal, person, reload } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('staff-end-reassign', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'),
  clock,
});

const STAFF = PEOPLE.staff.id;
const endValues = (reason: string, archive: boolean) =>
  inputValues({
    [StaffIds.block.endReason]: { actionId: StaffIds.inputAction, type: 'static_select', value: reason },
    [StaffIds.block.endNote]: { actionId: StaffIds.inputAction, type: 'plain_text_input', value: 'Both moved on' },
    [StaffIds.block.endArchive]: {
      actionId: StaffIds.inputAction,
      type: 'checkboxes',
      value: archive ? ['archive'] : [],
    },
  });

test('end: confirmed in a modal, ended once, thanked, archived; nothing more is sent; the two can be paired again', async () => {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']); // check-in #1 posted
  clock.set('2026-12-09T10:00:00Z');

  expect((await mentorship(h, `end ${channelOf(pair)}`, PEOPLE.mentee.id)).text).toMatch(/only program staff/);
  expect((await mentorship(h, `end ${person(PEOPLE.outsider)}`, STAFF)).text).toMatch(/is not in any mentoring pair/);
  const modal = await openModal(h, `end ${channelOf(pair)}`, STAFF);
  expect(modal.callback_id).toBe(StaffIds.endModal);
  const shown = JSON.stringify(modal.blocks);
  for (const label of ['Completed', 'No time', 'No response', 'Not a good fit', 'Other', 'Archive the channel'])
    expect(shown).toContain(label);

  // A forged submission by a participant ends nothing.
  const submit = (userId: string, values = endValues('completed', true)) =>
    h.driver.viewSubmission({
      userId,
      view: {
        id: modal.id,
        callback_id: StaffIds.endModal,
        private_metadata: modal.private_metadata,
        state: { values },
      },
    });
  expect((await submit(PEOPLE.mentor.id)).json.errors[StaffIds.block.endReason]).toMatch(/only program staff/);
  expect((await reload(pair)).status).toBe('active');

  const before = channelMessages(h, pair).length;
  // A double click: two submissions at once end it once.
  const both = await Promise.all([submit(STAFF), submit(STAFF)]);
  expect(both.map((r) => r.json.errors?.[StaffIds.block.endReason] ?? r.json.response_action).sort()).toEqual([
    'This mentorship has already ended.',
    'update',
  ]);
  const ended = await reload(pair);
  expect(ended.status).toBe('ended');
  expect(ended.liveKey).toBe(`ended:${pair._id}`);
  expect(ended.ended).toMatchObject({ by: STAFF, reason: 'completed', note: 'Both moved on', archiveChannel: true });
  expect(ended.schedule?.nextCheckinAt).toBeFalsy();
  await h.standIn.waitFor(() => h.standIn.channels.get(pair.channel!.id!)?.archived === true, 8000, 'the archive');
  const thanks = channelMessages(h, pair).slice(before);
  expect(thanks.map((m) => m.text)).toEqual([
    ':wave: This mentorship has now ended. Thank you, Alice Müller and Karim Rahman, for the time and care you gave each other. Check-ins stop here; this channel and its history stay.',
  ]);
  const staffDm = h.standIn.dmChannelOf(STAFF)!;
  await h.standIn.waitFor(
    () => h.standIn.messages.some((m) => m.channel === staffDm && /The channel is archived/.test(m.text ?? '')),
    8000,
    'the report to staff',
  );

  // Submitting twice ends once; the command says it has ended.
  expect((await submit(STAFF)).json.errors[StaffIds.block.endReason]).toBe('This mentorship has already ended.');
  expect((await mentorship(h, `end ${channelOf(pair)}`, STAFF)).text).toBe('This mentorship has already ended.');

  // Weeks of jobs later: no prompt, nudge, reminder or alert for the pair; its waiting entries were skipped.
  const sentBefore = h.standIn.messages.length;
  for (const at of ['2026-12-10T14:00:00Z', '2026-12-15T13:00:00Z', '2026-12-17T13:00:00Z', '2026-12-29T13:00:00Z'])
    await runJobsAt(h, at);
  expect(h.standIn.messages.slice(sentBefore)).toEqual([]);
  expect(await OutboxModel.countDocuments({ pairId: pair._id, status: 'pending' })).toBe(0);

  // History stays, and the same two people can be paired again.
  expect(await PairModel.countDocuments({ _id: pair._id })).toBe(1);
  const again = await createActivePair(h);
  expect(String(again._id)).not.toBe(String(pair._id));
  // The status of the ended pair still reads, by its channel.
  expect(JSON.stringify((await mentorship(h, `status ${channelOf(pair)}`, STAFF)).blocks)).toMatch(
    /\*Ended\* on .* \(completed\)/,
  );
}, 120_000);

test('reassign: validated, written first, the new person invited, the old one removed if asked, both told, goals kept; a Slack failure is finished by the same command', async () => {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  clock.set('2026-12-08T14:00:00Z');
  await answerCheckin(h, pair, 1, PEOPLE.mentee.id, {
    staffNote: '',
    step: { what: 'Send the fee table', who: PEOPLE.mentee.id, by: '2026-12-20' },
  });
  clock.set('2026-12-09T14:00:00Z'); // 09:00 in New York, 20:00 in Dhaka and 15:00 in Tunis
  const cmd = (rest: string, userId: string = STAFF) => mentorship(h, `reassign ${channelOf(pair)} ${rest}`, userId);

  expect((await cmd(`mentee ${person(PEOPLE.mentee2)}`, PEOPLE.mentor.id)).text).toMatch(/only program staff/);
  expect((await cmd('mentee amira')).text).toMatch(/^Usage: `\/mentorship reassign/);
  expect((await cmd(`coach ${person(PEOPLE.mentee2)}`)).text).toMatch(/^Usage/);
  expect((await cmd(`mentee ${person(PEOPLE.bot)}`)).text).toMatch(/is a bot/);
  expect((await cmd(`mentee ${person(PEOPLE.deactivated)}`)).text).toMatch(/deactivated/);
  expect((await cmd(`mentee ${person(PEOPLE.mentor)}`)).text).toMatch(/already the pair’s mentor/);
  // Élise already mentors Karim in another pair: she cannot become his mentor here too.
  await createActivePair(h, { mentor: PEOPLE.mentorParis.id });
  expect((await cmd(`mentor ${person(PEOPLE.mentorParis)}`)).text).toMatch(/already have an active mentorship/);
  expect(String((await reload(pair)).mentor.userId)).toBe(PEOPLE.mentor.id);

  // The mentee is replaced by Amira, Karim removed from the channel.
  const before = (await reload(pair)).schedule!;
  expect(before.nextCheckinAt).toEqual(new Date('2026-12-15T13:00:00Z')); // 08:00 in New York, 19:00 in Dhaka
  const done = await cmd(`mentee ${person(PEOPLE.mentee2)} remove`);
  // The next check-in moves to the hour that suits New York and Tunis: 09:00 and 15:00.
  expect((await reload(pair)).schedule).toMatchObject({
    nextPeriod: 2,
    nextCheckinId: before.nextCheckinId,
    nextDueDay: '2026-12-15',
    nextCheckinAt: new Date('2026-12-15T14:00:00Z'),
    nextMentionMentor: true,
  });
  expect(done.text).toContain(`<@${PEOPLE.mentee2.id}> is now the mentee`);
  const changed = await reload(pair);
  expect(changed.mentee).toMatchObject({
    userId: PEOPLE.mentee2.id,
    organisation: 'Microfinance Association of Bangladesh',
  });
  expect(changed.goals.map((g) => g.title)).toEqual(['Halve the central-bank fee']);
  expect(changed.liveKey).not.toBe(pair.liveKey);
  expect(await CommitmentModel.countDocuments({ pairId: pair._id })).toBe(1);
  const members = h.standIn.channels.get(pair.channel!.id!)!.members;
  expect(members.has(PEOPLE.mentee2.id)).toBe(true);
  expect(members.has(PEOPLE.mentee.id)).toBe(false);
  expect(channelMessages(h, pair).at(-1)!.text).toBe(
    `:wave: <@${PEOPLE.mentee2.id}> joins this mentorship as mentee, in place of Karim Rahman. <@${PEOPLE.mentor.id}>, your goals and history stay as they are. The check-ins go on as before.`,
  );
  // Karim and Alice may be paired again later: the old liveKey is free.
  expect(await PairModel.exists({ liveKey: pair.liveKey })).toBeNull();

  // Slack refuses the invite of a new mentor: the change is saved and said so; the same command finishes it.
  h.standIn.failNext('conversations.invite', { error: 'restricted_action' });
  const failed = await cmd(`mentor ${person(PEOPLE.mentorLA)}`);
  expect(failed.text).toMatch(
    /The pair now has <@U0MENTOR02> as mentor \(saved\), but Slack refused to invite the new mentor/,
  );
  expect((await reload(pair)).mentor.userId).toBe(PEOPLE.mentorLA.id);
  const told = () => channelMessages(h, pair).filter((m) => /joins this mentorship as mentor/.test(m.text ?? ''));
  expect(told()).toHaveLength(0);
  expect((await cmd(`mentor ${person(PEOPLE.mentorLA)}`)).text).toContain('is now the mentor');
  expect(members.has(PEOPLE.mentorLA.id)).toBe(true);
  expect(members.has(PEOPLE.mentor.id)).toBe(true); // not asked to remove
  expect(told()).toHaveLength(1);
  expect((await cmd(`mentor ${person(PEOPLE.mentorLA)}`)).text).toContain('is now the mentor');
  expect(told()).toHaveLength(1);
  expect((await reload(pair)).reassignments).toHaveLength(2);

  // Karim's open next step stays in the history, but he is no longer reminded of it.
  for (const at of ['2026-12-17T04:30:00Z', '2026-12-18T04:30:00Z', '2026-12-19T04:30:00Z'])
    await runJobsAt(h, at, ['reminders']);
  const reminder = await OutboxModel.findOne({ kind: 'commitment_reminder', pairId: pair._id }).lean();
  expect(reminder).toMatchObject({ status: 'skipped', skipReason: 'the owner left the pair' });
  expect(
    h.standIn.messages.filter((m) => /Send the fee table/.test(m.text ?? '') && m.channel.startsWith('D')),
  ).toEqual([]);
}, 120_000);
