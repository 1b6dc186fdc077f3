import { parse } from 'csv-parse/sync';
import { GoalIds } from '../../src/features/goals/ids';
import { OutcomeModel } from '../../src/features/goals/model';
import { recordOutcome } from '../../src/features/goals';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';
import { mentorship } from '../staff/drive';
import {
  answerWithGoals,
  B,
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
withHarness('goals-outcomes', (made) => (h = made), { beforeEachTest: () => clock.set('2026-12-10T10:00:00Z'), clock });

const { mentor, mentee, staff, outsider } = PEOPLE;
const STORY = 'The central bank halved its fee for credit-history checks, so members run more checks';

test('closing an achieved goal records an outcome once; staff list it and export it; participants are refused', async () => {
  const pair = await createActivePair(h);
  const goalId = String((pair.goals[0] as any)._id);
  const { modal } = await press(h, mentor.id, GoalIds.closeButton, `${pair._id}:${goalId}`, pair.channel!.id!);
  expect(modal.callback_id).toBe(GoalIds.closeModal);
  // The quote consent defaults to no.
  expect(modal.blocks.find((b: any) => b.block_id === B.outcomeQuote).element.initial_option.value).toBe('no');

  // Nothing chosen, nothing said; an outcome on a dropped goal: answered on the fields.
  const empty = await submit(h, mentor.id, modal, { [B.closeWhat]: txt(' ') });
  expect(empty.errors).toEqual({
    [B.closeStatus]: 'Choose achieved, changed or dropped.',
    [B.closeWhat]: 'Say in a sentence what happened.',
  });
  const dropped = await submit(h, mentor.id, modal, {
    [B.closeStatus]: radio('dropped'),
    [B.closeWhat]: txt('The regulator froze all fees'),
    [B.outcomeStory]: txt(STORY),
  });
  expect(dropped.errors).toEqual({
    [B.outcomeStory]: 'An outcome is recorded for an achieved goal: choose Achieved, or leave the outcome empty.',
  });
  expect(await OutcomeModel.countDocuments()).toBe(0);

  const achieved = {
    [B.closeStatus]: radio('achieved'),
    [B.closeWhat]: txt('The fee is 1% from March'),
    [B.outcomeStory]: txt(STORY),
    [B.outcomeBeneficiaries]: txt('120 member MFIs & their <borrowers>'),
    [B.outcomeFigure]: txt('=fee down from 2% to 1%'),
    [B.outcomeQuote]: radio('yes'),
  };
  expect((await submit(h, mentor.id, modal, achieved)).response_action).toBe('clear');
  expect((await submit(h, mentor.id, modal, achieved)).response_action).toBe('clear'); // a double submit
  expect(await lineIn(h, pair, /achieved/)).toBe(
    ':white_check_mark: Alice Müller marked *Halve the central-bank fee* achieved, and recorded it as an outcome',
  );
  expect((await goalsOfPair(pair))[0]).toMatchObject({
    status: 'achieved',
    closed: { by: mentor.id, what: 'The fee is 1% from March' },
  });
  const outcomes = await OutcomeModel.find().lean();
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]).toMatchObject({
    teamId: pair.teamId,
    goalId,
    story: STORY,
    beneficiaries: '120 member MFIs & their <borrowers>',
    quoteConsent: true,
    recordedBy: mentor.id,
    source: 'goal_closed',
  });
  // A closed goal cannot be updated or closed again.
  const again = await press(h, mentee.id, GoalIds.updateButton, `${pair._id}:${goalId}`, pair.channel!.id!);
  expect(again.answer.text).toMatch(/already closed \(achieved\)/);

  // Another outcome, recorded by another feature (end feedback), not to be quoted; its retry records nothing more.
  const input = {
    teamId: pair.teamId,
    pairId: String(pair._id),
    story: 'Members now check credit history <!here>',
    quoteConsent: false,
    recordedBy: mentee.id,
    source: 'end_feedback' as const,
    key: 'feedback:end:1',
    at: new Date('2026-12-11T10:00:00Z'),
  };
  const first = await recordOutcome(input);
  expect(first.created).toBe(true);
  expect(await recordOutcome(input)).toEqual({ outcomeId: first.outcomeId, created: false });

  // /mentorship outcomes: staff only, newest first, quote consent shown, typed text escaped.
  for (const who of [mentor.id, mentee.id, outsider.id]) {
    const refused = await mentorship(h, 'outcomes', who);
    expect(refused.text).toMatch(/only program staff/);
    expect(JSON.stringify(refused)).not.toContain('central bank');
  }
  const listed = await mentorship(h, 'outcomes', staff.id);
  expect(listed.response_type).toBe('ephemeral');
  const sections = listed.blocks.filter((b: any) => b.type === 'section').map((b: any) => b.text.text as string);
  expect(sections).toHaveLength(2);
  expect(sections[0]).toContain('Members now check credit history &lt;!here&gt;');
  expect(sections[0]).toContain(':lock: Not for quoting.');
  expect(sections[1]).toContain(`<#${pair.channel!.id}> · *Halve the central-bank fee*`);
  expect(sections[1]).toContain(STORY);
  expect(sections[1]).toContain('_Who benefits:_ 120 member MFIs &amp; their &lt;borrowers&gt;');
  expect(sections[1]).toContain(':speech_balloon: May be quoted.');
  expect(sections[1]).toContain('by Alice Müller');

  // export outcomes: a CSV in the staff member's DM; refused to participants.
  expect((await mentorship(h, 'export outcomes', mentee.id)).text).toMatch(/only program staff/);
  expect(h.standIn.files.size).toBe(0);
  expect((await mentorship(h, 'export outcomes', staff.id)).text).toContain('The outcomes export is in your DM');
  const file = [...h.standIn.files.values()].at(-1)!;
  expect(file.channel).toBe(h.standIn.dmChannelOf(staff.id));
  const rows = parse(h.standIn.fileText(file.id), { columns: true });
  expect(rows).toEqual([
    expect.objectContaining({ 'the change': 'Members now check credit history <!here>', 'may be quoted': 'no' }),
    expect.objectContaining({
      pair: `#${pair.channel!.name}`,
      mentor: 'Alice Müller',
      mentee: 'Karim Rahman',
      goal: 'Halve the central-bank fee',
      'the change': STORY,
      'who benefits': '120 member MFIs & their <borrowers>',
      figure: "'=fee down from 2% to 1%",
      'may be quoted': 'yes',
      'recorded by': 'Alice Müller',
      'recorded from': 'goal_closed',
    }),
  ]);
}, 120_000);

test('a check-in answer records progress as a note and starts a not-started goal; it never closes one', async () => {
  const pair = await createActivePair(h, {
    goals: [
      ['Halve the central-bank fee', '1% fee'],
      ['Grow membership', '200 members'],
    ],
  });
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  clock.set('2026-12-08T14:00:00Z');
  // Goal 1 on track with a note, goal 2 not started yet.
  await answerWithGoals(h, pair, 1, mentee.id, [
    { status: 'on_track', note: 'Draft letter <sent>' },
    { status: 'not_started' },
  ]);
  let goals = await goalsOfPair(pair);
  expect(goals[0]).toMatchObject({
    status: 'in_progress',
    noteCount: 1,
    lastNote: { by: mentee.id, progress: 'on_track', text: 'Draft letter <sent>' },
  });
  expect(goals[1]).toMatchObject({ status: 'not_started', noteCount: 0 });
  // The answer edited (the same form again): its notes are updated, not doubled.
  await answerWithGoals(
    h,
    pair,
    1,
    mentee.id,
    [{ status: 'on_track', note: 'Letter sent' }, { status: 'not_started' }],
    'VEDIT1',
  );
  const notes = await notesOf(pair);
  expect(notes).toHaveLength(1);
  expect(notes.find((n) => n.goalId === String(goals[0]._id))).toMatchObject({
    source: 'checkin',
    text: 'Letter sent',
  });
  // The mentor reports goal 1 achieved: a note, but the goal stays open (closing asks what happened).
  await answerWithGoals(h, pair, 1, mentor.id, [{ status: 'achieved' }, { status: 'some_progress' }]);
  goals = await goalsOfPair(pair);
  expect(goals[0]).toMatchObject({ status: 'in_progress', noteCount: 2 });
  expect(goals[1]).toMatchObject({ status: 'in_progress', noteCount: 1 });

  // The goals message shows it as in progress, with the answer as its latest note.
  const { posted } = await typeCommand(h, mentor.id, pair.channel!.id!, 'goals');
  const shown = JSON.stringify(posted.blocks);
  expect(shown).toContain('*1. Halve the central-bank fee* — _in progress_');
  expect(shown).toContain('Latest: _reported achieved_ (Alice Müller');
  expect(shown).toContain('*2. Grow membership* — _in progress_');
  expect((await reload(pair)).goals.every((g: any) => g.status !== 'achieved')).toBe(true);
}, 120_000);
