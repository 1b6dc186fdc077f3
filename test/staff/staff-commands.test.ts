import { parse } from 'csv-parse/sync';
import { noticeOf } from '../support/modals';
import { StaffIds } from '../../src/features/staff/ids';
import { staffNoteColumn } from '../../src/features/staff/export-csv';
import { forgetLanguages } from '../../src/pairs/language';
import { PairModel } from '../../src/pairs/model';
import { inputValues } from '../support/slack-driver';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { answerCheckin, channelMessages, channelOf, mentorship, person, pressStaffButton, reload } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('staff-commands', (made) => (h = made), { beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'), clock });

const STAFF = PEOPLE.staff.id;
const NOTE = 'NOTE-FOR-STAFF: the mentor <pushes> US solutions';
const ESCAPED_NOTE = 'NOTE-FOR-STAFF: the mentor &lt;pushes&gt; US solutions';

/** A pair whose check-in #1 the mentee answered with a staff-only note and a next step due 10 December. */
async function answeredPair() {
  const pair = await createActivePair(h);
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  clock.set('2026-12-08T14:00:00Z');
  await answerCheckin(h, pair, 1, PEOPLE.mentee.id, {
    staffNote: NOTE,
    step: { what: 'Send the fee table', who: PEOPLE.mentee.id, by: '2026-12-10' },
  });
  return reload(pair);
}

test('status: staff see health, goals, who replied, commitments (overdue marked) and the staff-only note; nobody else does', async () => {
  const pair = await answeredPair();
  clock.set('2026-12-14T10:00:00Z');
  for (const target of [person(PEOPLE.mentee), channelOf(pair)]) {
    const answer = await mentorship(h, `status ${target}`, STAFF);
    expect(answer.response_type).toBe('ephemeral');
    const shown = JSON.stringify(answer.blocks);
    expect(answer.blocks.length).toBeLessThanOrEqual(50);
    expect(shown).toContain('Alice Müller and Karim Rahman');
    expect(shown).toMatch(/\*Health:\* \*(New|On track|Needs attention|At risk)\*/);
    expect(shown).toContain('1. Halve the central-bank fee (in progress)');
    expect(shown).toMatch(/#1, <!date\^\d+\^\{date_long_pretty\}\|[^>]+>: Karim Rahman replied\./);
    expect(shown).toMatch(/Karim Rahman: Send the fee table, due <!date\^\d+\^[^>]+> \*\(overdue\)\*/);
    expect(shown).toContain('Staff-only notes');
    expect(shown).toContain(ESCAPED_NOTE);
  }
  // The staff channel member counts as staff too.
  expect(
    JSON.stringify((await mentorship(h, `status ${person(PEOPLE.mentor)}`, PEOPLE.staffByChannel.id)).blocks),
  ).toContain(ESCAPED_NOTE);
  // The pair's own people and outsiders are refused: the note is shown nowhere else.
  for (const who of [PEOPLE.mentee.id, PEOPLE.mentor.id, PEOPLE.outsider.id]) {
    const refused = await mentorship(h, `status ${channelOf(pair)}`, who);
    expect(refused.text).toMatch(/only program staff/);
    expect(JSON.stringify(refused)).not.toContain('NOTE-FOR-STAFF');
  }
  expect(JSON.stringify(h.standIn.messages.filter((m) => !m.ephemeral))).not.toContain('NOTE-FOR-STAFF');

  // Unknown people and channels, a name Slack did not link, nothing named: a clear sentence each.
  expect((await mentorship(h, `status ${person(PEOPLE.outsider)}`, STAFF)).text).toBe(
    `<@${PEOPLE.outsider.id}> is not in any mentoring pair of this program.`,
  );
  expect((await mentorship(h, 'status <#C0GENERAL1|general>', STAFF)).text).toMatch(
    /^<#C0GENERAL1> is not a mentoring pair's channel/,
  );
  expect((await mentorship(h, 'status karim', STAFF)).text).toMatch(
    /`karim` is not a person or a channel Slack linked/,
  );
  expect((await mentorship(h, 'status', STAFF)).text).toMatch(/^Name the pair/);

  // Someone in two live pairs: asked for the channel.
  const second = await createActivePair(h, { mentee: PEOPLE.mentee2.id });
  const several = await mentorship(h, `status ${person(PEOPLE.mentor)}`, STAFF);
  expect(several.text).toContain('is in 2 active pairs');
  expect(several.text).toContain(`<#${second.channel!.id}>`);
  expect(several.text).toContain('Name the pair by its channel');
}, 120_000);

test('pause and resume any pair by naming it, staff only; the pair is told, with the reason', async () => {
  const pair = await createActivePair(h);
  clock.set('2026-12-02T10:00:00Z');
  const refused = await mentorship(h, `pause ${person(PEOPLE.mentee)} 3w elections`, PEOPLE.outsider.id);
  expect(refused.text).toMatch(/only program staff/);
  // A participant cannot name another pair either.
  expect((await mentorship(h, `pause ${person(PEOPLE.mentee)} 3w`, PEOPLE.mentor.id)).text).toMatch(
    /only program staff/,
  );
  expect((await reload(pair)).status).toBe('active');

  expect((await mentorship(h, `pause ${person(PEOPLE.mentee)} 3 months`, STAFF)).text).toMatch(/`2w` \(weeks\)/);
  const paused = await mentorship(h, `pause ${person(PEOPLE.mentee)} 3w elections at the association`, STAFF);
  expect(paused.text).toMatch(/^:double_vertical_bar: Paused until <!date\^/);
  expect(paused.text).toContain(`The pair is told in <#${pair.channel!.id}>`);
  const stored = await reload(pair);
  expect(stored.status).toBe('paused');
  expect(stored.pause).toMatchObject({ untilDay: '2026-12-23', by: STAFF, reason: 'elections at the association' });
  const notice = channelMessages(h, pair).find((m) => /paused this mentorship/.test(m.text ?? ''));
  expect(notice?.text).toContain(`<@${STAFF}> paused this mentorship`);
  expect(notice?.text).toContain('elections at the association');
  expect((await mentorship(h, `pause ${channelOf(pair)}`, STAFF)).text).toMatch(/already paused/);

  expect((await mentorship(h, `resume ${channelOf(pair)}`, PEOPLE.outsider.id)).text).toMatch(/only program staff/);
  // A participant who names a pair is told how to pause or resume their own.
  expect((await mentorship(h, `pause ${person(PEOPLE.mentee)} 2w`, PEOPLE.mentor.id)).text).toMatch(
    /only program staff can pause a mentorship by naming it\. To pause your own, type `\/mentorship pause` without a name/,
  );
  expect((await reload(pair)).status).toBe('paused');
  expect((await mentorship(h, `resume ${channelOf(pair)}`, STAFF)).text).toMatch(/^:arrow_forward: The pause is over/);
  expect((await reload(pair)).status).toBe('active');
  expect((await mentorship(h, `resume ${person(PEOPLE.mentor)}`, STAFF)).text).toMatch(/not paused/);
}, 90_000);

test('the three staff buttons: status, message the pair and pause work for staff; forged by anyone else, refused on the server', async () => {
  const pair = await answeredPair();
  const id = String(pair._id);
  clock.set('2026-12-09T14:00:00Z'); // Wednesday 09:00 in New York, 20:00 in Dhaka

  for (const actionId of [StaffIds.messageButton, StaffIds.pauseButton]) {
    const { modal, answer } = await pressStaffButton(h, PEOPLE.outsider.id, actionId, id, STAFF_CHANNEL);
    expect(modal).toBeUndefined();
    expect(answer.text).toMatch(/only program staff/);
  }
  // Pair status opens a window at once (its reads take time): a refusal is said in it, and shows nothing.
  const refused = await pressStaffButton(h, PEOPLE.outsider.id, StaffIds.statusButton, id, STAFF_CHANNEL);
  expect(noticeOf(refused.modal)).toMatch(/only program staff/);
  expect(JSON.stringify(refused.modal)).not.toContain(ESCAPED_NOTE);
  const gone = await pressStaffButton(h, STAFF, StaffIds.statusButton, '0123456789abcdef01234567', STAFF_CHANNEL);
  expect(noticeOf(gone.modal)).toBe('That pair no longer exists.');

  const status = await pressStaffButton(h, PEOPLE.staffByChannel.id, StaffIds.statusButton, id, STAFF_CHANNEL);
  expect(JSON.stringify(status.modal.blocks)).toContain(ESCAPED_NOTE);

  // Message the pair: posted in the channel with the sender's name; a forged submission posts nothing.
  const message = (await pressStaffButton(h, STAFF, StaffIds.messageButton, id, STAFF_CHANNEL)).modal;
  expect(message.callback_id).toBe(StaffIds.messageModal);
  const typed = (value: string) =>
    inputValues({ [StaffIds.block.messageText]: { actionId: StaffIds.inputAction, type: 'plain_text_input', value } });
  const before = channelMessages(h, pair).length;
  const forged = await h.driver.viewSubmission({
    userId: PEOPLE.outsider.id,
    view: {
      callback_id: StaffIds.messageModal,
      private_metadata: message.private_metadata,
      state: { values: typed('hi') },
    },
  });
  expect(forged.json.errors[StaffIds.block.messageText]).toMatch(/only program staff/);
  const sent = await h.driver.viewSubmission({
    userId: STAFF,
    view: {
      id: message.id,
      callback_id: StaffIds.messageModal,
      private_metadata: message.private_metadata,
      state: { values: typed('Can we help? <!channel>') },
    },
  });
  expect(sent.json.response_action).toBe('update');
  expect(
    channelMessages(h, pair)
      .slice(before)
      .map((m) => m.text),
  ).toEqual([
    // 20:00 in Dhaka: the mentee is named, not @-mentioned, at that hour.
    `<@${PEOPLE.mentor.id}> Karim Rahman *From program staff (Sam Staff):* Can we help? &lt;!channel&gt;`,
  ]);

  // Pause: how long and why; a forged submission pauses nothing.
  const pause = (await pressStaffButton(h, STAFF, StaffIds.pauseButton, id, STAFF_CHANNEL)).modal;
  const pauseValues = inputValues({
    [StaffIds.block.pauseLength]: { actionId: StaffIds.inputAction, type: 'static_select', value: '4' },
    [StaffIds.block.pauseReason]: { actionId: StaffIds.inputAction, type: 'plain_text_input', value: 'harvest season' },
  });
  const forgedPause = await h.driver.viewSubmission({
    userId: PEOPLE.mentee.id,
    view: {
      callback_id: StaffIds.pauseModal,
      private_metadata: pause.private_metadata,
      state: { values: pauseValues },
    },
  });
  expect(forgedPause.json.errors[StaffIds.block.pauseLength]).toMatch(/only program staff/);
  expect((await reload(pair)).status).toBe('active');
  const paused = await h.driver.viewSubmission({
    userId: STAFF,
    view: {
      id: pause.id,
      callback_id: StaffIds.pauseModal,
      private_metadata: pause.private_metadata,
      state: { values: pauseValues },
    },
  });
  expect(paused.json.response_action).toBe('update');
  expect(JSON.stringify(paused.json.view.blocks)).toMatch(/Paused until <!date\^/);
  expect((await reload(pair)).pause).toMatchObject({ by: STAFF, reason: 'harvest season', untilDay: '2027-01-06' });
}, 120_000);

test('export: a CSV in the staff member’s DM; the staff-only note only in the check-ins export, in its marked column', async () => {
  const pair = await answeredPair();
  clock.set('2026-12-09T10:00:00Z');
  expect((await mentorship(h, 'export checkins', PEOPLE.mentee.id)).text).toMatch(/only program staff/);
  expect(h.standIn.files.size).toBe(0);
  expect((await mentorship(h, 'export everything', STAFF)).text).toMatch(/^Say what to export/);

  const files: Record<string, Array<Record<string, string>>> = {};
  for (const kind of ['pairs', 'checkins', 'commitments']) {
    const answer = await mentorship(h, `export ${kind}`, STAFF);
    expect(answer.text).toContain(`The ${kind.replace('checkins', 'check-ins')} export is in your DM`);
    const file = [...h.standIn.files.values()].at(-1)!;
    expect(file.channel).toBe(h.standIn.dmChannelOf(STAFF));
    expect(file.filename).toBe(`mentorship-${kind}-2026-12-09.csv`);
    files[kind] = parse(h.standIn.fileText(file.id), { columns: true });
  }
  expect(files.pairs).toEqual([
    expect.objectContaining({
      pair: `#${pair.channel!.name}`,
      status: 'active',
      mentor: 'Alice Müller',
      mentee: 'Karim Rahman',
      'mentee organisation': 'Microfinance Association of Bangladesh',
      goals: 'Halve the central-bank fee (in progress)',
    }),
  ]);
  expect(files.checkins).toEqual([
    expect.objectContaining({
      'check-in': '1',
      role: 'mentor',
      person: 'Alice Müller',
      replied: 'no',
      [staffNoteColumn()]: '',
    }),
    expect.objectContaining({ 'check-in': '1', role: 'mentee', replied: 'yes', met: 'yes', [staffNoteColumn()]: NOTE }),
  ]);
  expect(files.commitments).toEqual([
    expect.objectContaining({
      owner: 'Karim Rahman',
      'next step': 'Send the fee table',
      'due day': '2026-12-10',
      status: 'open',
    }),
  ]);
  for (const kind of ['pairs', 'commitments']) {
    expect(Object.keys(files[kind][0])).not.toContain(staffNoteColumn());
    expect(JSON.stringify(files[kind])).not.toContain('NOTE-FOR-STAFF');
  }
}, 120_000);

test('a staff member reads answers in their own language; a staff message posted in a pair channel is in the pair’s', async () => {
  const pair = await createActivePair(h);
  await PairModel.updateOne({ _id: pair._id }, { $set: { language: 'fr' } });
  clock.set('2026-12-09T14:00:00Z'); // Wednesday 09:00 in New York, 20:00 in Dhaka
  try {
    await mentorship(h, 'language es', STAFF);
    const status = await mentorship(h, `status ${channelOf(pair)}`, STAFF);
    expect(status.text).toBe('Alice Müller y Karim Rahman');
    const shown = JSON.stringify(status.blocks);
    expect(shown).toContain('*Mentorado:* Karim Rahman');
    expect(shown).toMatch(/\*Estado:\* \*(Nueva|Va bien|Requiere atención|En riesgo)\*/);
    expect(shown).toContain('*Objetivos*');
    expect(shown).not.toMatch(/Mentee:|Goals|Last check-ins/);

    // "Message the pair": the modal and its confirmation in Spanish, the post in the pair's French.
    const modal = (await pressStaffButton(h, STAFF, StaffIds.messageButton, String(pair._id), STAFF_CHANNEL)).modal;
    expect(modal.title.text).toBe('Escribir a la pareja');
    const sent = await h.driver.viewSubmission({
      userId: STAFF,
      view: {
        id: modal.id,
        callback_id: StaffIds.messageModal,
        private_metadata: modal.private_metadata,
        state: {
          values: inputValues({
            [StaffIds.block.messageText]: { actionId: StaffIds.inputAction, type: 'plain_text_input', value: 'Hola' },
          }),
        },
      },
    });
    expect(JSON.stringify(sent.json.view.blocks)).toContain(`Enviado a <#${pair.channel!.id}>`);
    expect(channelMessages(h, pair).at(-1)!.text).toBe(
      `<@${PEOPLE.mentor.id}> Karim Rahman *De l’équipe du programme (Sam Staff) :* Hola`,
    );
  } finally {
    forgetLanguages();
  }
}, 90_000);
