import { isPartnerIn } from '../../pairs/membership';
import type { Pair } from '../../pairs/model';
import { type FeedbackPoint, type Visibility, answerLabel, FORMS, questionById, TOTALS_MIN_ANSWERS } from './forms';
import { FeedbackResponseModel, type FeedbackResponse } from './model';

/**
 * The only reads of feedback answers, each applying the visibility the person chose:
 * - staffFeedbackOf: the answers staff may read one by one (shared and staff only), for staff only;
 * - feedbackTotals: program-wide figures of "counted only in totals" answers, only
 *   once TOTALS_MIN_ANSWERS different people answered, and never a written answer's words.
 * A "totals only" value never leaves this file except inside a figure.
 */

export interface StaffFeedbackRow {
  pairId: string;
  userId: string;
  role: string;
  point: FeedbackPoint;
  submittedAt: Date;
  questionId: string;
  question: string;
  answer: string;
  visibility: Exclude<Visibility, 'totals_only'>;
  urgent: boolean;
}

function questionText(point: FeedbackPoint, questionId: string, goals: readonly string[]): string {
  const q = questionById(point, questionId);
  if (!q) return questionId;
  if (q.perGoal) {
    const title = goals[Number(questionId.split('_').at(-1)) - 1];
    return title ? `${q.label()}: ${title}` : q.label();
  }
  return q.label();
}

/**
 * Answers staff may read one by one (shared or staff only), newest response first. Call only for
 * staff; `viewerId` is the staff member reading: their own partner's staff-only answers are left out.
 */
export function staffRowsOf(
  responses: readonly FeedbackResponse[],
  pairs: ReadonlyMap<string, Pair>,
  viewerId: string,
): StaffFeedbackRow[] {
  const rows: StaffFeedbackRow[] = [];
  const sorted = [...responses].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  for (const r of sorted) {
    const point = r.point as FeedbackPoint;
    const pair = pairs.get(String(r.pairId));
    const goals = (pair?.goals ?? []).map((g) => g.title);
    const fromTheirPartner = pair !== undefined && isPartnerIn(pair, viewerId, r.userId);
    for (const a of r.answers) {
      if (a.visibility === 'totals_only' || !a.value) continue;
      if (a.visibility === 'staff_only' && fromTheirPartner) continue;
      const q = questionById(point, a.questionId);
      rows.push({
        pairId: String(r.pairId),
        userId: r.userId,
        role: r.role,
        point,
        submittedAt: r.submittedAt,
        questionId: a.questionId,
        question: questionText(point, a.questionId, goals),
        answer: q ? answerLabel(q, a.value) : a.value,
        visibility: a.visibility,
        urgent: Boolean(a.urgent),
      });
    }
  }
  return rows;
}

/** The staff-readable feedback of one pair (for `/mentorship status`). Call only for staff. */
export async function staffFeedbackOfPair(pair: Pair, viewerId: string): Promise<StaffFeedbackRow[]> {
  const responses = await FeedbackResponseModel.find({ teamId: pair.teamId, pairId: pair._id }).lean<
    FeedbackResponse[]
  >();
  return staffRowsOf(responses, new Map([[String(pair._id), pair]]), viewerId);
}

/** The staff-readable feedback of the whole team (for `/mentorship export feedback`). Call only for staff. */
export async function staffFeedbackOfTeam(
  teamId: string,
  pairs: readonly Pair[],
  viewerId: string,
): Promise<StaffFeedbackRow[]> {
  const responses = await FeedbackResponseModel.find({ teamId }).lean<FeedbackResponse[]>();
  return staffRowsOf(responses, new Map(pairs.map((p) => [String(p._id), p])), viewerId);
}

export interface QuestionTotal {
  point: FeedbackPoint;
  questionId: string;
  question: string;
  /** How many answers "counted only in totals" it has (each person once per question asked, their latest). */
  answered: number;
  /** Only once TOTALS_MIN_ANSWERS different people answered: the average of a scale, the count of each choice, or nothing for text. */
  figures?: { average?: number; counts?: Array<{ label: string; count: number }>; textAnswered?: number };
}

/**
 * Program-wide figures of the answers counted only in totals, per form and question (all goals'
 * progress counted together). A question shows a figure only once TOTALS_MIN_ANSWERS different
 * people answered it: one person's five goals, or five quick forms, are still one person's answers.
 * Each person counts once per question they were asked (their latest answer: a quick form sent again
 * replaces their earlier one). Written answers are counted (answered or not), never shown.
 */
export function totalsOf(responses: readonly FeedbackResponse[]): QuestionTotal[] {
  // Latest first, so the first answer seen of a person to an asked question is the one counted.
  const newestFirst = [...responses].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  const byQuestion = new Map<
    string,
    { point: FeedbackPoint; counted: Set<string>; people: Set<string>; values: string[]; asked: number }
  >();
  for (const r of newestFirst) {
    const point = r.point as FeedbackPoint;
    for (const a of r.answers) {
      if (a.visibility !== 'totals_only') continue;
      const q = questionById(point, a.questionId);
      if (!q) continue;
      const key = `${point}:${q.id}`;
      const entry = byQuestion.get(key) ?? { point, counted: new Set(), people: new Set(), values: [], asked: 0 };
      byQuestion.set(key, entry);
      const asked = `${r.userId}:${String(r.pairId)}:${a.questionId}`;
      if (entry.counted.has(asked)) continue;
      entry.counted.add(asked);
      entry.asked += 1;
      if (a.value) {
        entry.values.push(a.value);
        entry.people.add(r.userId);
      } else if (q.kind.type === 'text') entry.people.add(r.userId);
    }
  }
  const out: QuestionTotal[] = [];
  for (const point of Object.keys(FORMS) as FeedbackPoint[]) {
    for (const q of FORMS[point]) {
      const entry = byQuestion.get(`${point}:${q.id}`);
      if (!entry) continue;
      const answered = q.kind.type === 'text' ? entry.asked : entry.values.length;
      const total: QuestionTotal = { point, questionId: q.id, question: q.label(), answered };
      if (entry.people.size >= TOTALS_MIN_ANSWERS) {
        if (q.kind.type === 'scale') {
          const nums = entry.values.map(Number);
          total.figures = { average: Math.round((nums.reduce((s, n) => s + n, 0) / nums.length) * 10) / 10 };
        } else if (q.kind.type === 'choice') {
          total.figures = {
            counts: q.kind.choices.map((c) => ({
              label: c.label(),
              count: entry.values.filter((v) => v === c.value).length,
            })),
          };
        } else {
          total.figures = { textAnswered: entry.values.length };
        }
      }
      out.push(total);
    }
  }
  return out;
}

/** The team's totals (for the digest and `/mentorship feedback totals`). Staff only. */
export async function feedbackTotals(teamId: string): Promise<QuestionTotal[]> {
  return totalsOf(await FeedbackResponseModel.find({ teamId }).lean<FeedbackResponse[]>());
}
