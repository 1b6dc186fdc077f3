import type { JobContext } from '../../jobs/job-context';
import { describeError } from '../../slack/errors';
import { PairModel, type Pair } from '../../pairs/model';
import { resumePair } from './service';

export { pauseNoticeHandler } from './notice';

const BATCH = 500;

/**
 * Ends the pauses whose time is up (an indexed query on status + pause.until) and schedules
 * their "welcome back" check-in; each pair also gets a short notice in its channel.
 */
export async function resumeDuePauses(ctx: JobContext): Promise<number> {
  const pairs = await PairModel.find({ status: 'paused', 'pause.until': { $lte: ctx.now } })
    .sort({ 'pause.until': 1 })
    .limit(BATCH)
    .lean<Pair[]>();
  let resumed = 0;
  for (const pair of pairs) {
    if (ctx.dryRun) {
      ctx.report.push(`would resume pair ${pair._id} (paused until ${pair.pause?.until?.toISOString()})`);
      continue;
    }
    try {
      if (await resumePair(pair, ctx)) resumed += 1;
    } catch (err) {
      ctx.logger.warn(`resume pair ${pair._id} failed (next run retries): ${describeError(err)}`);
      ctx.report.push(`failed to resume pair ${pair._id}: ${describeError(err)}`);
    }
  }
  return resumed;
}
