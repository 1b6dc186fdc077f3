import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * One person's pick among a proposal's times: a document of its own per person and proposal
 * ("<pairId>:<proposalId>:<role>"), so the two people picking at once never write the same
 * document (a conditional update of one document is not atomic on FerretDB 1.x; see db/claims.ts).
 */
export const meetingPickSchema = new Schema(
  {
    _id: { type: String },
    teamId: { type: String, required: true },
    pairId: { type: Schema.Types.ObjectId, required: true },
    proposalId: { type: String, required: true },
    role: { type: String, enum: ['mentor', 'mentee'], required: true },
    slotKey: { type: String, required: true },
    by: { type: String, required: true },
  },
  { timestamps: true },
);
meetingPickSchema.index({ pairId: 1 });

export type MeetingPick = InferSchemaType<typeof meetingPickSchema> & { _id: string; pairId: Types.ObjectId };
export const MeetingPickModel = model('MeetingPick', meetingPickSchema);

export const pickId = (pairId: string, proposalId: string, role: string) => `${pairId}:${proposalId}:${role}`;
