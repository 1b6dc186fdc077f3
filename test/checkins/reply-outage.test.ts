import { CheckinIds } from '../../src/features/checkins/ids';
import { PEOPLE, type Harness } from '../support/app-harness';
import { withHarnessAndNoDatabase } from '../support/with-harness';
import { inputValues } from '../support/slack-driver';

let h: Harness;
withHarnessAndNoDatabase('reply_outage', (made) => (h = made));

test('while the database is down, a check-in answer stays in the modal with a clear message, within 3 seconds', async () => {
  const started = Date.now();
  const res = await h.driver.viewSubmission({
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
  });
  expect(Date.now() - started).toBeLessThan(3000);
  expect(res.json.response_action).toBe('errors');
  expect(res.json.errors[CheckinIds.block.met]).toMatch(/database is unreachable\). Nothing is lost: press Send again/);
  expect(h.standIn.attemptsTo('chat.postMessage')).toHaveLength(0);
});
