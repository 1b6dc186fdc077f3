import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** One check-in of a pair: period n of its rhythm. Unique per (pair, period). */
export const checkinSchema = new Schema(
  {
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    period: { type: Number, required: true },
    kind: { type: String, enum: ['regular', 'welcome_back'], default: 'regular' },
    /** The due day in the mentee's time zone, and the civil instant chosen for it. */
    dueDay: { type: String, required: true },
    dueAt: { type: Date, required: true },
    /** False when dueAt is outside the mentor's waking hours: the prompt names them without an @-mention… */
    mentionMentor: { type: Boolean, default: true },
    /** …and they get a short DM at this time instead (unless they replied by then). */
    mentorDmAt: { type: Date },
    /** Set once the prompt is in the channel. */
    prompt: { channelId: String, ts: String, postedAt: Date, late: Boolean },
    repliedBy: { type: [String], default: [] },
  },
  { timestamps: true },
);
checkinSchema.index({ pairId: 1, period: 1 }, { unique: true });
/** The weekly digest's read: a team's check-ins of the last weeks (MongoDB reads only those; FerretDB 1.x scans). */
checkinSchema.index({ teamId: 1, 'prompt.postedAt': 1 });

export type Checkin = InferSchemaType<typeof checkinSchema> & { _id: Types.ObjectId };

/**
 * Who has replied. Read through this: FerretDB 1.x drops an empty array written by an upsert's
 * $setOnInsert, so a stored check-in may have no `repliedBy` field at all.
 */
export function repliedByOf(checkin: Pick<Checkin, 'repliedBy'>): string[] {
  return checkin.repliedBy ?? [];
}
export const CheckinModel = model('Checkin', checkinSchema);

export const GOAL_PROGRESS = ['not_started', 'some_progress', 'on_track', 'stuck', 'achieved'] as const;
export const MET_ANSWERS = ['yes', 'no', 'rescheduled'] as const;
/** The one-tap answers (no form): "We did not meet this week" (met: 'no') and "Skip this week" (met: 'skipped'). */
export const QUICK_ANSWERS = ['did_not_meet', 'skipped'] as const;
export type QuickAnswer = (typeof QUICK_ANSWERS)[number];

/** One person's answer to one check-in. Editable until the next check-in is posted. */
export const checkinReplySchema = new Schema(
  {
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    checkinId: { type: Schema.Types.ObjectId, required: true },
    period: { type: Number, required: true },
    userId: { type: String, required: true },
    met: { type: String, enum: [...MET_ANSWERS, 'skipped'], required: true },
    /** A one-tap answer (no form); a later full answer replaces it. */
    quick: { type: Boolean, default: false },
    goals: [{ _id: false, goalId: String, title: String, status: { type: String, enum: GOAL_PROGRESS }, note: String }],
    worked: { type: String, default: '' },
    didNotWork: { type: String, default: '' },
    adaptation: { type: String, default: '' },
    blockers: { type: String, default: '' },
    /** For program staff only: never shown to the partner or in the channel. */
    staffNote: { type: String, default: '' },
    submittedAt: { type: Date, required: true },
    editedAt: { type: Date },
    editCount: { type: Number, default: 0 },
    /** The summary posted in the prompt's thread, updated in place when the reply is edited. */
    summary: { channelId: String, ts: String },
  },
  { timestamps: true },
);
checkinReplySchema.index({ checkinId: 1, userId: 1 }, { unique: true });
checkinReplySchema.index({ pairId: 1, userId: 1, period: -1 });
/** The weekly digest's read: a team's replies of the last weeks. */
checkinReplySchema.index({ teamId: 1, submittedAt: 1 });

export type CheckinReply = InferSchemaType<typeof checkinReplySchema> & { _id: Types.ObjectId };
export const CheckinReplyModel = model('CheckinReply', checkinReplySchema);
