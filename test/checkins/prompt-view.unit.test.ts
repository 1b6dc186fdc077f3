import { CheckinIds } from '../../src/features/checkins/ids';
import { checkinPrompt, type PromptInput } from '../../src/features/checkins/prompt-view';

const MENTOR = 'U0MENTOR01';
const MENTEE = 'U0MENTEE01';

function input(over: Partial<PromptInput> = {}): PromptInput {
  return {
    checkinId: '6b0b6b025ce5f630a5f34c56',
    period: 3,
    kind: 'regular',
    dueDay: '2026-12-22',
    late: false,
    postedAt: new Date('2026-12-22T13:00:00Z'),
    mentor: { userId: MENTOR, tz: 'America/New_York', name: 'Alice Müller' },
    mentee: { userId: MENTEE, tz: 'Asia/Dhaka', name: 'Karim Rahman' },
    mention: { mentor: true, mentee: true },
    goalTitles: ['Halve the central-bank fee', 'Launch a <member> newsletter'],
    openSteps: [
      { owner: 'Karim Rahman', what: 'Draft the letter', dueDay: '2026-12-18', overdue: true },
      { owner: 'Alice Müller', what: 'Share the template', dueDay: '2026-12-28', overdue: false },
    ],
    repliedBy: [],
    answerBy: new Date('2026-12-29T13:00:00Z'),
    ...over,
  };
}

const sections = (p: PromptInput) =>
  checkinPrompt(p)
    .blocks.filter((b) => b.type === 'section')
    .map((b) => (b as { text: { text: string } }).text.text);

describe('the check-in prompt', () => {
  test('goals are a short list, one per line, typed text escaped', () => {
    const goals = sections(input()).find((t) => t.startsWith('*Goals*'))!;
    expect(goals.split('\n')).toEqual([
      '*Goals*',
      '1. Halve the central-bank fee',
      '2. Launch a &lt;member&gt; newsletter',
    ]);
  });

  test('open next steps name the owner in plain text, never with a mention, each due day a date token', () => {
    const steps = sections(input()).find((t) => t.startsWith('*Open next steps*'))!;
    expect(steps).not.toMatch(/<@/);
    const noon18 = Date.parse('2026-12-18T12:00:00Z') / 1000;
    expect(steps.split('\n')).toEqual([
      '*Open next steps*',
      `• Draft the letter (Karim Rahman, by <!date^${noon18}^{date_short_pretty}|Friday 18 December 2026>, overdue)`,
      expect.stringMatching(
        /^• Share the template \(Alice Müller, by <!date\^\d+\^\{date_short_pretty\}\|Monday 28 December 2026>\)$/,
      ),
    ]);
    expect(JSON.stringify(checkinPrompt(input()).blocks)).not.toMatch(/Overdue commitments/);
  });

  test('"Answer by" is a Slack date token of the next check-in', () => {
    const answerBy = sections(input()).find((t) => t.startsWith('*Answer by'))!;
    expect(answerBy).toContain(`<!date^${Date.parse('2026-12-29T13:00:00Z') / 1000}^{date_long_pretty}|`);
    expect(sections(input({ answerBy: undefined })).some((t) => t.startsWith('*Answer by'))).toBe(false);
  });

  test('the buttons and the status line: answered, did not meet, skipped, waiting', () => {
    const prompt = checkinPrompt(input({ repliedBy: [MENTEE] }));
    const actions = prompt.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      CheckinIds.replyButton,
      CheckinIds.didNotMeetButton,
      CheckinIds.skipButton,
    ]);
    const status = (p: PromptInput) => JSON.stringify(checkinPrompt(p).blocks.at(-1));
    expect(status(input({ repliedBy: [MENTEE] }))).toContain(`:white_check_mark: <@${MENTEE}> answered`);
    expect(status(input({ repliedBy: [MENTEE] }))).toContain(
      `:hourglass_flowing_sand: <@${MENTOR}> has not answered yet`,
    );
    const quick = input({
      repliedBy: [MENTEE, MENTOR],
      quickAnswers: { [MENTEE]: 'skipped', [MENTOR]: 'did_not_meet' },
    });
    expect(status(quick)).toContain(`<@${MENTEE}> skipped this week`);
    expect(status(quick)).toContain(`<@${MENTOR}>: we did not meet this week`);
  });
});
