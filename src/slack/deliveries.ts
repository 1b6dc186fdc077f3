import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { Schema, model } from 'mongoose';
import { isDatabaseUnavailable } from '../db/connection';
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
export const DeliveryModel = model('Delivery', deliverySchema);

/**
 * Global middleware: an Events API delivery whose event_id was seen before is dropped (Bolt has
 * already acknowledged it). If the database is down we let it through: a rare double is better
 * than a lost event.
 */
export function skipRedeliveredEvents(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger, context }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string };
    if (b.type !== 'event_callback' || !b.event_id) return next();
    try {
      await DeliveryModel.create({ key: `${b.team_id ?? ''}:${b.event_id}`, receivedAt: new Date() });
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
