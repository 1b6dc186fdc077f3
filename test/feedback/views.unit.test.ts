import { Types } from 'mongoose';
import { inLanguage, t } from '../../src/i18n';
import { FEEDBACK_POINTS, questionsOf } from '../../src/features/feedback/forms';
import type { FeedbackResponse } from '../../src/features/feedback/model';
import { parseFeedbackForm } from '../../src/features/feedback/schemas';
import { formQuestions } from '../../src/features/feedback/service';
import type { Pair } from '../../src/pairs/model';
import { feedbackDays, requestTime } from '../../src/features/feedback/schedule';
import { totalsOf } from '../../src/features/feedback/staff-reads';
import {
  alertMessage,
  feedbackFormModal,
  requestMessage,
  sharedAnswersMessage,
  totalsMessage,
} from '../../src/features/feedback/views';
import { pairActionsBlock } from '../../src/features/staff';
import { checkMessageBlocks, checkView } from '../support/block-kit-limits';
import { formValues } from './drive';

const pairId = new Types.ObjectId().toHexString();
const goals = Array.from({ length: 5 }, (_, i) => `${i + 1} ${'g'.repeat(148)}`);

test('every form, with five long goals, is a modal Slack accepts (title, labels, options, block count)', () => {
  for (const point of FEEDBACK_POINTS) {
    const view = feedbackFormModal({ pairId, point, partnerId: 'U0MENTOR01', questions: questionsOf(point, goals) });
    expect(checkView(view)).toBeNull();
    const partnerIsStaff = { pairId, point, partnerId: 'U0MENTOR01', questions: questionsOf(point, goals) };
    expect(checkView(feedbackFormModal({ ...partnerIsStaff, partnerIsStaff: true }))).toBeNull();
    expect(view.blocks.length).toBeLessThanOrEqual(30); // short on a phone
    // Each question says who sees the answer: a choice, or a fixed line.
    for (const q of questionsOf(point, goals)) {
      const shown = JSON.stringify(view.blocks);
      if (q.visibilities.length === 1) expect(shown).toContain('Who sees this: program staff only');
      else if (!q.goalTitle) expect(shown).toContain(`feedback.v.${q.id}`);
    }
  }
  // Midpoint: one progress question per goal, one visibility for all of them.
  const midpoint = feedbackFormModal({
    pairId,
    point: 'midpoint',
    partnerId: 'U1',
    questions: questionsOf('midpoint', goals),
  });
  const ids = midpoint.blocks.map((b) => b.block_id);
  expect(ids.filter((id) => id?.startsWith('feedback.q.goal_'))).toHaveLength(5);
  expect(ids).toContain('feedback.v.goals');
});

test.each([
  'ar',
  'ru',
])('in %s, every form is a modal Slack accepts, and each visibility choice is shown whole', (lng) => {
  inLanguage(lng, () => {
    const visibilityTexts = [
      t('feedback.visibility.option.shared'),
      t('feedback.visibility.option.staff_only'),
      t('feedback.visibility.option.staff_only_partner_staff'),
      t('feedback.visibility.option.totals_only', { count: 5 }),
    ];
    for (const point of FEEDBACK_POINTS) {
      const input = { pairId, point, partnerId: 'U0MENTOR01', questions: questionsOf(point, goals) };
      for (const partnerIsStaff of [false, true]) {
        const view = feedbackFormModal({ ...input, partnerIsStaff });
        expect(checkView(view)).toBeNull();
        const shown = JSON.stringify(view);
        expect(shown).not.toMatch(/Who sees|Staff only|Counted only|Progress:/); // no English left
        // A choice is never cut at Slack's 75 characters: the promise is read in full.
        const options = view.blocks
          .filter((b) => b.block_id?.startsWith('feedback.v.'))
          .flatMap((b: any) => b.element.options.map((o: any) => o.text.text));
        expect(options.length).toBeGreaterThan(0);
        for (const o of options) expect(visibilityTexts).toContain(o);
      }
    }
    expect(checkMessageBlocks(requestMessage(pairId, 'one_month', 'C0PAIR0001').blocks)).toBeNull();
  });
});

test('messages are within Block Kit limits; typed text is escaped and never pings', () => {
  expect(checkMessageBlocks(requestMessage(pairId, 'one_month', 'C0PAIR0001').blocks)).toBeNull();
  expect(checkMessageBlocks(requestMessage(pairId, 'end', undefined, true).blocks)).toBeNull();
  const shared = sharedAnswersMessage('U0MENTEE01', 'midpoint', [
    { label: 'A suggestion that did not work, and why', answer: 'Hi <!channel> see <https://x.y|here> & <@U0OTHER01>' },
  ]);
  expect(checkMessageBlocks(shared.blocks)).toBeNull();
  expect(shared.text).toContain('Hi &lt;!channel&gt; see &lt;https://x.y|here&gt; &amp; &lt;@U0OTHER01&gt;');
  expect(shared.text).not.toContain('<!channel>');
  const alert = alertMessage(
    'U0MENTEE01',
    'C0PAIR0001',
    ['marked a concern urgent: "<!here> help"'],
    pairActionsBlock(pairId),
  );
  expect(checkMessageBlocks(alert.blocks)).toBeNull();
  expect(alert.text).not.toContain('<!here>');
});

test('answers are checked against the form: required, range, length, visibility offered', () => {
  const qs = questionsOf('end', ['Goal']);
  const ok = parseFeedbackForm(
    qs,
    formValues(
      { goals_met: 'all', concrete_change: 'x', recommend: '10', keep_in_touch: 'yes', quote: 'no' },
      {
        goals_met: 'shared',
        concrete_change: 'staff_only',
        recommend: 'totals_only',
        keep_in_touch: 'shared',
        quote: 'shared',
      },
    ),
  );
  expect(ok.errors).toEqual({});
  // The quote consent is staff only whatever the form says.
  expect(ok.answers.find((a) => a.questionId === 'quote')?.visibility).toBe('staff_only');
  const bad = parseFeedbackForm(
    qs,
    formValues(
      {
        goals_met: 'everything',
        concrete_change: 'y'.repeat(1001),
        recommend: '11',
        keep_in_touch: null,
        quote: 'yes',
      },
      { goals_met: 'shared', concrete_change: 'totals_only', recommend: 'shared', keep_in_touch: 'shared' },
    ),
  );
  expect(bad.errors).toEqual({
    'feedback.q.goals_met': 'Please choose one of the answers.',
    'feedback.q.concrete_change': 'Please keep this under 1000 characters.',
    'feedback.v.concrete_change': 'Please choose who sees this answer.',
    'feedback.q.recommend': 'Please choose one of the answers.',
    'feedback.q.keep_in_touch': 'Please answer this question.',
  });
});

test('totals: no figure under 5 answers; a written answer is counted, never shown', () => {
  const response = (i: number, value: string, text: string): FeedbackResponse =>
    ({
      _id: String(i),
      teamId: 'T1',
      pairId: new Types.ObjectId(),
      userId: `U${i}`,
      role: 'mentee',
      point: 'anytime',
      submittedAt: new Date(0),
      answers: [
        { questionId: 'how_going', value, visibility: 'totals_only' },
        { questionId: 'message', value: text, visibility: 'totals_only' },
      ],
    }) as unknown as FeedbackResponse;
  const four = [1, 2, 3, 4].map((i) => response(i, String(i), `SECRET-${i}`));
  expect(totalsMessage(totalsOf(four)).text).toContain('fewer than 5 people answered');
  expect(totalsMessage(totalsOf(four)).text).not.toMatch(/average/);
  const five = [...four, response(5, '5', '')];
  const text = totalsMessage(totalsOf(five)).text;
  expect(text).toContain('average 3 (5 answers)');
  expect(text).toContain('4 of 5 wrote something (not shown)');
  expect(text).not.toContain('SECRET');
});

test('request days: one month, the midpoint, a week before the end; at 09:00 local on a working day', () => {
  expect(feedbackDays('2026-12-01', '2027-05-31')).toEqual([
    { point: 'one_month', day: '2027-01-01' },
    { point: 'midpoint', day: '2027-03-01' },
    { point: 'end', day: '2027-05-24' },
  ]);
  expect(requestTime('2027-01-01', { tz: 'Asia/Dhaka' }).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  expect(requestTime('2027-01-01', { tz: 'America/New_York' }).toISOString()).toBe('2027-01-01T14:00:00.000Z');
  // A Saturday: the Monday morning.
  expect(requestTime('2027-01-02', { tz: 'America/New_York' }).toISOString()).toBe('2027-01-04T14:00:00.000Z');
});

test('totals count people, not answers: one person’s five goals or five quick forms show no figure', () => {
  const answersOf = (userId: string, point: string, answers: Array<[string, string]>, at = 0): FeedbackResponse =>
    ({
      _id: `${userId}-${point}-${at}`,
      teamId: 'T1',
      pairId: new Types.ObjectId('0123456789abcdef01234567'),
      userId,
      role: 'mentee',
      point,
      submittedAt: new Date(at),
      answers: answers.map(([questionId, value]) => ({ questionId, value, visibility: 'totals_only' })),
    }) as unknown as FeedbackResponse;
  // The midpoint: one person, five goals, one visibility for all of them (the form's one choice).
  const oneMidpoint = answersOf('U1', 'midpoint', [
    ['goal_1', 'done'],
    ['goal_2', 'done'],
    ['goal_3', 'some'],
    ['goal_4', 'not_started'],
    ['goal_5', 'done'],
  ]);
  const midpointText = totalsMessage(totalsOf([oneMidpoint])).text;
  expect(midpointText).toContain('fewer than 5 people answered');
  expect(midpointText).not.toMatch(/Done \d/);
  // The quick form, sent five times by one person: still one person's rating.
  const quick = [1, 2, 3, 4, 5].map((at) => answersOf('U1', 'anytime', [['how_going', '1']], at));
  const quickText = totalsMessage(totalsOf(quick)).text;
  expect(quickText).toContain('fewer than 5 people answered');
  expect(quickText).not.toMatch(/average/);
  // Four people more: each person counts once per question (their latest answer).
  const others = [2, 3, 4, 5].map((i) => answersOf(`U${i}`, 'anytime', [['how_going', '5']], i));
  const fiveText = totalsMessage(totalsOf([...quick, ...others])).text;
  expect(fiveText).toContain('average 4.2 (5 answers)');
});

test('the midpoint form asks progress only on goals still in play: not on a dropped or changed one', () => {
  const pair = {
    goals: [
      { title: 'Dropped goal', status: 'dropped' },
      { title: 'Live goal', status: 'in_progress' },
      { title: 'Changed goal', status: 'changed' },
      { title: 'Achieved goal', status: 'achieved' },
      { title: 'Old open goal', status: 'open' },
    ],
  } as unknown as Pair;
  const asked = formQuestions(pair, 'midpoint').filter((q) => q.goalTitle);
  // Each keeps its place in the pair's list, which is how stored answers are labelled later.
  expect(asked.map((q) => [q.id, q.goalTitle])).toEqual([
    ['goal_2', 'Live goal'],
    ['goal_4', 'Achieved goal'],
    ['goal_5', 'Old open goal'],
  ]);
  const view = feedbackFormModal({
    pairId,
    point: 'midpoint',
    partnerId: 'U1',
    questions: formQuestions(pair, 'midpoint'),
  });
  expect(JSON.stringify(view.blocks)).not.toMatch(/Dropped goal|Changed goal/);
});
