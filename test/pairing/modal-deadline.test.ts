import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE, type Harness } from '../support/app-harness';
import { TRIGGER_TTL_MS } from '../support/slack-stand-in';
import { withHarness } from '../support/with-harness';

let h: Harness;

withHarness('modal_deadline', (made) => (h = made));

/**
 * Slack's trigger_id is good for 3 seconds: a modal opened after slow work is refused
 * (expired_trigger_id), and the person sees an apology instead of the form.
 */
describe('the create-pair form opens within the trigger deadline', () => {
  test('Slack slow to answer users.info (rate-limited, Retry-After 3 s): the form still opens, without the time zones', async () => {
    h.standIn.failNext('users.info', { ratelimited: 3 }, 2);
    await h.driver.command('/mentorship', `pair <@${PEOPLE.mentor.id}|alice> <@${PEOPLE.mentee.id}|karim>`, {
      userId: PEOPLE.staff.id,
    });
    await h.standIn.waitFor(() => h.standIn.attemptsTo('views.open').length === 1, 8000, 'views.open');
    const [open] = h.standIn.attemptsTo('views.open');
    expect(open.error).toBeUndefined();
    const view = open.args.view;
    const block = (id: string) => view.blocks.find((b: { block_id?: string }) => b.block_id === id);
    // The people are still pre-filled from the mentions; their time zones are left for the form.
    expect(block(PairingIds.block.mentor).element.initial_user).toBe(PEOPLE.mentor.id);
    expect(block(PairingIds.block.mentee).element.initial_user).toBe(PEOPLE.mentee.id);
    expect(h.standIn.responses).toHaveLength(0); // no apology
    expect(TRIGGER_TTL_MS).toBe(3000);
  }, 15_000);
});
