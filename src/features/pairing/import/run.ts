import { type Pair, PairModel } from '../../../pairs/model';
import { describeError, UserFacingError } from '../../../slack/errors';
import { createPair, type PairingDeps } from '../service';
import { runPairSetup } from '../setup';
import type { PlannedRow } from './plan';

export type RowOutcome =
  | { kind: 'created'; channel: string }
  | { kind: 'finished'; channel: string }
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: string }
  | { kind: 'busy' };

export interface RowResult {
  line: number;
  mentorName: string;
  menteeName: string;
  outcome: RowOutcome;
}

export interface RunOptions {
  teamId: string;
  createdBy: string;
  /** Ctrl-C: the row under way finishes its set-up, then the run stops; the next run resumes. */
  signal?: AbortSignal;
  onRow?: (result: RowResult, done: number, total: number) => void;
}

/** After this many set-ups in a row fail, Slack is likely down: stop rather than fail every row. */
export const MAX_FAILURES_IN_A_ROW = 3;

/**
 * Makes each planned pair and its channel through the modal's own path (createPair, then
 * runPairSetup), one pair at a time. Rate limits are waited out by the client (Retry-After).
 * Returns a result per row handled; rows after a stop are not in it.
 */
export async function runImport(
  planned: PlannedRow[],
  deps: PairingDeps,
  opts: RunOptions,
): Promise<{ results: RowResult[]; stopped?: 'interrupted' | 'failing' }> {
  const results: RowResult[] = [];
  let failuresInARow = 0;
  for (const row of planned) {
    if (opts.signal?.aborted) return { results, stopped: 'interrupted' };
    const outcome = await importRow(row, deps, opts);
    const result = { line: row.line, mentorName: row.mentorName, menteeName: row.menteeName, outcome };
    results.push(result);
    opts.onRow?.(result, results.length, planned.length);
    failuresInARow = outcome.kind === 'failed' ? failuresInARow + 1 : 0;
    if (failuresInARow >= MAX_FAILURES_IN_A_ROW && results.length < planned.length) {
      return { results, stopped: 'failing' };
    }
  }
  return { results };
}

async function importRow(row: PlannedRow, deps: PairingDeps, opts: RunOptions): Promise<RowOutcome> {
  if (row.action === 'none') return { kind: 'unchanged' };
  try {
    const { pair, created } = await createPair(
      { teamId: opts.teamId, createdBy: opts.createdBy, sourceViewId: row.sourceViewId, input: row.input },
      deps,
    );
    const setup = await runPairSetup(String(pair._id), deps);
    switch (setup.status) {
      case 'done': {
        const saved = await PairModel.findById(pair._id, { channel: 1 }).lean<Pair>();
        const channel = saved?.channel?.name ? `#${saved.channel.name}` : setup.channelId;
        return { kind: created || row.action === 'create' ? 'created' : 'finished', channel };
      }
      case 'failed':
        return { kind: 'failed', error: `${setup.step}: ${setup.error}` };
      case 'busy':
        return { kind: 'busy' };
      default:
        return { kind: 'unchanged' };
    }
  } catch (err) {
    if (err instanceof UserFacingError) {
      return { kind: 'failed', error: Object.values(err.fieldErrors)[0] ?? err.userMessage };
    }
    return { kind: 'failed', error: describeError(err) };
  }
}
