import { inLanguage } from '../../i18n';
import { OutboxModel } from '../../jobs/outbox-model';
import { enqueue, type OutboxHandler } from '../../jobs/outbox';
import type { JobContext } from '../../jobs/job-context';
import { PairModel, type Pair } from '../../pairs/model';
import { PROGRAM_RULES } from '../../pairs/limits';
import { awayOfPairs, byRole, participantsOf } from '../../pairs/participants';
import { daysSinceExceptAway } from '../../pairs/away-days';
import { staffRecipientOf } from '../../pairs/language';
import { memberIds } from '../../pairs/membership';
import { participantId } from '../../pairs/participants-model';
import { DAY_MS } from '../../lib/durations';
import { postedCheckinsUpTo, repliedByOf, type Checkin } from '../checkins';
import { type AtRiskFacts, atRiskAlertMessage } from './at-risk-views';

/**
 * Flags a pair at risk and queues one alert to staff. The alert's key is the silence episode
 * (the pair's last activity), so the same episode never alerts twice, whatever the reason.
 */
export async function flagAtRisk(
  pair: Pair,
  reason: string,
  ctx: JobContext,
  ref: Record<string, unknown> = {},
): Promise<void> {
  const episode = (pair.lastActivityAt ?? pair.createdAt).toISOString();
  await enqueue({
    key: `atrisk:${pair._id}:${episode}`,
    teamId: pair.teamId,
    kind: 'at_risk_alert',
    pairId: pair._id,
    ref: { ...ref, reason },
    dueAt: ctx.now,
  });
  await PairModel.updateOne(
    { _id: pair._id, 'atRisk.since': { $exists: false } },
    { $set: { atRisk: { since: ctx.now, reason } } },
  );
  ctx.report.push(`flagged pair ${pair._id} at risk: ${reason}`);
}

/**
 * Pairs with no reply from either side for PROGRAM_RULES.silentDaysAtRisk days (indexed on
 * status + lastActivityAt). The count starts at the first check-in: set-up sets lastActivityAt to
 * its time, and each reply (or the end of a pause) moves it on. Days either side was away
 * (`/mentorship away`) are not counted.
 */
export async function flagSilentPairs(ctx: JobContext): Promise<number> {
  const cutoff = new Date(ctx.now.getTime() - PROGRAM_RULES.silentDaysAtRisk * DAY_MS);
  const pairs = await PairModel.find({
    status: 'active',
    lastActivityAt: { $lte: cutoff },
    'atRisk.since': { $exists: false },
  })
    .limit(500)
    .lean<Pair[]>();
  // Days either side was away do not count as silence (one read of their time away).
  const away = await awayOfPairs(pairs);
  const awaySpans = (pair: Pair) =>
    memberIds(pair).flatMap((u) => away.get(participantId(pair.teamId, u))?.spans ?? []);
  const silent = pairs.filter(
    (pair) =>
      daysSinceExceptAway(pair.lastActivityAt ?? pair.createdAt, ctx.now, awaySpans(pair)) >=
      PROGRAM_RULES.silentDaysAtRisk,
  );
  for (const pair of silent) {
    if (ctx.dryRun)
      ctx.report.push(`would flag pair ${pair._id} at risk: silent for ${PROGRAM_RULES.silentDaysAtRisk} days`);
    else await flagAtRisk(pair, 'silent_21_days', ctx);
  }
  return silent.length;
}

/** Check-ins read for the facts: more than a three-year weekly program has. */
const CHECKINS_READ = 200;

/** The pair's posted check-ins, newest first. */
export function postedCheckinsOf(pair: Pick<Pair, '_id'>, limit = CHECKINS_READ): Promise<Checkin[]> {
  return postedCheckinsUpTo({ pairId: pair._id, period: Number.MAX_SAFE_INTEGER }, limit);
}

/** How many of `checkins` (newest first) in a row `userId` left unanswered. */
function unansweredInARow(checkins: Checkin[], userId: string): number {
  let n = 0;
  for (const c of checkins) {
    if (repliedByOf(c).includes(userId)) break;
    n += 1;
  }
  return n;
}

export async function atRiskFacts(pair: Pair): Promise<AtRiskFacts> {
  const checkins = await postedCheckinsOf(pair);
  const everReplied = checkins.some((c) => repliedByOf(c).length > 0);
  const oldest = checkins.at(-1);
  const firstCheckinAt = oldest ? (oldest.prompt?.postedAt ?? oldest.dueAt) : undefined;
  const mentorMissed = unansweredInARow(checkins, pair.mentor.userId);
  const menteeMissed = unansweredInARow(checkins, pair.mentee.userId);
  const silent =
    mentorMissed > 0 && menteeMissed > 0
      ? { side: 'both' as const, checkins: Math.min(mentorMissed, menteeMissed) }
      : menteeMissed > 0
        ? { side: 'mentee' as const, checkins: menteeMissed }
        : mentorMissed > 0
          ? { side: 'mentor' as const, checkins: mentorMissed }
          : undefined;
  const lastReplyAt = everReplied ? (pair.lastActivityAt ?? undefined) : undefined;
  // The nudges sent to the silent side for the check-ins it left unanswered ('sending': the one
  // whose sending flagged the pair, posted in the same run).
  const silentUsers =
    silent?.side === 'both' ? [pair.mentor.userId, pair.mentee.userId] : silent ? [pair[silent.side].userId] : [];
  const silentPeriods = checkins.slice(0, Math.max(mentorMissed, menteeMissed)).map((c) => c.period);
  const nudgesSent = silent
    ? await OutboxModel.countDocuments({
        pairId: pair._id,
        kind: 'silence_nudge',
        status: { $in: ['sent', 'sending'] },
        'ref.userId': { $in: silentUsers },
        'ref.period': { $in: silentPeriods },
      })
    : 0;
  return { everReplied, firstCheckinAt, lastReplyAt, silent, nudgesSent };
}

/**
 * `at_risk_alert`: one message to staff (the staff channel, else the pair's creator) with the
 * facts (never replied, since when, which side is silent, nudges sent) and three buttons that
 * work for staff outside the pair's channel: Pair status, Message both, Mark as handled.
 */
export const atRiskAlertHandler: OutboxHandler = {
  async render(entry, ctx) {
    const pair = await PairModel.findById(entry.pairId).lean<Pair>();
    // i18n-exempt: outbox skip reasons are logged for operators, never shown
    if (!pair) return { op: 'skip', reason: 'pair deleted' };
    if (!pair.atRisk?.since && entry.createdAt && pair.lastActivityAt && pair.lastActivityAt > entry.createdAt) {
      // i18n-exempt: outbox skip reason, logged
      return { op: 'skip', reason: 'the pair replied since' };
    }
    const { mentor, mentee } = byRole(pair, await participantsOf(pair));
    const facts = await atRiskFacts(pair);
    const { to, language } = await staffRecipientOf(pair, ctx.config, ctx.client);
    const message = inLanguage(language, () =>
      atRiskAlertMessage({
        alertKey: entry.key,
        pair,
        mentorName: mentor?.name || pair.mentor.userId,
        menteeName: mentee?.name || pair.mentee.userId,
        facts,
        now: ctx.now,
      }),
    );
    return { op: 'post', to, ...message };
  },
};
