/**
 * Text people type reaches Slack as text: on every surface that shows it, a typed `<!channel>`,
 * `<!here>`, `<@U…>`, `<#C…>` or `<https://…|label>` must not become a live broadcast, mention or
 * link, and `&` must be escaped exactly once (never `&amp;amp;`). Everything is driven through the
 * real app and checked on what the Slack stand-in recorded: every Web API call, every response_url
 * post and every acknowledgement body, walked recursively.
 */
import { CheckinIds } from '../../src/features/checkins/ids';
import { CommitmentIds } from '../../src/features/commitments/ids';
import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { pairFormValues } from '../support/pair-form';
import { inputValues } from '../support/slack-driver';
import { withHarness } from '../support/with-harness';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-01T10:00:00Z'));
withHarness('escaping_user_text', (made) => (h = made), { clock, fresh: false });

/**
 * What a person types, tagged with the field it was typed in: a broadcast, a mention of the
 * pair's mentor and of someone the bot never mentions, a channel, a disguised link and an `&`.
 */
const typed = (field: string) =>
  `${field} <!channel> <!here> <@U0MENTOR01> <@U0OUTSIDE1> <#C123> <https://x.example|y> R&D`;
/** The same within 60 characters (the country fields). */
const typedShort = (field: string) => `${field} <!here><@U0MENTOR01><#C123><https://x.example|y>&`;

/** People whose Slack profile names are typed text too. */
const EVE = { id: 'U0EVIL0001', name: 'eve', real_name: 'Eve <!here> <@U0OUTSIDE1> & Co', tz: 'Asia/Dhaka' };
const EVAN = { id: 'U0EVIL0002', name: 'evan', real_name: 'Evan <!channel> & Sons', tz: 'Africa/Tunis' };
const ENZO = { id: 'U0EVIL0003', name: 'enzo', real_name: 'Enzo <https://x.example|y>', tz: 'Europe/Rome' };

/** Slack's own rendering of mrkdwn and `text`: the three entities back to characters. */
const shown = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Live tokens that can only come from typed text (the bot never mentions U0OUTSIDE1 or C123, never links x.example). */
const LIVE_TYPED =
  /<!channel>|<!here>|<@U0OUTSIDE1>|<#C123>|<https:\/\/x\.example|(?:<!here>|&lt;!here&gt;)<@U0MENTOR01>|<@U0MENTOR01>(?: ?<@U0OUTSIDE1>| ?&lt;@U0OUTSIDE1&gt;|<#C123>|&lt;#C123&gt;)/;
const DOUBLE_ESCAPED = /&amp;(?:amp|lt|gt);/;
const ENTITY = /&(?:amp|lt|gt);/;

interface Finding {
  where: string;
  path: string;
  text: string;
  problem: string;
}

/** A string that holds JSON (blocks, views and metadata sent form-encoded), parsed; else undefined. */
function embeddedJson(s: string): unknown {
  const t = s.trim();
  if (t.length < 2 || !(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

const NOT_SHOWN = ['value', 'private_metadata', 'action_id', 'block_id', 'callback_id', 'token'];

/**
 * Walks a recorded payload. plain_text objects and input values are shown as they are, so they
 * must carry no entities; every other string is mrkdwn or `text` (or not shown at all) and must
 * carry no live token from typed text and nothing escaped twice.
 */
function walk(value: unknown, where: string, path: string, out: Finding[], plain = false): void {
  if (typeof value === 'string') {
    const json = embeddedJson(value);
    if (json !== undefined) walk(json, where, path, out, plain);
    else if (plain) {
      if (ENTITY.test(value)) out.push({ where, path, text: value, problem: 'entity in plain text' });
    } else {
      if (LIVE_TYPED.test(value)) out.push({ where, path, text: value, problem: 'live token from typed text' });
      if (DOUBLE_ESCAPED.test(value)) out.push({ where, path, text: value, problem: 'escaped twice' });
    }
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, where, `${path}[${i}]`, out, plain);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (NOT_SHOWN.includes(k)) continue;
      walk(v, where, `${path}.${k}`, out, plain || (o.type === 'plain_text' && k === 'text') || k === 'initial_value');
    }
  }
}

/** Where the current test started in what was recorded, so each test reports its own surfaces. */
const mark = { calls: 0, responses: 0, acks: 0 };

/** Every string a person can see, of every call, response and acknowledgement since `from`. */
function findings(acks: Array<{ where: string; body: unknown }>, from = mark): Finding[] {
  const out: Finding[] = [];
  for (const c of h.standIn.calls.slice(from.calls)) walk(c.args, c.method, '', out);
  for (const r of h.standIn.responses.slice(from.responses)) walk(r.body, 'response_url', '', out);
  for (const a of acks.slice(from.acks)) walk(a.body, a.where, '', out);
  return out;
}

/** Every string of a surface, as a person reads it (mrkdwn unescaped), one per line. */
function readableOf(x: unknown): string {
  const parts: string[] = [];
  const visit = (v: unknown): void => {
    const json = typeof v === 'string' ? embeddedJson(v) : undefined;
    if (json !== undefined) visit(json);
    else if (typeof v === 'string') parts.push(shown(v));
    else if (Array.isArray(v)) for (const e of v) visit(e);
    else if (v && typeof v === 'object') for (const e of Object.values(v)) visit(e);
  };
  visit(x);
  return parts.join('\n');
}

const acks: Array<{ where: string; body: unknown }> = [];
const posts = () => h.standIn.callsTo('chat.postMessage');
const keyOf = (m: { metadata?: { event_payload?: Record<string, unknown> } }) =>
  String(m.metadata?.event_payload?.key ?? '');

const B = CheckinIds.block;
const A = CheckinIds.inputAction;

/** Submits the create-pair form with typed text in every free-text field. */
async function submitPair(viewId: string, mentor: string, mentee: string, tag: string) {
  const values = pairFormValues({
    mentor,
    mentee,
    menteeOrganisation: typed(`${tag}-mentee-org`),
    menteeCountry: typedShort(`${tag}-ctry`),
    goals: [
      [typed(`${tag}-goal1`), typed(`${tag}-success1`)],
      [typed(`${tag}-goal2`), typed(`${tag}-success2`)],
    ],
    localContext: typed(`${tag}-local-context`),
  }) as Record<string, Record<string, { value?: string }>>;
  values[PairingIds.block.mentorOrganisation][PairingIds.inputAction].value = typed(`${tag}-mentor-org`);
  values[PairingIds.block.mentorCountry][PairingIds.inputAction].value = typedShort(`${tag}-mctry`);
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: { id: viewId, callback_id: PairingIds.createModal, state: { values } },
  });
  expect(res.json).toEqual({ response_action: 'clear' });
}

/** The pair channel whose welcome mentions this mentee. */
async function channelOfPairWith(menteeId: string): Promise<string> {
  let channel = '';
  await eventually(async () => {
    const welcome = h.standIn.messages.find(
      (m) => keyOf(m).startsWith('welcome:') && JSON.stringify(m.blocks).includes(`<@${menteeId}>`),
    );
    channel = welcome?.channel ?? '';
    return Boolean(channel);
  }, `the welcome for ${menteeId}`);
  return channel;
}

function promptIn(channel: string, period: number) {
  return h.standIn.messages.find(
    (m) => m.channel === channel && !m.thread_ts && keyOf(m).startsWith('checkin:') && keyOf(m).endsWith(`:${period}`),
  );
}
const checkinIdOf = (prompt: { blocks?: any[] }): string =>
  prompt.blocks!.flatMap((b) => b.elements ?? []).find((e: any) => e.action_id === CheckinIds.replyButton).value;

function replyValues(tag: string, steps: Array<{ what: string; who: string; by: string }>) {
  const fields: Parameters<typeof inputValues>[0] = {
    [B.met]: { actionId: A, type: 'radio_buttons', value: 'yes' },
    [B.worked]: { actionId: A, type: 'plain_text_input', value: typed(`${tag}-worked`) },
    [B.didNotWork]: { actionId: A, type: 'plain_text_input', value: typed(`${tag}-did-not-work`) },
    [B.adaptation]: { actionId: A, type: 'plain_text_input', value: typed(`${tag}-adaptation`) },
    [B.blockers]: { actionId: A, type: 'plain_text_input', value: typed(`${tag}-blockers`) },
    [B.staffNote]: { actionId: A, type: 'plain_text_input', value: typed(`${tag}-staff-note`) },
  };
  for (const n of [1, 2]) {
    fields[B.goalStatus(n)] = { actionId: A, type: 'static_select', value: 'some_progress' };
    fields[B.goalNote(n)] = { actionId: A, type: 'plain_text_input', value: typed(`${tag}-goal-note${n}`) };
  }
  for (let row = 1; row <= 3; row++) {
    const s = steps[row - 1];
    fields[B.commitmentWhat(row)] = { actionId: A, type: 'plain_text_input', value: s?.what ?? '' };
    fields[B.commitmentWho(row)] = { actionId: A, type: 'static_select', value: s?.who ?? PEOPLE.mentor.id };
    fields[B.commitmentBy(row)] = { actionId: A, type: 'datepicker', value: s?.by ?? null };
  }
  return inputValues(fields);
}

async function answer(
  userId: string,
  checkinId: string,
  tag: string,
  steps: Array<{ what: string; who: string; by: string }>,
) {
  const res = await h.driver.viewSubmission({
    userId,
    view: {
      id: `VREPLY${tag.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId }),
      state: { values: replyValues(tag, steps) },
    },
  });
  expect(res.json).toEqual({ response_action: 'clear' });
}

async function openedView(callbackId: string, count = 1) {
  const opened = () => [...h.standIn.views.values()].filter((v) => v.callback_id === callbackId);
  await h.standIn.waitFor(() => opened().length >= count, 5000, `${callbackId} to open`);
  return opened()[count - 1];
}

/** A DM (reminder) by its outbox key prefix and what it is about. */
const reminderFor = (what: string) =>
  h.standIn.messages.find((m) => keyOf(m).startsWith('reminder:') && shown(m.text ?? '').includes(what));

// One story, step by step, in simulated time: each test picks up where the last one left off.
let channelA = '';
let checkin1 = '';

describe('typed text on every surface', () => {
  beforeAll(() => {
    for (const person of [EVE, EVAN, ENZO]) h.standIn.addUser({ ...person });
  });
  beforeEach(() => {
    Object.assign(mark, { calls: h.standIn.calls.length, responses: h.standIn.responses.length, acks: acks.length });
  });

  test('welcome, channel purpose and the staff confirmation', async () => {
    await submitPair('VPAIRA', PEOPLE.mentor.id, EVE.id, 'A');
    channelA = await channelOfPairWith(EVE.id);
    await h.standIn.waitFor(() => posts().some((c) => /is ready/.test(c.args.text ?? '')), 8000, 'staff DM');
    const welcome = h.standIn.messages.find((m) => m.channel === channelA && keyOf(m).startsWith('welcome:'))!;
    // The goals, what success looks like and the note on local context are in the pinned second message.
    const goals = h.standIn.messages.find((m) => m.channel === channelA && keyOf(m).startsWith('goals:'))!;
    const seen = readableOf([welcome.blocks, goals.blocks]);
    for (const field of [
      'A-mentee-org',
      'A-mentor-org',
      'A-goal1',
      'A-success1',
      'A-goal2',
      'A-success2',
      'A-local-context',
    ])
      expect(seen).toContain(typed(field));
    expect(seen).toContain(typedShort('A-ctry'));
    expect(seen).toContain(typedShort('A-mctry'));
    expect(readableOf(welcome.text)).toContain(EVE.real_name);
    expect(findings(acks)).toEqual([]);
  });

  test('the check-in prompt (goals), the reply modal and the thread summary of a reply', async () => {
    await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
    const prompt = promptIn(channelA, 1)!;
    expect(prompt).toBeDefined();
    expect(readableOf(prompt.blocks)).toContain(typed('A-goal1'));
    checkin1 = checkinIdOf(prompt);

    clock.set('2026-12-08T14:00:00Z');
    await h.driver.blockAction({
      userId: EVE.id,
      actionId: CheckinIds.replyButton,
      channelId: channelA,
      messageTs: prompt.ts,
    });
    const modal = await openedView(CheckinIds.replyModal);
    expect(JSON.stringify(modal)).toContain(JSON.stringify(typed('A-goal1')).slice(1, -1));

    await answer(EVE.id, checkin1, 'eve', [
      { what: typed('step-done'), who: EVE.id, by: '2026-12-10' },
      { what: typed('step-more-time'), who: EVE.id, by: '2026-12-10' },
      { what: typed('step-dropped'), who: EVE.id, by: '2026-12-10' },
    ]);
    await answer(PEOPLE.mentor.id, checkin1, 'alice', [
      { what: typed('step-overdue'), who: PEOPLE.mentor.id, by: '2026-12-10' },
    ]);
    await h.standIn.waitFor(
      () => h.standIn.messages.filter((m) => m.thread_ts === prompt.ts).length === 2,
      8000,
      'two summaries in the thread',
    );
    const thread = readableOf(h.standIn.messages.filter((m) => m.thread_ts === prompt.ts).map((m) => m.blocks));
    for (const field of [
      'eve-worked',
      'eve-did-not-work',
      'eve-adaptation',
      'eve-blockers',
      'eve-goal-note1',
      'step-done',
      'step-overdue',
    ])
      expect(thread).toContain(typed(field));
    expect(thread).not.toContain('staff-note');

    // Editing: the modal shows the answer as typed.
    await h.driver.blockAction({
      userId: EVE.id,
      actionId: CheckinIds.replyButton,
      channelId: channelA,
      messageTs: prompt.ts,
    });
    const editing = await openedView(CheckinIds.replyModal, 2);
    expect(JSON.stringify(editing)).toContain(JSON.stringify(typed('eve-worked')).slice(1, -1));
    expect(findings(acks)).toEqual([]);
  });

  test('commitment reminders, their modals, confirmations and the notes to the partner', async () => {
    // Wednesday 9 December, 10:00 in Dhaka and in New York.
    await runJobsAt(h, '2026-12-09T04:00:00Z', ['reminders']);
    await runJobsAt(h, '2026-12-09T15:00:00Z', ['reminders']);
    const done = reminderFor(typed('step-done'))!;
    const more = reminderFor(typed('step-more-time'))!;
    const drop = reminderFor(typed('step-dropped'))!;
    expect([done, more, drop].every(Boolean)).toBe(true);
    // Eve wrote these steps herself in her answer to check-in #1 (the real form): the reminder says so.
    for (const m of [done, more, drop])
      expect(m.text).toMatch(/^:alarm_clock: In check-in #1, you added a next step: /);
    clock.set('2026-12-09T05:00:00Z');

    await h.driver.blockAction({
      userId: EVE.id,
      actionId: CommitmentIds.doneButton,
      channelId: done.channel,
      messageTs: done.ts,
    });
    await h.standIn.waitFor(() => h.standIn.responses.some((r) => /Marked done/.test(r.body.text ?? '')), 5000, 'done');

    await h.driver.blockAction({
      userId: EVE.id,
      actionId: CommitmentIds.extendButton,
      channelId: more.channel,
      messageTs: more.ts,
    });
    const extend = await openedView(CommitmentIds.extendModal);
    expect(readableOf(extend.blocks)).toContain(typed('step-more-time'));
    const moved = await h.driver.viewSubmission({
      userId: EVE.id,
      view: {
        id: extend.id,
        callback_id: CommitmentIds.extendModal,
        private_metadata: extend.private_metadata,
        state: {
          values: inputValues({
            [CommitmentIds.block.newDueDay]: {
              actionId: CommitmentIds.inputAction,
              type: 'datepicker',
              value: '2026-12-21',
            },
          }),
        },
      },
    });
    expect(moved.json).toEqual({ response_action: 'clear' });

    await h.driver.blockAction({
      userId: EVE.id,
      actionId: CommitmentIds.dropButton,
      channelId: drop.channel,
      messageTs: drop.ts,
    });
    const dropModal = await openedView(CommitmentIds.dropModal);
    expect(readableOf(dropModal.blocks)).toContain(typed('step-dropped'));
    const dropped = await h.driver.viewSubmission({
      userId: EVE.id,
      view: {
        id: dropModal.id,
        callback_id: CommitmentIds.dropModal,
        private_metadata: dropModal.private_metadata,
        state: {
          values: inputValues({
            [CommitmentIds.block.dropReason]: {
              actionId: CommitmentIds.inputAction,
              type: 'plain_text_input',
              value: typed('drop-reason'),
            },
          }),
        },
      },
    });
    expect(dropped.json).toEqual({ response_action: 'clear' });

    const notes = () =>
      h.standIn.messages.filter((m) => m.channel === channelA && !m.thread_ts && !keyOf(m) && !m.ephemeral);
    await h.standIn.waitFor(
      () => notes().length === 3 && more.updated === true && drop.updated === true,
      5000,
      'notes',
    );
    const seen = readableOf(notes().map((m) => [m.text, m.blocks]));
    for (const field of ['step-done', 'step-more-time', 'step-dropped', 'drop-reason'])
      expect(seen).toContain(typed(field));
    expect(readableOf([more.text, drop.text])).toContain(typed('step-dropped'));
    expect(findings(acks)).toEqual([]);
  });

  test('the next check-in prompt lists the overdue commitment', async () => {
    await runJobsAt(h, '2026-12-15T13:00:00Z', ['checkins']);
    const prompt = promptIn(channelA, 2)!;
    expect(prompt).toBeDefined();
    const seen = readableOf(prompt.blocks);
    expect(seen).toContain(typed('A-goal2'));
    expect(seen).toContain(typed('step-overdue'));
    expect(findings(acks)).toEqual([]);
  });

  test('a pause notice with the reason given in the command', async () => {
    clock.set('2026-12-16T06:00:00Z');
    // As Slack sends command text: what was typed is escaped, mentions and links picked in Slack are formatted.
    const reason = `${typed('pause-reason').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')} <!here> <@U0OUTSIDE1|olga> <https://x.example>`;
    const res = await h.driver.command('/mentorship', `pause 2w ${reason}`, { userId: EVE.id, channelId: channelA });
    acks.push({ where: 'ack pause', body: res.json ?? res.text });
    await h.standIn.waitFor(
      () => h.standIn.responses.some((r) => /Paused until/.test(r.body.text ?? '')),
      5000,
      'paused',
    );
    await runJobsAt(h, '2026-12-16T06:00:00Z', ['checkins']);
    const notice = h.standIn.messages.find(
      (m) => m.channel === channelA && /paused this mentorship/.test(m.text ?? ''),
    )!;
    expect(notice).toBeDefined();
    expect(readableOf(notice.text)).toContain(`${typed('pause-reason')} @here @olga https://x.example`);
    expect(findings(acks)).toEqual([]);
  });

  test('nudges and the at-risk alert for a silent pair, with typed names', async () => {
    clock.set('2026-12-16T07:00:00Z');
    await submitPair('VPAIRB', PEOPLE.mentorLA.id, EVAN.id, 'B');
    await channelOfPairWith(EVAN.id);
    // Check-ins on Wednesdays from 16 December; nobody answers.
    for (const day of [
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
      '2026-12-19',
      '2026-12-20',
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-25',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ])
      for (const hour of ['08', '12', '17', '21']) await runJobsAt(h, `${day}T${hour}:00:00Z`, ['checkins', 'nudges']);
    const nudges = h.standIn.messages.filter((m) => keyOf(m).startsWith('nudge:'));
    expect(nudges.length).toBeGreaterThan(0);
    const alerts = h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL && /may need help/.test(m.text ?? ''));
    expect(alerts.length).toBeGreaterThan(0);
    expect(readableOf(alerts.map((a) => a.text))).toContain(EVAN.real_name);
    expect(findings(acks)).toEqual([]);
  });

  test('a set-up failure reported to staff', async () => {
    clock.set('2027-01-08T09:00:00Z');
    h.standIn.failNext('conversations.invite', { error: 'restricted_action' });
    await submitPair('VPAIRC', PEOPLE.mentee2.id, ENZO.id, 'C');
    await h.standIn.waitFor(
      () => posts().filter((c) => c.args.channel === STAFF_CHANNEL && /stopped at/.test(c.args.text ?? '')).length > 0,
      8000,
      'the set-up failure',
    );
    const failure = posts().find((c) => c.args.channel === STAFF_CHANNEL && /stopped at/.test(c.args.text ?? ''))!;
    expect(readableOf([failure.args.text, failure.args.blocks])).toContain(ENZO.real_name);
    expect(findings(acks)).toEqual([]);
  });

  test('App Home and /mentorship list', async () => {
    for (const user of [EVE.id, PEOPLE.mentor.id, PEOPLE.staff.id])
      await h.driver.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home' });
    await h.standIn.waitFor(() => h.standIn.callsTo('views.publish').length >= 3, 5000, 'three Home tabs');

    const before = h.standIn.responses.length;
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > before, 5000, 'the list');
    const list = h.standIn.responses.at(-1)!.body;
    const seen = readableOf(list);
    expect(seen).toContain(typed('A-mentee-org'));
    expect(seen).toContain(typedShort('B-ctry'));
    expect(seen).toContain(EVE.real_name);
    expect(seen).toContain(ENZO.real_name);

    // A subcommand Slack formatted as a broadcast, echoed back.
    const unknown = await h.driver.command('/mentorship', '<!channel> please', { userId: PEOPLE.mentor.id });
    acks.push({ where: 'ack unknown subcommand', body: unknown.json ?? unknown.text });
    expect(findings(acks)).toEqual([]);
  });

  test('no surface carried a live token from typed text, and nothing was escaped twice', () => {
    expect(findings(acks, { calls: 0, responses: 0, acks: 0 })).toEqual([]);
  });
});
