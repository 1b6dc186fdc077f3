import { inLanguage } from '../../i18n';
import { createJobContext } from '../../jobs/job-context';
import { enqueue, type OutboxHandler, runOutbox } from '../../jobs/outbox';
import { OutboxModel } from '../../jobs/outbox-model';
import { PairModel, type Pair } from '../../pairs/model';
import { byRole, participantsOf } from '../../pairs/participants';
import type { AppDeps } from '../../slack/deps';
import { describeError, slackErrorCode } from '../../slack/errors';
import { type EndReason, endText as t } from './end-messages';
import { firstToChange } from './once';

export type EndDeps = Pick<AppDeps, 'config' | 'client' | 'outboxClient' | 'clock' | 'logger'>;

/** How long the immediate send of the thank-you may take (real time); the checkins job sends what is left. */
const NOTICE_BUDGET_MS = 20_000;

export interface EndRequest {
  by: string;
  reason: EndReason;
  note: string;
  archiveChannel: boolean;
}

export type EndOutcome = { status: 'ended'; pair: Pair } | { status: 'already_ended'; pair: Pair | null };

/** The outbox key of the thank-you; one per pair, ever. */
const noticeKey = (pairId: unknown) => `ended:${String(pairId)}`;

/**
 * Ends a pair for good. The state is written first: status `ended` (a claim on the pair's
 * version lets one of two submissions do it), its liveKey freed (`ended:<pairId>`, so the same
 * two people can be paired again), the schedule cleared, and every message of the pair still
 * waiting in the outbox skipped. Every renderer skips a pair that is not active, and the
 * due-work queries read active pairs only, so nothing more is sent. Then the thank-you goes to
 * the channel through the outbox (sent at once, retried by the checkins job), and once it is
 * posted the channel is archived if staff chose so. History (check-ins, replies, commitments) stays.
 */
export async function endPair(pair: Pair, req: EndRequest, deps: EndDeps): Promise<EndOutcome> {
  const now = deps.clock.now();
  if (pair.status === 'ended' || !(await firstToChange(pair, 'end', req.by, now)))
    return { status: 'already_ended', pair: await PairModel.findById(pair._id).lean<Pair>() };
  const res = await PairModel.updateOne(
    { _id: pair._id, status: { $ne: 'ended' } },
    {
      $set: {
        status: 'ended',
        liveKey: `ended:${pair._id}`,
        ended: { at: now, by: req.by, reason: req.reason, note: req.note, archiveChannel: req.archiveChannel },
      },
      $unset: {
        'schedule.nextCheckinAt': '',
        'schedule.nextCheckinId': '',
        'schedule.nextMentorDmAt': '',
        atRisk: '',
      },
    },
  );
  if (res.modifiedCount === 0)
    return { status: 'already_ended', pair: await PairModel.findById(pair._id).lean<Pair>() };
  await OutboxModel.updateMany(
    { pairId: pair._id, status: 'pending' },
    { $set: { status: 'skipped', skipReason: 'the pair ended' } }, // i18n-exempt: skip reason, for operators
  );
  if (pair.channel?.id)
    await enqueue({
      key: noticeKey(pair._id),
      teamId: pair.teamId,
      kind: 'pair_ended_notice',
      pairId: pair._id,
      dueAt: now,
    });
  deps.logger.info(`pair ${pair._id}: ended by ${req.by} (${req.reason})`);
  return { status: 'ended', pair };
}

/** After endPair: the thank-you sent now (and the channel archived after it); what happened, for staff. */
export async function finishEnd(
  pair: Pair,
  deps: EndDeps,
): Promise<{ told: boolean; archive: 'archived' | 'failed' | 'pending' | 'not_asked' }> {
  await sendNoticeNow(deps);
  const current = (await PairModel.findById(pair._id).lean<Pair>()) ?? pair;
  const notice = await OutboxModel.findById(noticeKey(pair._id)).lean();
  const e = current.ended;
  const archive = !e?.archiveChannel ? 'not_asked' : e.archivedAt ? 'archived' : e.archiveError ? 'failed' : 'pending';
  // Posted, even if the entry waits for another try at the archive (see pairEndedNoticeHandler).
  return { told: notice?.status === 'sent' || Boolean(notice?.sent?.ts), archive };
}

async function sendNoticeNow(deps: EndDeps): Promise<void> {
  const ctx = createJobContext(
    { config: deps.config, logger: deps.logger, client: deps.outboxClient },
    deps.clock.now(),
  );
  try {
    await runOutbox({ pair_ended_notice: pairEndedNoticeHandler }, ctx, NOTICE_BUDGET_MS);
  } catch (err) {
    deps.logger.warn(`end notice not sent yet (the checkins job retries): ${describeError(err)}`);
  }
}

/**
 * `pair_ended_notice`: the thank-you in the channel of a pair staff ended; once it is posted,
 * the channel is archived if staff chose so (an archived channel takes no more posts). A failed
 * archive is recorded on the pair and told to staff; it never re-sends the thank-you. The
 * thank-you is in the pair's language, whoever ended it.
 */
export const pairEndedNoticeHandler: OutboxHandler = {
  async render(entry) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    // i18n-exempt: skip reason, for operators
    if (!pair) return { op: 'skip', reason: 'pair deleted' };
    // i18n-exempt: skip reason, for operators
    if (pair.status !== 'ended') return { op: 'skip', reason: `pair is ${pair.status}` };
    // i18n-exempt: skip reason, for operators
    if (!pair.channel?.id) return { op: 'skip', reason: 'pair has no channel' };
    const channel = pair.channel.id;
    const { mentor, mentee } = byRole(pair, await participantsOf(pair));
    const text = inLanguage(
      pair.language,
      () => t.thanks(mentor?.name || pair.mentor.userId, mentee?.name || pair.mentee.userId).text,
    );
    return { op: 'post', to: channel, text };
  },
  async onSent(entry, sent, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    if (!pair?.ended?.archiveChannel || pair.ended.archivedAt) return;
    try {
      await ctx.client.conversations.archive({ channel: sent.channelId });
      await PairModel.updateOne({ _id: pair._id }, { $set: { 'ended.archivedAt': ctx.now } });
    } catch (err) {
      const code = slackErrorCode(err);
      if (code === 'already_archived') {
        await PairModel.updateOne({ _id: pair._id }, { $set: { 'ended.archivedAt': ctx.now } });
        return;
      }
      // A failure that may pass: the outbox tries the entry again, finds the thank-you already
      // posted (by its key), and archives then; the thank-you is never posted twice. After
      // ARCHIVE_TRIES, staff are told (archiveError) rather than the retries going on for ever.
      if (mayPass(err, code) && (entry.failures ?? 0) < ARCHIVE_TRIES - 1) throw err;
      await PairModel.updateOne({ _id: pair._id }, { $set: { 'ended.archiveError': describeError(err) } });
      ctx.logger.warn(`pair ${pair._id}: channel not archived: ${describeError(err)}`);
    }
  },
};

/** How many times the archive is tried (the first with the thank-you, then by the outbox's retries). */
const ARCHIVE_TRIES = 5;
/** Slack's errors that say "try again later". */
const PASSING_ERRORS = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);
/** The Web API client's own errors for a 429, an HTTP error, and a request that failed or timed out. */
const PASSING_CLIENT_ERRORS = new Set([
  'slack_webapi_rate_limited_error',
  'slack_webapi_http_error',
  'slack_webapi_request_error',
]);
const mayPass = (err: unknown, code: string | undefined) =>
  code === undefined ? PASSING_CLIENT_ERRORS.has(String((err as { code?: unknown }).code)) : PASSING_ERRORS.has(code);
