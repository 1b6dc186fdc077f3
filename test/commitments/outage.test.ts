import { Types } from 'mongoose';
import { CommitmentIds } from '../../src/features/commitments/ids';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarnessAndNoDatabase } from '../support/with-harness';
import { inputValues } from '../support/slack-driver';
import {
  databaseFailFastBudget,
  outageCostMs,
  requestOps,
  SLACK_ACK_MS,
  withDatabaseOps,
} from '../support/outage-budget';

let h: Harness;
const id = String(new Types.ObjectId());
withHarnessAndNoDatabase('commitments_outage', (made) => (h = made));

describe('commitments while the database is down', () => {
  test('Done says the database is unreachable, privately, and nothing is posted', async () => {
    await h.driver.blockAction({
      userId: PEOPLE.mentee.id,
      actionId: CommitmentIds.doneButton,
      value: id,
      channelId: 'D000000001',
    });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(h.standIn.responses[0].body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(h.standIn.responses[0].body.text).toMatch(/database cannot be reached right now, so nothing was saved/);
    expect(h.standIn.attemptsTo('chat.postMessage')).toHaveLength(0);
  });

  test("the drop form stays open with a clear message, within Slack's 3 seconds", async () => {
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
        userId: PEOPLE.mentee.id,
        view: {
          callback_id: CommitmentIds.dropModal,
          private_metadata: id,
          state: {
            values: inputValues({
              [CommitmentIds.block.dropReason]: {
                actionId: CommitmentIds.inputAction,
                type: 'plain_text_input',
                value: 'No budget',
              },
            }),
          },
        },
      }),
    );
    expect(requestOps(ops)).toHaveLength(1);
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors[CommitmentIds.block.dropReason]).toMatch(
      /database is unreachable\). Nothing is lost: press Submit again/,
    );
  });
});
