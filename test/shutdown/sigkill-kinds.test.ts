/**
 * sigkill.test.ts for the other paths a scheduled message takes: a process killed with SIGKILL
 * between the database write and the Slack call (or after Slack did it but before the process
 * recorded it), then the next run of the same job delivers each message exactly once.
 *
 * - commitment_reminder (`reminders` job): a DM, so conversations.open comes before the post; a
 *   handler sent one entry at a time (no `load`).
 * - at_risk_alert (`nudges` job): a post to the staff channel.
 * - weekly_digest, digest_part and the chart (`digest` job): a team-wide entry with no pair, its
 *   thread queued once the top message is posted, and a file shared by upload (no message metadata:
 *   found again by its name in the thread).
 *
 * The killed process is the job runner (`node dist/scripts/job.js <job> --now T`): the app's
 * in-process cron runs these jobs only at its quarter-hour ticks, and runs the same code. The next
 * run is at T + 11 minutes, when the dead run's job lease (LEASE_MS) and claims (STALE_CLAIM_MS,
 * and the digest's upload claims) have expired.
 */
import { Types } from 'mongoose';
import { CommitmentModel } from '../../src/features/commitments/model';
import { DigestModel } from '../../src/features/digest/model';
import { STALE_CLAIM_MS } from '../../src/jobs/outbox';
import { OutboxModel, type OutboxKind } from '../../src/jobs/outbox-model';
import { LEASE_MS } from '../../src/jobs/run-jobs';
import { PairModel } from '../../src/pairs/model';
import type { JobName } from '../../src/jobs/run-jobs';
import { insertProgram, NOW as DIGEST_DAY } from '../digest/program';
import { insertBulkPairs } from '../support/bulk-pairs';
import type { SlackStandIn } from '../support/slack-stand-in';
import { until, useSpawnedHarness } from '../support/spawned';

jest.setTimeout(60_000);

const h = useSpawnedHarness();

const STAFF_CHANNEL = 'G0STAFFKILL';
const MINUTE = 60_000;
/** The second run: the dead run's job lease and claims have both expired. */
const AFTER_MS = Math.max(LEASE_MS, STALE_CLAIM_MS) + MINUTE;

function addStaffChannel(standIn: SlackStandIn): void {
  standIn.addChannel({ id: STAFF_CHANNEL, name: 'program-staff', is_private: true, members: [standIn.botUserId] });
}

/** `count` active pairs whose mentors (New York) each have a commitment to be reminded of at `at`. */
async function dueReminders(standIn: SlackStandIn, count: number, at: Date): Promise<void> {
  await insertBulkPairs({ teamId: standIn.teamId, count, due: 0, dueAt: at, standIn });
  const pairs = await PairModel.find({}).lean();
  for (const [i, pair] of pairs.entries()) {
    standIn.addUser({ id: pair.mentor.userId, name: `mentor${i}`, tz: 'America/New_York' });
    await CommitmentModel.create({
      teamId: standIn.teamId,
      pairId: pair._id,
      checkinId: new Types.ObjectId(),
      checkinPeriod: 1,
      sourceKey: `kill-test:${i}`,
      ownerId: pair.mentor.userId,
      what: `Send the draft budget (${i})`,
      dueDay: '2026-12-10',
      remindAt: at,
      createdBy: pair.mentee.userId,
    });
  }
}

interface KindCase {
  /** The kinds the job sends here. */
  kinds: OutboxKind[];
  job: JobName;
  /** The killed run's `--now`. */
  at: Date;
  /** The stand-in's world and the database, written through the models. */
  seed(standIn: SlackStandIn): Promise<void>;
  /** The outbox keys (message metadata) each to be posted exactly once. */
  key: RegExp;
  /** How many messages of these kinds in all. */
  messages: number;
  /** Where they are posted: each mentor's DM with the bot, or the staff channel. */
  where: 'dm' | 'staff';
}

const reminders: KindCase = {
  kinds: ['commitment_reminder'],
  job: 'reminders',
  at: new Date('2026-12-09T15:00:00Z'), // Wednesday, 10:00 in New York
  seed: (standIn) => dueReminders(standIn, 3, new Date('2026-12-09T14:00:00Z')),
  key: /^reminder:/,
  messages: 3,
  where: 'dm',
};

const atRisk: KindCase = {
  kinds: ['at_risk_alert'],
  job: 'nudges',
  at: new Date('2027-01-20T15:00:00Z'),
  seed: async (standIn) => {
    addStaffChannel(standIn);
    // Silent since 1 December: at risk by 20 January.
    await insertBulkPairs({
      teamId: standIn.teamId,
      count: 3,
      due: 0,
      dueAt: new Date('2026-12-01T15:00:00Z'),
      standIn,
    });
  },
  key: /^atrisk:/,
  messages: 3,
  where: 'staff',
};

/** The top message and its thread (the program's digest has at least one part). */
const digest: KindCase = {
  kinds: ['weekly_digest', 'digest_part'],
  job: 'digest',
  at: DIGEST_DAY,
  seed: async (standIn) => {
    addStaffChannel(standIn);
    await insertProgram(standIn.teamId);
  },
  key: /^digest:/,
  messages: 0, // read from the outbox: one top message and as many parts as were queued
  where: 'staff',
};

const keyOf = (m: SlackStandIn['messages'][number]) => String(m.metadata?.event_payload?.key ?? '');

/** How many times each outbox key of the case's kinds reached Slack (by message metadata). */
function postsByKey(standIn: SlackStandIn, key: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of standIn.messages.map(keyOf)) if (key.test(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

const charts = (standIn: SlackStandIn) =>
  [...standIn.files.values()].filter((f) => f.filename.endsWith('.png') && f.completed);

/** The next run, then: exit 0, each message posted once, nothing of the kinds left unsent. */
async function restartAndCheck(c: KindCase, uri: string): Promise<void> {
  const env = { STAFF_CHANNEL_ID: STAFF_CHANNEL };
  const next = h.startJob({ uri, args: [c.job, '--now', new Date(c.at.getTime() + AFTER_MS).toISOString()], env });
  const { code } = await next.exited;
  expect({ code, output: code === 0 ? '' : next.output() }).toEqual({ code: 0, output: '' });
  const entries = await OutboxModel.find({ kind: { $in: c.kinds } }, { status: 1 }).lean();
  if (c.messages) expect(entries.length).toBe(c.messages);
  else expect(entries.length).toBeGreaterThan(1); // the digest's top message and its thread
  expect(entries.filter((e) => e.status !== 'sent')).toEqual([]);
  const posted = postsByKey(h.standIn, c.key);
  expect([...posted.keys()].sort()).toEqual(entries.map((e) => String(e._id)).sort());
  expect([...posted.values()].filter((n) => n !== 1)).toEqual([]);
  const channels = new Set(h.standIn.messages.filter((m) => c.key.test(keyOf(m))).map((m) => m.channel));
  if (c.where === 'staff') expect([...channels]).toEqual([STAFF_CHANNEL]);
  else {
    const owners = (await CommitmentModel.find({}, { ownerId: 1 }).lean()).map((o) => o.ownerId);
    expect([...channels].sort()).toEqual(owners.map((u) => h.standIn.dmChannelOf(u)).sort());
  }
}

/** Starts the killed run against `slackApiUrl`, waits for `inFlight`, and kills it with SIGKILL. */
async function killMidRun(c: KindCase, uri: string, slackApiUrl: string, inFlight: () => boolean, what: string) {
  const env = { STAFF_CHANNEL_ID: STAFF_CHANNEL };
  const job = h.startJob({ uri, args: [c.job, '--now', c.at.toISOString()], slackApiUrl, env });
  await until(() => inFlight() || job.child.exitCode !== null, 20_000, what);
  if (job.child.exitCode !== null) throw new Error(`the run ended before ${what}:\n${job.output()}`);
  job.child.kill('SIGKILL');
  expect((await job.exited).signal).toBe('SIGKILL');
}

describe.each([
  ['commitment_reminder (reminders job, a DM)', reminders],
  ['at_risk_alert (nudges job, the staff channel)', atRisk],
  ['weekly_digest (digest job, team-wide)', digest],
])('%s', (_name, c) => {
  test('killed while the first message is on its way to Slack (claimed, never posted): the next run posts each once', async () => {
    const uri = await h.seed(0);
    await c.seed(h.standIn);
    const slack = await h.hangingSlack('chat.postMessage');
    try {
      await killMidRun(c, uri, slack.url, () => slack.hung() >= 1, 'a chat.postMessage in flight');
    } finally {
      await slack.close();
    }
    expect(postsByKey(h.standIn, c.key).size).toBe(0);
    expect(await OutboxModel.countDocuments({ kind: { $in: c.kinds }, status: 'sending' })).toBeGreaterThan(0);
    await restartAndCheck(c, uri);
  });

  test('killed after Slack posted the first message but before the run recorded it: the next run does not post it again', async () => {
    const uri = await h.seed(0);
    await c.seed(h.standIn);
    h.standIn.failNext('chat.postMessage', { hang: 30_000 });
    await killMidRun(c, uri, h.standIn.url, () => postsByKey(h.standIn, c.key).size >= 1, 'the first message posted');
    expect(postsByKey(h.standIn, c.key).size).toBe(1);
    expect(await OutboxModel.countDocuments({ kind: { $in: c.kinds }, status: 'sending' })).toBeGreaterThan(0);
    await restartAndCheck(c, uri);
  });
});

describe('the weekly digest', () => {
  test('killed after Slack posted a thread message but before the run recorded it: the thread has each part once, in order', async () => {
    const uri = await h.seed(0);
    await digest.seed(h.standIn);
    h.standIn.failNext('chat.postMessage', { hang: 30_000 }, 1, (args) =>
      /:part:1$/.test(String(args.metadata?.event_payload?.key)),
    );
    await killMidRun(digest, uri, h.standIn.url, () => h.standIn.messages.some((m) => m.thread_ts), 'the first part');
    await restartAndCheck(digest, uri);
    const top = h.standIn.messages.find((m) => m.channel === STAFF_CHANNEL && !m.thread_ts)!;
    const parts = h.standIn.messages.filter((m) => m.thread_ts === top.ts && !m.files);
    expect(parts.map((m) => m.metadata?.event_payload?.key)).toEqual(
      parts.map((_, i) => `digest:${h.standIn.teamId}:2027-03-15:part:${i + 1}`),
    );
  });

  test.each([
    ['killed while the chart is being shared (Slack never got it): the next run shares it once', 'never'],
    [
      'killed after Slack shared the chart but before the run recorded it: the next run does not share it again',
      'late',
    ],
  ] as const)('%s', async (_name, answer) => {
    const uri = await h.seed(0);
    await digest.seed(h.standIn);
    const method = 'files.completeUploadExternal';
    if (answer === 'never') {
      const slack = await h.hangingSlack(method);
      try {
        await killMidRun(digest, uri, slack.url, () => slack.hung() >= 1, `a ${method} in flight`);
      } finally {
        await slack.close();
      }
      expect(charts(h.standIn)).toHaveLength(0);
    } else {
      h.standIn.failNext(method, { hang: 30_000 });
      await killMidRun(digest, uri, h.standIn.url, () => charts(h.standIn).length >= 1, 'the chart shared');
    }
    const week = await DigestModel.findOne({}).lean();
    expect(week?.uploads?.chart).toMatchObject({ attempts: 1 });
    expect(week?.uploads?.chart?.fileId).toBeUndefined();
    await restartAndCheck(digest, uri);
    expect(charts(h.standIn)).toHaveLength(1);
    expect((await DigestModel.findOne({}).lean())?.uploads?.chart?.fileId).toBe(charts(h.standIn)[0].id);
  });
});
