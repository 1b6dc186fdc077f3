import type { ZodError } from 'zod';
import type { ViewStateValues } from '../../slack/listener-args';
import { MAX_GOALS } from '../../pairs/limits';
import { PairingIds } from './ids';
import { pairInputSchema, type PairInput } from './schemas';

export type FormResult = { ok: true; input: PairInput } | { ok: false; errors: Record<string, string> };

const B = PairingIds.block;

/** Reads the create-pair modal's state and validates it; errors are keyed by block_id. */
export function parsePairForm(values: ViewStateValues): FormResult {
  const read = (blockId: string): string => {
    const state = values[blockId]?.[PairingIds.inputAction];
    const raw = state?.value ?? state?.selected_user ?? state?.selected_date ?? state?.selected_option?.value ?? '';
    return typeof raw === 'string' ? raw : '';
  };

  const goals: Array<{ title: string; successCriteria: string; slot: number }> = [];
  for (let n = 1; n <= MAX_GOALS; n++) {
    const title = read(B.goalTitle(n)).trim();
    const successCriteria = read(B.goalSuccess(n)).trim();
    if (title || successCriteria) goals.push({ title, successCriteria, slot: n });
  }

  const candidate = {
    mentor: {
      userId: read(B.mentor),
      organisation: read(B.mentorOrganisation),
      country: read(B.mentorCountry),
      tz: read(B.mentorTz),
    },
    mentee: {
      userId: read(B.mentee),
      organisation: read(B.menteeOrganisation),
      country: read(B.menteeCountry),
      tz: read(B.menteeTz),
    },
    goals: goals.map(({ title, successCriteria }) => ({ title, successCriteria })),
    cadence: read(B.cadence),
    startDate: read(B.startDate),
    endDate: read(B.endDate),
    localContext: read(B.localContext),
    language: read(B.language),
  };
  const parsed = pairInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    errors: errorsByBlock(
      parsed.error,
      goals.map((g) => g.slot),
    ),
  };
}

function errorsByBlock(error: ZodError, goalSlots: number[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const blockId = blockFor(issue.path.map(String), goalSlots);
    if (!errors[blockId]) errors[blockId] = issue.message;
  }
  return errors;
}

function blockFor(path: string[], goalSlots: number[]): string {
  const [head, second, third] = path;
  if (head === 'mentor' || head === 'mentee') {
    const keys: Record<string, string> =
      head === 'mentor'
        ? { userId: B.mentor, organisation: B.mentorOrganisation, country: B.mentorCountry, tz: B.mentorTz }
        : { userId: B.mentee, organisation: B.menteeOrganisation, country: B.menteeCountry, tz: B.menteeTz };
    return keys[second] ?? keys.userId;
  }
  if (head === 'goals') {
    const slot = second === undefined ? 1 : (goalSlots[Number(second)] ?? 1);
    return third === 'successCriteria' ? B.goalSuccess(slot) : B.goalTitle(slot);
  }
  const direct: Record<string, string> = {
    cadence: B.cadence,
    startDate: B.startDate,
    endDate: B.endDate,
    localContext: B.localContext,
    language: B.language,
  };
  return direct[head] ?? B.mentor;
}
