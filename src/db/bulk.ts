import type { Model, UpdateQuery } from 'mongoose';

/**
 * Inserts `docs` in one round trip (`insertMany`, ordered: false), skipping those whose unique key
 * is already taken: the batch form of "insert by key, a duplicate means it was done before"
 * (claims, check-ins, outbox entries). Returns, for each doc in order, true when this call
 * inserted it. Any error other than a duplicate key (a validation error, the database gone) throws.
 */
export async function insertNew<T>(model: Model<T>, docs: object[]): Promise<boolean[]> {
  if (docs.length === 0) return [];
  try {
    await model.insertMany(docs, { ordered: false, throwOnValidationError: true });
    return docs.map(() => true);
  } catch (err) {
    // Mongoose lists the outcome of each doc, in the order given: the doc, a WriteError or a ValidationError.
    const results = (err as { results?: unknown[] }).results;
    if (!Array.isArray(results) || results.length !== docs.length) throw err;
    return results.map((r) => {
      if (r instanceof Error) throw r;
      const failed = writeErrorOf(r);
      if (!failed) return true;
      if (failed.code === 11000) return false;
      throw err;
    });
  }
}

/** The server's error for one document of a bulk insert (the driver's WriteError keeps it in `err`), if it failed. */
function writeErrorOf(result: unknown): { code?: number } | undefined {
  if (!result || typeof result !== 'object' || !('err' in result)) return undefined;
  const err = (result as { err: unknown }).err;
  return err && typeof err === 'object' && 'errmsg' in err ? (err as { code?: number }) : undefined;
}

/**
 * Statements of one `update` command at most. FerretDB 1.24 keeps a SQLite connection for each
 * statement of an update command until the command ends, from a pool of 100: a command of 100
 * statements never returns (measured: 99 took 0.15 s, 100 waited forever). MongoDB has no such
 * limit; 50 a command costs it two round trips per 100 writes instead of one.
 */
export const UPDATE_STATEMENTS = 50;

/** Updates documents by `_id`, each with its own update: one round trip per UPDATE_STATEMENTS documents. */
export async function updateByIds(
  model: { bulkWrite(ops: never[]): Promise<unknown> },
  updates: Array<{ id: unknown; update: UpdateQuery<unknown> }>,
): Promise<void> {
  for (let i = 0; i < updates.length; i += UPDATE_STATEMENTS) {
    const ops = updates
      .slice(i, i + UPDATE_STATEMENTS)
      .map(({ id, update }) => ({ updateOne: { filter: { _id: id }, update } }));
    await model.bulkWrite(ops as never[]);
  }
}
