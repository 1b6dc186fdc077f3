import { model, Schema } from 'mongoose';

/** A person's own choice of language (`/mentorship language`), kept also for people in no pair (staff). */
const languageChoiceSchema = new Schema(
  {
    /** "<teamId>:<userId>", as for participants. */
    _id: { type: String },
    teamId: { type: String, required: true },
    userId: { type: String, required: true },
    language: { type: String, required: true },
  },
  { timestamps: true },
);
/** Read by the background refresh of known languages (what changed since its last read). */
languageChoiceSchema.index({ updatedAt: 1 });
export const LanguageChoiceModel = model('LanguageChoice', languageChoiceSchema);
