import { GoalIds } from '../../src/features/goals/ids';
import { GoalNoteModel } from '../../src/features/goals/model';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import {
  B,
  buttonValue,
  channelPosts,
  checked,
  choose,
  day,
  goalsOfPair,
  lineIn,
  notesOf,
  press,
  radio,
  reload,
  submit,
  txt,
  typeCommand,
} from './drive';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-10T10:00:00Z'));
withHarness('goals', (made) => (h = made), { beforeEachTest: () => clock.set('2026-12-10T10:00:00Z'), clock });

const { mentor, mentee, staff, outsider } = PEOPLE;
const GENERAL = 'C0GENERAL1';

/** The goals message posted in the pair's channel by `/mentorship goals`. */
async function goalsPosted(pair: Awaited<ReturnType<typeof createActivePair>>, userId: string) {
  const { posted, answer } = await typeCommand(h, userId, pair.channel!.id!, 'goals');
  if (!posted) throw new Error(`no goals message: ${JSON.stringify(answer)}`);
  expect(posted.channel).toBe(pair.channel!.id!);
  return posted;
}

test('/mentorship goals: posted in the pair channel for the mentor, the mentee and staff; refused elsewhere and to outsiders', async () => {
  const pair = await createActivePair(h);
  for (const who of [mentee.id, mentor.id, staff.id]) {
    const posted = await goalsPosted(pair, who);
    const shown = JSON.stringify(posted.blocks);
    expect(shown).toContain('*1. Halve the central-bank fee* — _not started_');
    expect(shown).toContain('Success: The fee for member MFIs drops from 2% to 1%');
    expect(buttonValue(posted, GoalIds.updateButton)).toBe(`${pair._id}:${(pair.goals[0] as any)._id}`);
    expect(buttonValue(posted, GoalIds.addButton)).toBe(String(pair._id));
  }
  const before = channelPosts(h, pair).length;
  // An outsider in the pair's channel, anyone outside a pair channel: a clear private answer, nothing posted.
  const refused = await typeCommand(h, outsider.id, pair.channel!.id!, 'goals');
  expect(refused.answer.response_type).toBe('ephemeral');
  expect(refused.answer.text).toMatch(/Only the mentor, the mentee or program staff/);
  const elsewhere = await typeCommand(h, mentee.id, GENERAL, 'goals');
  expect(elsewhere.answer.text).toMatch(/in your mentorship’s channel/);
  const named = await typeCommand(h, mentee.id, GENERAL, 'goals <#C0GENERAL1|general>');
  expect(named.answer.text).toMatch(/is not a mentoring pair's channel/);
  expect(channelPosts(h, pair).length).toBe(before);
  // Staff may name the pair from anywhere: the goals come to them privately, buttons included.
  const forStaff = await typeCommand(h, staff.id, GENERAL, `goals <#${pair.channel!.id!}|${pair.channel!.name}>`);
  expect(forStaff.answer.response_type).toBe('ephemeral');
  expect(JSON.stringify(forStaff.answer.blocks)).toContain('Halve the central-bank fee');
  expect(buttonValue(forStaff.answer, GoalIds.closeButton)).toContain(String(pair._id));
  const outsiderNamed = await typeCommand(h, outsider.id, GENERAL, `goals <#${pair.channel!.id!}|x>`);
  expect(outsiderNamed.answer.text).toMatch(/Only the mentor, the mentee or program staff/);
  expect(JSON.stringify(outsiderNamed.answer)).not.toContain('Halve');
}, 120_000);

test('add, edit and update a goal from the channel buttons: field errors, one short escaped line per change, notes kept', async () => {
  const pair = await createActivePair(h);
  const posted = await goalsPosted(pair, mentor.id);

  // Add (the mentor): wrong values answered on their fields, nothing stored.
  const { modal: add } = await press(h, mentor.id, GoalIds.addButton, buttonValue(posted, GoalIds.addButton));
  expect(add.callback_id).toBe(GoalIds.addModal);
  const empty = await submit(h, mentor.id, add, { [B.title]: txt('  '), [B.success]: txt('') });
  expect(empty.response_action).toBe('errors');
  expect(empty.errors[B.title]).toBe('Give the goal a short title.');
  expect(empty.errors[B.success]).toBe('Say what success looks like for this goal.');
  const tooLong = await submit(h, mentor.id, add, { [B.title]: txt('x'.repeat(151)), [B.success]: txt('ok') });
  expect(tooLong.errors[B.title]).toBe('The goal can be at most 150 characters.');
  expect((await goalsOfPair(pair)).length).toBe(1);

  // A title with a broadcast in it: stored as typed, shown escaped, never a ping. Sent twice: added once.
  const typed = { [B.title]: txt('<!channel> Grow membership & <@U0OUTSIDE1>'), [B.success]: txt('200 members') };
  expect((await submit(h, mentor.id, add, typed)).response_action).toBe('clear');
  expect((await submit(h, mentor.id, add, typed)).response_action).toBe('clear');
  let goals = await goalsOfPair(pair);
  expect(goals.map((g) => g.title)).toEqual([
    'Halve the central-bank fee',
    '<!channel> Grow membership & <@U0OUTSIDE1>',
  ]);
  expect(goals[1]).toMatchObject({ status: 'not_started', addedBy: mentor.id });
  await lineIn(h, pair, /added a goal/);
  let lines = channelPosts(h, pair).filter((m) => /added a goal/.test(m.text ?? ''));
  expect(lines).toHaveLength(1);
  expect(lines[0].text).toBe(
    ':dart: Alice Müller added a goal: *&lt;!channel&gt; Grow membership &amp; &lt;@U0OUTSIDE1&gt;*',
  );
  expect(JSON.stringify(h.standIn.messages)).not.toContain('<!channel>');
  expect(JSON.stringify(h.standIn.messages)).not.toContain('<@U0OUTSIDE1>');

  // Update (the mentee): a milestone without a date, one after the program, a status to close: field errors.
  const goalId = String(goals[0]._id);
  const { modal: update } = await press(h, mentee.id, GoalIds.updateButton, `${pair._id}:${goalId}`, pair.channel!.id!);
  expect(update.callback_id).toBe(GoalIds.updateModal);
  const bad = await submit(h, mentee.id, update, {
    [B.status]: choose('achieved'),
    [B.milestoneTitle(1)]: txt('Meet the central bank'),
    [B.milestoneTitle(2)]: txt('Board vote'),
    [B.milestoneDue(2)]: day('2027-09-01'),
    [B.milestoneDue(3)]: day('2026-01-05'),
  });
  expect(bad.response_action).toBe('errors');
  expect(bad.errors).toEqual({
    [B.status]: 'Choose not started or in progress (to close the goal, use Close).',
    [B.milestoneDue(1)]: 'Choose the day it should be done by.',
    [B.milestoneDue(2)]: 'Choose a day at most 30 days after the program ends (Wednesday 30 June 2027 at the latest).',
    [B.milestoneTitle(3)]: 'Say what the milestone is, or clear its date.',
    [B.milestoneDue(3)]: 'Choose a day in the program (it started Tuesday 1 December 2026).',
  });
  expect(await notesOf(pair)).toHaveLength(0);

  const good = {
    [B.status]: choose('in_progress'),
    [B.note]: txt('Met the <b>deputy</b> governor'),
    [B.milestoneTitle(1)]: txt('Meet the central bank'),
    [B.milestoneDue(1)]: day('2027-01-15'),
    [B.milestoneDone(1)]: checked(['done']),
    [B.milestoneTitle(2)]: txt('Board vote'),
    [B.milestoneDue(2)]: day('2027-03-01'),
  };
  expect((await submit(h, mentee.id, update, good)).response_action).toBe('clear');
  expect((await submit(h, mentee.id, update, good)).response_action).toBe('clear'); // a double submit
  goals = await goalsOfPair(pair);
  expect(goals[0]).toMatchObject({
    status: 'in_progress',
    noteCount: 1,
    lastNote: { by: mentee.id, text: 'Met the <b>deputy</b> governor' },
    milestones: [
      { title: 'Meet the central bank', dueDay: '2027-01-15', done: true },
      { title: 'Board vote', dueDay: '2027-03-01', done: false },
    ],
  });
  const notes = await notesOf(pair);
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ by: mentee.id, goalId, source: 'update', text: 'Met the <b>deputy</b> governor' });
  await lineIn(h, pair, /marked/);
  lines = channelPosts(h, pair).filter((m) => /marked/.test(m.text ?? ''));
  expect(lines.map((m) => m.text)).toEqual([
    ':large_blue_circle: Karim Rahman marked *Halve the central-bank fee* in progress and added a note',
  ]);

  // The goals message now shows the status, the latest note (escaped) and the milestones with Slack dates.
  const again = JSON.stringify((await goalsPosted(pair, mentee.id)).blocks);
  expect(again).toContain('— _in progress_');
  expect(again).toContain('Latest: “Met the &lt;b&gt;deputy&lt;/b&gt; governor” (Karim Rahman, <!date^');
  expect(again).toMatch(/:ballot_box_with_check: ~Meet the central bank~ \(<!date\^\d+\^\{date_short_pretty\}\|/);
  expect(again).toMatch(/:white_square: Board vote, by <!date\^\d+\^\{date_short_pretty\}\|Monday 1 March 2027>/);

  // Edit (staff): the title; a new line names the staff member.
  const { modal: edit } = await press(h, staff.id, GoalIds.editButton, `${pair._id}:${goalId}`, pair.channel!.id!);
  expect(edit.blocks.find((b: any) => b.block_id === B.title).element.initial_value).toBe('Halve the central-bank fee');
  const edited = await submit(h, staff.id, edit, { [B.title]: txt('Halve the fee'), [B.success]: txt('1% fee') });
  expect(edited.response_action).toBe('clear');
  expect((await goalsOfPair(pair))[0]).toMatchObject({
    title: 'Halve the fee',
    successCriteria: '1% fee',
    status: 'in_progress',
  });
  expect(await lineIn(h, pair, /edited/)).toBe(':pencil2: Sam Staff edited the goal *Halve the fee*');
  // Both people's Home tabs are published again with the new title.
  for (const who of [mentor.id, mentee.id])
    await h.standIn.waitFor(
      () => JSON.stringify(h.standIn.homeViewOf(who)?.blocks ?? []).includes('Halve the fee'),
      5000,
      `the Home tab of ${who} refreshed`,
    );
  // By now any second line from the double submits would be there: each change was announced once.
  expect(channelPosts(h, pair).filter((m) => /added a goal/.test(m.text ?? ''))).toHaveLength(1);
  expect(channelPosts(h, pair).filter((m) => /marked/.test(m.text ?? ''))).toHaveLength(1);
}, 120_000);

test('an outsider and forged values are refused with nothing changed', async () => {
  const pair = await createActivePair(h);
  const other = await createActivePair(h, { mentee: PEOPLE.mentee2.id });
  const goalId = String((pair.goals[0] as any)._id);
  const otherGoalId = String((other.goals[0] as any)._id);
  const before = JSON.stringify((await reload(pair)).goals);
  const posts = h.standIn.messages.length;

  // An outsider pressing a real button; the mentee of another pair pressing this pair's.
  for (const who of [outsider.id, PEOPLE.mentee2.id]) {
    for (const action of [GoalIds.updateButton, GoalIds.closeButton, GoalIds.editButton]) {
      const { answer, modal } = await press(h, who, action, `${pair._id}:${goalId}`, GENERAL);
      expect(modal).toBeUndefined();
      expect(answer.text).toMatch(/Only the mentor, the mentee or program staff/);
    }
    const add = await press(h, who, GoalIds.addButton, String(pair._id), GENERAL);
    expect(add.answer.text).toMatch(/Only the mentor, the mentee or program staff/);
  }
  // From App Home (no response_url): the refusal comes as a small window; the mentee gets the form.
  const fromHome = await press(h, outsider.id, GoalIds.updateButton, `${pair._id}:${goalId}`, undefined, true);
  expect(fromHome.modal.callback_id).toBe('');
  expect(JSON.stringify(fromHome.modal.blocks)).toMatch(/Only the mentor, the mentee or program staff/);
  const homeForm = await press(h, mentee.id, GoalIds.updateButton, `${pair._id}:${goalId}`, undefined, true);
  expect(homeForm.modal.callback_id).toBe(GoalIds.updateModal);
  // Forged values: a goal of another pair, a pair that does not exist, nonsense.
  for (const value of [`${pair._id}:${otherGoalId}`, `aaaaaaaaaaaaaaaaaaaaaaaa:${goalId}`, 'x:y:z', '']) {
    const { answer } = await press(h, mentee.id, GoalIds.updateButton, value, GENERAL);
    expect(answer.text).toMatch(/no longer exists/);
  }
  // A modal opened for this pair, its private_metadata forged to the other pair's goal: refused on the form.
  const { modal } = await press(h, mentee.id, GoalIds.closeButton, `${pair._id}:${goalId}`, GENERAL);
  const close = { [B.closeStatus]: radio('dropped'), [B.closeWhat]: txt('forged') };
  const forged = await submit(
    h,
    mentee.id,
    modal,
    close,
    JSON.stringify({ pairId: String(other._id), goalId: otherGoalId }),
  );
  expect(forged.response_action).toBe('errors');
  expect(forged.errors[B.closeStatus]).toMatch(/Only the mentor, the mentee or program staff/);
  const garbled = await submit(h, mentee.id, modal, close, '{"pairId":');
  expect(garbled.errors[B.closeStatus]).toBe('That mentorship no longer exists.');
  const wrongGoal = await submit(
    h,
    mentee.id,
    modal,
    close,
    JSON.stringify({ pairId: String(pair._id), goalId: otherGoalId }),
  );
  expect(wrongGoal.errors[B.closeStatus]).toBe('That goal no longer exists.');
  // The outsider submitting the real modal.
  const byOutsider = await submit(h, outsider.id, modal, close);
  expect(byOutsider.errors[B.closeStatus]).toMatch(/Only the mentor, the mentee or program staff/);

  expect(JSON.stringify((await reload(pair)).goals)).toBe(before);
  expect((await reload(other)).goals[0]).toMatchObject({ status: 'not_started' });
  expect(h.standIn.messages.slice(posts).filter((m) => !m.ephemeral)).toHaveLength(0);
  expect(await GoalNoteModel.countDocuments()).toBe(0);
}, 120_000);
