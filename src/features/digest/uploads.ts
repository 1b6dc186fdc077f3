import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { claimOnce } from '../../db/claims';
import { currentLanguage, inLanguage } from '../../i18n';
import type { JobContext } from '../../jobs/job-context';
import { OutboxModel } from '../../jobs/outbox-model';
import { MINUTE_MS } from '../../lib/durations';
import { describeError } from '../../slack/errors';
import { shareFile } from '../../slack/files';
import type { Mrkdwn } from '../../slack/mrkdwn';
import { repliesChartPng } from './chart';
import { chartFilename, csvFilename } from './csv';
import { digestKey, partKey } from './keys';
import { type Digest, DigestModel } from './model';
import { digestText as t } from './messages';

/**
 * The digest's files, shared in its thread after the thread's messages: the chart (replies per
 * week by side, 12 weeks) and, past 50 pairs, the full table as CSV.
 *
 * Each upload is recorded on the digest document before (startedAt, under a claim per attempt, so
 * two instances never upload the same file at once) and after (fileId). A later attempt, after an
 * error or a crash mid-upload (a start older than STALE_UPLOAD_MS with no fileId), first looks in
 * the thread for a file of that name, so a file Slack did share is not shared again.
 *
 * What remains possible: a second copy of a file, if Slack shared it but the attempt that did so
 * never learnt it (a crash or a lost answer) and the thread's history does not show it to the next
 * attempt (more than 10 pages of replies, or Slack's history lagging the share). Slack offers no
 * idempotency key for uploads (files.completeUploadExternal has none), so this cannot be ruled out.
 *
 * The files' titles, comment and chart are in the staff channel's language (STAFF_LANGUAGE), like
 * the digest, whose CSV was written in it when the digest was built.
 */

const STALE_UPLOAD_MS = 5 * MINUTE_MS;
/** After this many failed attempts a file is given up (logged); the digest itself stays posted. */
const MAX_UPLOAD_ATTEMPTS = 5;
const MAX_HISTORY_PAGES = 10;

type FileName = 'chart' | 'csv';
type DigestDoc = Pick<
  Digest,
  '_id' | 'teamId' | 'week' | 'csv' | 'chartWeeks' | 'uploads' | 'partsQueuedAt' | 'partCount'
>;

/** An outbox entry's status and where it was posted, read by primary key. */
const sentEntry = (key: string) =>
  OutboxModel.findById(key, { status: 1, sent: 1 }).lean<{
    status: string;
    sent?: { channelId?: string; ts?: string };
  }>();

/** A file of this name already in the thread (shared by an earlier attempt), or undefined. */
async function fileInThread(
  client: WebClient,
  channel: string,
  threadTs: string,
  filename: string,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    const res = await client.conversations.replies({ channel, ts: threadTs, limit: 100, cursor });
    for (const m of (res.messages ?? []) as Array<{ files?: Array<{ id?: string; name?: string }> }>) {
      const found = m.files?.find((f) => f.name === filename);
      if (found?.id) return found.id;
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return undefined;
  }
  return undefined;
}

interface Thread {
  channelId: string;
  ts: string;
}

async function uploadOnce(
  doc: DigestDoc,
  name: FileName,
  thread: Thread,
  file: { filename: string; title: string; comment?: Mrkdwn; content: () => Promise<Buffer | string> },
  ctx: JobContext,
): Promise<void> {
  const state = doc.uploads?.[name];
  if (state?.fileId) return;
  if (state?.startedAt && ctx.now.getTime() - state.startedAt.getTime() < STALE_UPLOAD_MS) return;
  const attempt = (state?.attempts ?? 0) + 1;
  if (attempt > MAX_UPLOAD_ATTEMPTS) return;
  if (!(await claimOnce(`digestfile:${doc._id}:${name}#${attempt}`, ctx.instanceId, ctx.now))) return;
  const at = `uploads.${name}`;
  const record = (set: Record<string, unknown>, unset: Record<string, ''> = {}) =>
    DigestModel.updateOne(
      { _id: doc._id },
      {
        $set: Object.fromEntries(Object.entries(set).map(([k, v]) => [`${at}.${k}`, v])),
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
      },
    );
  try {
    const already =
      attempt > 1 ? await fileInThread(ctx.client, thread.channelId, thread.ts, file.filename) : undefined;
    if (already) {
      await record({ fileId: already, doneAt: ctx.now, attempts: attempt });
      ctx.report.push(`digest ${doc._id}: the ${name} was already in the thread`);
      return;
    }
    await record({ startedAt: ctx.now, attempts: attempt });
    const fileId = await shareFile(ctx.client, {
      channelId: thread.channelId,
      threadTs: thread.ts,
      filename: file.filename,
      title: file.title,
      content: await file.content(),
      ...(file.comment ? { comment: file.comment } : {}),
    });
    await record({ fileId, doneAt: ctx.now });
    ctx.report.push(`digest ${doc._id}: shared the ${name} (${fileId})`);
  } catch (err) {
    await record({ lastError: describeError(err) }, { [`${at}.startedAt`]: '' });
    const last = attempt >= MAX_UPLOAD_ATTEMPTS ? ' (giving up)' : ' (will retry)'; // i18n-exempt: log and job report
    ctx.logger.warn(`digest ${doc._id}: sharing the ${name} failed: ${describeError(err)}${last}`);
    ctx.report.push(`digest ${doc._id}: sharing the ${name} failed: ${describeError(err)}${last}`);
  }
}

/** "Monday, 7 December 2026" in the reader's language: a file title cannot hold a date token. */
function longDay(day: string): string {
  const lang = currentLanguage();
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  return d.isValid ? d.setLocale(lang === 'en' ? 'en-GB' : lang).toLocaleString(DateTime.DATE_HUGE) : day;
}

/** Shares this week's files in each digest's thread, once its messages are all posted. */
export function shareDigestFiles(week: string, ctx: JobContext): Promise<void> {
  return inLanguage(ctx.config.staffLanguage, () => shareFiles(week, ctx));
}

async function shareFiles(week: string, ctx: JobContext): Promise<void> {
  const docs = await DigestModel.find(
    { week, partsQueuedAt: { $exists: true } },
    { teamId: 1, week: 1, csv: 1, chartWeeks: 1, uploads: 1, partsQueuedAt: 1, partCount: 1 },
  ).lean<DigestDoc[]>();
  for (const doc of docs) {
    if (doc.uploads?.chart?.fileId && (!doc.csv || doc.uploads?.csv?.fileId)) continue;
    const topKey = digestKey(doc.teamId, doc.week);
    const top = await sentEntry(topKey);
    if (!top?.sent?.channelId || !top.sent.ts) continue;
    // Parts go out in order (each waits for the one before), so the last one settled means all are.
    const last = doc.partCount ? await sentEntry(partKey(topKey, doc.partCount)) : undefined;
    if (last && (last.status === 'pending' || last.status === 'sending')) continue;
    const thread = { channelId: top.sent.channelId, ts: top.sent.ts };
    const weekOf = longDay(doc.week);
    await uploadOnce(
      doc,
      'chart',
      thread,
      {
        filename: chartFilename(doc.week),
        title: t.chartTitle(),
        content: () =>
          repliesChartPng((doc.chartWeeks ?? []) as Array<{ weekStart: string; mentor: number; mentee: number }>),
      },
      ctx,
    );
    if (doc.csv) {
      const csv = doc.csv;
      await uploadOnce(
        doc,
        'csv',
        thread,
        {
          filename: csvFilename(doc.week),
          title: t.csvTitle(weekOf),
          comment: t.csvComment(),
          content: async () => csv,
        },
        ctx,
      );
    }
  }
}
