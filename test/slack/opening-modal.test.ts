import type { View } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { apology, UserFacingError } from '../../src/slack/errors';
import { ONE_MOMENT_CALLBACK_ID, openingModal } from '../../src/slack/respond';
import { quietLogger } from '../support/quiet-logger';
import { SlackStandIn } from '../support/slack-stand-in';

/*
 * A button whose modal takes longer to build than the 3 seconds Slack gives its trigger_id: the
 * window opens at once and the built modal replaces it, against the stand-in, which refuses a
 * trigger_id used late or twice, as Slack does.
 */

let standIn: SlackStandIn;
let client: WebClient;
beforeAll(async () => {
  standIn = await SlackStandIn.start();
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.url, logger: quietLogger });
});
afterAll(() => standIn.close());

const built: View = {
  type: 'modal',
  callback_id: 'built_status',
  title: { type: 'plain_text', text: 'Pair status' },
  blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Everything read' } }],
};

async function click(build: () => Promise<View>): Promise<any> {
  const trigger = `trigger-${Math.random()}`;
  standIn.registerTriggerId(trigger);
  const before = new Set(standIn.views.keys());
  await openingModal({ body: { trigger_id: trigger }, client }, quietLogger, 'test button', build);
  const opened = [...standIn.views.keys()].filter((id) => !before.has(id));
  expect(opened).toHaveLength(1);
  return standIn.views.get(opened[0]);
}

test('a modal that takes longer than the trigger’s 3 seconds to build is shown: the window opened at once, then filled', async () => {
  const shown = await click(async () => {
    await new Promise((r) => setTimeout(r, 3300));
    return built;
  });
  expect(shown.callback_id).toBe('built_status');
  expect(JSON.stringify(shown.blocks)).toContain('Everything read');
  expect(standIn.attemptsTo('views.open').at(-1)!.args.view.callback_id).toBe(ONE_MOMENT_CALLBACK_ID);
  expect(standIn.attemptsTo('views.open').every((c) => c.result === 'ok')).toBe(true);
}, 10_000);

test('a refusal while building is said in the window, and nothing else is shown', async () => {
  const shown = await click(async () => {
    throw new UserFacingError('Sorry, only program staff can do that.');
  });
  expect(shown.callback_id).not.toBe(ONE_MOMENT_CALLBACK_ID);
  expect(shown.blocks).toEqual([
    { type: 'section', text: { type: 'plain_text', text: 'Sorry, only program staff can do that.' } },
  ]);
});

test('a modal Slack refuses (over 100 blocks) leaves no window stuck at "one moment": it says sorry', async () => {
  const tooLong: View = {
    ...built,
    blocks: Array.from({ length: 101 }, (_, i) => ({
      type: 'section',
      text: { type: 'plain_text', text: `row ${i}` },
    })),
  };
  const shown = await click(async () => tooLong);
  expect(standIn.attemptsTo('views.update').at(-2)!.result).toBe('error');
  expect(shown.callback_id).not.toBe(ONE_MOMENT_CALLBACK_ID);
  expect(shown.blocks[0].text.text).toBe(apology());
});
