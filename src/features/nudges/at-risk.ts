import { enqueue } from '../../jobs/outbox';
import type { JobContext } from '../../jobs/job-context';
import { PairModel, type Pair } from '../../pairs/model';
import { PROGRAM_RULES } from '../../pairs/limits';
import { DAY_MS } from '../../lib/durations';

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

/** Pairs with no reply from either side for PROGRAM_RULES.silentDaysAtRisk days (indexed on status + lastActivityAt). */
export async function flagSilentPairs(ctx: JobContext): Promise<number> {
  const cutoff = new Date(ctx.now.getTime() - PROGRAM_RULES.silentDaysAtRisk * DAY_MS);
  const pairs = await PairModel.find({
    status: 'active',
    lastActivityAt: { $lte: cutoff },
    'atRisk.since': { $exists: false },
  })
    .limit(500)
    .lean<Pair[]>();
  for (const pair of pairs) {
    if (ctx.dryRun)
      ctx.report.push(`would flag pair ${pair._id} at risk: silent for ${PROGRAM_RULES.silentDaysAtRisk} days`);
    else await flagAtRisk(pair, 'silent_21_days', ctx);
  }
  return pairs.length;
}
