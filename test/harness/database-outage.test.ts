import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarnessAndNoDatabase } from '../support/with-harness';
import { pairFormValues } from '../support/pair-form';
import {
  databaseFailFastBudget,
  outageCostMs,
  requestOps,
  SLACK_ACK_MS,
  withDatabaseOps,
} from '../support/outage-budget';

let h: Harness;
withHarnessAndNoDatabase('outage', (made) => (h = made));

describe('while the database is down', () => {
  test("the create-pair form stays open with a clear message, answered within Slack's 3 seconds", async () => {
    // Slack gives a modal 3 s. Rather than race a wall clock on a busy machine, check what bounds
    // the outage path: an operation on an unreachable server fails within serverSelectionTimeoutMS
    // (with the language lookup's wait, at most two thirds of Slack's 3 s) instead of being queued (bufferCommands off), and the handler
    // makes one database call before it answers, so it answers within one such budget.
    const budget = databaseFailFastBudget();
    expect(budget.bufferCommands).toBe(false);
    // The request first waits at most LANGUAGE_LOOKUP_MS for the reader's language, then one operation fails.
    expect(outageCostMs()).toBeLessThanOrEqual((SLACK_ACK_MS * 2) / 3);
    const { result: res, ops } = await withDatabaseOps(() =>
      h.driver.viewSubmission({
        userId: PEOPLE.staff.id,
        view: { id: 'VOUTAGE1', callback_id: PairingIds.createModal, state: { values: pairFormValues() } },
      }),
    );
    expect(requestOps(ops)).toEqual(['pairs.findOne']);
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors[PairingIds.block.mentor]).toMatch(
      /database is unreachable\). Nothing is lost: press Submit again/,
    );
    expect(h.standIn.attemptsTo('conversations.create')).toHaveLength(0);
  });

  test('/mentorship list says the database is unreachable, privately', async () => {
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(h.standIn.responses[0].body).toMatchObject({ response_type: 'ephemeral' });
    expect(h.standIn.responses[0].body.text).toMatch(/database cannot be reached right now, so nothing was saved/);
  });

  test('GET /healthz answers 503', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'unavailable' });
  });
});
