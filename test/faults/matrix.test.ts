import { CommitmentModel } from '../../src/features/commitments/model';
import { OUTBOX_KINDS, OutboxModel, TEAM_WIDE_KINDS, type OutboxKind } from '../../src/jobs/outbox-model';
import type { JobName } from '../../src/jobs/run-jobs';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import type { Failure } from '../support/slack-stand-in';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { answerCheckin, channelOf, openModal } from '../staff/drive';
import { dmsTo, formValues, pressGiveFeedback, submitForm } from '../feedback/drive';
import { inputValues } from '../support/slack-driver';
import { insertProgram, NOW as DIGEST_NOW } from '../digest/program';
import { StaffIds } from '../../src/features/staff/ids';
import { MeetIds } from '../../src/features/meet';
import type { Pair } from '../../src/pairs/model';

/**
 * The fault matrix: for each kind of scheduled Slack message, reached through the app's own flows,
 * the call that sends it fails once in each way Slack can fail (a 429 with Retry-After, an HTTP
 * 500, a Slack error that may pass, one that never will, a timeout after Slack posted). The job
 * then runs until the entry settles: every message of the kind is delivered exactly once (or,
 * for a permanent error, not at all, marked failed and staff told), and the app still answers.
 */

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
withHarness('fault_matrix', (made) => (h = made), { clock, beforeEachTest: () => clock.set('2026-12-01T12:00:00Z') });

/** The job client's timeout in these tests (20 s in production), and a hang well past it. */
const CLIENT_TIMEOUT_MS = 400;
const HANG_MS = 1200;
const MINUTE = 60_000;

interface KindCase {
  kind: OutboxKind;
  /** The outbox keys of this kind. */
  key: RegExp;
  /** A message to a person (a DM) rather than to a channel. */
  dm: boolean;
  jobs: JobName[];
  /**
   * Brings the app, through its own flows, to where a run of `jobs` at the returned time sends
   * entries of the kind (or, with `act`, to just before the flow that sends them at once).
   */
  arrive(): Promise<Date>;
  /** For kinds the app sends at once (then the jobs retry): the flow that sends, run with the fault set. */
  act?(): Promise<void>;
}

const firstCheckinAt = new Date('2026-12-08T13:00:00Z'); // Tuesday 08:00 in New York, 19:00 in Dhaka

/** Pairs made in this test: the inline flows act on the last one. */
let pair: Pair;
/** The pair's first check-in posted (the jobs' own run, before any fault). */
async function firstCheckinPosted(at = firstCheckinAt): Promise<void> {
  pair = await createActivePair(h);
  await runJobsAt(h, at, ['checkins']);
}
/** Types `/mentorship <text>` in a channel and waits for the answer through response_url. */
async function mentorship(text: string, userId: string, channelId: string): Promise<{ text: string }> {
  const before = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', text, { userId, channelId });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responses.length > before, 8000, `an answer to "/mentorship ${text}"`);
  return h.standIn.responses[h.standIn.responses.length - 1].body;
}
/** The mentee asked for one-month feedback; they open the form on Monday 4 January. */
let feedbackModal: { id: string; private_metadata?: string };
async function feedbackAsked(): Promise<Date> {
  pair = await createActivePair(h);
  await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
  clock.set('2027-01-04T10:00:00Z');
  feedbackModal = (await pressGiveFeedback(h, PEOPLE.mentee.id, dmsTo(h, PEOPLE.mentee.id)[0])).modal;
  return clock.now();
}
/** The mentee's answers, some shared with their mentor in the channel. */
async function answerFeedback(opts: { urgent: boolean }): Promise<void> {
  const answers = {
    fit: 'good',
    satisfaction: '4',
    meeting: 'yes',
    goals_clear: 'yes',
    partner_commitment: '5',
    concern: 'My mentor cancels calls',
  };
  const visibility = {
    fit: 'staff_only',
    satisfaction: 'shared',
    meeting: 'shared',
    goals_clear: 'shared',
    partner_commitment: 'staff_only',
    concern: 'staff_only',
  };
  const res = await submitForm(h, PEOPLE.mentee.id, feedbackModal, formValues(answers, visibility, opts));
  expect(res).toEqual({ response_action: 'clear' });
}
async function programWritten(): Promise<Date> {
  clock.set(DIGEST_NOW);
  await insertProgram(h.standIn.teamId);
  return DIGEST_NOW;
}
/** `/mentorship meet` in the pair's channel, and both people pick its first time: agreed, reminders queued. */
async function meetingAgreed(): Promise<void> {
  const channel = pair.channel!.id!;
  await mentorship('meet', PEOPLE.mentor.id, channel);
  const proposal = h.standIn.messages.filter((m) => m.channel === channel && !m.ephemeral).at(-1)!;
  const value = proposal.blocks!.find((b) => b.block_id === MeetIds.slotBlock(1)).accessory.value;
  for (const userId of [PEOPLE.mentor.id, PEOPLE.mentee.id]) {
    const answers = h.standIn.responses.length;
    const res = await h.driver.blockAction({ userId, actionId: MeetIds.pickButton, channelId: channel, value });
    expect(res.status).toBe(200);
    // The mentor is told their pick is noted; the mentee's agrees the meeting.
    if (userId === PEOPLE.mentor.id)
      await h.standIn.waitFor(() => h.standIn.responses.length > answers, 8000, 'the pick to be noted');
  }
  await eventually(async () => (await OutboxModel.countDocuments({ kind: 'meeting_reminder' })) === 2, 'the reminders');
}
let endModal: { id: string; private_metadata?: string };
const dueAtOf = async (kind: OutboxKind) => (await OutboxModel.findOne({ kind }).sort({ dueAt: 1 }).lean())!.dueAt;

const KINDS: KindCase[] = [
  {
    kind: 'checkin_prompt',
    key: /^checkin:/,
    dm: false,
    jobs: ['checkins'],
    async arrive() {
      await createActivePair(h);
      return firstCheckinAt;
    },
  },
  {
    // The prompt posted at 21:00 in Dhaka does not @-mention the mentee: a DM at their next working morning.
    kind: 'checkin_dm',
    key: /^checkin-\w+-dm:/,
    dm: true,
    jobs: ['checkins'],
    async arrive() {
      await firstCheckinPosted(new Date('2026-12-08T15:00:00Z'));
      return dueAtOf('checkin_dm');
    },
  },
  {
    // A pair made at 22:00 in New York: the welcome names the mentor, who gets a DM at 08:00.
    kind: 'welcome_dm',
    key: /^welcome-dm:/,
    dm: true,
    jobs: ['checkins'],
    async arrive() {
      clock.set('2026-12-01T03:00:00Z');
      await createActivePair(h);
      return dueAtOf('welcome_dm');
    },
  },
  {
    kind: 'reply_summary',
    key: /^summary:/,
    dm: false,
    jobs: ['checkins'],
    async arrive() {
      await firstCheckinPosted();
      clock.set('2026-12-09T10:00:00Z');
      return clock.now();
    },
    async act() {
      await answerCheckin(h, pair, 1, PEOPLE.mentee.id, { staffNote: 'All well' });
    },
  },
  {
    kind: 'pause_notice',
    key: /^(pause|resume):/,
    dm: false,
    jobs: ['checkins'],
    async arrive() {
      await firstCheckinPosted();
      clock.set('2026-12-09T10:00:00Z');
      return clock.now();
    },
    async act() {
      const answer = await mentorship('pause 2w Audit season', PEOPLE.mentee.id, pair.channel!.id!);
      expect(answer.text).toMatch(/Paused until/);
    },
  },
  {
    kind: 'silence_nudge',
    key: /^nudge:/,
    dm: true,
    jobs: ['nudges'],
    async arrive() {
      await createActivePair(h);
      await runJobsAt(h, firstCheckinAt, ['checkins']);
      return new Date('2026-12-10T13:00:00Z'); // Thursday: both people's nudges are due
    },
  },
  {
    kind: 'pair_ended_notice',
    key: /^ended:/,
    dm: false,
    jobs: ['checkins'],
    async arrive() {
      await firstCheckinPosted();
      clock.set('2026-12-09T10:00:00Z');
      endModal = await openModal(h, `end ${channelOf(pair)}`, PEOPLE.staff.id);
      return clock.now();
    },
    async act() {
      const res = await h.driver.viewSubmission({
        userId: PEOPLE.staff.id,
        view: {
          id: endModal.id,
          callback_id: StaffIds.endModal,
          private_metadata: endModal.private_metadata,
          state: {
            values: inputValues({
              [StaffIds.block.endReason]: { actionId: StaffIds.inputAction, type: 'static_select', value: 'completed' },
              [StaffIds.block.endArchive]: { actionId: StaffIds.inputAction, type: 'checkboxes', value: [] },
            }),
          },
        },
      });
      expect(res.status).toBe(200);
    },
  },
  {
    // The one-month request, 09:00 in Dhaka on 1 January.
    kind: 'feedback_request',
    key: /^fbreq:/,
    dm: true,
    jobs: ['feedback'],
    async arrive() {
      await createActivePair(h);
      return new Date('2027-01-01T03:00:00Z');
    },
  },
  {
    // Unanswered: the one reminder three working days later.
    kind: 'feedback_reminder',
    key: /^fbrem:/,
    dm: true,
    jobs: ['feedback'],
    async arrive() {
      await createActivePair(h);
      await runJobsAt(h, '2027-01-01T03:00:00Z', ['feedback']);
      return new Date('2027-01-06T03:00:00Z');
    },
  },
  {
    kind: 'feedback_shared',
    key: /^fbshared:/,
    dm: false,
    jobs: ['feedback'],
    arrive: feedbackAsked,
    act: () => answerFeedback({ urgent: false }),
  },
  {
    // An urgent concern: staff told at once, in the staff channel.
    kind: 'feedback_alert',
    key: /^fbalert:/,
    dm: false,
    jobs: ['feedback'],
    arrive: feedbackAsked,
    act: () => answerFeedback({ urgent: true }),
  },
  {
    // Nobody answers check-ins #1 to #4: 21 silent days after the first, staff are alerted.
    kind: 'at_risk_alert',
    key: /^atrisk:/,
    dm: false,
    jobs: ['nudges'],
    async arrive() {
      await createActivePair(h);
      for (const day of ['08', '15', '22', '29']) await runJobsAt(h, `2026-12-${day}T13:00:00Z`, ['checkins']);
      return new Date('2026-12-29T14:00:00Z');
    },
  },
  {
    // The weekly digest of a program written to the database as the digest tests write it.
    kind: 'weekly_digest',
    key: /^digest:[^:]+:[^:]+$/,
    dm: false,
    jobs: ['digest'],
    arrive: programWritten,
  },
  {
    kind: 'digest_part',
    key: /^digest:.+:part:\d+$/,
    dm: false,
    jobs: ['digest'],
    arrive: programWritten,
  },
  {
    // The pair channel archived by hand: the check-in prompt fails for good, and staff are told.
    kind: 'delivery_failed_alert',
    key: /^deliveryfailed:/,
    dm: false,
    jobs: ['checkins'],
    async arrive() {
      const made = await createActivePair(h);
      h.standIn.channels.get(made.channel!.id!)!.archived = true;
      return firstCheckinAt;
    },
  },
  {
    // Both agreed on the first time `/mentorship meet` offered (14:00 UTC): each person's DM at 13:00.
    kind: 'meeting_reminder',
    key: /^meeting:/,
    dm: true,
    jobs: ['reminders'],
    async arrive() {
      pair = await createActivePair(h);
      await meetingAgreed();
      return dueAtOf('meeting_reminder');
    },
  },
  {
    // A next step agreed in the mentee's answer to check-in #1, due Monday 14 December.
    kind: 'commitment_reminder',
    key: /^reminder:/,
    dm: true,
    jobs: ['reminders'],
    async arrive() {
      await firstCheckinPosted();
      clock.set('2026-12-09T10:00:00Z');
      await answerCheckin(h, pair, 1, PEOPLE.mentee.id, {
        staffNote: 'All well',
        step: { what: 'Send the fee table', who: PEOPLE.mentee.id, by: '2026-12-14' },
      });
      return (await CommitmentModel.findOne({ pairId: pair._id }).lean())!.remindAt!;
    },
  },
];

interface FaultCase {
  name: string;
  failure: (c: KindCase) => Failure;
  /** Slack refused for good: the entry ends failed, staff are told, nothing is posted. */
  permanent: boolean;
}

const FAULTS: FaultCase[] = [
  { name: '429 with Retry-After', failure: () => ({ ratelimited: 1 }), permanent: false },
  { name: 'HTTP 500', failure: () => ({ status: 500 }), permanent: false },
  {
    name: 'a Slack error that may pass (internal_error)',
    failure: () => ({ error: 'internal_error' }),
    permanent: false,
  },
  {
    name: 'a Slack error that never will',
    // A DM channel that is gone for good; a pair channel archived.
    failure: (c) => ({ error: c.dm ? 'channel_not_found' : 'is_archived' }),
    permanent: true,
  },
  { name: 'a timeout after Slack posted', failure: () => ({ hang: HANG_MS }), permanent: false },
  // A client that repeats the call itself posts twice here: the outbox must look for its key first.
  { name: 'an HTTP 500 after Slack posted', failure: () => ({ status: 500, afterCall: true }), permanent: false },
];

const keyOf = (args: Record<string, any>): string | undefined => {
  const metadata = typeof args.metadata === 'string' ? JSON.parse(args.metadata) : args.metadata;
  return metadata?.event_payload?.key;
};
const postedWithKey = (key: string) => h.standIn.messages.filter((m) => m.metadata?.event_payload?.key === key);
const deliveryAlerts = () =>
  h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /could not deliver/.test(m.text ?? ''));

const settledInline = (kind: OutboxKind) =>
  eventually(
    async () => Boolean(await OutboxModel.exists({ kind })) && !(await OutboxModel.exists({ kind, status: 'sending' })),
    `the ${kind} the app sends at once to be sent or failed`,
  );

const ROWS = KINDS.flatMap((c) => FAULTS.map((f) => [c.kind, f.name, c, f] as const));

test('every kind of scheduled message is in the matrix, or named as not reached yet', () => {
  const covered = new Set(KINDS.map((c) => c.kind));
  expect(OUTBOX_KINDS.filter((k) => !covered.has(k))).toEqual(NOT_REACHED_YET);
});

describe.each(ROWS)('%s, %s', (_kind, _fault, c, f) => {
  test('delivered exactly once (or failed for good with staff told), and the app still serves', async () => {
    const at = await c.arrive();
    let faulted: string | undefined;
    h.standIn.failNext('chat.postMessage', f.failure(c), 1, (args) => {
      const key = keyOf(args);
      if (!key || !c.key.test(key)) return false;
      faulted = key;
      return true;
    });
    if (c.act) {
      await c.act();
      // What the app sends at once is queued, and sent (or has failed), before the jobs run.
      await settledInline(c.kind);
    }
    const opts = { clientTimeoutMs: CLIENT_TIMEOUT_MS, sleep: async () => undefined };
    // The run the fault hits, then runs every few minutes until nothing of the kind is left to send.
    for (let i = 0; i < 8; i++) {
      await runJobsAt(h, new Date(at.getTime() + i * 5 * MINUTE), c.jobs, opts);
      if (i > 0 && !(await OutboxModel.exists({ kind: c.kind, status: { $in: ['pending', 'sending'] } }))) break;
    }
    expect(faulted).toBeDefined(); // the fault hit a send of this kind
    if ('hang' in f.failure(c)) await new Promise((resolve) => setTimeout(resolve, HANG_MS)); // the hung answer is done
    await settledInline(c.kind);

    const entries = await OutboxModel.find({ kind: c.kind }).lean();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const posted = postedWithKey(entry.key);
      if (f.permanent && entry.key === faulted) {
        expect(posted).toHaveLength(0);
        expect(entry).toMatchObject({
          status: 'failed',
          lastError: `slack:${(f.failure(c) as { error: string }).error}`,
        });
      } else {
        expect({ key: entry.key, status: entry.status, posted: posted.length }).toEqual({
          key: entry.key,
          status: 'sent',
          posted: 1,
        });
        expect(entry.sent?.ts).toBe(posted[0].ts);
      }
    }
    // Staff hear of a permanent failure, once (the alert may still be on its way from a send the app
    // made at once); of nothing else. A team-wide message goes to the staff channel itself: no alert.
    const alerted =
      c.kind === 'delivery_failed_alert'
        ? !f.permanent // the alert is the row's message; its own failure alerts no one
        : f.permanent && !TEAM_WIDE_KINDS.has(c.kind);
    if (alerted) await eventually(async () => deliveryAlerts().length > 0, 'the staff alert');
    await eventually(async () => !(await OutboxModel.exists({ status: 'sending' })), 'every send to finish');
    expect(deliveryAlerts()).toHaveLength(alerted ? 1 : 0);

    const res = await h.driver.command('/mentorship', 'help', { userId: PEOPLE.mentor.id });
    expect(res.status).toBe(200);
    expect(res.json.text).toMatch(/\/mentorship pair/);
  }, 60_000);
});

/** Kinds this matrix does not reach yet: each needs its own rows. */
const NOT_REACHED_YET: OutboxKind[] = [];
