import { PairModel } from '../../src/pairs/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import { PairingIds } from '../../src/features/pairing/ids';
import { ParticipantModel } from '../../src/pairs/participants-model';
import { PEOPLE, startHarness, type Harness } from '../support/app-harness';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { DEFAULT_MENTEE_COUNTRY, pairFormValues } from '../support/pair-form';
import { rawDatesIn } from '../messages/visible-text';

let h: Harness;
// Staff create the pairs on Tuesday 1 December at 13:30 UTC: 08:30 in New York, 19:30 in Dhaka, so the
// welcome may @-mention both (the hours rule: only 08:00-20:00 on a working day of each).
const clock = new FakeClock(new Date('2026-12-01T13:30:00Z'));

withHarness('create_pair', (made) => (h = made), { clock });

// Every date shown to people is a Slack date token (each reader sees their own day and time).
afterEach(() => {
  expect(rawDatesIn(h.standIn.messages, h.standIn.responses)).toEqual([]);
});

const submit = (
  values = pairFormValues(),
  viewId = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  userId: string = PEOPLE.staff.id,
) => h.driver.viewSubmission({ userId, view: { id: viewId, callback_id: PairingIds.createModal, state: { values } } });

/** How many pair set-up runs have finished (the handler logs "pair <id>: set-up <outcome>" as its last act). */
const setupOutcomesLogged = () => h.logs.filter((l) => /pair [0-9a-f]{24}: set-up /.test(l)).length;

async function waitForSetup(): Promise<void> {
  await eventually(async () => (await PairModel.countDocuments({ status: 'active' })) > 0, 'an active pair');
}

describe('creating a pair end to end', () => {
  test('a valid submission stores the pair, opens a private channel, invites both, posts the welcome and confirms to staff', async () => {
    const res = await submit();
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_action: 'clear' });
    await waitForSetup();

    const pair = await PairModel.findOne().lean();
    expect(pair).toMatchObject({
      status: 'active',
      cadence: 'weekly',
      mentee: { organisation: 'Microfinance Association of Bangladesh', country: DEFAULT_MENTEE_COUNTRY },
    });
    expect(pair!.goals.map((g) => g.title)).toEqual(['Halve the central-bank fee']);

    const channel = [...h.standIn.channels.values()].find((c) => c.id === pair!.channel!.id)!;
    expect(channel.is_private).toBe(true);
    expect(channel.name).toBe('mentorship-alice-muller-karim-rahman');
    expect([...channel.members].sort()).toEqual(expect.arrayContaining([PEOPLE.mentor.id, PEOPLE.mentee.id]));
    expect(channel.members.has(PEOPLE.staff.id)).toBe(false);
    expect(channel.purpose).toMatch(/Alice Müller \(mentor\) and Karim Rahman \(mentee/);

    // The short welcome first, then the goals and practices, pinned.
    const [welcome, goals] = h.standIn.messages.filter((m) => m.channel === channel.id);
    const welcomeText = JSON.stringify(welcome.blocks);
    expect(welcome.metadata?.event_payload).toEqual({ key: `welcome:${pair!._id}` });
    expect(welcomeText).toContain('<@U0MENTEE01>, Microfinance Association of Bangladesh, Bangladesh');
    expect(welcomeText).toContain('<@U0MENTOR01>, ASAE, United States');
    // Both were awake: nobody gets a welcome DM later.
    expect(await OutboxModel.countDocuments({ kind: 'welcome_dm' })).toBe(0);
    // New York (UTC−5 in December) and Dhaka (UTC+6).
    expect(welcomeText).toContain('Dhaka is 11 hours ahead of New York.');
    const first = pair!.schedule!.nextCheckinAt!;
    expect(welcomeText).toContain(`<!date^${first.getTime() / 1000}^{date_long_pretty} at {time}|`);
    expect(welcomeText).toContain('introduce yourselves here');
    expect(welcomeText).toContain('/mentorship pause');
    expect(welcomeText).not.toContain('Halve the central-bank fee');

    const goalsText = JSON.stringify(goals.blocks);
    expect(goals.metadata?.event_payload).toEqual({ key: `goals:${pair!._id}` });
    expect(goalsText).toContain('Halve the central-bank fee');
    expect(goalsText).toContain('The fee for member MFIs drops from 2% to 1%');
    expect(goalsText).toMatch(/Local context.*Commitment.*Communication/s);
    expect(h.standIn.pins).toEqual([{ channel: channel.id, ts: goals.ts }]);

    const people = await ParticipantModel.find().sort({ userId: 1 }).lean();
    expect(people.map((p) => [p.userId, p.tz])).toEqual([
      [PEOPLE.mentee.id, 'Asia/Dhaka'],
      [PEOPLE.mentor.id, 'America/New_York'],
    ]);

    // The confirmation went to the creating staff member's DM (the DM the stand-in opened for them), and only there.
    const staffDm = h.standIn.dmChannelOf(PEOPLE.staff.id);
    expect(staffDm).toMatch(/^D/);
    const confirmations = h.standIn.messages.filter((m) => /is ready/.test(m.text ?? ''));
    expect(confirmations.map((m) => m.channel)).toEqual([staffDm]);
    expect(confirmations[0].text).toContain(`<#${channel.id}>`);
    // When check-ins arrive for each person, on their own clock: 08:00 New York = 19:00 Dhaka.
    expect(confirmations[0].text).toContain(
      "*Check-ins:* Tuesdays, 08:00 for Alice Müller, 19:00 for Karim Rahman (each person's local time).",
    );
  });

  test('invites staff too when INVITE_STAFF_TO_PAIR_CHANNELS is on', async () => {
    const other = await startHarness({ env: { INVITE_STAFF_TO_PAIR_CHANNELS: 'true' } });
    try {
      await other.driver.viewSubmission({
        userId: PEOPLE.staff.id,
        view: { id: 'VSTAFFINV', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
      });
      await other.standIn.waitFor(() => other.standIn.messages.some((m) => /is ready/.test(m.text ?? '')), 8000);
      const channel = [...other.standIn.channels.values()].find((c) => c.name.startsWith('mentorship-'))!;
      expect(channel.members.has(PEOPLE.staff.id)).toBe(true);
    } finally {
      await other.close();
    }
  });

  test('a repeated delivery of the same submission creates one pair and one channel', async () => {
    const first = await submit(pairFormValues(), 'VDOUBLE01');
    const second = await submit(pairFormValues(), 'VDOUBLE01');
    expect(first.json).toEqual({ response_action: 'clear' });
    expect(second.json).toEqual({ response_action: 'clear' });
    // Both deliveries ran to their end: each handler's last act is its "set-up <outcome>" log line
    // (one run does the set-up, the other finds it busy or done). Only then is "nothing more" provable.
    await eventually(async () => setupOutcomesLogged() === 2, 'both deliveries to finish');
    expect(h.logs.filter((l) => /set-up done/.test(l))).toHaveLength(1);
    expect(await PairModel.countDocuments()).toBe(1);
    expect(h.standIn.attemptsTo('conversations.create')).toHaveLength(1);
    expect(h.standIn.messages.filter((m) => /is ready/.test(m.text ?? ''))).toHaveLength(1);
  });

  test('a second form for two people already paired gets a field error and stores nothing', async () => {
    await submit();
    await waitForSetup();
    const res = await submit(pairFormValues({ mentor: PEOPLE.mentee.id, mentee: PEOPLE.mentor.id }));
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors[PairingIds.block.mentee]).toMatch(/already have an active mentorship/);
    expect(await PairModel.countDocuments()).toBe(1);
  });

  test('on name_taken the channel gets another readable name', async () => {
    h.standIn.failNext('conversations.create', { error: 'name_taken' });
    await submit();
    await waitForSetup();
    const pair = await PairModel.findOne().lean();
    expect(pair!.channel!.name).toBe('mentorship-alice-muller-karim-rahman-2');
  });
});
