import type { Collection } from 'mongoose';

/* Helpers of the benchmarks' seeding: a deterministic generator and batched raw inserts. */

const BATCH = 1000;

/** A small deterministic generator (mulberry32): the same program every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What insertMany needs of a model: its raw collection (no casting, no validation: the documents are complete). */
export type Sink = { collection: Pick<Collection, 'insertMany'> };

export class Batches {
  private readonly rows = new Map<string, { model: Sink; docs: object[] }>();
  readonly counts = new Map<string, number>();
  async add(name: string, model: Sink, doc: object) {
    const entry = this.rows.get(name) ?? { model, docs: [] };
    this.rows.set(name, entry);
    entry.docs.push(doc);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (entry.docs.length >= BATCH) await this.flush(name);
  }
  async flush(name?: string) {
    for (const [key, entry] of this.rows) {
      if ((name && key !== name) || entry.docs.length === 0) continue;
      const docs = entry.docs.splice(0);
      await entry.model.collection.insertMany(docs, { ordered: false });
    }
  }
}
