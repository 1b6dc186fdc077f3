import type { KnownBlock } from '@slack/types';
import type { Config } from '../../config';
import { inLanguage } from '../../i18n';
import type { JobContext } from '../../jobs/job-context';
import { enqueue, type OutboxHandler, type Rendered, runOutbox } from '../../jobs/outbox';
import { type OutboxEntry, OutboxModel } from '../../jobs/outbox-model';
import { MINUTE_MS } from '../../lib/durations';
import { PairModel } from '../../pairs/model';
import { digestCsv } from './csv';
import { buildDigest } from './facts';
import { digestKey, partKey } from './keys';
import { type Digest, DigestModel, digestId } from './model';
import { type DigestSchedule, isPostable, latestDigestSlot } from './schedule';
import { digestThread } from './thread';
import { shareDigestFiles } from './uploads';
import { digestTopMessage, hasTable } from './views';

/**
 * The weekly digest through the outbox: one `weekly_digest` entry per team and week
 * ("digest:<teamId>:<YYYY-MM-DD>"), so two instances, a restart or a retry never post it twice.
 * Rendering it builds the digest, stores that week's snapshot and its thread on the `digests`
 * document, and posts the top message; once posted, each thread message is an entry of its own
 * ("…:part:<n>", posted in order under the top message), and the files follow (uploads.ts).
 * Every step is resumed by the next run if a crash cut it short. It is written in the staff
 * channel's language (STAFF_LANGUAGE): the top message and its thread when the digest is built,
 * the files when they are shared.
 */

export function digestSchedule(config: Pick<Config, 'digest' | 'programTimeZone'>): DigestSchedule {
  return { ...config.digest, timeZone: config.programTimeZone };
}

/** A thread message waits this long for the one before it to be posted. */
const PART_WAIT_MS = MINUTE_MS;

/** Queues this week's digest for every team with pairs, once its time has come (and not too late). */
export async function enqueueDueDigests(ctx: JobContext): Promise<string | undefined> {
  if (!ctx.config.staff.channelId) {
    ctx.report.push('digest: no staff channel (STAFF_CHANNEL_ID), so no weekly digest is posted');
    return undefined;
  }
  const slot = latestDigestSlot(ctx.now, digestSchedule(ctx.config));
  if (!isPostable(slot, ctx.now)) return slot.day;
  const teams: string[] = await PairModel.distinct('teamId', { status: { $ne: 'ended' } });
  for (const teamId of teams) {
    const key = digestKey(teamId, slot.day);
    if (ctx.dryRun) {
      ctx.report.push(`would queue the weekly digest ${key}`);
      continue;
    }
    if (await enqueue({ key, teamId, kind: 'weekly_digest', ref: { week: slot.day }, dueAt: slot.at }))
      ctx.report.push(`queued the weekly digest ${key}`);
  }
  return slot.day;
}

/** `weekly_digest`: builds the digest at send time, keeps its snapshot and thread, posts the top message. */
export const weeklyDigestHandler: OutboxHandler = {
  render: (entry, ctx) => inLanguage(ctx.config.staffLanguage, () => renderWeeklyDigest(entry, ctx)),
  async onSent(entry, sent, ctx) {
    await queueDigestThread(entry.teamId, String(entry.ref.week), sent, ctx);
  },
};

async function renderWeeklyDigest(entry: OutboxEntry, ctx: JobContext): Promise<Rendered> {
  const channel = ctx.config.staff.channelId;
  if (!channel) return { op: 'skip', reason: 'no staff channel configured' }; // i18n-exempt: skip reason, for operators
  const week = String(entry.ref.week);
  const id = digestId(entry.teamId, week);
  const facts = await buildDigest(entry.teamId, ctx.now, { timeZone: ctx.config.programTimeZone, weekKey: week });
  const stored = await DigestModel.findById(id, { partsQueuedAt: 1 }).lean<Pick<Digest, 'partsQueuedAt'>>();
  // Once the thread is queued it stays as it was (a resumed send re-renders the top message only).
  if (!stored?.partsQueuedAt) {
    const thread = await digestThread(facts, entry.teamId, ctx.now);
    await DigestModel.updateOne(
      { _id: id },
      {
        $set: {
          teamId: entry.teamId,
          week,
          builtAt: ctx.now,
          states: facts.states,
          parts: thread,
          partCount: thread.length,
          chartWeeks: facts.chart,
          ...(hasTable(facts) ? { csv: digestCsv(facts) } : {}),
        },
        ...(hasTable(facts) ? {} : { $unset: { csv: '' } }),
      },
      { upsert: true },
    );
  }
  return { op: 'post', to: channel, ...digestTopMessage(facts) };
}

/** Queues the thread's messages under the posted top message (safe to repeat: each has its key). */
export async function queueDigestThread(
  teamId: string,
  week: string,
  top: { channelId: string; ts: string },
  ctx: JobContext,
): Promise<void> {
  const id = digestId(teamId, week);
  const digest = await DigestModel.findById(id, { parts: 1, partsQueuedAt: 1 }).lean<Digest>();
  if (!digest || digest.partsQueuedAt) return;
  const parts = (digest.parts ?? []) as Array<{ text: string; blocks: KnownBlock[] }>;
  const topKey = digestKey(teamId, week);
  for (const [i, part] of parts.entries()) {
    await enqueue({
      key: partKey(topKey, i + 1),
      teamId,
      kind: 'digest_part',
      ref: { week, n: i + 1, channelId: top.channelId, threadTs: top.ts, text: part.text, blocks: part.blocks },
      // In order (the outbox sends the earliest due first), and all due now.
      dueAt: new Date(ctx.now.getTime() - parts.length + i),
    });
  }
  // The parts now live in their outbox entries: the document keeps the snapshot, the CSV and the chart's input.
  await DigestModel.updateOne({ _id: id }, { $set: { partsQueuedAt: ctx.now }, $unset: { parts: '' } });
}

/** `digest_part`: one thread message, after the one before it. */
export const digestPartHandler: OutboxHandler = {
  async render(entry, ctx) {
    const n = Number(entry.ref.n);
    if (n > 1) {
      const before = await OutboxModel.findById(partKey(digestKey(entry.teamId, String(entry.ref.week)), n - 1), {
        status: 1,
      }).lean<{ status: string }>();
      if (before && (before.status === 'pending' || before.status === 'sending'))
        return {
          op: 'defer',
          until: new Date(ctx.now.getTime() + PART_WAIT_MS),
          reason: `part ${n - 1} is not posted yet`, // i18n-exempt: defer reason, for operators
        };
    }
    return {
      op: 'post',
      to: String(entry.ref.channelId),
      threadTs: String(entry.ref.threadTs),
      text: String(entry.ref.text),
      blocks: entry.ref.blocks as KnownBlock[],
    };
  },
};

/**
 * A top message posted but its thread never queued (a crash between the post and onSent):
 * queue it now. Reads only this week's digest documents.
 */
async function resumeDigestThreads(week: string, ctx: JobContext): Promise<void> {
  const pending = await DigestModel.find({ week, partsQueuedAt: { $exists: false } }, { teamId: 1 }).lean<Digest[]>();
  for (const d of pending) {
    const top = await OutboxModel.findById(digestKey(d.teamId, week), { status: 1, sent: 1 }).lean<{
      status: string;
      sent?: { channelId?: string; ts?: string };
    }>();
    if (top?.status === 'sent' && top.sent?.channelId && top.sent.ts)
      await queueDigestThread(d.teamId, week, { channelId: top.sent.channelId, ts: top.sent.ts }, ctx);
  }
}

/** The `digest` job: queue this week's digest when due, post it and its thread, then share its files. */
export async function runDigestJob(ctx: JobContext): Promise<void> {
  const week = await enqueueDueDigests(ctx);
  if (week && !ctx.dryRun) await resumeDigestThreads(week, ctx);
  await runOutbox({ weekly_digest: weeklyDigestHandler, digest_part: digestPartHandler }, ctx);
  if (week && !ctx.dryRun) await shareDigestFiles(week, ctx);
}
