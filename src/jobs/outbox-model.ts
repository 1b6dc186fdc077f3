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
  /** The thank-you in the channel of a pair staff ended (`/mentorship end`); the channel is archived after it if chosen. */
  'pair_ended_notice',
  /** The weekly digest's top-level message in the staff channel (team-wide: no pair). */
  'weekly_digest',
  /** One message of the weekly digest's thread (team-wide: no pair). */
  'digest_part',
  /** A DM asking one person of a pair for feedback at a fixed point (one month, midpoint, end). */
  'feedback_request',
  /** The one reminder of an unanswered feedback request, three working days after it. */
  'feedback_reminder',
  /** A person's feedback answers they chose to share, posted in the pair's channel. */
  'feedback_shared',
  /** Staff told at once of a feedback answer that needs them (not a good fit, satisfaction 1, an urgent concern). */
  'feedback_alert',
  /** A DM to one person of a pair an hour before the meeting they agreed (`/mentorship meet`). */
  'meeting_reminder',
] as const;

export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** Kinds about the whole team rather than one pair: their entries carry no `pairId`. */
export const TEAM_WIDE_KINDS: ReadonlySet<OutboxKind> = new Set(['weekly_digest', 'digest_part']);

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
    /** The pair the message is about; absent only for team-wide kinds (TEAM_WIDE_KINDS). */
    pairId: {
      type: Schema.Types.ObjectId,
      required(this: { kind?: string }) {
        return !TEAM_WIDE_KINDS.has(this.kind as OutboxKind);
      },
    },
    /** What the renderer needs: a check-in, a commitment, a user… */
    ref: { type: Schema.Types.Mixed, default: {} },
    dueAt: { type: Date, required: true },
    /**
     * `failed`: Slack answered an error that can never succeed (a deactivated recipient…); not tried again.
     * `folded`: a reminder not sent, its person being at the weekly message cap; its line rides on
     * their next message instead (src/jobs/message-cap.ts).
     */
    status: { type: String, enum: ['pending', 'sending', 'sent', 'skipped', 'failed', 'folded'], default: 'pending' },
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

/** `pairId` is typed as present for the per-pair kinds' handlers; team-wide kinds (the digest) have none. */
export type OutboxEntry = InferSchemaType<typeof outboxSchema> & { _id: string; pairId: Types.ObjectId };
export const OutboxModel = model('Outbox', outboxSchema);
