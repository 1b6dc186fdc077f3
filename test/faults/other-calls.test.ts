import { OutboxModel, type OutboxKind } from '../../src/jobs/outbox-model';
import type { JobName } from '../../src/jobs/run-jobs';
import { DigestModel, type Digest } from '../../src/features/digest/model';
import { nudgeKey } from '../../src/features/nudges/silence-nudges';
import { StaffIds } from '../../src/features/staff/ids';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import type { Failure } from '../support/slack-stand-in';
import { withHarness } from '../support/with-harness';
import { answerCheckin, channelOf, openModal } from '../staff/drive';
import { insertProgram, NOW as DIGEST_NOW } from '../digest/program';

/**
 * The fault matrix (matrix.test.ts) fails the chat.postMessage of every scheduled message. Here
 * the other Web API calls a delivery makes fail once in each way Slack fails (a 429 with
 * Retry-After, an HTTP 500, a timeout after Slack did the call): the DM opened before a DM is
 * posted, the digest's file upload (its three steps), the chat.update that replaces a nudge once
 * it is answered, the archive after the notice of an ended pair, and the views.publish that
 * refreshes a Home tab after a change. After the jobs run until
 * settled: each message is there exactly once (no second post, no second file), nothing is left
 * "sending", and the app still answers.
 */

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
/** The Slack clients' timeout in these tests (the app's 10 s and the jobs' 20 s in production), and a hang well past it. */
const CLIENT_TIMEOUT_MS = 400;
const HANG_MS = 1200;
const MINUTE = 60_000;
withHarness('fault_other_calls', (made) => (h = made), {
  clock,
  beforeEachTest: () => clock.set('2026-12-01T12:00:00Z'),
  slackTimeoutMs: CLIENT_TIMEOUT_MS,
});

const FAULTS: Array<{ name: string; failure: Failure }> = [
  { name: '429 with Retry-After', failure: { ratelimited: 1 } },
  { name: 'HTTP 500', failure: { status: 500 } },
  { name: 'a timeout after Slack did the call', failure: { hang: HANG_MS } },
];

const firstCheckinAt = new Date('2026-12-08T13:00:00Z'); // Tuesday 08:00 in New York, 19:00 in Dhaka
const postedWithKey = (key: string) => h.standIn.messages.filter((m) => m.metadata?.event_payload?.key === key);

/** Runs `jobs` from `at`, every five minutes, until `settled` holds (at most eight runs); then lets a hung answer end. */
async function runUntil(at: Date, jobs: JobName[], settled: () => Promise<boolean>): Promise<void> {
  const opts = { clientTimeoutMs: CLIENT_TIMEOUT_MS, sleep: async () => undefined };
  for (let i = 0; i < 8; i++) {
    clock.set(new Date(at.getTime() + i * 5 * MINUTE));
    await runJobsAt(h, clock.now(), jobs, opts);
    if (i > 0 && (await settled())) break;
  }
  await hungAnswersDone();
}

/** Waits until an answer the stand-in holds back (a `hang`) has been given, if one was asked for. */
let hanging = false;
const hungAnswersDone = async () => {
  if (hanging) await new Promise((resolve) => setTimeout(resolve, HANG_MS));
  hanging = false;
};
/** Fails the next call of `method` (that `match` accepts) with `failure`, noting a hang to wait for. */
function failNext(method: string, failure: Failure, match?: (args: Record<string, any>) => boolean): void {
  hanging ||= 'hang' in failure;
  h.standIn.failNext(method, failure, 1, match);
}

/** Every entry of `kind` sent, each posted exactly once, with the ts Slack gave; nothing left sending. */
async function deliveredOnce(kind: OutboxKind): Promise<void> {
  const entries = await OutboxModel.find({ kind }).lean();
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    const posted = postedWithKey(entry.key);
    expect({ key: entry.key, status: entry.status, posted: posted.length }).toEqual({
      key: entry.key,
      status: 'sent',
      posted: 1,
    });
    expect(entry.sent?.ts).toBe(posted[0].ts);
  }
}

async function stillServes(): Promise<void> {
  await eventually(async () => !(await OutboxModel.exists({ status: 'sending' })), 'every send to finish');
  const res = await h.driver.command('/mentorship', 'help', { userId: PEOPLE.mentor.id });
  expect(res.status).toBe(200);
  expect(res.json.text).toMatch(/\/mentorship pair/);
}

describe.each(FAULTS)('conversations.open before a DM, $name', ({ failure }) => {
  test('the DM is posted exactly once, and the app still serves', async () => {
    // The prompt posted at 21:00 in Dhaka does not @-mention the mentee: a DM at their next working morning.
    await createActivePair(h);
    await runJobsAt(h, '2026-12-08T15:00:00Z', ['checkins']);
    const due = (await OutboxModel.findOne({ kind: 'checkin_dm' }).lean())!.dueAt;
    let faulted = false;
    failNext('conversations.open', failure, (args) => {
      faulted ||= args.users === PEOPLE.mentee.id;
      return args.users === PEOPLE.mentee.id;
    });
    await runUntil(
      due,
      ['checkins'],
      async () => !(await OutboxModel.exists({ kind: 'checkin_dm', status: { $ne: 'sent' } })),
    );
    expect(faulted).toBe(true);
    await deliveredOnce('checkin_dm');
    await stillServes();
  }, 30_000);
});

const UPLOAD_STEPS = ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'] as const;
const UPLOAD_ROWS = UPLOAD_STEPS.flatMap((step) => FAULTS.map((f) => [step, f.name, f.failure] as const));

describe.each(UPLOAD_ROWS)("the digest's file upload: %s, %s", (step, _name, failure) => {
  test('each file is shared once in the thread, the digest posted once, and the app still serves', async () => {
    clock.set(DIGEST_NOW);
    await insertProgram(h.standIn.teamId);
    let faulted = false;
    failNext(step, failure, () => (faulted = true));
    const uploaded = async () => {
      const doc = await DigestModel.findOne({}).lean<Digest>();
      return Boolean(doc?.uploads?.chart?.fileId && (!doc.csv || doc.uploads?.csv?.fileId));
    };
    await runUntil(DIGEST_NOW, ['digest'], uploaded);
    expect(faulted).toBe(true);

    await deliveredOnce('weekly_digest');
    await deliveredOnce('digest_part');
    expect(await uploaded()).toBe(true);
    const doc = (await DigestModel.findOne({}).lean<Digest>())!;
    const top = (await OutboxModel.findOne({ kind: 'weekly_digest' }).lean())!.sent!;
    // Shared: once per file name, in the digest's thread; the files of failed attempts never shared.
    const shared = [...h.standIn.files.values()].filter((f) => f.completed);
    const names = shared.map((f) => f.filename).sort();
    expect(names).toEqual([...new Set(names)]);
    expect(names).toHaveLength(doc.csv ? 2 : 1);
    for (const f of shared) expect(f).toMatchObject({ channel: STAFF_CHANNEL, threadTs: top.ts });
    const fileMessages = h.standIn.messages.filter((m) => m.files?.length);
    expect(fileMessages.map((m) => m.files![0].id).sort()).toEqual(shared.map((f) => f.id).sort());
    expect(doc.uploads?.chart?.fileId).toBe(shared.find((f) => f.filename.endsWith('.png'))!.id);
    await stillServes();
  }, 30_000);
});

describe.each(FAULTS)('chat.update replacing an answered nudge, $name', ({ failure }) => {
  test('the nudge is replaced by the thank-you, once, its buttons gone, and the app still serves', async () => {
    const pair = await createActivePair(h);
    await runJobsAt(h, firstCheckinAt, ['checkins']);
    await runJobsAt(h, '2026-12-10T13:00:00Z', ['nudges']); // Thursday: both people's nudges are due
    clock.set('2026-12-10T14:00:00Z');
    const checkin = (await OutboxModel.findOne({ kind: 'silence_nudge' }).lean())!.ref.checkinId;
    const entry = (await OutboxModel.findById(nudgeKey(checkin, PEOPLE.mentee.id)).lean())!;
    expect(entry.status).toBe('sent');
    const ts = entry.sent!.ts;
    failNext('chat.update', failure, (args) => args.ts === ts);

    await answerCheckin(h, pair, 1, PEOPLE.mentee.id, { staffNote: 'All well' });
    await eventually(
      async () => h.standIn.callsTo('chat.update').some((c) => c.args.ts === ts),
      'the nudge to be replaced',
    );
    await hungAnswersDone();

    expect(h.standIn.attemptsTo('chat.update').filter((c) => c.args.ts === ts).length).toBeGreaterThan(0);
    const nudges = postedWithKey(entry.key);
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toMatchObject({ updated: true });
    expect(JSON.stringify(nudges[0].blocks)).not.toContain('"actions"');
    expect(nudges[0].text).toMatch(/[Tt]hank/);
    // No second nudge: the job leaves an answered check-in alone.
    await runJobsAt(h, '2026-12-10T15:00:00Z', ['nudges'], { clientTimeoutMs: CLIENT_TIMEOUT_MS });
    expect(postedWithKey(entry.key)).toHaveLength(1);
    expect(await OutboxModel.countDocuments({ kind: 'silence_nudge', key: entry.key })).toBe(1);
    await stillServes();
  }, 30_000);
});

/** A pair whose first check-in is out, and the end form staff opened for it the next day. */
async function pairToEnd(): Promise<{ pair: Pair; modal: any }> {
  const pair: Pair = await createActivePair(h);
  await runJobsAt(h, firstCheckinAt, ['checkins']);
  clock.set('2026-12-09T10:00:00Z');
  return { pair, modal: await openModal(h, `end ${channelOf(pair)}`, PEOPLE.staff.id) };
}

/** Staff submit the end form for a pair opened in `modal`: completed, channel to be archived. */
const endWithArchive = (modal: { id: string; private_metadata: string }) =>
  h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: {
      id: modal.id,
      callback_id: StaffIds.endModal,
      private_metadata: modal.private_metadata,
      state: {
        values: inputValues({
          [StaffIds.block.endReason]: { actionId: StaffIds.inputAction, type: 'static_select', value: 'completed' },
          [StaffIds.block.endArchive]: { actionId: StaffIds.inputAction, type: 'checkboxes', value: ['archive'] },
        }),
      },
    },
  });

const ARCHIVE_ROWS = (['by the app at once', 'by the jobs'] as const).flatMap((who) =>
  FAULTS.map((f) => [who, f.name, f.failure] as const),
);

describe.each(ARCHIVE_ROWS)('conversations.archive after the ended-pair notice sent %s, %s', (who, _name, failure) => {
  test('the notice is posted once, the channel ends archived, and the app still serves', async () => {
    const { pair, modal } = await pairToEnd();
    // For the jobs to send it: the notice the app sends at once meets a Slack error its client does not retry.
    if (who === 'by the jobs')
      h.standIn.failNext('chat.postMessage', { error: 'internal_error' }, 1, (args) =>
        /^ended:/.test(String(args.metadata?.event_payload?.key ?? '')),
      );
    failNext('conversations.archive', failure);
    const toStaff = () => h.standIn.messages.filter((m) => m.channel === h.standIn.dmChannelOf(PEOPLE.staff.id));
    const toldBefore = toStaff().length;
    const res = await endWithArchive(modal);
    expect(res.status).toBe(200);
    // The app tells the staff member how the ending went once it has sent the notice (or tried).
    await eventually(async () => toStaff().length > toldBefore, 'the staff member to be told how it went');
    // As if the app had stopped before its own try: the jobs' first attempt posts, then archives.
    if (who === 'by the jobs')
      await OutboxModel.updateOne(
        { kind: 'pair_ended_notice' },
        { $set: { failures: 0, nextAttemptAt: clock.now() }, $unset: { lastError: '' } },
      );
    const archived = async () => Boolean((await PairModel.findById(pair._id).lean<Pair>())?.ended?.archivedAt);
    await runUntil(clock.now(), ['checkins'], archived);

    expect(h.standIn.attemptsTo('conversations.archive').length).toBeGreaterThan(0);
    await deliveredOnce('pair_ended_notice');
    expect(h.standIn.channels.get(pair.channel!.id!)!.archived).toBe(true);
    const ended = (await PairModel.findById(pair._id).lean<Pair>())!.ended!;
    expect(ended.archivedAt).toBeDefined();
    expect(ended.archiveError).toBeUndefined();
    await stillServes();
  }, 30_000);
});

test('an archive Slack keeps failing is tried five times in all, then recorded as not done; the notice stays posted once', async () => {
  const { pair, modal } = await pairToEnd();
  h.standIn.failNext('conversations.archive', { status: 500 }, 20);
  const res = await endWithArchive(modal);
  expect(res.status).toBe(200);
  const ended = async () => (await PairModel.findById(pair._id).lean<Pair>())!.ended!;
  await eventually(async () => h.standIn.attemptsTo('conversations.archive').length > 0, 'the first archive');
  // The outbox's back-off (1 min, 5, 15, 60): a run after each, and more runs after the last.
  const opts = { clientTimeoutMs: CLIENT_TIMEOUT_MS, sleep: async () => undefined };
  for (const minutes of [2, 10, 30, 100, 500, 900, 1400]) {
    await runJobsAt(h, new Date(clock.now().getTime() + minutes * MINUTE), ['checkins'], opts);
  }
  expect(h.standIn.attemptsTo('conversations.archive')).toHaveLength(5);
  expect((await ended()).archiveError).toMatch(/500/);
  expect((await ended()).archivedAt).toBeUndefined();
  await deliveredOnce('pair_ended_notice');
  expect(h.standIn.channels.get(pair.channel!.id!)!.archived).toBeFalsy();
  await stillServes();
}, 30_000);

test('the archive retried after the thank-you was posted and recorded does not look for it again: a history Slack refuses raises no false alarm', async () => {
  const { pair, modal } = await pairToEnd();
  h.standIn.failNext('conversations.archive', { status: 500 });
  // Were the retry to read the channel's history, Slack would refuse it for good.
  h.standIn.failNext('conversations.history', { error: 'not_in_channel' }, 5);
  expect((await endWithArchive(modal)).status).toBe(200);
  await eventually(async () => h.standIn.attemptsTo('conversations.archive').length > 0, 'the first archive');
  const archived = async () => Boolean((await PairModel.findById(pair._id).lean<Pair>())?.ended?.archivedAt);
  await runUntil(clock.now(), ['checkins'], archived);

  expect(await archived()).toBe(true);
  expect(h.standIn.attemptsTo('conversations.history')).toHaveLength(0);
  await deliveredOnce('pair_ended_notice');
  const alerts = h.standIn.messages.filter((m) => /could not deliver/.test(m.text ?? ''));
  expect(alerts).toHaveLength(0);
  await stillServes();
}, 30_000);

describe.each(FAULTS)('views.publish refreshing a Home tab after a pause, $name', ({ failure }) => {
  test('the Home tab ends showing the pause (refreshed, or when opened), and the app still serves', async () => {
    const pair = await createActivePair(h);
    await runJobsAt(h, firstCheckinAt, ['checkins']);
    clock.set('2026-12-09T10:00:00Z');
    let faulted = false;
    failNext('views.publish', failure, (args) => (faulted ||= args.user_id === PEOPLE.mentor.id));
    const answers = h.standIn.responses.length;
    const res = await h.driver.command('/mentorship', 'pause 2w Audit season', {
      userId: PEOPLE.mentee.id,
      channelId: pair.channel!.id!,
    });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.responses.length > answers, 8000, 'an answer to the pause');
    expect(h.standIn.responses.at(-1)!.body.text).toMatch(/Paused until/);
    await h.standIn.waitFor(() => faulted, 8000, "the mentor's Home tab to be published");
    await hungAnswersDone();

    // The mentor opens their Home: it shows the pause, whatever became of the refresh.
    const before = h.standIn.callsTo('views.publish').length;
    const opened = await h.driver.event({
      type: 'app_home_opened',
      user: PEOPLE.mentor.id,
      channel: `D${PEOPLE.mentor.id.slice(1)}`,
      tab: 'home',
    });
    expect(opened.status).toBe(200);
    await h.standIn.waitFor(
      () =>
        h.standIn
          .callsTo('views.publish')
          .slice(before)
          .some((c) => c.args.user_id === PEOPLE.mentor.id),
      8000,
      "the mentor's Home tab",
    );
    expect(JSON.stringify(h.standIn.homeViewOf(PEOPLE.mentor.id))).toMatch(/Paused until/);
    await stillServes();
  }, 30_000);
});
