import type { WebClient } from '@slack/web-api';
import { parseCohortCsv } from './parse';
import { applyPeople, lookUpPeople } from './resolve';
import { type PlannedRow, planImport } from './plan';
import { type BadRow, validateRows } from './validate';

export type CohortCheck =
  | { ok: false; fileProblems: string[] }
  | { ok: false; rows: number; bad: BadRow[] }
  | { ok: true; rows: number; planned: PlannedRow[] };

/**
 * Everything before anything is created: reads the file, checks every row with the form's rules,
 * finds every person in Slack, and reads what earlier runs of the same file left. Creates nothing,
 * so it is the whole of a dry run. Bad rows are listed by line, all of them, in one pass.
 */
export async function checkCohort(
  content: string | Buffer,
  deps: { client: WebClient; teamId: string },
): Promise<CohortCheck> {
  const parsed = parseCohortCsv(content);
  if (!parsed.ok) return { ok: false, fileProblems: parsed.problems };
  const { valid, bad: badSyntax } = validateRows(parsed.rows);
  const people = await lookUpPeople(
    deps.client,
    valid.flatMap((row) => [row.mentor, row.mentee]),
  );
  const { resolved, bad: badPeople } = applyPeople(valid, people);
  const { planned, bad: badExisting } = await planImport(deps.teamId, resolved);
  const bad = [...badSyntax, ...badPeople, ...badExisting].sort((a, b) => a.line - b.line);
  if (bad.length > 0) return { ok: false, rows: parsed.rows.length, bad };
  return { ok: true, rows: parsed.rows.length, planned };
}
