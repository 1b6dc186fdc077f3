import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { GOAL_LIMITS, STORED_GOAL_STATUSES } from './goal-status';
import { CADENCES, LIMITS } from './limits';

export const PAIR_STATUSES = ['setting_up', 'needs_attention', 'active', 'paused', 'ended'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

/** The set-up steps after a pair is stored, in order; each is recorded when done. */
export const SETUP_STEPS = ['create_channel', 'invite_members', 'set_purpose', 'post_welcome', 'notify_staff'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

const sideSchema = new Schema(
  {
    userId: { type: String, required: true },
    organisation: { type: String, default: '', maxlength: LIMITS.organisation },
    country: { type: String, default: '', maxlength: LIMITS.country },
  },
  { _id: false },
);

/**
 * A goal of the pair. Its status is read through goalStatusOf (pairs/goal-status.ts): goals stored
 * before the lifecycle carry 'open'. The progress notes themselves are in the goals feature's own
 * collection (unbounded); the goal keeps their count and the latest one.
 */
const goalSchema = new Schema({
  title: { type: String, required: true, maxlength: LIMITS.goalTitle },
  successCriteria: { type: String, required: true, maxlength: LIMITS.goalSuccess },
  status: { type: String, enum: STORED_GOAL_STATUSES, default: 'not_started' },
  noteCount: { type: Number, default: 0 },
  lastNote: { by: String, at: Date, text: String, progress: String },
  /** At most MAX_MILESTONES, each a title and a due day ("YYYY-MM-DD"). */
  milestones: [
    {
      _id: false,
      title: { type: String, maxlength: GOAL_LIMITS.milestoneTitle },
      dueDay: String,
      done: { type: Boolean, default: false },
    },
  ],
  /** Set when the goal is closed (achieved, changed or dropped): who, when, and what happened. */
  closed: { by: String, at: Date, what: String },
  addedBy: { type: String },
  addedAt: { type: Date },
  /** The Slack view that added it: a repeated delivery of the same form adds it once. */
  addKey: { type: String },
});

export const pairSchema = new Schema(
  {
    teamId: { type: String, required: true },
    mentor: { type: sideSchema, required: true },
    mentee: { type: sideSchema, required: true },
    goals: { type: [goalSchema], required: true },
    cadence: { type: String, enum: CADENCES, required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    localContext: { type: String, default: '', maxlength: LIMITS.localContext },
    /** The pair's common language (src/i18n/languages.ts): what the bot writes in their channel. */
    language: { type: String, default: 'en' },
    status: { type: String, enum: PAIR_STATUSES, required: true, default: 'setting_up' },
    /**
     * Unique while the pair is not ended ("team:userA:userB", the IDs sorted), so the same two
     * people never have two live pairs, however often a form is submitted.
     */
    liveKey: { type: String, required: true },
    /** The Slack view that created the pair: a repeated delivery of it finds this pair. */
    sourceViewId: { type: String, required: true },
    createdBy: { type: String, required: true },
    channel: {
      id: { type: String },
      name: { type: String },
    },
    /** The next check-in to create; cleared when the program has none left. */
    schedule: {
      nextPeriod: { type: Number, default: 1 },
      nextCheckinId: { type: Schema.Types.ObjectId },
      /** The due day as seen in the mentee's time zone. */
      nextDueDay: { type: String },
      nextCheckinAt: { type: Date },
      nextKind: { type: String, enum: ['regular', 'welcome_back'], default: 'regular' },
      /** False when the check-in falls outside the mentor's waking hours: the prompt names them without an @-mention. */
      nextMentionMentor: { type: Boolean, default: true },
      /** When the mentor is not mentioned: their short DM about the check-in (09:00 on their next working day). */
      nextMentorDmAt: { type: Date },
    },
    pause: {
      until: { type: Date },
      untilDay: { type: String },
      reason: { type: String, maxlength: 300 },
      by: { type: String },
      since: { type: Date },
    },
    /** Set when staff end the pair (`/mentorship end`): why, by whom, and what is left to do in Slack. */
    ended: {
      at: { type: Date },
      by: { type: String },
      reason: { type: String, enum: ['completed', 'no_time', 'no_response', 'not_a_fit', 'other'] },
      note: { type: String, maxlength: 500 },
      archiveChannel: { type: Boolean },
      archivedAt: { type: Date },
      archiveError: { type: String },
    },
    /** Staff replaced one side (`/mentorship reassign`): each change, and the Slack steps done for it. */
    reassignments: [
      {
        _id: false,
        at: Date,
        by: String,
        role: { type: String, enum: ['mentor', 'mentee'] },
        from: String,
        to: String,
        removeOld: Boolean,
        invitedAt: Date,
        removedAt: Date,
        toldAt: Date,
      },
    ],
    /**
     * Meeting times (`/mentorship meet`): the times proposed (one proposal at a time, a new one
     * replaces it; each side's pick is kept by the meet feature), the next meeting once both
     * picked the same time, and who stretched outside their working hours for it (the other is
     * asked first next time).
     */
    meeting: {
      next: {
        at: { type: Date },
        agreedAt: { type: Date },
        slotKey: { type: String },
        proposalId: { type: String },
      },
      lastInconvenienced: { type: String, enum: ['mentor', 'mentee', null] },
      proposal: {
        id: { type: String },
        by: { type: String },
        at: { type: Date },
        mode: { type: String, enum: ['overlap', 'stretch'] },
        stretch: { type: String, enum: ['mentor', 'mentee', 'both', null] },
        slots: [
          {
            _id: false,
            key: { type: String, required: true },
            at: { type: Date, required: true },
            outside: { mentor: { type: Number, default: 0 }, mentee: { type: Number, default: 0 } },
          },
        ],
        agreedKey: { type: String },
        /** The message showing it, updated as people pick. */
        channelId: { type: String },
        ts: { type: String },
      },
    },
    /** The last reply from either side (or the start): PROGRAM_RULES.silentDaysAtRisk days of silence flag the pair. */
    lastActivityAt: { type: Date },
    atRisk: {
      since: { type: Date },
      reason: { type: String },
    },
    setup: {
      done: Object.fromEntries(SETUP_STEPS.map((step) => [step, { type: Date }])) as Record<
        SetupStep,
        { type: DateConstructor }
      >,
      failedStep: { type: String, enum: [...SETUP_STEPS, null] },
      lastError: { type: String },
      attempts: { type: Number, default: 0 },
      /** Which channel name to try next (0: the plain one, 1: "-2", …). */
      nameAttempt: { type: Number, default: 0 },
      lockedUntil: { type: Date },
    },
  },
  { timestamps: true },
);
pairSchema.index({ liveKey: 1 }, { unique: true });
pairSchema.index({ teamId: 1, sourceViewId: 1 }, { unique: true });
pairSchema.index({ teamId: 1, status: 1 });
pairSchema.index({ status: 1, 'schedule.nextCheckinAt': 1 });
pairSchema.index({ status: 1, 'pause.until': 1 });
pairSchema.index({ status: 1, lastActivityAt: 1 });
pairSchema.index({ 'channel.id': 1 });
pairSchema.index({ teamId: 1, 'mentor.userId': 1 });
pairSchema.index({ teamId: 1, 'mentee.userId': 1 });

export type Pair = InferSchemaType<typeof pairSchema> & { _id: Types.ObjectId };
export const PairModel = model('Pair', pairSchema);

export function liveKeyFor(teamId: string, a: string, b: string): string {
  return `${teamId}:${[a, b].sort().join(':')}`;
}

/**
 * A stamp of the pair's state as read (its last update time): a claim keyed by it lets one of
 * several concurrent requests that read the same state act on it (see db/claims.ts).
 */
export function versionOf(pair: Pick<Pair, 'updatedAt' | 'createdAt'>): number {
  return (pair.updatedAt ?? pair.createdAt).getTime();
}
