import { Schema, model } from 'mongoose';

/** A named lease: one scheduler instance at a time works a job's tick. */
const leaseSchema = new Schema({
  _id: { type: String },
  owner: { type: String, required: true },
  until: { type: Date, required: true },
});
export const LeaseModel = model('Lease', leaseSchema);

/**
 * Takes the lease `name` for `owner` until now + ttlMs, if it is free, expired or already ours.
 * Two instances racing for a free lease: the unique _id lets exactly one insert win.
 */
export async function acquireLease(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  try {
    const taken = await LeaseModel.findOneAndUpdate(
      { _id: name, $or: [{ until: { $lte: now } }, { owner }] },
      { $set: { owner, until } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    return taken?.owner === owner;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  await LeaseModel.updateOne({ _id: name, owner }, { $set: { until: new Date(0) } });
}
