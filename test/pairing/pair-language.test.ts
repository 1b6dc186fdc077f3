import { PairingIds } from '../../src/features/pairing/ids';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairModel } from '../../src/pairs/model';
import { ParticipantModel } from '../../src/pairs/participants-model';
import { visibleText } from '../messages/visible-text';
import { type Harness, PEOPLE } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { pairFormValues } from '../support/pair-form';
import { withHarness } from '../support/with-harness';

/**
 * The pair's common language, chosen by staff in the form: the channel is written to in it, while
 * each person's own DMs are in their own language (here the mentee's Slack locale, es-ES).
 */
let h: Harness;
// Tuesday 1 December, 18:30 UTC: 13:30 in New York (the mentor is @-mentioned), 00:30 in Dhaka (the
// mentee is only named, and told by DM in their morning).
const clock = new FakeClock(new Date('2026-12-01T18:30:00Z'));
withHarness('pair_language', (made) => (h = made), { clock });

test('a pair made in French: stored as fr, its channel welcomed in French, the Spanish-speaking mentee DMed in Spanish', async () => {
  h.standIn.addUser({ ...PEOPLE.mentee, locale: 'es-ES' });
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: {
      id: 'VLANGFR01',
      callback_id: PairingIds.createModal,
      state: { values: pairFormValues({ language: 'fr' }) },
    },
  });
  expect(res.json).toEqual({ response_action: 'clear' });
  await eventually(async () => (await PairModel.countDocuments({ status: 'active' })) === 1, 'an active pair');

  const pair = (await PairModel.findOne().lean())!;
  expect(pair.language).toBe('fr');
  const [welcome, goals] = h.standIn.messages.filter((m) => m.channel === pair.channel!.id);
  const welcomeText = visibleText(welcome.blocks);
  expect(welcomeText).toContain('Bienvenue, Alice Müller et Karim Rahman !');
  expect(welcomeText).toContain('Dhaka a 11 heures d’avance sur New York.');
  expect(welcomeText).toContain('*Première étape :* présentez-vous ici.');
  expect(welcomeText).not.toMatch(/Welcome|first step/i);
  expect(visibleText(goals.blocks)).toContain('*Vos objectifs*');

  // Each person's language comes from their Slack locale at pairing; the staff confirmation stays in English.
  const people = await ParticipantModel.find().sort({ userId: 1 }).lean();
  expect(people.map((p) => [p.userId, p.language])).toEqual([
    [PEOPLE.mentee.id, 'es'],
    [PEOPLE.mentor.id, 'en'],
  ]);
  expect(h.standIn.messages.some((m) => /^:white_check_mark: The pair .* is ready/.test(m.text ?? ''))).toBe(true);

  // The mentee's welcome DM, at 09:00 in Dhaka, is in Spanish.
  expect(await OutboxModel.countDocuments({ kind: 'welcome_dm', 'ref.userId': PEOPLE.mentee.id })).toBe(1);
  await runJobsAt(h, '2026-12-02T03:00:00Z', ['checkins']);
  const dm = h.standIn.messages.find((m) => m.channel === h.standIn.dmChannelOf(PEOPLE.mentee.id));
  expect(dm?.text).toBe(
    `Tienes un nuevo canal de mentoría con Alice Müller: <#${pair.channel!.id}>. Pasa a saludar cuando puedas.`,
  );
});
