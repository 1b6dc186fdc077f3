import { z } from 'zod';
import { type AskedQuestion, type FeedbackPoint, isFeedbackPoint, type Visibility } from './forms';
import { FeedbackIds } from './ids';
import { text } from './messages';
import { GOALS_VISIBILITY_ID } from './views';

/** A form's private_metadata, or a "Give feedback" button's value: which pair and point (checked again on the server). */
const refSchema = z.object({
  pairId: z.string().regex(/^[a-f0-9]{24}$/),
  point: z.string().refine(isFeedbackPoint).optional(),
});

export function parseFeedbackRef(raw: string | undefined): { pairId: string; point?: FeedbackPoint } | undefined {
  try {
    const parsed = refSchema.safeParse(JSON.parse(raw || '{}'));
    return parsed.success ? (parsed.data as { pairId: string; point?: FeedbackPoint }) : undefined;
  } catch {
    return undefined;
  }
}

type StateValues = Record<string, Record<string, unknown>>;

export interface ParsedAnswer {
  questionId: string;
  value?: string;
  visibility: Visibility;
  urgent?: boolean;
}

function element(values: StateValues, blockId: string): Record<string, unknown> | undefined {
  const el = values?.[blockId]?.[FeedbackIds.inputAction];
  return el && typeof el === 'object' ? (el as Record<string, unknown>) : undefined;
}

function selected(el: Record<string, unknown> | undefined): unknown {
  const opt = el?.selected_option as { value?: unknown } | null | undefined;
  return opt?.value;
}

function allowedValues(q: AskedQuestion): string[] {
  if (q.kind.type === 'choice') return q.kind.choices.map((c) => c.value);
  if (q.kind.type === 'scale') {
    const out: string[] = [];
    for (let n = q.kind.min; n <= q.kind.max; n++) out.push(String(n));
    return out;
  }
  return [];
}

/**
 * The answers of a submitted form, checked against its questions: every value must be one the
 * form offers (forged or out-of-range values are refused), required questions answered, texts
 * within their length, and each visibility one the question offers. Errors are keyed by block_id.
 */
export function parseFeedbackForm(
  questions: readonly AskedQuestion[],
  values: StateValues,
): { answers: ParsedAnswer[]; errors: Record<string, string> } {
  const answers: ParsedAnswer[] = [];
  const errors: Record<string, string> = {};
  const urgentBox = element(values, FeedbackIds.urgentBlock)?.selected_options;
  const urgent = Array.isArray(urgentBox) && urgentBox.some((o) => (o as { value?: unknown })?.value === 'urgent');
  for (const q of questions) {
    const blockId = FeedbackIds.questionBlock(q.id);
    const el = element(values, blockId);
    let value: string | undefined;
    if (q.kind.type === 'text') {
      const raw = el?.value;
      if (raw !== undefined && raw !== null && typeof raw !== 'string') {
        errors[blockId] = text.badValue();
        continue;
      }
      const trimmed = (raw ?? '').trim();
      if (trimmed.length > q.kind.maxLength) errors[blockId] = text.tooLong(q.kind.maxLength);
      value = trimmed || undefined;
    } else {
      const raw = selected(el);
      if (raw !== undefined && raw !== null) {
        if (typeof raw !== 'string' || !allowedValues(q).includes(raw)) errors[blockId] = text.badValue();
        else value = raw;
      }
    }
    if (q.required && value === undefined && !errors[blockId]) errors[blockId] = text.required();
    let visibility: Visibility = q.visibilities[0];
    if (q.visibilities.length > 1) {
      const vBlock = FeedbackIds.visibilityBlock(q.goalTitle ? GOALS_VISIBILITY_ID : q.id);
      const chosen = selected(element(values, vBlock));
      if (typeof chosen !== 'string' || !(q.visibilities as readonly string[]).includes(chosen)) {
        errors[vBlock] = text.badVisibility();
        continue;
      }
      visibility = chosen as Visibility;
    }
    answers.push({
      questionId: q.id,
      ...(value !== undefined ? { value } : {}),
      visibility,
      ...(q.urgentBox && urgent && value !== undefined ? { urgent: true } : {}),
    });
  }
  return { answers, errors };
}
