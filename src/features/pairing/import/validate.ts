import { createHash } from 'node:crypto';
import type { ZodIssue } from 'zod';
import { t } from '../../../i18n';
import { parseLanguage } from '../../../i18n/languages';
import { MAX_GOALS } from '../../../pairs/limits';
import { pairInputSchema, type PairInput } from '../schemas';
import { importText } from './messages';
import { type CsvRow, EXTRA_VALUES } from './parse';

/** How a row names a person: a Slack member ID (U…/W…) or the email of their Slack account. */
export type PersonRef = { kind: 'member'; userId: string } | { kind: 'email'; email: string };

/** A row the create-pair form would accept, with the people still to be found in Slack. */
export interface ValidRow {
  line: number;
  mentor: PersonRef;
  mentee: PersonRef;
  /** The pair as the form would give it; its user IDs are stand-ins until resolve.ts finds the people. */
  input: PairInput;
}

export interface BadRow {
  line: number;
  reasons: string[];
}

const MEMBER_ID = /^[UW][A-Z0-9]{2,}$/;
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** A person's key: the same person written twice in the file gives the same key. */
export function personKey(ref: PersonRef): string {
  return ref.kind === 'member' ? ref.userId : `email:${ref.email}`;
}

export function readPerson(value: string): PersonRef | undefined {
  const v = value.trim();
  if (MEMBER_ID.test(v)) return { kind: 'member', userId: v };
  if (EMAIL.test(v)) return { kind: 'email', email: v.toLowerCase() };
  return undefined;
}

/** A member-ID-shaped stand-in for a person named by email, so the form's own schema can check the row. */
function placeholderId(ref: PersonRef): string {
  if (ref.kind === 'member') return ref.userId;
  return `U${createHash('sha256').update(ref.email).digest('hex').slice(0, 12).toUpperCase()}`;
}

/**
 * Checks every row with the create-pair form's own rules (pairInputSchema and its limits): a row is
 * valid exactly when the form would accept the same values. Adds what only a file can get wrong:
 * a person written neither as an email nor as a member ID, extra values, the same pair twice.
 * Pure: no Slack, no database.
 */
export function validateRows(rows: CsvRow[]): { valid: ValidRow[]; bad: BadRow[] } {
  const valid: ValidRow[] = [];
  const bad: BadRow[] = [];
  const pairsSeen = new Map<string, number>();
  for (const row of rows) {
    const result = validateRow(row);
    if ('reasons' in result) {
      bad.push(result);
      continue;
    }
    const key = [personKey(result.mentor), personKey(result.mentee)].sort().join(' ');
    const first = pairsSeen.get(key);
    if (first !== undefined) {
      bad.push({ line: row.line, reasons: [importText.duplicatePair(first)] });
      continue;
    }
    pairsSeen.set(key, row.line);
    valid.push(result);
  }
  return { valid, bad };
}

function validateRow(row: CsvRow): ValidRow | BadRow {
  const v = (column: string) => row.values[column] ?? '';
  const reasons: string[] = [];
  if (row.values[EXTRA_VALUES]) reasons.push(importText.extraValues(Number(row.values[EXTRA_VALUES])));

  const mentor = readPerson(v('mentor'));
  const mentee = readPerson(v('mentee'));
  if (!mentor) reasons.push(importText.badPerson('mentor', v('mentor')));
  if (!mentee) reasons.push(importText.badPerson('mentee', v('mentee')));

  const goals: Array<{ title: string; successCriteria: string; slot: number }> = [];
  for (let n = 1; n <= MAX_GOALS; n++) {
    const title = v(`goal_${n}`);
    const successCriteria = v(`goal_${n}_success`);
    if (title || successCriteria) goals.push({ title, successCriteria, slot: n });
  }
  const candidate = {
    mentor: {
      userId: mentor ? placeholderId(mentor) : 'U0',
      organisation: v('mentor_organisation'),
      country: v('mentor_country'),
      tz: v('mentor_timezone'),
    },
    mentee: {
      userId: mentee ? placeholderId(mentee) : 'U1',
      organisation: v('mentee_organisation'),
      country: v('mentee_country'),
      tz: v('mentee_timezone'),
    },
    goals: goals.map(({ title, successCriteria }) => ({ title, successCriteria })),
    cadence: v('cadence').toLowerCase(),
    startDate: v('start_date'),
    endDate: v('end_date'),
    localContext: v('local_context'),
    // A code or a name ("fr", "French", "Français"); what is neither goes on, for the form's own check.
    language: parseLanguage(v('language')) ?? v('language'),
  };
  const parsed = pairInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const slots = goals.map((g) => g.slot);
    for (const issue of parsed.error.issues) {
      const column = columnFor(issue, slots);
      reasons.push(`${column}: ${wording(column, issue.message, v(column))}`);
    }
  }
  if (reasons.length > 0 || !parsed.success || !mentor || !mentee) return { line: row.line, reasons: unique(reasons) };
  return { line: row.line, mentor, mentee, input: parsed.data };
}

/** The file's column for a problem the form's schema found. */
function columnFor(issue: ZodIssue, goalSlots: number[]): string {
  const [head, second, third] = issue.path.map(String);
  if (head === 'mentor' || head === 'mentee') {
    const suffix: Record<string, string> = { organisation: '_organisation', country: '_country', tz: '_timezone' };
    return `${head}${suffix[second] ?? ''}`;
  }
  if (head === 'goals') {
    const slot = second === undefined ? 1 : (goalSlots[Number(second)] ?? 1);
    return third === 'successCriteria' ? `goal_${slot}_success` : `goal_${slot}`;
  }
  const direct: Record<string, string> = {
    cadence: 'cadence',
    startDate: 'start_date',
    endDate: 'end_date',
    localContext: 'local_context',
    language: 'language',
  };
  return direct[head] ?? head;
}

/** The form says "Choose a date."; a file needs to say how to write one (and which values a column takes). */
function wording(column: string, message: string, value: string): string {
  if (column === 'start_date' || column === 'end_date') {
    return message === t('pairing.form.chooseDate') ? importText.badDate() : message;
  }
  if (column === 'cadence') return importText.badCadence();
  if (column === 'language') return importText.badLanguage(value);
  return message;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
