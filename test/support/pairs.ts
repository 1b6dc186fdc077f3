import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel, type Pair } from '../../src/pairs/model';
import { PEOPLE, type Harness } from './app-harness';
import { eventually } from './eventually';
import { pairFormValues, type PairFormOverrides } from './pair-form';

let counter = 0;

/** Creates a pair through the real form and waits until its set-up is done. */
export async function createActivePair(h: Harness, overrides: PairFormOverrides = {}): Promise<Pair> {
  const viewId = `VPAIR${++counter}${Date.now().toString(36).toUpperCase()}`;
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: { id: viewId, callback_id: PairingIds.createModal, state: { values: pairFormValues(overrides) } },
  });
  if (res.json?.response_action !== 'clear') throw new Error(`pair form refused: ${JSON.stringify(res.json)}`);
  await eventually(
    async () => Boolean(await PairModel.exists({ sourceViewId: viewId, status: 'active' })),
    'the pair to be active',
  );
  return (await PairModel.findOne({ sourceViewId: viewId }).lean<Pair>())!;
}
