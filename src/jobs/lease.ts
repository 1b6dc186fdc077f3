import { Schema, model } from 'mongoose';
import { claimOnce } from '../db/claims';

/** A named lease: one scheduler instance at a time works a job's tick. */
const leaseSchema = new Schema({
  _id: { type: String },
  owner: { type: String, required: true },
  until: { type: Date, required: true },
  /** Incremented by every acquisition; instances that saw the same generation compete for the next. */
  generation: { type: Number, default: 0 },
});
export const LeaseModel = model('Lease', leaseSchema);

/**
 * Takes the lease `name` for `owner` until now + ttlMs, if it is free, expired or already ours.
 * Instances that find it free at the same moment compete for one claim of its next generation
 * (an insert by unique key, atomic on MongoDB and FerretDB alike): exactly one wins.
 */
export async function acquireLease(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  const current = await LeaseModel.findById(name).lean();
  if (current && current.owner !== owner && current.until > now) return false;
  const generation = (current?.generation ?? 0) + 1;
  if (!(await claimOnce(`lease:${name}:${generation}`, owner, now))) return false;
  await LeaseModel.updateOne(
    { _id: name },
    { $set: { owner, until: new Date(now.getTime() + ttlMs), generation } },
    { upsert: true },
  );
  return true;
}

/** Gives the lease back at once (one write: it changes nothing when another instance holds it now). */
export async function releaseLease(name: string, owner: string): Promise<void> {
  await LeaseModel.updateOne({ _id: name, owner }, { $set: { until: new Date(0) } });
}
