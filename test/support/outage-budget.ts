import mongoose from 'mongoose';
import { LANGUAGE_LOOKUP_MS } from '../../src/pairs/language';

/** Slack waits this long for the answer to a modal submission, then shows the person an error. */
export const SLACK_ACK_MS = 3000;

/**
 * What bounds an interactive request while the database is away, as the live connection has it:
 * how long one operation may wait for an unreachable server before it fails, and whether mongoose
 * would queue commands instead (bufferCommands: it would wait 10 s before failing).
 *
 * It bounds a refused or unknown server (the outage tests stop the server). A server that accepts
 * connections and never answers is not bounded by it: the driver's connectTimeoutMS (30 s by
 * default, twice with a retried read) applies then.
 */
export function databaseFailFastBudget(): { serverSelectionTimeoutMS: number; bufferCommands: boolean } {
  const options = mongoose.connection.getClient().options as { serverSelectionTimeoutMS: number };
  return {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS,
    bufferCommands: mongoose.get('bufferCommands') !== false,
  };
}

/**
 * Runs `work` (a request to the app) and returns its result with the database operations mongoose
 * issued until it returned, e.g. ["pairs.findOne"]. With the server gone, each of them costs up to
 * one fail-fast budget before the app can answer.
 */
export async function withDatabaseOps<T>(work: () => Promise<T>): Promise<{ result: T; ops: string[] }> {
  const ops: string[] = [];
  mongoose.set('debug', (collection: string, method: string) => {
    ops.push(`${collection}.${method}`);
  });
  try {
    return { result: await work(), ops };
  } finally {
    mongoose.set('debug', false);
  }
}

/**
 * The operations of the request itself: without the reader's language lookup that every request
 * starts with (src/pairs/language.ts), which waits at most LANGUAGE_LOOKUP_MS and then goes on in
 * English. It is the first operation, on the participants.
 */
export function requestOps(ops: string[]): string[] {
  return ops[0] === 'participants.findOne' ? ops.slice(1) : ops;
}

/** What an outage may cost a request before it answers: the language lookup's wait and one operation. */
export function outageCostMs(): number {
  return LANGUAGE_LOOKUP_MS + databaseFailFastBudget().serverSelectionTimeoutMS;
}
