import { LanguageChoiceModel } from '../../src/pairs/language';
import { PairModel } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';

let h: Harness;
const undo: Array<() => void> = [];
const afterThis = (f: () => void) => undo.push(f);
afterEach(() => {
  for (const f of undo.splice(0)) f();
});
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('language-command', (made) => (h = made), { clock });

const MENTEE = PEOPLE.mentee.id;
const STAFF = PEOPLE.staff.id;

test('a participant switches their own language: stored for the jobs too, and every answer after it is in that language', async () => {
  const pair = await createActivePair(h);
  expect((await mentorship(h, 'language', MENTEE)).text).toContain('I write to you in English');

  const unknown = await mentorship(h, 'language klingon', MENTEE);
  expect(unknown.text).toContain('“klingon”');
  expect(unknown.text).toContain('fr (Français)');

  expect((await mentorship(h, 'language Русский', MENTEE)).text).toBe('Готово: теперь я буду писать вам по-русски.');
  const stored = await ParticipantModel.findById(participantId(pair.teamId, MENTEE)).lean();
  expect(stored!.language).toBe('ru'); // the scheduled DMs read it there
  // The next answers, to anything, are in Russian: the help (in the ack), and a refusal.
  const help = (await h.driver.command('/mentorship', 'help', { userId: MENTEE })).json.text as string;
  expect(help).toContain('`/mentorship language');
  expect(help).toContain('Для команды программы');
  expect(help).not.toContain('how to use');
  expect((await mentorship(h, 'list', MENTEE)).text).not.toMatch(/staff/);
  expect((await mentorship(h, 'language', MENTEE)).text).toContain('по-русски');
});

test('someone in no pair (staff) reads their Slack locale until they choose; their choice is kept apart from participants', async () => {
  h.standIn.users.get(STAFF)!.locale = 'es-ES';
  afterThis(() => {
    h.standIn.users.get(STAFF)!.locale = undefined;
  });
  expect((await mentorship(h, 'language', STAFF)).text).toContain('Te escribo en español');
  expect((await mentorship(h, 'language ar', STAFF)).text).toBe('تم: سأكتب إليك بالعربية من الآن فصاعدًا.');
  expect(await LanguageChoiceModel.findById(`${h.standIn.teamId}:${STAFF}`).lean()).toMatchObject({ language: 'ar' });
  expect(await ParticipantModel.countDocuments({ userId: STAFF })).toBe(0);
});

test("staff set a pair's common language: the channel is told in it; anyone else is refused and nothing changes", async () => {
  const pair = await createActivePair(h);
  const channel = pair.channel!.id!;
  const token = `<#${channel}|${pair.channel!.name}>`;

  const refused = await mentorship(h, `language ${token} es`, MENTEE);
  expect(refused.text).toBe('Only program staff can change a pair’s common language.');
  expect((await PairModel.findById(pair._id).lean())!.language).toBe('en');

  const before = h.standIn.messages.length;
  const done = await mentorship(h, `language ${token} es`, STAFF);
  expect(done.text).toContain(`<#${channel}> now uses Español`);
  expect((await PairModel.findById(pair._id).lean())!.language).toBe('es');
  await h.standIn.waitFor(() => h.standIn.messages.length > before, 8000, 'the note in the channel');
  const note = h.standIn.messages.slice(before).find((m) => m.channel === channel)!;
  expect(note.text).toContain(`<@${STAFF}> eligió Español para este canal`);

  expect((await mentorship(h, `language ${token} xx`, STAFF)).text).toContain('“xx”');
  expect((await mentorship(h, 'language <#C0NOTAPAIR|random> fr', STAFF)).text).toBe(
    'That channel is not a mentorship channel.',
  );
});
