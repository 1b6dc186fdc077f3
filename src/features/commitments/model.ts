import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** "What, who, by when", agreed in a check-in. The owner is reminded the working day before. */
export const commitmentSchema = new Schema(
  {
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    checkinId: { type: Schema.Types.ObjectId, required: true },
    /** The number of that check-in ("In check-in #2, …" in the reminder); absent on older records. */
    checkinPeriod: { type: Number },
    /** The reply that created it and its row, so an edited reply updates rather than duplicates. */
    sourceKey: { type: String, required: true },
    ownerId: { type: String, required: true },
    what: { type: String, required: true, maxlength: 300 },
    dueDay: { type: String, required: true },
    status: { type: String, enum: ['open', 'done', 'dropped'], default: 'open' },
    dropReason: { type: String, maxlength: 500 },
    /** When to remind the owner (the working day before dueDay, within their waking hours). */
    remindAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    history: [{ _id: false, at: Date, by: String, change: String }],
  },
  { timestamps: true },
);
commitmentSchema.index({ sourceKey: 1 }, { unique: true });
commitmentSchema.index({ status: 1, remindAt: 1 });
commitmentSchema.index({ pairId: 1, status: 1, dueDay: 1 });
/** The weekly digest's read: a team's commitments due up to today. */
commitmentSchema.index({ teamId: 1, dueDay: 1 });

export type Commitment = InferSchemaType<typeof commitmentSchema> & { _id: Types.ObjectId };
export const CommitmentModel = model('Commitment', commitmentSchema);
