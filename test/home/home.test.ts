import { roundTripsOf } from '../support/round-trips';
import { filledModal } from '../support/modals';
import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { FeedbackIds } from '../../src/features/feedback/ids';
import { HomeIds } from '../../src/features/home/ids';
import { LocalIds } from '../../src/features/local/ids';
import { StaffIds } from '../../src/features/staff/ids';
import { PairModel, type Pair } from '../../src/pairs/model';
import { ParticipantModel, participantId } from '../../src/pairs/participants-model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { insertBulkPairs } from '../support/bulk-pairs';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { withHarness } from '../support/with-harness';
import { formValues, submitForm } from '../feedback/drive';
import { answerCheckin, mentorship } from '../staff/drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('home', (made) => (h = made), { beforeEachTest: () => clock.set('2026-12-01T10:00:00Z'), clock });

const NOTE = 'NOTE-FOR-STAFF only';
const ALICE = PEOPLE.mentor.id;
const KARIM = PEOPLE.mentee.id;
const AMIRA = PEOPLE.mentee2.id;

/** Opens the Home tab as Slack sends it (an Events API app_home_opened) and returns the view published. */
async function openHome(userId: string, timeoutMs = 8000): Promise<any> {
  const before = h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;
  const res = await h.driver.event({
    type: 'app_home_opened',
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab: 'home',
  });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(
    () => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId).length > before,
    timeoutMs,
    `the Home tab of ${userId}`,
  );
  return h.standIn.homeViewOf(userId)!;
}

/**
 * Database round trips while `work` runs, once earlier work has settled (Home tabs refreshed in
 * the background after an earlier change must not be counted); the delivery claim of the event
 * (skipping Slack's retries) is not a read of the Home.
 */
async function homeRoundTrips(work: () => Promise<unknown>): Promise<{ queries: number; getMores: number }> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return roundTripsOf(work, (e) => e.commandName === 'insert' && e.command.insert === 'deliveries');
}

async function roundTrips(work: () => Promise<unknown>): Promise<number> {
  const { queries, getMores } = await homeRoundTrips(work);
  return queries + getMores;
}

const modals = (): any[] => [...h.standIn.views.values()].filter((v) => v.type === 'modal');

/** Presses a button on a view and returns the modal it opened (or updated), waiting for it. */
async function pressForModal(opts: Parameters<Harness['driver']['blockAction']>[0]): Promise<any> {
  const before = modals().length;
  const res = await h.driver.blockAction(opts);
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => modals().length > before, 8000, `a modal after ${opts.actionId}`);
  return filledModal(h, modals().at(-1)!);
}

const elements = (view: any): any[] =>
  view.blocks.flatMap((b: any) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
const checkinOf = async (pair: Pair, period: number) =>
  (await CheckinModel.findOne({ pairId: pair._id, period }).lean<Checkin>())!;

/** Alice mentors Karim (Dhaka) and Amira (Tunis); check-in #1 of both is posted; Karim answered his. */
async function twoPairs() {
  const withKarim = await createActivePair(h);
  const withAmira = await createActivePair(h, {
    mentee: AMIRA,
    goals: [['<!channel> Train the loan officers', 'Ten officers trained']],
  });
  await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins']);
  clock.set('2026-12-08T15:30:00Z');
  await answerCheckin(h, withKarim, 1, KARIM, {
    staffNote: NOTE,
    step: { what: 'Send the fee table', who: KARIM, by: '2026-12-10' },
  });
  return { withKarim, withAmira };
}

test('a participant in two pairs sees both: partner, local time, next check-in, goals, next steps, buttons; reads are a constant few', async () => {
  const { withKarim, withAmira } = await twoPairs();
  const view = await openHome(ALICE);
  const s = JSON.stringify(view);
  expect(view.type).toBe('home');
  expect(s).toContain(`You are the *mentor* with <@${KARIM}> · <#${withKarim.channel!.id}>`);
  expect(s).toContain(`You are the *mentor* with <@${AMIRA}> · <#${withAmira.channel!.id}>`);
  expect(s).toContain(':office: Microfinance Association of Bangladesh, Bangladesh');
  // 15:30 UTC is 21:30 in Dhaka and 16:30 in Tunis.
  expect(s).toContain('Their time: *21:30* in Asia/Dhaka · works 09:00–18:00, Mon–Fri');
  expect(s).toContain('Their time: *16:30* in Africa/Tunis');
  const pairs = await PairModel.find({ _id: { $in: [withKarim._id, withAmira._id] } }).lean<Pair[]>();
  for (const p of pairs)
    expect(s).toContain(
      `<!date^${Math.floor(p.schedule!.nextCheckinAt!.getTime() / 1000)}^{date_short_pretty} at {time}|`,
    );
  expect(s).toContain('Halve the central-bank fee — _');
  expect(s).toContain('&lt;!channel&gt; Train the loan officers');
  expect(s).not.toContain('<!channel>');
  expect(s).toContain(`<@${KARIM}>: “Send the fee table” — due <!date^`);
  // Alice has answered neither check-in: a reply button for each, with that check-in.
  const replies = elements(view).filter((e) => e.action_id === CheckinIds.replyButton);
  expect(replies.map((e) => e.value).sort()).toEqual(
    [String((await checkinOf(withKarim, 1))._id), String((await checkinOf(withAmira, 1))._id)].sort(),
  );
  expect(elements(view).filter((e) => e.action_id === HomeIds.pauseButton)).toHaveLength(2);
  expect(s).not.toContain('NOTE-FOR-STAFF');

  // Karim answered his: no reply button for it; his own staff note is not on his Home either.
  const karim = await openHome(KARIM);
  expect(elements(karim).some((e) => e.action_id === CheckinIds.replyButton)).toBe(false);
  expect(JSON.stringify(karim)).toContain(`You are the *mentee* with <@${ALICE}>`);
  expect(JSON.stringify(karim)).toContain('Their time: *10:30* in America/New_York');
  expect(JSON.stringify(karim)).not.toContain('NOTE-FOR-STAFF');

  // The reads of one publish are a constant few (six finds today): a third pair adds none.
  const two = await roundTrips(() => openHome(ALICE));
  await createActivePair(h, { mentee: PEOPLE.menteeTbilisi.id });
  await runJobsAt(h, '2026-12-08T15:20:00Z', ['checkins']);
  const three = await roundTrips(() => openHome(ALICE));
  expect(three).toBe(two);
  expect(three).toBeLessThanOrEqual(7);
  expect(JSON.stringify(h.standIn.homeViewOf(ALICE))).toContain(`<@${PEOPLE.menteeTbilisi.id}>`);
}, 120_000);

test("pressing the Home's reply button opens the reply modal for that check-in", async () => {
  const { withAmira } = await twoPairs();
  const view = await openHome(ALICE);
  const checkin = await checkinOf(withAmira, 1);
  const modal = await pressForModal({
    userId: ALICE,
    actionId: CheckinIds.replyButton,
    value: String(checkin._id),
    view,
  });
  expect(modal.type).toBe('modal');
  expect(modal.callback_id).toBe(CheckinIds.replyModal);
  expect(modal.private_metadata).toContain(String(checkin._id));
}, 120_000);

test('pause from the Home: the modal, the pair paused, both Home tabs published again showing until when', async () => {
  const { withKarim } = await twoPairs();
  const view = await openHome(ALICE);
  const pause = elements(view).find((e) => e.action_id === HomeIds.pauseButton && e.value === String(withKarim._id));
  const modal = await pressForModal({ userId: ALICE, actionId: HomeIds.pauseButton, value: pause.value, view });
  expect(modal.callback_id).toBe(HomeIds.pauseModal);

  // Someone else's pair named in a forged private_metadata: refused on the field, nothing paused.
  const other = await createActivePair(h, { mentor: PEOPLE.mentorLA.id, mentee: PEOPLE.menteeTbilisi.id });
  const values = inputValues({
    [HomeIds.block.pauseLength]: { actionId: HomeIds.inputAction, type: 'static_select', value: '2' },
    [HomeIds.block.pauseReason]: { actionId: HomeIds.inputAction, type: 'plain_text_input', value: 'Audit <!here>' },
  });
  const forged = await h.driver.viewSubmission({
    userId: ALICE,
    view: {
      id: modal.id,
      callback_id: HomeIds.pauseModal,
      private_metadata: JSON.stringify({ pairId: String(other._id) }),
      state: { values },
    },
  });
  expect(forged.json.response_action).toBe('errors');
  expect((await PairModel.findById(other._id).lean<Pair>())!.status).toBe('active');

  const publishes = h.standIn.callsTo('views.publish').length;
  const res = await h.driver.viewSubmission({
    userId: ALICE,
    view: {
      id: modal.id,
      callback_id: HomeIds.pauseModal,
      private_metadata: modal.private_metadata,
      state: { values },
    },
  });
  expect(res.json.response_action).toBe('clear');
  await h.standIn.waitFor(
    () =>
      h.standIn
        .callsTo('views.publish')
        .slice(publishes)
        .some((c) => c.args.user_id === KARIM),
    8000,
    'the refreshed Home tabs',
  );
  const paused = (await PairModel.findById(withKarim._id).lean<Pair>())!;
  expect(paused.status).toBe('paused');
  expect(paused.pause?.untilDay).toBe('2026-12-22');
  await h.standIn.waitFor(
    () => /Paused until/.test(JSON.stringify(h.standIn.homeViewOf(ALICE))),
    8000,
    "Alice's Home to say paused",
  );
  for (const who of [ALICE, KARIM]) {
    const s = JSON.stringify(h.standIn.homeViewOf(who));
    expect(s).toMatch(/Paused until \*<!date\^\d+\^\{date_long\}\|[^>]+>\*/);
  }
  expect(elements(h.standIn.homeViewOf(KARIM)).some((e) => e.action_id === HomeIds.resumeButton)).toBe(true);

  // Resume now, pressed by Karim on his Home: active again, both tabs published again without the pause.
  const karimHome = h.standIn.homeViewOf(KARIM)!;
  await h.driver.blockAction({
    userId: KARIM,
    actionId: HomeIds.resumeButton,
    value: String(withKarim._id),
    view: karimHome,
  });
  await h.standIn.waitFor(
    () => [ALICE, KARIM].every((who) => !/Paused until/.test(JSON.stringify(h.standIn.homeViewOf(who)))),
    8000,
    'both Home tabs without the pause',
  );
  expect((await PairModel.findById(withKarim._id).lean<Pair>())!.status).toBe('active');
  expect(JSON.stringify(h.standIn.homeViewOf(KARIM))).not.toContain('Paused until');

  // A pause typed as a command refreshes the Home tabs too.
  await h.driver.command('/mentorship', 'pause 1w', { userId: KARIM, channelId: withKarim.channel!.id! });
  await h.standIn.waitFor(
    () => /Paused until/.test(JSON.stringify(h.standIn.homeViewOf(ALICE))),
    8000,
    "Alice's Home after /mentorship pause",
  );

  // Resume pressed by someone not in the pair: told so in a modal, nothing changed.
  const refusal = await pressForModal({
    userId: PEOPLE.outsider.id,
    actionId: HomeIds.resumeButton,
    value: String(withKarim._id),
    view: karimHome,
  });
  expect(JSON.stringify(refusal)).toContain('not one of your mentorships');
  expect((await PairModel.findById(withKarim._id).lean<Pair>())!.status).toBe('paused');
}, 120_000);

test('staff see the program: health counts, feedback due, ending soon, digest preview and Pair status buttons', async () => {
  // One pair nobody answers for three weeks; one ending within 30 days.
  const quiet = await createActivePair(h);
  const ending = await createActivePair(h, { mentee: AMIRA, endDate: '2027-01-10' });
  for (const day of ['2026-12-08', '2026-12-15', '2026-12-22']) await runJobsAt(h, `${day}T13:00:00Z`, ['checkins']);
  clock.set('2026-12-24T10:00:00Z');
  const reads = await roundTrips(() => openHome(PEOPLE.staff.id));
  const view = h.standIn.homeViewOf(PEOPLE.staff.id)!;
  // The program's pairs, their health (at most four), feedback due, and the staff member's own pairs.
  expect(reads).toBeLessThanOrEqual(9);
  const s = JSON.stringify(view);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(s).toContain('Program at a glance');
  expect(s).toMatch(/\*2 live pairs\*: [^"]*(At risk|Needs attention): [12]/);
  expect(s).toMatch(/No feedback request is waiting|Feedback due: \*/);
  expect(s).toContain('Ending within 30 days');
  expect(s).toMatch(new RegExp(`<@${ALICE}> and <@${AMIRA}> — ends <!date\\^\\d+\\^\\{date_short_pretty\\}\\|[^>]+>`));
  const statusButtons = elements(view).filter((e) => e.action_id === StaffIds.statusButton);
  expect(statusButtons.map((e) => e.value)).toContain(String(quiet._id));
  expect(s).not.toContain('You are not in a mentoring pair yet');

  // Pair status from the Home opens the staff status modal.
  const status = await pressForModal({
    userId: PEOPLE.staff.id,
    actionId: StaffIds.statusButton,
    value: String(quiet._id),
    view,
  });
  expect(status.callback_id).toBe(StaffIds.statusModal);

  // Digest preview: a modal at once, then the digest in it.
  const preview = await pressForModal({ userId: PEOPLE.staff.id, actionId: HomeIds.digestPreviewButton, view });
  await h.standIn.waitFor(
    () => h.standIn.callsTo('views.update').some((c) => c.args.view_id === preview.id),
    20_000,
    'the digest',
  );
  const digest = JSON.stringify(h.standIn.views.get(preview.id));
  expect(digest).toMatch(/digest/i);
  expect(digest).not.toContain('Building the digest preview');

  // A participant pressing the digest button is refused.
  const refusal = await pressForModal({ userId: KARIM, actionId: HomeIds.digestPreviewButton, view });
  expect(JSON.stringify(refusal)).toContain('only program staff');
  void ending;

  // A staff member who mentors a pair sees their own mentorship first, then the program.
  await createActivePair(h, { mentor: PEOPLE.staff.id, mentee: PEOPLE.menteeTbilisi.id });
  const both = JSON.stringify(await openHome(PEOPLE.staff.id));
  expect(both).toContain(`You are the *mentor* with <@${PEOPLE.menteeTbilisi.id}>`);
  expect(both).toContain('Program at a glance');
  expect(both.indexOf('Your mentorships')).toBeLessThan(both.indexOf('Program at a glance'));
  expect(both).toContain('*3 live pairs*');
}, 120_000);

test('an outsider sees the "not paired yet" text; no staff-only note reaches any Home tab published', async () => {
  await twoPairs();
  const outsider = await openHome(PEOPLE.outsider.id);
  expect(JSON.stringify(outsider)).toContain('You are not in a mentoring pair yet');
  expect(JSON.stringify(outsider)).not.toContain('Program at a glance');
  for (const who of [ALICE, KARIM, AMIRA]) await openHome(who);
  for (const call of h.standIn.callsTo('views.publish'))
    expect(JSON.stringify(call.args)).not.toContain('NOTE-FOR-STAFF');
}, 120_000);

test('feedback due is shown on the Home with its button; a staff-only answer never reaches a Home tab', async () => {
  await createActivePair(h);
  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  await runJobsAt(h, '2027-01-01T14:00:00Z', ['feedback']);
  clock.set('2027-01-04T10:00:00Z');
  const before = await openHome(KARIM);
  expect(JSON.stringify(before)).toContain('*Feedback due* (one month in)');
  const give = elements(before).find((e) => e.action_id === FeedbackIds.giveButton);
  expect(give).toBeDefined();

  // Karim answers from his Home: the button opens the form; his concern and fit are for staff only.
  const modal = await pressForModal({
    userId: KARIM,
    actionId: FeedbackIds.giveButton,
    value: give.value,
    view: before,
  });
  expect(modal.callback_id).toBe(FeedbackIds.formModal);
  // The same button with a forged value (no response_url on a Home click): told in a small window.
  const refused = await pressForModal({
    userId: AMIRA,
    actionId: FeedbackIds.giveButton,
    value: give.value,
    view: before,
  });
  expect(refused.callback_id).not.toBe(FeedbackIds.formModal);
  expect(JSON.stringify(refused.blocks)).toMatch(/not (about )?one of your mentorships|no longer exists/);
  const answers = {
    fit: 'not_a_fit',
    satisfaction: '2',
    meeting: 'less',
    goals_clear: 'partly',
    partner_commitment: '3',
    concern: 'STAFFONLY-HOME the mentor <!here> never listens',
  };
  const visibility = {
    fit: 'staff_only',
    satisfaction: 'shared',
    meeting: 'shared',
    goals_clear: 'shared',
    partner_commitment: 'staff_only',
    concern: 'staff_only',
  };
  expect(await submitForm(h, KARIM, modal, formValues(answers, visibility, { urgent: false }))).toEqual({
    response_action: 'clear',
  });
  for (const who of [ALICE, KARIM, PEOPLE.staff.id]) await openHome(who);
  expect(JSON.stringify(h.standIn.homeViewOf(KARIM))).not.toContain('Feedback due');
  for (const call of h.standIn.callsTo('views.publish')) {
    const shown = JSON.stringify(call.args);
    expect(shown).not.toContain('STAFFONLY-HOME');
    expect(shown).not.toMatch(/not a good fit/i);
  }
}, 120_000);

test('a staff member with 2,000 pairs: the Home is within 100 blocks (Slack refuses more), the rest in one line, a constant few reads', async () => {
  await insertBulkPairs({
    teamId: h.standIn.teamId,
    count: 2000,
    due: 0,
    dueAt: new Date('2026-12-08T13:00:00Z'),
    standIn: h.standIn,
  });
  // Two check-ins posted to each, never answered, and four weeks of silence: every pair needs looking at.
  const ids = (await PairModel.find({}, { _id: 1, teamId: 1 }).lean<Pair[]>()).map((p) => p._id);
  const checkins = ids.flatMap((pairId) =>
    [1, 2].map((period) => {
      const dueAt = new Date(Date.parse('2026-12-08T13:00:00Z') + (period - 1) * 7 * 86_400_000);
      return {
        teamId: h.standIn.teamId,
        pairId,
        period,
        dueDay: dueAt.toISOString().slice(0, 10),
        dueAt,
        prompt: { channelId: 'C0BULK', ts: `${dueAt.getTime() / 1000}.000100`, postedAt: dueAt },
      };
    }),
  );
  for (let i = 0; i < checkins.length; i += 1000) await CheckinModel.insertMany(checkins.slice(i, i + 1000));
  clock.set('2027-01-06T10:00:00Z');
  const started = Date.now();
  const reads = await homeRoundTrips(() => openHome(PEOPLE.staff.id, 60_000));
  const tookMs = Date.now() - started;
  const view = h.standIn.homeViewOf(PEOPLE.staff.id)!;
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  const s = JSON.stringify(view);
  expect(s).toContain('*2000 live pairs*');
  expect(s).toMatch(/…and 19\d\d more pairs needing attention or at risk — `\/mentorship list`/);
  expect(elements(view).filter((e) => e.action_id === StaffIds.statusButton).length).toBeGreaterThanOrEqual(20);
  // Eight queries whatever the number of pairs (the team's pairs and the staff member's own, health's
  // four, feedback due); large results page through getMores (the check-ins of 2,000 pairs: about 16).
  // Plus the reader's language (src/pairs/language.ts): two reads by key for staff who are not in a pair.
  expect(reads.queries).toBeLessThanOrEqual(10);
  expect(tookMs).toBeLessThan(60_000);
}, 180_000);

test("each Home in its owner's language: a French mentee's stays French when his Arabic mentor's pause refreshes it; Change my hours opens the hours form, and saving it updates his hours and his Home", async () => {
  const pair = await createActivePair(h);
  await mentorship(h, 'language fr', KARIM);
  await mentorship(h, 'language ar', ALICE);
  const home = await openHome(KARIM);
  const s = JSON.stringify(home);
  expect(s).toContain('Vos mentorats');
  expect(s).toContain(`Vous êtes *mentoré(e)* par <@${ALICE}>`);
  // 10:00 UTC is 16:00 in Dhaka: his own clock, beside the button.
  expect(s).toContain(':clock3: Votre heure : *16:00* (Asia/Dhaka)');
  expect(s).not.toMatch(/Your mentorships|Their time/);
  const change = elements(home).find((e) => e.action_id === HomeIds.changeHoursButton);
  expect(change.text.text).toBe('Changer mes horaires');

  // Alice, who reads Arabic, pauses the pair: both Home tabs are published again, each in its owner's language.
  const paused = (who: string, words: RegExp) => words.test(JSON.stringify(h.standIn.homeViewOf(who)));
  await h.driver.command('/mentorship', 'pause 1w', { userId: ALICE, channelId: pair.channel!.id! });
  await h.standIn.waitFor(() => paused(KARIM, /En pause jusqu’au/), 8000, "Karim's Home, paused, in French");
  await h.standIn.waitFor(() => paused(ALICE, /متوقف مؤقتًا حتى/), 8000, "Alice's Home, paused, in Arabic");
  expect(JSON.stringify(h.standIn.homeViewOf(KARIM))).not.toMatch(/[\u0600-\u06FF]|Paused until/);

  // Change my hours: the `/mentorship hours` form, in French, about Karim.
  const karimHome = h.standIn.homeViewOf(KARIM)!;
  const modal = await pressForModal({
    userId: KARIM,
    actionId: HomeIds.changeHoursButton,
    value: change.value,
    view: karimHome,
  });
  expect(modal.callback_id).toBe(LocalIds.hoursModal);
  expect(modal.title.text).toBe('Vos horaires de travail');
  const hour = (v: number) => ({
    actionId: LocalIds.inputAction,
    type: 'static_select' as const,
    value: { text: `${v}`, value: String(v) },
  });
  const none = { actionId: LocalIds.inputAction, type: 'static_select' as const, value: null };
  const values = inputValues({
    [LocalIds.block.days]: {
      actionId: LocalIds.inputAction,
      type: 'checkboxes',
      value: [7, 1, 2, 3, 4].map((d) => ({ text: String(d), value: String(d) })),
    },
    [LocalIds.block.start]: hour(8),
    [LocalIds.block.end]: hour(16),
    [LocalIds.block.temporaryStart]: none,
    [LocalIds.block.temporaryEnd]: none,
    [LocalIds.block.temporaryUntil]: { actionId: LocalIds.inputAction, type: 'datepicker', value: null },
  });
  const saved = await h.driver.viewSubmission({
    userId: KARIM,
    view: { id: modal.id, callback_id: LocalIds.hoursModal, state: { values } },
  });
  expect(saved.json.response_action).toBe('clear');
  const stored = await ParticipantModel.findById(participantId(h.standIn.teamId, KARIM)).lean();
  expect(stored?.workingHours).toMatchObject({ startHour: 8, endHour: 16, setByPerson: true });
  await h.standIn.waitFor(
    () => JSON.stringify(h.standIn.homeViewOf(KARIM)).includes('vous travaillez de 08:00 à 16:00'),
    8000,
    "Karim's Home with his new hours",
  );
}, 120_000);
