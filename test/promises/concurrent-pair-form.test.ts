/**
 * README: "Re-sent forms and double clicks never create a second pair or channel." Here two
 * different forms for the same two people (two staff members, or one in two windows) arrive at
 * the same moment, not one after the other.
 */
import { PairingIds } from '../../src/features/pairing/ids';
import { PairModel } from '../../src/pairs/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { pairFormValues } from '../support/pair-form';
import { withHarness } from '../support/with-harness';

let h: Harness;

withHarness('promises_concurrent_pair', (made) => (h = made));

const submit = (viewId: string, userId: string) =>
  h.driver.viewSubmission({
    userId,
    view: { id: viewId, callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
  });

test.each([
  1, 2, 3,
])('two different submissions for the same two people at the same time: one pair, one channel, one welcome (round %i)', async (round) => {
  const [a, b] = await Promise.all([
    submit(`VCONCA${round}`, PEOPLE.staff.id),
    submit(`VCONCB${round}`, PEOPLE.staffByChannel.id),
  ]);
  const answers = [a.json, b.json];
  expect(answers.filter((x) => x?.response_action === 'clear')).toHaveLength(1);
  const refused = answers.find((x) => x?.response_action === 'errors');
  expect(refused).toEqual({
    response_action: 'errors',
    errors: { [PairingIds.block.mentee]: 'These two people already have an active mentorship.' },
  });

  await eventually(async () => Boolean(await PairModel.exists({ status: 'active' })), 'the pair to be set up');
  await h.standIn.waitFor(
    () => h.standIn.messages.some((m) => /is ready/.test(m.text ?? '')),
    8000,
    'the confirmation to staff',
  );
  expect(await PairModel.countDocuments()).toBe(1);
  expect(h.standIn.attemptsTo('conversations.create')).toHaveLength(1);
  expect(h.standIn.messages.filter((m) => /^Welcome, /.test(m.text ?? ''))).toHaveLength(1);
  expect(h.standIn.messages.filter((m) => /is ready/.test(m.text ?? ''))).toHaveLength(1);
});
