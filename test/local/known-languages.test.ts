import { forgetLanguages } from '../../src/pairs/language';
import { knownLanguage, loadKnownLanguages, noteLanguage, startKnownLanguages } from '../../src/pairs/known-languages';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { roundTripsOf } from '../support/round-trips';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';

/*
 * The reader's language is known before the ack without waiting: stored languages are held in
 * memory (loaded at start-up, refreshed in the background), and Slack is never waited for before
 * an ack. Someone the app has stored nothing about gets their first ack in English and everything
 * after it in their Slack locale.
 */

let h: Harness;
const undo: Array<() => void> = [];
afterEach(() => {
  for (const f of undo.splice(0)) f();
});
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('known-languages', (made) => (h = made), { clock });

const MENTEE = PEOPLE.mentee.id;
const HELP_STAFF_TITLE = {
  en: '*For program staff:*',
  fr: '*Pour l’équipe du programme :*',
  es: '*Para el equipo del programa:*',
};

/** `/mentorship help`, answered in the ack itself: its text. */
async function help(userId: string): Promise<string> {
  const res = await h.driver.command('/mentorship', 'help', { userId });
  expect(res.status).toBe(200);
  return res.json.text as string;
}

function setLocale(userId: string, locale: string): void {
  h.standIn.users.get(userId)!.locale = locale;
  undo.push(() => {
    h.standIn.users.get(userId)!.locale = undefined;
  });
}

test('once loaded, a participant’s request costs no database read for their language; another instance’s change is seen at the next refresh', async () => {
  const pair = await createActivePair(h);
  const key = participantId(pair.teamId, MENTEE);
  await ParticipantModel.updateOne({ _id: key }, { $set: { language: 'fr' } });
  forgetLanguages();
  const languages = startKnownLanguages((err) => {
    throw err;
  }, 200);
  undo.push(() => languages.stop());
  await languages.firstLoad;

  const trips = await roundTripsOf(async () => {
    expect(await help(MENTEE)).toContain(HELP_STAFF_TITLE.fr);
  });
  expect(trips.total).toBe(0);

  // Another instance stores Spanish: this one answers in French until its refresh reads the change.
  await ParticipantModel.updateOne({ _id: key }, { $set: { language: 'es' } });
  await eventually(
    async () => (await help(MENTEE)).includes(HELP_STAFF_TITLE.es),
    'the change read by the refresh',
    3000,
  );
});

test('someone with nothing stored: the ack does not wait for Slack (English), the answer after it is in their Slack locale, and so is every ack after', async () => {
  await loadKnownLanguages();
  const stranger = PEOPLE.outsider.id;
  setLocale(stranger, 'es-ES');
  // Slack answers users.info slowly: the acks do not wait for it, and three requests ask it once.
  h.standIn.failNext('users.info', { hang: 800 });
  const acks = await Promise.all([help(stranger), help(stranger), help(stranger)]);
  for (const ack of acks) expect(ack).toContain(HELP_STAFF_TITLE.en);
  // Once Slack has answered, the acks are in their locale; Slack was asked once in all.
  await eventually(async () => (await help(stranger)).includes(HELP_STAFF_TITLE.es), 'an ack in Spanish', 5000);
  expect(h.standIn.attemptsTo('users.info').filter((c) => c.args.user === stranger)).toHaveLength(1);

  // Another stranger's first request answered after its ack (`/mentorship language`): already in their locale.
  const other = PEOPLE.mentor.id;
  setLocale(other, 'fr-FR');
  expect((await mentorship(h, 'language', other)).text).toContain('Je vous écris en français');
});

test('Slack failing to say a locale: the answer after the ack goes on in English, without waiting for a retry', async () => {
  await loadKnownLanguages();
  const stranger = PEOPLE.outsider.id;
  setLocale(stranger, 'fr-FR');
  h.standIn.failNext('users.info', { ratelimited: 30 });
  const started = Date.now();
  expect((await mentorship(h, 'language', stranger)).text).toContain('I write to you in English');
  expect(Date.now() - started).toBeLessThan(2000);
  // The failure is not remembered: the next request asks again, and the next after it is in French.
  await help(stranger);
  await h.standIn.waitFor(() => h.standIn.attemptsTo('users.info').length >= 2, 4000, 'the locale asked for again');
  expect(await help(stranger)).toContain(HELP_STAFF_TITLE.fr);
});

test('someone paired through this process is answered in their language from their first request, before any refresh', async () => {
  await loadKnownLanguages();
  setLocale(MENTEE, 'fr-FR'); // stored on the participant when they are paired
  await createActivePair(h);
  expect(await help(MENTEE)).toContain(HELP_STAFF_TITLE.fr);
});

test('a load that read the database before this process stored a choice does not put the old language back', async () => {
  const pair = await createActivePair(h);
  const key = participantId(pair.teamId, MENTEE);
  await ParticipantModel.updateOne({ _id: key }, { $set: { language: 'fr' } });
  forgetLanguages();
  const loading = loadKnownLanguages(); // reads 'fr' …
  noteLanguage(key, 'es', 'participant'); // … while this process stores the person's new choice
  await loading;
  expect(knownLanguage(key)).toBe('es');
});
