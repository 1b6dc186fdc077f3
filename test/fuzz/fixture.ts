/**
 * Shared pieces of the property-based tests: two live pairs with a check-in each and a next step in
 * each, a snapshot of every collection, and the checks on what a person is shown.
 */
import fc from 'fast-check';
import mongoose from 'mongoose';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { CommitmentModel } from '../../src/features/commitments/model';
import { OutboxModel } from '../../src/jobs/outbox-model';
import type { Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { withHarness } from '../support/with-harness';
import { eventually } from '../support/eventually';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { answerCheckin } from '../staff/drive';

export interface World {
  /** Alice (mentor) and Karim (mentee). */
  a: Pair;
  /** Élise (mentor) and Amira (mentee): "another pair" for people of pair A, and for the outsider. */
  b: Pair;
  checkinA: Checkin;
  checkinB: Checkin;
  commitmentA: string;
  commitmentB: string;
}

/** Two active pairs, check-in #1 posted to both, each answered by its mentee with one next step. */
/**
 * A fuzz file's life: one harness (state carries over between runs) and the two-pair world made
 * once before all; `set` receives both.
 */
export function withFuzzWorld(label: string, set: (h: Harness, world: World) => void): void {
  const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
  let h: Harness;
  withHarness(label, (made) => (h = made), { clock, fresh: false });
  beforeAll(async () => {
    set(h, await makeWorld(h, clock));
  }, 60_000);
}

export async function makeWorld(h: Harness, clock: FakeClock): Promise<World> {
  clock.set('2026-12-01T10:00:00Z');
  const a = await createActivePair(h);
  const b = await createActivePair(h, { mentor: PEOPLE.mentorParis.id, mentee: PEOPLE.mentee2.id });
  for (const at of ['2026-12-08T13:00:00Z', '2026-12-08T17:00:00Z', '2026-12-09T09:00:00Z'])
    await runJobsAt(h, at, ['checkins']);
  clock.set('2026-12-09T14:00:00Z');
  const checkinA = await answerCheckin(h, a, 1, PEOPLE.mentee.id, {
    staffNote: 'secret-staff-note-A',
    step: { what: 'Send the fee table', who: PEOPLE.mentee.id, by: '2026-12-20' },
  });
  const checkinB = await answerCheckin(h, b, 1, PEOPLE.mentee2.id, {
    staffNote: 'secret-staff-note-B',
    step: { what: 'Draft the letter', who: PEOPLE.mentee2.id, by: '2026-12-21' },
  });
  // The answers' summaries are sent after the modal closes: let them land before any snapshot.
  await eventually(
    async () => (await OutboxModel.countDocuments({ kind: 'reply_summary', status: { $ne: 'sent' } })) === 0,
    'the reply summaries to be sent',
  );
  await h.standIn.waitFor(
    () => h.standIn.messages.filter((m) => /^Thank you\. Your answer/.test(m.text ?? '')).length >= 2,
    8000,
    'the thank-yous for both answers',
  );
  const commitmentA = String((await CommitmentModel.findOne({ pairId: a._id }).lean())!._id);
  const commitmentB = String((await CommitmentModel.findOne({ pairId: b._id }).lean())!._id);
  return {
    a,
    b,
    checkinA: (await CheckinModel.findById(checkinA._id).lean<Checkin>())!,
    checkinB: (await CheckinModel.findById(checkinB._id).lean<Checkin>())!,
    commitmentA,
    commitmentB,
  };
}

/** Every document of every collection the app has, as one comparable value. */
export async function snapshot(): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  for (const name of mongoose.modelNames().sort()) {
    const docs = await mongoose.model(name).find({}).lean();
    all[name] = docs.map((d) => JSON.stringify(d)).sort();
  }
  return all;
}

/** Number of documents in each collection. */
export async function counts(): Promise<Record<string, number>> {
  const all: Record<string, number> = {};
  for (const name of mongoose.modelNames().sort()) all[name] = await mongoose.model(name).countDocuments({});
  return all;
}

/** The documents of one pair (by pairId or _id) across every collection. */
export async function pairSnapshot(pairId: string): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {};
  const id = new mongoose.Types.ObjectId(pairId);
  for (const name of mongoose.modelNames().sort()) {
    const model = mongoose.model(name);
    const filter = name === 'Pair' ? { _id: id } : model.schema.path('pairId') ? { pairId: id } : undefined;
    if (!filter) continue;
    const docs = await model.find(filter).lean();
    all[name] = docs.map((d) => JSON.stringify(d)).sort();
  }
  return all;
}

/** What a stack trace, an internal error or a stringified non-string looks like in a message. */
const LEAKS = [/Error:/, /\bat \//, /\.ts:\d/, /\.js:\d/, /undefined/, /\[object Object\]/, /TypeError/, /\bNaN\b/];

/** The readable text a person is shown by an answer (text and every text of its blocks). */
export function shownText(body: any): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  const parts: string[] = [];
  const walk = (v: any) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'block_id') walk(x);
  };
  walk(body.text);
  walk(body.blocks);
  walk(body.errors);
  return parts.join('\n');
}

/** The leak patterns found in a text the person sees, minus those already in what they typed. */
export function leaksIn(shown: string, typed = ''): string[] {
  return LEAKS.filter((re) => re.test(shown) && !re.test(typed)).map(String);
}

/** Error-level lines logged since `from`. */
export const errorLogs = (h: Harness, from: number) => h.logs.slice(from).filter((l) => l.startsWith('[ERROR]'));

/** A 24-hex ObjectId string that exists nowhere. */
export const unknownObjectId = fc.stringMatching(/^[0-9a-f]{24}$/);

/** Random text: ASCII, full Unicode (lone surrogates included), or long. */
export const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
);

/** A random JSON value, as text. */
export const anyJsonText = fc.json({ maxDepth: 2 });
