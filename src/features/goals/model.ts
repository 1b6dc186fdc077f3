import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** Limits of an outcome's fields (the modal's max_length, the zod schema and the store agree). */
export const OUTCOME_LIMITS = {
  story: 1000,
  beneficiaries: 300,
  figure: 150,
} as const;

export const OUTCOME_SOURCES = ['goal_closed', 'end_feedback', 'staff'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/** What the mentorship changed: a short story, who benefits, a figure, and whether it may be quoted. */
export const outcomeSchema = new Schema(
  {
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    goalId: { type: String },
    /** The goal's title when the outcome was recorded (the goal may be edited later). */
    goalTitle: { type: String },
    story: { type: String, required: true, maxlength: OUTCOME_LIMITS.story },
    beneficiaries: { type: String, default: '', maxlength: OUTCOME_LIMITS.beneficiaries },
    figure: { type: String, default: '', maxlength: OUTCOME_LIMITS.figure },
    quoteConsent: { type: Boolean, required: true, default: false },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    source: { type: String, enum: OUTCOME_SOURCES, required: true },
    /** The caller's idempotency key: a retry or a double submit finds the outcome already recorded. */
    key: { type: String, required: true },
  },
  { timestamps: true },
);
outcomeSchema.index({ teamId: 1, key: 1 }, { unique: true });
outcomeSchema.index({ teamId: 1, recordedAt: -1 });
outcomeSchema.index({ teamId: 1, pairId: 1 });

export type Outcome = InferSchemaType<typeof outcomeSchema> & { _id: Types.ObjectId };
export const OutcomeModel = model('Outcome', outcomeSchema);

/** One progress note on a goal: who, when, what (the history is unbounded, so not on the pair). */
export const goalNoteSchema = new Schema(
  {
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    goalId: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    /** What was written (may be empty when a check-in answer gave only a status). */
    text: { type: String, default: '' },
    /** The progress a check-in answer reported (its status: some_progress, on_track, …). */
    progress: { type: String },
    /** Where it came from: the goal's Update form, or a check-in answer. */
    source: { type: String, enum: ['update', 'checkin'], required: true },
    /** Makes a repeated delivery record one note (e.g. "checkin:<replyId>:<goalId>:<editCount>"). */
    key: { type: String, required: true },
  },
  { timestamps: true },
);
goalNoteSchema.index({ teamId: 1, key: 1 }, { unique: true });
goalNoteSchema.index({ pairId: 1, goalId: 1, at: -1 });

export type GoalNote = InferSchemaType<typeof goalNoteSchema> & { _id: Types.ObjectId };
export const GoalNoteModel = model('GoalNote', goalNoteSchema);
