import { CheckinIds } from '../../src/features/checkins/ids';
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
withHarnessAndNoDatabase('reply_outage', (made) => (h = made));

test('while the database is down, a check-in answer stays in the modal with a clear message, within 3 seconds', async () => {
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
        id: 'VREPLYOUTAGE',
        callback_id: CheckinIds.replyModal,
        private_metadata: JSON.stringify({ checkinId: '0123456789abcdef01234567' }),
        state: {
          values: inputValues({
            [CheckinIds.block.met]: { actionId: CheckinIds.inputAction, type: 'radio_buttons', value: 'yes' },
          }),
        },
      },
    }),
  );
  expect(requestOps(ops)).toHaveLength(1);
  expect(res.json.response_action).toBe('errors');
  expect(res.json.errors[CheckinIds.block.met]).toMatch(/database is unreachable\). Nothing is lost: press Send again/);
  expect(h.standIn.attemptsTo('chat.postMessage')).toHaveLength(0);
});
