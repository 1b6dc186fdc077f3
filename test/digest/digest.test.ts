/**
 * README, "The weekly digest": posted to the staff channel on Monday at 09:00 (the default), a
 * short top message, the details in its thread (each pair that needs attention or is at risk with
 * its reason, last reply and staff buttons; then the other pairs), the chart of replies attached;
 * staff-only notes counted, never quoted. Real FerretDB, the real app and the Slack stand-in.
 */
import { parse } from 'csv-parse/sync';
import { filledModal } from '../support/modals';
import { DigestModel } from '../../src/features/digest/model';
import { insertBulkPairs } from '../support/bulk-pairs';
import type { StandInMessage } from '../support/slack-stand-in';
import { PEOPLE, STAFF_CHANNEL, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { withHarness } from '../support/with-harness';
import { checkMessageBlocks } from '../support/block-kit-limits';
import { rawDatesIn } from '../messages/visible-text';
import { insertProgram, NOW, SECRET_NOTE, type Name, type WrittenPair } from './program';

let h: Harness;
const clock = new FakeClock(NOW);
withHarness('digest_content', (made) => (h = made), { clock });

const inStaffChannel = () => h.standIn.messages.filter((m) => m.channel === STAFF_CHANNEL);
const textOf = (m: StandInMessage) => `${m.text ?? ''}\n${JSON.stringify(m.blocks ?? [])}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

let program: Record<Name, WrittenPair>;
beforeEach(async () => {
  program = await insertProgram(h.standIn.teamId);
});

test('Monday 09:00: a short summary in the staff channel, the pairs in its thread, the chart attached', async () => {
  await runJobsAt(h, new Date(NOW.getTime() - 60_000), ['digest']);
  expect(inStaffChannel()).toHaveLength(0); // not before its time

  await runJobsAt(h, NOW, ['digest']);
  const [top, ...thread] = inStaffChannel();
  expect(top!.thread_ts).toBeUndefined();
  const summary = textOf(top!);
  for (const line of [
    '6 pairs in the program', // the ended pair is left out
    ':red_circle: 1 at risk',
    ':large_orange_circle: 1 needs attention',
    ':new: 1 new',
    ':large_green_circle: 2 on track',
    ':double_vertical_bar: 1 paused',
    '*Check-in replies this week:* 2 both sides · 0 one side · 1 neither',
    '*Meetings reported, last 14 days:* 3 of 6 pairs',
    '*Commitments:* 2 due this week, 1 done · 2 overdue',
    '*Goals that moved:* 1 (1 achieved)',
    'this is the first digest',
    '*Ending within 30 days:* 1 pair · *Back from a pause this week:* 1 pair',
    '*Staff-only notes this week:* 1 in 1 pair',
  ])
    expect(summary).toContain(line);
  expect(checkMessageBlocks(top!.blocks)).toBeNull();

  // The thread: the at-risk pair, then the one that needs attention, each with reason, last reply and buttons.
  expect(thread.length).toBeGreaterThanOrEqual(1);
  for (const m of thread) expect(m.thread_ts).toBe(top!.ts);
  const details = thread
    .filter((m) => !m.files)
    .map(textOf)
    .join('\n');
  const atRisk = details.indexOf(`<#${program.atRisk.channelId}>`);
  const attention = details.indexOf(`<#${program.menteeSilent.channelId}>`);
  expect(atRisk).toBeGreaterThan(-1);
  expect(attention).toBeGreaterThan(atRisk);
  expect(details).toContain('no reply from either side for 3 check-ins');
  expect(details).toContain('no reply from the mentee for 2 check-ins');
  expect(details).toContain(`staff.pair_actions.${program.atRisk.pairId}`);
  expect(details).toContain(`staff.pair_actions.${program.menteeSilent.pairId}`);
  expect(details).not.toContain(`staff.pair_actions.${program.onTrack.pairId}`);
  // The others in compact lists; typed names escaped; the ended pair nowhere.
  for (const name of ['onTrack', 'endingSoon', 'paused', 'brandNew'] as const)
    expect(details).toContain(`<#${program[name].channelId}>`);
  expect(details).toContain('Karim &lt;Rahman&gt; &amp; Co');
  expect(details).not.toContain(program.ended.channelId);

  // The chart: a PNG shared in the thread with Slack's upload flow.
  const chart = [...h.standIn.files.values()].find((f) => f.filename.endsWith('.png'))!;
  expect(chart).toMatchObject({ channel: STAFF_CHANNEL, threadTs: top!.ts, completed: true });
  expect(chart.bytes!.subarray(0, 4)).toEqual(PNG);
  expect(h.standIn.callsTo('files.getUploadURLExternal')).toHaveLength(1);
  expect(h.standIn.callsTo('files.completeUploadExternal')).toHaveLength(1);

  // Staff-only notes are counted, never quoted: not in any message, response or file.
  const everything = [
    ...h.standIn.messages.map(textOf),
    ...[...h.standIn.files.values()].map((f) => `${f.title} ${f.initialComment ?? ''} ${f.bytes?.toString('latin1')}`),
  ].join('\n');
  expect(everything).not.toContain('SECRET-NOTE-7741');
  expect(everything).not.toContain(SECRET_NOTE.slice(20));
  expect(rawDatesIn(h.standIn.messages, h.standIn.responses)).toEqual([]);

  // This week's states are kept for next week's comparison.
  const snapshot = await DigestModel.findById(`${h.standIn.teamId}:2027-03-15`).lean();
  expect(snapshot?.states).toMatchObject({
    [String(program.atRisk.pairId)]: 'at_risk',
    [String(program.onTrack.pairId)]: 'on_track',
  });
});

test('the next week: the change since last week, newly at risk and recovered, from the stored snapshot', async () => {
  await DigestModel.create({
    _id: `${h.standIn.teamId}:2027-03-08`,
    teamId: h.standIn.teamId,
    week: '2027-03-08',
    builtAt: new Date('2027-03-08T09:00:00Z'),
    states: {
      [String(program.atRisk.pairId)]: 'needs_attention',
      [String(program.onTrack.pairId)]: 'at_risk',
      [String(program.endingSoon.pairId)]: 'on_track',
      [String(program.menteeSilent.pairId)]: 'needs_attention',
      [String(program.paused.pairId)]: 'paused',
    },
  });
  await runJobsAt(h, NOW, ['digest']);
  const summary = textOf(inStaffChannel()[0]!);
  expect(summary).toContain(':red_circle: 1 at risk (±0)'); // one then (onTrack), one now (atRisk)
  expect(summary).toContain(':large_orange_circle: 1 needs attention (−1)');
  expect(summary).toContain(':new: 1 new (+1)');
  expect(summary).toContain('*Newly at risk:* Sam Silent &amp; Tariq Quiet');
  expect(summary).toContain('*Recovered:* Alice Müller &amp; Karim &lt;Rahman&gt; &amp; Co');
});

test('without a staff channel nothing is posted, and the job says why', async () => {
  const { config } = h;
  const report = await runJobsAt(
    { config: { ...config, staff: { ...config.staff, channelId: undefined } }, deps: h.deps },
    NOW,
    ['digest'],
  );
  expect(report.join('\n')).toMatch(/no staff channel \(STAFF_CHANNEL_ID\), so no weekly digest is posted/);
  expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
});

test('in the staff channel’s language (STAFF_LANGUAGE=ru): the summary, the thread, its buttons and the chart', async () => {
  await runJobsAt({ config: { ...h.config, staffLanguage: 'ru' }, deps: h.deps }, NOW, ['digest']);
  const [top, ...thread] = inStaffChannel();
  const summary = textOf(top!);
  for (const line of [
    'Наставничество: итоги недели',
    'в программе 6 пар',
    ':red_circle: 1 под угрозой',
    ':large_orange_circle: 1 требует внимания',
    ':large_green_circle: 2 идут по плану',
    '*Ответы на чек-ины за неделю:* обе стороны — 2',
    '*Завершаются в ближайшие 30 дней:* 1 пара',
  ])
    expect(summary).toContain(line);
  expect(summary).not.toMatch(/pairs in the program|Check-in replies|Meetings reported/);
  const details = thread
    .filter((m) => !m.files)
    .map(textOf)
    .join('\n');
  expect(details).toContain('*Под угрозой (1)*');
  expect(details).toContain('Состояние пары'); // the staff buttons
  expect(details).not.toContain('Pair status');
  const chart = [...h.standIn.files.values()].find((f) => f.filename.endsWith('.png'))!;
  expect(chart.title).toBe('Ответы на чек-ины по неделям и сторонам (последние 12 недель)');
});

test('past 50 pairs: the exceptions in the thread, every pair in the CSV shared after them', async () => {
  await insertBulkPairs({ teamId: h.standIn.teamId, count: 60, due: 0, dueAt: new Date('2027-03-16T09:00:00Z') });
  await runJobsAt(h, NOW, ['digest']);
  const [top, ...thread] = inStaffChannel();
  expect(textOf(top!)).toContain('66 pairs in the program');
  const csvFile = [...h.standIn.files.values()].find((f) => f.filename.endsWith('.csv'))!;
  expect(csvFile).toMatchObject({ channel: STAFF_CHANNEL, threadTs: top!.ts, completed: true });
  const rows: string[][] = parse(h.standIn.fileText(csvFile.id));
  expect(rows).toHaveLength(67);
  expect(rows.filter((r) => r[0] === '#mentorship-bulk-7')).toHaveLength(1);
  expect(rows.find((r) => r[0] === '#mentorship-atrisk')?.[5]).toBe('At risk');
  // The file comes after the thread's messages; the on-track pairs are only in the file.
  const lastPart = thread.filter((m) => !m.files).at(-1)!;
  const fileMessage = thread.find((m) => m.files?.some((f) => f.id === csvFile.id))!;
  expect(Number(fileMessage.ts)).toBeGreaterThan(Number(lastPart.ts));
  const details = thread.map(textOf).join('\n');
  expect(details).toContain(`<#${program.atRisk.channelId}>`);
  expect(details).not.toContain(`<#${program.onTrack.channelId}>`);
  expect(details).toContain('in the attached table');
  expect(h.standIn.fileText(csvFile.id)).not.toContain('SECRET-NOTE');
});

test("a pair's Pair status button in the thread opens its status for staff; the staff-only notes are read there", async () => {
  await runJobsAt(h, NOW, ['digest']);
  const [top] = inStaffChannel();
  const blockId = `staff.pair_actions.${program.onTrack.pairId}`;
  expect(JSON.stringify(inStaffChannel())).not.toContain(blockId); // on track: listed, no buttons
  const part = inStaffChannel().find(
    (m) => m.thread_ts === top!.ts && JSON.stringify(m.blocks).includes('staff.pair_actions.'),
  )!;
  const atRiskBlock = `staff.pair_actions.${program.atRisk.pairId}`;
  const views = h.standIn.views.size;
  const res = await h.driver.blockAction({
    userId: PEOPLE.staffByChannel.id,
    actionId: 'staff.pair_status',
    blockId: atRiskBlock,
    value: String(program.atRisk.pairId),
    channelId: STAFF_CHANNEL,
    messageTs: part.ts,
  });
  expect(res.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.views.size > views, 8000, 'the pair status modal');
  expect(JSON.stringify(await filledModal(h, [...h.standIn.views.values()].at(-1)))).toContain('Sam Silent');
  // The onTrack pair's note, counted in the channel, is read in its status (a modal only the presser sees).
  const notes = h.standIn.views.size;
  await h.driver.blockAction({
    userId: PEOPLE.staff.id,
    actionId: 'staff.pair_status',
    blockId: atRiskBlock,
    value: String(program.onTrack.pairId),
    channelId: STAFF_CHANNEL,
    messageTs: part.ts,
  });
  await h.standIn.waitFor(() => h.standIn.views.size > notes, 8000, 'the pair status modal');
  expect(JSON.stringify(await filledModal(h, [...h.standIn.views.values()].at(-1)))).toContain('SECRET-NOTE-7741');
});
