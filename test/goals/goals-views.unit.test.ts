import { Types } from 'mongoose';
import { GoalIds } from '../../src/features/goals/ids';
import { readCloseForm, readGoalFields, readUpdateForm } from '../../src/features/goals/schemas';
import type { Goal } from '../../src/features/goals/service';
import {
  addGoalModal,
  closeGoalModal,
  goalsMessage,
  MAX_OUTCOMES_SHOWN,
  outcomesMessage,
  updateGoalModal,
} from '../../src/features/goals/views';
import { goalStatusLabel, goalStatusOf, isLiveGoal } from '../../src/pairs/goal-status';
import { checkMessageBlocks, checkView } from '../support/block-kit-limits';
import { inputValues } from '../support/slack-driver';

const B = GoalIds.block;
const A = GoalIds.inputAction;
const long = (n: number, c = 'x') => c.repeat(n);
const pairId = String(new Types.ObjectId());

function goal(over: Partial<Goal> = {}): Goal {
  return { _id: new Types.ObjectId(), title: 'Halve the fee', successCriteria: '1% fee', ...over };
}

test('stored statuses read the same everywhere: open is not started, or in progress once it has notes', () => {
  expect(goalStatusOf({ status: 'open' })).toBe('not_started');
  expect(goalStatusOf({ status: 'open', noteCount: 2 })).toBe('in_progress');
  expect(goalStatusOf({})).toBe('not_started');
  expect(goalStatusOf({ status: 'achieved', noteCount: 3 })).toBe('achieved');
  expect(goalStatusLabel({ status: 'dropped' })).toBe('dropped');
  expect([{ status: 'open' }, { status: 'in_progress' }, { status: 'changed' }].map(isLiveGoal)).toEqual([
    true,
    true,
    false,
  ]);
});

test('the goals message at its largest stays within Block Kit limits; typed text is escaped; closed goals have no buttons', () => {
  const milestones = Array.from({ length: 5 }, (_, i) => ({
    title: long(150),
    dueDay: `2027-0${i + 1}-01`,
    done: i % 2 === 0,
  }));
  const live = Array.from({ length: 5 }, () =>
    goal({
      title: `<!channel> ${long(140)}`,
      successCriteria: long(500),
      status: 'in_progress',
      noteCount: 4,
      lastNote: { by: 'U1', at: new Date(), text: long(1000, '<'), progress: 'on_track' },
      milestones,
    }),
  );
  const closed = Array.from({ length: 15 }, () =>
    goal({ title: long(150), status: 'achieved', closed: { by: 'U1', at: new Date(), what: long(1000) } }),
  );
  const shown = goalsMessage({ pairId, goals: [...live, ...closed], names: new Map([['U1', '<@U2>']]) });
  expect(checkMessageBlocks(shown.blocks)).toBeNull();
  const json = JSON.stringify(shown);
  expect(json).not.toContain('<!channel>');
  expect(json).not.toContain('<@U2>');
  expect(json).toContain('&lt;!channel&gt;');
  expect(json).toContain('…and 6 more.');
  // The milestones survive the longest note.
  expect((json.match(/:white_square:/g) ?? []).length).toBe(10);
  // Five open goals: three buttons each, and no "Add a goal" (the most a pair keeps open).
  const buttons = shown.blocks.flatMap((b: any) => b.elements ?? []).filter((e: any) => e.type === 'button');
  expect(buttons).toHaveLength(15);
  expect(json).not.toContain(GoalIds.addButton);
  expect(json).toContain('5 open goals');
});

test('the modals stay within Block Kit limits', () => {
  const g = goal({
    title: long(150),
    successCriteria: long(500),
    milestones: Array.from({ length: 5 }, () => ({ title: long(150), dueDay: '2027-01-01', done: true })),
  });
  const notes = Array.from({ length: 3 }, () => ({
    name: long(80),
    at: new Date(),
    text: long(1000),
    progress: 'stuck',
  }));
  for (const view of [addGoalModal(pairId), updateGoalModal(pairId, g, notes), closeGoalModal(pairId, g)])
    expect(checkView(view)).toBeNull();
});

const values = (fields: Record<string, string | string[] | null>) =>
  inputValues(
    Object.fromEntries(
      Object.entries(fields).map(([block, value]) => {
        const type = block.endsWith('_due')
          ? 'datepicker'
          : block.endsWith('_done')
            ? 'checkboxes'
            : block === B.status
              ? 'static_select'
              : [B.closeStatus, B.outcomeQuote].includes(block as never)
                ? 'radio_buttons'
                : 'plain_text_input';
        return [block, { actionId: A, type, value }];
      }),
    ) as never,
  );

test('the forms: every wrong value answered on its own field', () => {
  expect(readGoalFields(values({ [B.title]: '  Grow  ', [B.success]: ' 200 ' }))).toEqual({
    ok: true,
    input: { title: 'Grow', successCriteria: '200' },
  });
  expect(readGoalFields(values({ [B.title]: long(151), [B.success]: long(501) }))).toEqual({
    ok: false,
    errors: {
      [B.title]: 'The goal can be at most 150 characters.',
      [B.success]: 'What success looks like can be at most 500 characters.',
    },
  });
  const program = { startDate: '2026-12-01', endDate: '2027-05-31' };
  expect(
    readUpdateForm(
      values({ [B.status]: 'in_progress', [B.milestoneDue(4)]: 'not-a-day', [B.milestoneTitle(4)]: 'x' }),
      program,
    ),
  ).toEqual({ ok: false, errors: { [B.milestoneDue(4)]: 'Choose a date.' } });
  expect(
    readUpdateForm(
      values({
        [B.status]: 'not_started',
        [B.note]: ' n ',
        [B.milestoneTitle(2)]: 'm',
        [B.milestoneDue(2)]: '2027-06-30',
      }),
      program,
    ),
  ).toEqual({
    ok: true,
    input: { status: 'not_started', note: 'n', milestones: [{ title: 'm', dueDay: '2027-06-30', done: false }] },
  });
  expect(
    readCloseForm(values({ [B.closeStatus]: 'achieved', [B.closeWhat]: 'done', [B.outcomeFigure]: '20%' })),
  ).toEqual({
    ok: false,
    errors: { [B.outcomeStory]: 'Say what changed, or leave the outcome empty.' },
  });
  expect(readCloseForm(values({ [B.closeStatus]: 'changed', [B.closeWhat]: 'moved on' }))).toEqual({
    ok: true,
    input: { status: 'changed', what: 'moved on' },
  });
  expect(readCloseForm(values({ [B.closeStatus]: 'open', [B.closeWhat]: 'x', [B.outcomeQuote]: 'maybe' }))).toEqual({
    ok: false,
    errors: { [B.closeStatus]: 'Choose achieved, changed or dropped.', [B.outcomeQuote]: 'Choose yes or no.' },
  });
});

test('the outcomes list: newest first as given, at most 40 shown with the rest counted, within 50 blocks', () => {
  const outcomes = Array.from({ length: 60 }, (_, i) => ({
    outcomeId: String(i),
    teamId: 'T1',
    pairId,
    goalTitle: long(150),
    story: `${i} <!here> ${long(990, '<')}`,
    beneficiaries: long(300),
    figure: long(150),
    quoteConsent: i % 2 === 0,
    recordedBy: 'U1',
    recordedAt: new Date(),
    source: 'goal_closed' as const,
    channelId: 'C0PAIR0001',
    pairLabel: 'A and K',
    recordedByName: '<@U9>',
  }));
  const shown = outcomesMessage(outcomes);
  expect(checkMessageBlocks(shown.blocks)).toBeNull();
  expect(shown.blocks.filter((b) => b.type === 'section')).toHaveLength(MAX_OUTCOMES_SHOWN);
  const json = JSON.stringify(shown);
  expect(json).toContain('…and 20 more.');
  expect(json).not.toContain('<!here>');
  expect(json).not.toContain('<@U9>');
  // The quote consent survives the longest story (it comes before it).
  expect((json.match(/May be quoted|Not for quoting/g) ?? []).length).toBe(MAX_OUTCOMES_SHOWN);
  expect(checkMessageBlocks(outcomesMessage([]).blocks)).toBeNull();
});
