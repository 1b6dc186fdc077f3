/**
 * README: "`/mentorship digest` shows any staff member a private preview at any time"; anyone
 * else gets a clear refusal. Nothing is posted to the channel and nothing is stored.
 */
import { DigestModel } from '../../src/features/digest/model';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { withHarness } from '../support/with-harness';
import { checkMessageBlocks } from '../support/block-kit-limits';
import { rawDatesIn } from '../messages/visible-text';
import { insertProgram, NOW } from './program';

let h: Harness;
// A Wednesday afternoon: not the digest's day.
const clock = new FakeClock(new Date(NOW.getTime() + 2 * 86_400_000 + 6 * 3_600_000));
withHarness('digest_preview', (made) => (h = made), { clock });

async function digestCommand(
  userId: string,
  expected: number,
): Promise<Array<{ response_type?: string; text?: string; blocks?: unknown[] }>> {
  const before = h.standIn.responses.length;
  const res = await h.driver.command('/mentorship', 'digest', { userId, channelId: 'C0GENERAL1' });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(
    () => h.standIn.responses.length >= before + expected,
    8000,
    'the answers to /mentorship digest',
  );
  await new Promise((resolve) => setTimeout(resolve, 200)); // and no more
  return h.standIn.responses.slice(before).map((r) => r.body);
}

beforeEach(async () => {
  await insertProgram(h.standIn.teamId);
});

test.each([
  ['a staff member named in STAFF_USER_IDS', PEOPLE.staff.id],
  ['a member of the staff channel', PEOPLE.staffByChannel.id],
])('%s sees a private preview of the digest and its thread; nothing is posted or stored', async (_, userId) => {
  const answers = await digestCommand(userId, 2);
  expect(answers).toHaveLength(2); // the top message and the thread's one message
  for (const a of answers) {
    expect(a.response_type).toBe('ephemeral');
    expect(checkMessageBlocks(a.blocks)).toBeNull();
  }
  const [top, ...thread] = answers.map((a) => JSON.stringify(a));
  expect(top).toContain('Preview: only you can see this');
  expect(top).toContain('6 pairs in the program');
  expect(top).toContain(':red_circle: 1 at risk');
  expect(top).toContain('*Staff-only notes this week:* 1 in 1 pair');
  expect(thread.join('\n')).toContain('no reply from either side for 3 check-ins');
  expect(answers.map((a) => JSON.stringify(a)).join('\n')).not.toContain('SECRET-NOTE');
  expect(h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL)).toHaveLength(0);
  expect(await DigestModel.countDocuments({})).toBe(0);
  expect(rawDatesIn([], h.standIn.responses)).toEqual([]); // dates as Slack date tokens only
});

test('anyone else is told only staff can see it, and sees nothing of it', async () => {
  const answers = await digestCommand(PEOPLE.mentor.id, 1);
  expect(answers).toHaveLength(1);
  expect(answers[0]!.text).toBe(
    'Sorry, only program staff can see the weekly digest. If you think you should be staff, ask the program team to add you.',
  );
  expect(JSON.stringify(answers)).not.toContain('at risk');
});

test('the usage lists it', async () => {
  const res = await h.driver.command('/mentorship', 'help', { userId: PEOPLE.mentor.id });
  expect(JSON.stringify(res.json)).toContain('/mentorship digest');
});
