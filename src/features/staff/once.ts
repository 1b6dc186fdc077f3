import { claimOnce } from '../../db/claims';
import { PairModel, versionOf, type Pair } from '../../pairs/model';

const POLL_MS = 50;
const WAIT_MS = 2000;

/**
 * "Only one of two requests that read the same pair acts on it" (a double submit, two staff at
 * once): true for the first to claim this version of the pair. A later one waits up to two
 * seconds for the first one's write; if the pair still reads the same, the first one died before
 * writing, and this one may act (the steps after the claim are safe to repeat).
 */
export async function firstToChange(pair: Pair, step: string, by: string, now: Date): Promise<boolean> {
  if (await claimOnce(`${step}:${pair._id}:${versionOf(pair)}`, by, now)) return true;
  for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
    const current = await PairModel.findById(pair._id).lean<Pair>();
    if (!current || versionOf(current) !== versionOf(pair)) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
