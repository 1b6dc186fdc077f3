import { Schema, model } from 'mongoose';

/**
 * A person's counter for the weekly message cap (message-cap-rules.ts): when each message counted
 * for them was sent, by its outbox key's `sentField`. Written by `_id` only, and idempotent: a
 * message counted again (a resumed send) sets the same field.
 */
const messageCountSchema = new Schema(
  {
    /** "<teamId>:<userId>" */
    _id: { type: String },
    teamId: { type: String, required: true },
    userId: { type: String, required: true },
    sent: { type: Schema.Types.Mixed, default: {} },
    /** The job time (not the wall clock) of its last write: a counter untouched for a window counts nothing. */
    touchedAt: { type: Date, required: true },
  },
  { minimize: false },
);
messageCountSchema.index({ touchedAt: 1 });
export const MessageCountModel = model('MessageCount', messageCountSchema);

export const messageCountId = (teamId: string, userId: string) => `${teamId}:${userId}`;

/**
 * A low-priority message not sent because its person was at the cap: the line that stands for it,
 * shown by the next message to that person about the same pair, then removed. Its `_id` is the
 * folded entry's outbox key, so folding again (a retry) finds it there.
 */
const messageFoldSchema = new Schema(
  {
    _id: { type: String },
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true },
    /** A catalogue key and its values (never a sentence: it is rendered in the reader's language). */
    line: { key: { type: String, required: true }, params: { type: Schema.Types.Mixed, default: {} } },
    private: { type: Boolean, default: false },
    at: { type: Date, required: true },
  },
  { minimize: false },
);
messageFoldSchema.index({ pairId: 1 });
messageFoldSchema.index({ at: 1 });
export const MessageFoldModel = model('MessageFold', messageFoldSchema);
