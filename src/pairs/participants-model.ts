import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A person in the program (mentor or mentee), across all their pairs: who they are and when
 * it is reasonable to write to them.
 */
export const participantSchema = new Schema(
  {
    /** "<teamId>:<userId>": every read is by primary key (cheap on MongoDB and on FerretDB alike). */
    _id: { type: String },
    teamId: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    tz: { type: String, required: true },
    country: { type: String, default: '' },
    /**
     * What the bot writes to this person in (src/i18n/languages.ts): their Slack locale when they
     * were paired, or the language they chose with `/mentorship language`.
     */
    language: { type: String, default: 'en' },
    workingHours: {
      startHour: { type: Number, default: 9 },
      endHour: { type: Number, default: 18 },
      /** ISO weekdays, 1 = Monday. */
      days: { type: [Number], default: [1, 2, 3, 4, 5] },
      /**
       * False until the person sets their own hours (`/mentorship hours`): until then their working
       * week is their country's (src/lib/holidays.ts), whatever `days` says.
       */
      setByPerson: { type: Boolean, default: false },
      /** A temporary change (shorter days during Ramadan, say) for local days up to `until` ("YYYY-MM-DD"). */
      temporary: {
        type: new Schema(
          {
            startHour: { type: Number, required: true },
            endHour: { type: Number, required: true },
            days: { type: [Number], required: true },
            until: { type: String, required: true },
          },
          { _id: false },
        ),
        default: null,
      },
    },
    /**
     * Time away (leave, travel, poor connectivity): local days `from` to `until` included
     * ("YYYY-MM-DD"), each a day off for scheduling (`toPerson`). `by`: who set it (the person or staff).
     */
    away: {
      type: [
        new Schema(
          {
            from: { type: String, required: true },
            until: { type: String, required: true },
            reason: { type: String, default: '' },
            by: { type: String, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true },
);
participantSchema.index({ teamId: 1, userId: 1 }, { unique: true });
/** Read by the background refresh of known languages (src/pairs/known-languages.ts). */
participantSchema.index({ updatedAt: 1 });

export type Participant = InferSchemaType<typeof participantSchema>;

export function participantId(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}
export const ParticipantModel = model('Participant', participantSchema);
