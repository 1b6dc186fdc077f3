import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';
import { dmsTo, formValues, pressGiveFeedback, submitForm } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('feedback-language', (made) => (h = made), { clock });

const MENTEE = PEOPLE.mentee.id; // Asia/Dhaka: asked at 09:00 there, 03:00 UTC

// Each message is in its reader's language: the DM and the form in the mentee's (French), the
// answer shared in the pair's channel in the pair's (English), the alert in the staff language
// (English), though all three are sent from the mentee's French request or for it.
test('a French-speaking mentee gets the request and the form in French; the pair channel and staff read English', async () => {
  const pair = await createActivePair(h);
  const channel = pair.channel!.id!;
  expect((await mentorship(h, 'language fr', MENTEE)).text).toContain('français');

  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  const [dm] = dmsTo(h, MENTEE);
  expect(dm.text).toContain('C’est le moment de votre bilan à un mois');
  expect(dm.text).toContain(`<#${channel}>`);
  expect(dm.text).not.toContain('Time for your');

  clock.set('2027-01-04T10:00:00Z');
  const { modal } = await pressGiveFeedback(h, MENTEE, dm);
  expect(modal.title.text).toBe('Bilan à un mois');
  const visibility = modal.blocks.find((b: any) => b.block_id === 'feedback.v.fit');
  expect(visibility.label.text).toBe('Qui voit cette réponse');
  expect(visibility.element.options.map((o: any) => o.text.text)).toEqual([
    'Partagé : publié dans le canal du binôme, avec votre nom',
    'Équipe seulement : jamais montré à votre partenaire',
    'Compté seulement dans les totaux (5 personnes ou plus)',
  ]);
  expect(JSON.stringify(modal)).not.toMatch(/Who sees|Shared:|Staff only/);

  const answers = {
    fit: 'not_a_fit',
    satisfaction: '3',
    meeting: 'less',
    goals_clear: 'yes',
    partner_commitment: '4',
    concern: '',
  };
  const seen = {
    fit: 'staff_only',
    satisfaction: 'staff_only',
    meeting: 'shared',
    goals_clear: 'staff_only',
    partner_commitment: 'staff_only',
    concern: 'staff_only',
  };
  expect(await submitForm(h, MENTEE, modal, formValues(answers, seen, { urgent: false }))).toEqual({
    response_action: 'clear',
  });
  const inChannel = () => h.standIn.messages.filter((m) => m.channel === channel && m.text?.includes(`<@${MENTEE}>`));
  await h.standIn.waitFor(() => inChannel().length > 0, 8000, 'the shared answer in the pair channel');
  const shared = inChannel()[0].text;
  expect(shared).toContain(`<@${MENTEE}> shared some one-month feedback`);
  expect(shared).toContain('*Are you meeting as often as you agreed?*\nLess often');
  expect(shared).not.toMatch(/partage|Moins souvent/);

  const staff = () => h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && !m.ephemeral);
  await h.standIn.waitFor(() => staff().length > 0, 8000, 'the alert to staff');
  expect(staff()[0].text).toContain('answered "not a good fit"');
}, 120_000);
