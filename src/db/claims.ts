import { Schema, model } from 'mongoose';

/**
 * Claims: "only one of us does this". Inserting a document with a unique primary key is atomic on
 * MongoDB and on FerretDB alike, whereas a conditional update ("set paused where status is
 * active") is not atomic under concurrency on FerretDB 1.x. So every once-only step (an attempt
 * to send, a state change a double click could repeat) claims its key first.
 */
const claimSchema = new Schema({
  _id: { type: String },
  by: { type: String, required: true },
  at: { type: Date, required: true },
});
claimSchema.index({ at: 1 });
export const ClaimModel = model('Claim', claimSchema);

/** True for the one caller that claims `key` first; false for every later one. */
export async function claimOnce(key: string, by: string, at: Date): Promise<boolean> {
  try {
    await ClaimModel.create({ _id: key, by, at });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

/** Claims only matter while the steps they guard may still race; older ones are removed. */
export async function pruneClaims(olderThan: Date): Promise<number> {
  const res = await ClaimModel.deleteMany({ at: { $lt: olderThan } });
  return res.deletedCount ?? 0;
}
