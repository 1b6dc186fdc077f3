import { z, type ZodError } from 'zod';
import { addDays, isIsoDay } from '../../lib/time';
import { CheckinIds } from './ids';
import { type LimitedField, text as t } from './messages';
import { GOAL_PROGRESS, MET_ANSWERS } from './model';
import { PROGRAM_RULES } from '../../pairs/limits';

/** An answer has at most this many next steps (rows in the modal). */
export const MAX_COMMITMENTS_PER_REPLY = 3;

/** Limits shared by the reply modal, the zod schema and the summary. */
export const REPLY_LIMITS = {
  goalNote: 300,
  worked: 1500,
  didNotWork: 1500,
  adaptation: 1500,
  commitmentWhat: 300,
  blockers: 1000,
  staffNote: 1500,
} as const;

/** What the answer is checked against: facts of the check-in, the pair and the submitter. */
export interface ReplyRules {
  /** Today in the submitter's time zone. */
  today: string;
  /** The pair's program end (YYYY-MM-DD). */
  programEnd: string;
  /** Who may own a next step: the mentor and the mentee. */
  memberIds: string[];
  /** How many (not dropped) goals the answer covers. */
  goalCount: number;
  /** Due days already stored for a row (by row number): kept as they are even once in the past. */
  keptDueDays?: Record<number, string>;
}

/** Free text of at most `max` characters; the error names the field. Built per request, in the reader's language. */
const text = (max: number, field: LimitedField) => z.string().trim().max(max, t.tooLong(field, max));

/** The check-in reply as read from the modal; the service parses with this schema again before writing. */
export function replyInputSchema(rules: ReplyRules) {
  const latest = addDays(rules.programEnd, PROGRAM_RULES.daysAfterProgramEnd);
  const nextStep = z
    .object({
      row: z.number().int().min(1).max(MAX_COMMITMENTS_PER_REPLY),
      what: text(REPLY_LIMITS.commitmentWhat, 'nextStep'),
      ownerId: z.string().trim(),
      dueDay: z.string().trim(),
    })
    .superRefine((step, ctx) => {
      if (!step.what && !step.dueDay) return; // an empty row (the "who" alone means nothing)
      if (step.what && !step.dueDay) ctx.addIssue({ code: 'custom', path: ['dueDay'], message: t.nextStepNeedsDate() });
      if (!step.what && step.dueDay) ctx.addIssue({ code: 'custom', path: ['what'], message: t.nextStepNeedsWhat() });
      if (step.what && !rules.memberIds.includes(step.ownerId)) {
        ctx.addIssue({ code: 'custom', path: ['ownerId'], message: t.nextStepNeedsOwner() });
      }
      if (!step.dueDay) return;
      if (!isIsoDay(step.dueDay)) ctx.addIssue({ code: 'custom', path: ['dueDay'], message: t.chooseADate() });
      else if (step.dueDay < rules.today && rules.keptDueDays?.[step.row] !== step.dueDay) {
        ctx.addIssue({ code: 'custom', path: ['dueDay'], message: t.dateInThePast(rules.today) });
      } else if (step.dueDay > latest) {
        ctx.addIssue({
          code: 'custom',
          path: ['dueDay'],
          message: t.dateAfterProgram(latest, PROGRAM_RULES.daysAfterProgramEnd),
        });
      }
    });

  return z
    .object({
      met: z.enum(MET_ANSWERS, t.chooseMet()),
      goals: z
        .array(
          z.object({
            // Empty is allowed here; required below unless the person said they did not meet.
            status: z.union([z.enum(GOAL_PROGRESS, t.chooseGoalStatus()), z.literal('').transform(() => undefined)]),
            note: text(REPLY_LIMITS.goalNote, 'goalNote'),
          }),
        )
        .length(rules.goalCount, t.formOutOfDate()),
      worked: text(REPLY_LIMITS.worked, 'worked'),
      didNotWork: text(REPLY_LIMITS.didNotWork, 'didNotWork'),
      adaptation: text(REPLY_LIMITS.adaptation, 'adaptation'),
      nextSteps: z.array(nextStep).max(MAX_COMMITMENTS_PER_REPLY),
      blockers: text(REPLY_LIMITS.blockers, 'blockers'),
      staffNote: text(REPLY_LIMITS.staffNote, 'staffNote'),
    })
    .superRefine((reply, ctx) => {
      // After "we did not meet" there may be no progress to report: the goals' statuses are optional.
      if (reply.met === 'no') return;
      reply.goals.forEach((g, i) => {
        if (!g.status) ctx.addIssue({ code: 'custom', path: ['goals', i, 'status'], message: t.chooseGoalStatus() });
      });
    });
}

export type ReplyInput = z.infer<ReturnType<typeof replyInputSchema>>;
/** Raw strings as the modal sends them (before validation). */
export type ReplyCandidate = {
  met: string;
  goals: Array<{ status: string; note: string }>;
  worked: string;
  didNotWork: string;
  adaptation: string;
  nextSteps: Array<{ row: number; what: string; ownerId: string; dueDay: string }>;
  blockers: string;
  staffNote: string;
};

export type ReplyValidation = { ok: true; input: ReplyInput } | { ok: false; errors: Record<string, string> };

/** Validates an answer; errors are keyed by the modal's block_ids. */
export function validateReply(candidate: ReplyCandidate, rules: ReplyRules): ReplyValidation {
  const parsed = replyInputSchema(rules).safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: replyErrorsByBlock(parsed.error, candidate) };
}

const B = CheckinIds.block;

function replyErrorsByBlock(error: ZodError, candidate: ReplyCandidate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const blockId = blockFor(issue.path.map(String), candidate);
    if (!errors[blockId]) errors[blockId] = issue.message;
  }
  return errors;
}

function blockFor(path: string[], candidate: ReplyCandidate): string {
  const [head, index, field] = path;
  if (head === 'goals') {
    if (index === undefined) return B.met;
    const n = Number(index) + 1;
    return field === 'note' ? B.goalNote(n) : B.goalStatus(n);
  }
  if (head === 'nextSteps') {
    const row = candidate.nextSteps[Number(index)]?.row ?? 1;
    if (field === 'dueDay') return B.commitmentBy(row);
    if (field === 'ownerId') return B.commitmentWho(row);
    return B.commitmentWhat(row);
  }
  const direct: Record<string, string> = {
    worked: B.worked,
    didNotWork: B.didNotWork,
    adaptation: B.adaptation,
    blockers: B.blockers,
    staffNote: B.staffNote,
  };
  return direct[head] ?? B.met;
}
