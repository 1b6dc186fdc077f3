import { Schema, model, type InferSchemaType } from 'mongoose';

/** A file shared in the digest's thread: recorded before and after the upload (see uploads.ts). */
const uploadSchema = new Schema(
  {
    /** Set when an instance starts the upload; a start older than a few minutes without fileId is a crash. */
    startedAt: { type: Date },
    attempts: { type: Number, default: 0 },
    fileId: { type: String },
    doneAt: { type: Date },
    lastError: { type: String },
  },
  { _id: false },
);

/**
 * One weekly digest of a team ("<teamId>:<YYYY-MM-DD of the digest day>"), written when the digest
 * is built for posting: each pair's health state that week (next week's "change since last week",
 * "newly at risk" and "recovered" compare with it), and the thread and files to post under the
 * top message, so a run resumed after a crash posts the same ones.
 */
export const digestSchema = new Schema(
  {
    _id: { type: String },
    teamId: { type: String, required: true },
    week: { type: String, required: true },
    builtAt: { type: Date, required: true },
    /** Health state by pair id. */
    states: { type: Schema.Types.Mixed, default: {} },
    /** The thread's messages ({ text, blocks }), in order, until they are queued in the outbox. */
    parts: { type: Schema.Types.Mixed, default: [] },
    partCount: { type: Number, default: 0 },
    /** Set once every part is in the outbox (with the top message's ts as its thread). */
    partsQueuedAt: { type: Date },
    /** The full table past DIGEST_LIMITS.tableAbove pairs (else absent), and the chart's input. */
    csv: { type: String },
    chartWeeks: { type: Schema.Types.Mixed },
    uploads: {
      chart: { type: uploadSchema },
      csv: { type: uploadSchema },
    },
  },
  { timestamps: true },
);
digestSchema.index({ teamId: 1, week: -1 });

export type Digest = InferSchemaType<typeof digestSchema> & { _id: string };
export const DigestModel = model('Digest', digestSchema);

export const digestId = (teamId: string, week: string) => `${teamId}:${week}`;
