import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { feedbackCommand } from './drive';

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
