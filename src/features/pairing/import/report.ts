import { t } from '../../../i18n';
import type { CohortCheck } from './cohort';
import { importText } from './messages';
import type { PlannedRow } from './plan';
import type { RowResult } from './run';

/** The lines that say why nothing was created: each problem of the file, or each bad row with its line. */
export function rejectionLines(check: Exclude<CohortCheck, { ok: true }>): string[] {
  if ('fileProblems' in check) return [importText.fileProblemsHeading(), ...check.fileProblems.map((p) => `  ${p}`)];
  return [
    importText.badRowsHeading(new Set(check.bad.map((b) => b.line)).size, check.rows),
    ...check.bad.flatMap((b) => b.reasons.map((reason) => `  ${importText.line(b.line, reason)}`)),
    importText.badRowsHowToFix(),
  ];
}

/** What a dry run found: one line per row, saying what a real run would do with it. */
export function dryRunLines(planned: PlannedRow[]): string[] {
  const counts = { create: 0, finish: 0, none: 0 };
  const lines = planned.map((row) => {
    counts[row.action] += 1;
    return `  ${importText.line(row.line, plannedRowText(row))}`;
  });
  return [
    t('import.dryRun.heading', { count: planned.length }),
    ...lines,
    t('import.dryRun.summary', { count: counts.create, finish: counts.finish, none: counts.none }),
  ];
}

function plannedRowText(row: PlannedRow): string {
  const who = t('import.dryRun.who', {
    mentor: row.mentorName,
    mentee: row.menteeName,
    organisation: row.input.mentee.organisation,
  });
  switch (row.action) {
    case 'create':
      return t('import.dryRun.create', {
        who,
        cadence: importText.cadence(row.input.cadence),
        start: row.input.startDate,
        end: row.input.endDate,
      });
    case 'finish':
      return row.stoppedAt
        ? t('import.dryRun.finishStopped', { who, step: row.stoppedAt })
        : t('import.dryRun.finish', { who });
    default:
      return t('import.dryRun.done', { who, status: importText.pairStatus(row.status) });
  }
}

/** One line per row as it is done (the progress output when stdout is not a terminal). */
export function rowResultLine(result: RowResult, done: number, total: number): string {
  const who = t('import.progress.who', { mentor: result.mentorName, mentee: result.menteeName });
  const o = result.outcome;
  const what =
    o.kind === 'created'
      ? t('import.progress.created', { who, channel: o.channel })
      : o.kind === 'finished'
        ? t('import.progress.finished', { who, channel: o.channel })
        : o.kind === 'unchanged'
          ? t('import.progress.unchanged', { who })
          : o.kind === 'busy'
            ? t('import.progress.busy', { who })
            : t('import.progress.failed', { who, error: o.error });
  return t('import.progress.line', { done, total, line: result.line, what });
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
    t('import.summary.counts', {
      count: count('created'),
      finished: count('finished'),
      unchanged: count('unchanged'),
      handled: results.length,
      total,
    }),
  ];
  for (const r of unfinished) {
    const why = r.outcome.kind === 'failed' ? r.outcome.error : t('import.summary.underWay');
    lines.push(`  ${t('import.summary.notFinished', { line: r.line, why })}`);
  }
  if (stopped === 'interrupted') lines.push(t('import.summary.interrupted'));
  if (stopped === 'failing') lines.push(t('import.summary.failing'));
  const complete = unfinished.length === 0 && results.length === total;
  if (!complete) lines.push(t('import.summary.resume'));
  return { lines, complete };
}
