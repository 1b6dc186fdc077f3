import { participantId, ParticipantModel } from '../../src/pairs/participants-model';
import { PairModel } from '../../src/pairs/model';
import { forgetLanguages } from '../../src/pairs/language';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

withHarness('languages', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T12:00:00Z') });

describe('each message in its reader’s language', () => {
  test('a French-speaking pair channel and an Arabic-speaking mentee: the prompt in French, her nudge in Arabic, his in English', async () => {
    const pair = await createActivePair(h, { goals: [['Reach <!channel> members', 'All member MFIs hear of it']] });
    await PairModel.updateOne({ _id: pair._id }, { $set: { language: 'fr' } });
    await ParticipantModel.updateOne(
      { _id: participantId(pair.teamId, PEOPLE.mentee.id) },
      { $set: { language: 'ar' } },
    );
    await ParticipantModel.updateOne(
      { _id: participantId(pair.teamId, PEOPLE.mentor.id) },
      { $set: { language: 'en' } },
    );
    forgetLanguages();

    // Tuesday 8 December 13:00 UTC: check-in #1 in the channel. Thursday: each silent person is nudged.
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    await runJobsAt(h, '2026-12-10T13:00:00Z', ['nudges']);

    const prompt = h.standIn.messages.find(
      (m) => m.channel === pair.channel!.id && /Point de suivi n° 1/.test(m.text ?? ''),
    );
    expect(prompt).toBeDefined();
    const shown = JSON.stringify(prompt!.blocks);
    expect(shown).toContain("C'est l'heure du point de suivi");
    expect(shown).toContain('Pas de rencontre cette semaine'); // the buttons too
    expect(shown).not.toContain('Time to check in');
    // The goal's title is typed text: shown, never a broadcast.
    expect(shown).toContain('Reach &lt;!channel&gt; members');
    expect(shown).not.toContain('<!channel>');

    const dmTo = (userId: string) =>
      h.standIn.messages.filter(
        (m) =>
          m.channel === h.standIn.dmChannelOf(userId) && /^nudge:/.test(String(m.metadata?.event_payload?.key ?? '')),
      );
    const [toMentee] = dmTo(PEOPLE.mentee.id);
    expect(toMentee.text).toContain('ما زالت المتابعة رقم 1');
    expect(toMentee.text).toContain(`<@${PEOPLE.mentor.id}>`);
    expect(JSON.stringify(toMentee.blocks)).toContain('لم نلتقِ هذا الأسبوع'); // its buttons too
    expect(toMentee.text).not.toMatch(/still waits|Point de suivi/);
    const [toMentor] = dmTo(PEOPLE.mentor.id);
    expect(toMentor.text).toContain('Check-in #1 with');
    expect(toMentor.text).toContain('still waits for your answer');
  });
});
