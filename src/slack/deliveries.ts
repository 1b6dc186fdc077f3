import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { Schema, model } from 'mongoose';
import { isDatabaseUnavailable } from '../db/connection';
import type { Clock } from '../lib/time';
import { describeError } from './errors';

/**
 * Event deliveries already handled, so Slack's retries (X-Slack-Retry-Num) are not handled twice.
 * (No TTL index: FerretDB 1.x lacks them; old keys are small and can be pruned by receivedAt.)
 */
const deliverySchema = new Schema({
  key: { type: String, required: true },
  receivedAt: { type: Date, required: true },
});
deliverySchema.index({ key: 1 }, { unique: true });
deliverySchema.index({ receivedAt: 1 });
export const DeliveryModel = model('Delivery', deliverySchema);

/**
 * Global middleware: an Events API delivery whose event_id was seen before is dropped (Bolt has
 * already acknowledged it). If the database is down we let it through: a rare double is better
 * than a lost event.
 */
export function skipRedeliveredEvents(clock: Clock): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger, context }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string };
    if (b.type !== 'event_callback' || !b.event_id) return next();
    try {
      await DeliveryModel.create({ key: `${b.team_id ?? ''}:${b.event_id}`, receivedAt: clock.now() });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        logger.info(`skipping redelivered event ${b.event_id} (retry ${context.retryNum ?? 0})`);
        return;
      }
      if (!isDatabaseUnavailable(err)) throw err;
      logger.warn(`event de-duplication unavailable: ${describeError(err)}`);
    }
    await next();
  };
}

/** Slack retries a delivery for minutes, not days: keys older than a week are removed. */
export async function pruneDeliveries(olderThan: Date): Promise<number> {
  const res = await DeliveryModel.deleteMany({ receivedAt: { $lt: olderThan } });
  return res.deletedCount ?? 0;
}
