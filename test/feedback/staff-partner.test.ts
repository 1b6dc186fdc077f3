import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';
import { feedbackCommand, formValues, submitForm } from './drive';

/** A mentor who is also program staff reads "staff only" answers: the mentee's form must not promise otherwise. */

let h: Harness;
const clock = new FakeClock(new Date('2026-12-10T10:00:00Z'));
withHarness('feedback-staff-partner', (made) => (h = made), {
  beforeEachTest: () => clock.set('2026-12-10T10:00:00Z'),
  clock,
});

test('when the partner is program staff, the form says "staff only" reaches them, never "never your partner"', async () => {
  // The mentor is staff by being in the staff channel.
  const pair = await createActivePair(h, { mentor: PEOPLE.staffByChannel.id, mentee: PEOPLE.mentee.id });
  const { modal } = await feedbackCommand(h, PEOPLE.mentee.id, pair.channel!.id!);
  const shown = JSON.stringify(modal.blocks);
  expect(shown).toContain('Your partner is also program staff');
  expect(shown).toContain('Staff only: program staff, your partner too');
  expect(shown).not.toMatch(/never (shown to )?your partner/);
  // The staff member's own form: their partner is not staff, so "staff only" keeps it from them.
  const own = await feedbackCommand(h, PEOPLE.staffByChannel.id, pair.channel!.id!);
  const ownShown = JSON.stringify(own.modal.blocks);
  expect(ownShown).toContain('Staff only: never shown to your partner');
  expect(ownShown).not.toContain('Your partner is also program staff');
}, 60_000);

test("a staff member who mentors never reads their mentee's staff-only answer in status or export; other staff do", async () => {
  const pair = await createActivePair(h, { mentor: PEOPLE.staffByChannel.id, mentee: PEOPLE.mentee.id });
  const { modal } = await feedbackCommand(h, PEOPLE.mentee.id, pair.channel!.id!);
  const SECRET = 'ONLY-FOR-OTHER-STAFF my mentor talks over me';
  const sent = await submitForm(
    h,
    PEOPLE.mentee.id,
    modal,
    formValues(
      { how_going: '3', message: SECRET },
      { how_going: 'staff_only', message: 'staff_only' },
      { textIds: ['message'] },
    ),
  );
  expect(sent).toEqual({ response_action: 'clear' });
  const channel = `<#${pair.channel!.id}|${pair.channel!.name}>`;
  expect(JSON.stringify((await mentorship(h, `status ${channel}`, PEOPLE.staff.id)).blocks)).toContain(
    'ONLY-FOR-OTHER-STAFF',
  );
  const asPartner = await mentorship(h, `status ${channel}`, PEOPLE.staffByChannel.id);
  expect(JSON.stringify(asPartner.blocks)).toContain('*Feedback*');
  expect(JSON.stringify(asPartner)).not.toContain('ONLY-FOR-OTHER-STAFF');
  const lastExport = async (by: string) => {
    expect((await mentorship(h, 'export feedback', by)).text).toContain('export is in your DM');
    return h.standIn.fileText([...h.standIn.files.values()].at(-1)!.id);
  };
  expect(await lastExport(PEOPLE.staffByChannel.id)).not.toContain('ONLY-FOR-OTHER-STAFF');
  expect(await lastExport(PEOPLE.staff.id)).toContain('ONLY-FOR-OTHER-STAFF');
}, 120_000);
