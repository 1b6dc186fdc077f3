import { isObjectIdString } from '../../lib/ids';
import { PairModel } from '../../pairs/model';
import { UserFacingError } from '../../slack/errors';
import { text } from './messages';
import { OUTCOME_LIMITS, OutcomeModel, type Outcome, type OutcomeSource } from './model';

export interface OutcomeInput {
  teamId: string;
  pairId: string;
  goalId?: string;
  /** The goal's title, when the outcome is about one goal (kept as it was). */
  goalTitle?: string;
  story: string;
  beneficiaries?: string;
  figure?: string;
  quoteConsent: boolean;
  recordedBy: string;
  source: OutcomeSource;
  /** Idempotency key: the same key records one outcome, however often it is sent. */
  key: string;
  /** When it was recorded: pass the clock's now (deps.clock / ctx.now); the current time otherwise. */
  at?: Date;
}

/** An outcome as other features read it. */
export interface OutcomeRow {
  outcomeId: string;
  teamId: string;
  pairId: string;
  goalId?: string;
  goalTitle?: string;
  story: string;
  beneficiaries: string;
  figure: string;
  quoteConsent: boolean;
  recordedBy: string;
  recordedAt: Date;
  source: OutcomeSource;
}

const clip = (s: string | undefined, max: number) => (s ?? '').trim().slice(0, max);

/**
 * Records what the mentorship changed. Idempotent by `key` (per team): a retry or a double
 * submit finds the outcome already there and returns it with `created: false`. The pair must be
 * the team's; the story must not be empty. Who may record it is the caller's check.
 */
export async function recordOutcome(input: OutcomeInput): Promise<{ outcomeId: string; created: boolean }> {
  const existing = await OutcomeModel.findOne({ teamId: input.teamId, key: input.key }).lean<Outcome>();
  if (existing) return { outcomeId: String(existing._id), created: false };
  const story = clip(input.story, OUTCOME_LIMITS.story);
  if (!story) throw new UserFacingError(text.outcomeStoryMissing());
  if (!isObjectIdString(input.pairId) || !(await PairModel.exists({ _id: input.pairId, teamId: input.teamId })))
    throw new UserFacingError(text.pairGone());
  try {
    const doc = await OutcomeModel.create({
      teamId: input.teamId,
      pairId: input.pairId,
      ...(input.goalId ? { goalId: input.goalId } : {}),
      ...(input.goalTitle ? { goalTitle: input.goalTitle } : {}),
      story,
      beneficiaries: clip(input.beneficiaries, OUTCOME_LIMITS.beneficiaries),
      figure: clip(input.figure, OUTCOME_LIMITS.figure),
      quoteConsent: input.quoteConsent,
      recordedBy: input.recordedBy,
      recordedAt: input.at ?? new Date(),
      source: input.source,
      key: input.key,
    });
    return { outcomeId: String(doc._id), created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    // The same key a moment ago (a double submit racing this one).
    const raced = await OutcomeModel.findOne({ teamId: input.teamId, key: input.key }).lean<Outcome>();
    if (!raced) throw err;
    return { outcomeId: String(raced._id), created: false };
  }
}

function toRow(o: Outcome): OutcomeRow {
  return {
    outcomeId: String(o._id),
    teamId: o.teamId,
    pairId: String(o.pairId),
    ...(o.goalId ? { goalId: o.goalId } : {}),
    ...(o.goalTitle ? { goalTitle: o.goalTitle } : {}),
    story: o.story,
    beneficiaries: o.beneficiaries ?? '',
    figure: o.figure ?? '',
    quoteConsent: Boolean(o.quoteConsent),
    recordedBy: o.recordedBy,
    recordedAt: o.recordedAt,
    source: o.source as OutcomeSource,
  };
}

const newestFirst = (a: OutcomeRow, b: OutcomeRow) => b.recordedAt.getTime() - a.recordedAt.getTime();

/** The outcomes of these pairs, newest first (one query). */
export async function outcomesOfPairs(teamId: string, pairIds: readonly unknown[]): Promise<OutcomeRow[]> {
  const ids = pairIds.map(String).filter(isObjectIdString);
  if (!ids.length) return [];
  const found = await OutcomeModel.find({ teamId, pairId: { $in: ids } }).lean<Outcome[]>();
  return found.map(toRow).sort(newestFirst);
}

/** Every outcome of the program, newest first (one query). */
export async function outcomesOfTeam(teamId: string): Promise<OutcomeRow[]> {
  const found = await OutcomeModel.find({ teamId }).lean<Outcome[]>();
  return found.map(toRow).sort(newestFirst);
}
