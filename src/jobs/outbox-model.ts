import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const OUTBOX_KINDS = [
  'checkin_prompt',
  'silence_nudge',
  'at_risk_alert',
  'commitment_reminder',
  'reply_summary',
  'pause_notice',
  /** A short DM about an open check-in to someone its prompt could not @-mention (night or weekend for them). */
  'checkin_dm',
  /** A short DM about a new pair channel to someone the welcome could not @-mention. */
  'welcome_dm',
  /** Staff told that a message could not be delivered for good (see outbox.ts). */
  'delivery_failed_alert',
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Every message the bot sends on its own: identified by a unique key (e.g.
 * "checkin:<pair>:<period>"), written before the Slack call, sent at most once, retried until sent.
 */
export const outboxSchema = new Schema(
  {
    /** The key itself: every write after the first is by primary key. */
    _id: { type: String },
    key: { type: String, required: true },
    teamId: { type: String, required: true },
    kind: { type: String, enum: OUTBOX_KINDS, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    /** What the renderer needs: a check-in, a commitment, a user… */
    ref: { type: Schema.Types.Mixed, default: {} },
    dueAt: { type: Date, required: true },
    /** `failed`: Slack answered an error that can never succeed (a deactivated recipient…); not tried again. */
    status: { type: String, enum: ['pending', 'sending', 'sent', 'skipped', 'failed'], default: 'pending' },
    /** When it may be tried (again): dueAt at first, later after a failure or Retry-After. */
    nextAttemptAt: { type: Date, required: true },
    /** Claims so far (each attempt to send, rate-limited ones included) and failures among them. */
    attempts: { type: Number, default: 0 },
    failures: { type: Number, default: 0 },
    claimedAt: { type: Date },
    /** The first attempt on the wall clock (Slack's ts are wall-clock): how far back a resumed send looks. */
    firstAttemptAt: { type: Date },
    claimedBy: { type: String },
    lastError: { type: String },
    skipReason: { type: String },
    sent: { channelId: String, ts: String, at: Date },
  },
  { timestamps: true },
);
outboxSchema.index({ status: 1, nextAttemptAt: 1 });

export type OutboxEntry = InferSchemaType<typeof outboxSchema> & { _id: string; pairId: Types.ObjectId };
export const OutboxModel = model('Outbox', outboxSchema);
