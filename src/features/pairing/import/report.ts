import type { CohortCheck } from './cohort';
import { importText } from './messages';
import type { PlannedRow } from './plan';
import type { RowResult } from './run';

/** The lines that say why nothing was created: each problem of the file, or each bad row with its line. */
export function rejectionLines(check: Exclude<CohortCheck, { ok: true }>): string[] {
  if ('fileProblems' in check) return [importText.fileProblemsHeading(), ...check.fileProblems.map((p) => `  ${p}`)];
  return [
    importText.badRowsHeading(new Set(check.bad.map((b) => b.line)).size, check.rows),
    ...check.bad.flatMap((b) => b.reasons.map((reason) => `  line ${b.line}: ${reason}`)),
    importText.badRowsHowToFix(),
  ];
}

/** What a dry run found: one line per row, saying what a real run would do with it. */
export function dryRunLines(planned: PlannedRow[]): string[] {
  const counts = { create: 0, finish: 0, none: 0 };
  const lines = planned.map((row) => {
    counts[row.action] += 1;
    return `  line ${row.line}: ${plannedRowText(row)}`;
  });
  return [
    `Dry run: all ${planned.length} rows are valid; nothing was created.`,
    ...lines,
    `A real run would create ${counts.create} pair${counts.create === 1 ? '' : 's'}, finish the set-up of ${counts.finish}, and leave ${counts.none} as they are.`,
  ];
}

function plannedRowText(row: PlannedRow): string {
  const who = `${row.mentorName} (mentor) and ${row.menteeName} (mentee, ${row.input.mentee.organisation})`;
  switch (row.action) {
    case 'create':
      return `would create ${who}, ${row.input.cadence} from ${row.input.startDate} to ${row.input.endDate}`;
    case 'finish':
      return `would finish the set-up of ${who}${row.stoppedAt ? ` (it stopped at ${row.stoppedAt})` : ''}`;
    default:
      return `${who}: already imported (${row.status}), nothing to do`;
  }
}

/** One line per row as it is done (the progress output when stdout is not a terminal). */
export function rowResultLine(result: RowResult, done: number, total: number): string {
  const who = `${result.mentorName} and ${result.menteeName}`;
  const o = result.outcome;
  const what =
    o.kind === 'created'
      ? `created ${who}, ${o.channel}`
      : o.kind === 'finished'
        ? `finished the set-up of ${who}, ${o.channel}`
        : o.kind === 'unchanged'
          ? `${who}: already imported, nothing to do`
          : o.kind === 'busy'
            ? `${who}: set-up already under way (another run, or one stopped less than 2 minutes ago)`
            : `${who}: set-up stopped (${o.error})`;
  return `[${done}/${total}] line ${result.line}: ${what}`;
}

/** The closing summary of a real run, and what to do about rows that did not finish. */
export function summaryLines(
  results: RowResult[],
  total: number,
  stopped?: 'interrupted' | 'failing',
): { lines: string[]; complete: boolean } {
  const count = (kind: RowResult['outcome']['kind']) => results.filter((r) => r.outcome.kind === kind).length;
  const unfinished = results.filter((r) => r.outcome.kind === 'failed' || r.outcome.kind === 'busy');
  const lines = [
    `Created ${count('created')} pair${count('created') === 1 ? '' : 's'}, finished the set-up of ${count('finished')}, ` +
      `left ${count('unchanged')} as they were (${results.length} of ${total} rows handled).`,
  ];
  for (const r of unfinished) {
    const why = r.outcome.kind === 'failed' ? r.outcome.error : 'set-up already under way';
    lines.push(`  line ${r.line}: not finished (${why})`);
  }
  if (stopped === 'interrupted') lines.push('Stopped on request.');
  if (stopped === 'failing') lines.push('Stopped: several set-ups in a row failed, so Slack may be having trouble.');
  const complete = unfinished.length === 0 && results.length === total;
  if (!complete) lines.push('Run the same command again to resume: done pairs are kept, and nothing is created twice.');
  return { lines, complete };
}
