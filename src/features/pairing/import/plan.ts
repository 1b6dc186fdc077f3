import { createHash } from 'node:crypto';
import { liveKeyFor, type Pair, PairModel, type PairStatus } from '../../../pairs/model';
import { importText } from './messages';
import type { ResolvedRow } from './resolve';
import type { BadRow } from './validate';
import { IMPORT_SOURCE_PREFIX } from '../ids';

/**
 * The pair a row stands for, the same on every run of the file: createPair finds a pair by
 * teamId + sourceViewId (unique), so a second run, or a resumed one, never makes a second pair.
 */
export function importSourceId(teamId: string, mentorId: string, menteeId: string): string {
  const hash = createHash('sha256').update(`${teamId}:${mentorId}:${menteeId}`).digest('hex').slice(0, 24);
  return `${IMPORT_SOURCE_PREFIX}${hash}`;
}

/** What a run will do with a row: make the pair, finish its set-up, or nothing (it is done). */
export type PlannedRow = ResolvedRow & { sourceViewId: string } & (
    | { action: 'create' }
    | { action: 'finish'; pairId: string; stoppedAt?: string }
    | { action: 'none'; pairId: string; status: PairStatus }
  );

/** Rows read from the database per query: two queries per this many rows, whatever the number of pairs. */
const BATCH = 500;

/**
 * Reads what earlier runs left, by the unique teamId + sourceViewId and by liveKey, a batch of rows
 * per query. A row whose two people already have a live pair that this file did not make is a bad row.
 */
export async function planImport(
  teamId: string,
  rows: ResolvedRow[],
): Promise<{ planned: PlannedRow[]; bad: BadRow[] }> {
  const planned: PlannedRow[] = [];
  const bad: BadRow[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((row) => ({
      row,
      sourceViewId: importSourceId(teamId, row.input.mentor.userId, row.input.mentee.userId),
      liveKey: liveKeyFor(teamId, row.input.mentor.userId, row.input.mentee.userId),
    }));
    const [existing, live] = await Promise.all([
      PairModel.find(
        { teamId, sourceViewId: { $in: batch.map((b) => b.sourceViewId) } },
        { status: 1, setup: 1, sourceViewId: 1 },
      ).lean<Pair[]>(),
      PairModel.find({ liveKey: { $in: batch.map((b) => b.liveKey) } }, { liveKey: 1 }).lean<Pair[]>(),
    ]);
    const bySource = new Map(existing.map((p) => [p.sourceViewId, p]));
    const liveKeys = new Set(live.map((p) => p.liveKey));
    for (const { row, sourceViewId, liveKey } of batch) {
      const pair = bySource.get(sourceViewId);
      if (!pair) {
        if (liveKeys.has(liveKey)) bad.push({ line: row.line, reasons: [importText.alreadyPaired()] });
        else planned.push({ ...row, sourceViewId, action: 'create' });
        continue;
      }
      const pairId = String(pair._id);
      if (pair.status === 'setting_up' || pair.status === 'needs_attention') {
        const stoppedAt = pair.setup?.failedStep ?? undefined;
        planned.push({ ...row, sourceViewId, action: 'finish', pairId, stoppedAt });
      } else planned.push({ ...row, sourceViewId, action: 'none', pairId, status: pair.status });
    }
  }
  return { planned, bad };
}
