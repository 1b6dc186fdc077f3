import { GoalIds } from '../../src/features/goals/ids';
import { OutcomeModel } from '../../src/features/goals/model';
import { closeGoal } from '../../src/features/goals/service';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { B, channelPosts, lineIn, press, radio, submit, txt } from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-10T10:00:00Z'));
withHarness('goals-resume', (made) => (h = made), { beforeEachTest: () => clock.set('2026-12-10T10:00:00Z'), clock });

const { mentor } = PEOPLE;

test('a close whose first delivery stopped after closing the goal: sent again, the outcome is recorded and the line posted, once', async () => {
  const pair = await createActivePair(h);
  const goalId = String((pair.goals[0] as any)._id);
  const { modal } = await press(h, mentor.id, GoalIds.closeButton, `${pair._id}:${goalId}`, pair.channel!.id!);
  const what = 'The fee is 1% from March';
  // The first delivery closed the goal, then the database went away before the outcome was written
  // ("press the button again in a minute"): nothing was posted.
  await closeGoal(pair, goalId, mentor.id, { status: 'achieved', what }, clock.now());
  const form = {
    [B.closeStatus]: radio('achieved'),
    [B.closeWhat]: txt(what),
    [B.outcomeStory]: txt('The central bank halved its fee'),
    [B.outcomeQuote]: radio('no'),
  };
  expect((await submit(h, mentor.id, modal, form)).response_action).toBe('clear');
  expect(await lineIn(h, pair, /achieved/)).toBe(
    ':white_check_mark: Alice Müller marked *Halve the central-bank fee* achieved, and recorded it as an outcome',
  );
  expect(await OutcomeModel.countDocuments({ pairId: pair._id })).toBe(1);
  // Sent once more: nothing new.
  expect((await submit(h, mentor.id, modal, form)).response_action).toBe('clear');
  await new Promise((r) => setTimeout(r, 500));
  expect(channelPosts(h, pair).filter((m) => /achieved/.test(m.text ?? ''))).toHaveLength(1);
  expect(await OutcomeModel.countDocuments({ pairId: pair._id })).toBe(1);
}, 60_000);
