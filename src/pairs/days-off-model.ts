import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A day off for everyone of one country in the program, or a correction of the holiday library
 * (`working`: the library marks the day a public holiday, but people work; the moon was sighted a
 * day later, say). Staff keep these with `/mentorship daysoff`. It lives with the people (src/pairs)
 * because every feature's scheduling reads it through `toPerson`.
 */
export const programDayOffSchema = new Schema(
  {
    /** "<teamId>:<country>:<day>": one entry per country and day, so adding twice is one write. */
    _id: { type: String },
    teamId: { type: String, required: true },
    /** ISO 3166 alpha-2. */
    country: { type: String, required: true },
    /** "YYYY-MM-DD" (the people's local day). */
    day: { type: String, required: true },
    kind: { type: String, enum: ['off', 'working'], required: true },
    name: { type: String, default: '' },
    addedBy: { type: String, required: true },
  },
  { timestamps: true },
);
programDayOffSchema.index({ teamId: 1, day: 1 });

export type ProgramDayOff = InferSchemaType<typeof programDayOffSchema>;

export function programDayOffId(teamId: string, country: string, day: string): string {
  return `${teamId}:${country}:${day}`;
}

export const ProgramDayOffModel = model('ProgramDayOff', programDayOffSchema);
