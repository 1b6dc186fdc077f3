import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { FEEDBACK_POINTS, VISIBILITIES } from './forms';

/**
 * A request for feedback at a fixed point: one per pair, person and point (its _id is the outbox
 * key of the request DM, so a job run twice writes it once). `queuedAt` once its DM is in the
 * outbox, `sentAt` when the DM went out,
 * `answeredAt` when the person answered (from the DM, App Home or the command).
 */
const feedbackRequestSchema = new Schema(
  {
    _id: { type: String },
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    point: { type: String, enum: FEEDBACK_POINTS, required: true },
    dueAt: { type: Date, required: true },
    /** When its DM was queued in the outbox (written after the outbox entry: until then the job queues it again). */
    queuedAt: { type: Date },
    sentAt: { type: Date },
    remindedAt: { type: Date },
    answeredAt: { type: Date },
  },
  { timestamps: true },
);
feedbackRequestSchema.index({ teamId: 1, userId: 1 });
feedbackRequestSchema.index({ teamId: 1, answeredAt: 1 });

export type FeedbackRequest = InferSchemaType<typeof feedbackRequestSchema> & { _id: string };
export const FeedbackRequestModel = model('FeedbackRequest', feedbackRequestSchema);

/** One answer to one question, with the visibility the person chose for it. */
const answerSchema = new Schema(
  {
    questionId: { type: String, required: true },
    /** The choice or scale value, or the text as typed; absent when left empty. */
    value: { type: String },
    visibility: { type: String, enum: VISIBILITIES, required: true },
    urgent: { type: Boolean },
  },
  { _id: false },
);

/**
 * One submitted form. Its _id is deterministic (see feedbackKeys.response), so a double click or a
 * retried delivery stores it once. Read only through reads.ts, which applies each answer's visibility.
 */
const feedbackResponseSchema = new Schema(
  {
    _id: { type: String },
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: String, required: true },
    role: { type: String, enum: ['mentor', 'mentee'], required: true },
    point: { type: String, enum: FEEDBACK_POINTS, required: true },
    answers: { type: [answerSchema], default: [] },
    submittedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
feedbackResponseSchema.index({ teamId: 1, pairId: 1 });
feedbackResponseSchema.index({ teamId: 1, point: 1 });

export type FeedbackAnswer = InferSchemaType<typeof answerSchema>;
export type FeedbackResponse = InferSchemaType<typeof feedbackResponseSchema> & {
  _id: string;
  pairId: Types.ObjectId;
};
export const FeedbackResponseModel = model('FeedbackResponse', feedbackResponseSchema);
