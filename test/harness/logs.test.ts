import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogLevel } from '@slack/logger';
import { CheckinIds } from '../../src/features/checkins/ids';
import { CheckinModel, type Checkin } from '../../src/features/checkins/model';
import { PairingIds } from '../../src/features/pairing/ids';
import { connectDatabase, disconnectDatabase } from '../../src/db/connection';
import { startLocalDatabase, type LocalDatabase } from '../../src/db/local-database';
import { memoryLogger, PEOPLE, startHarness, type Harness } from '../support/app-harness';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { runJobsAt } from '../support/jobs';
import { pairFormValues } from '../support/pair-form';
import { createActivePair } from '../support/pairs';
import { inputValues } from '../support/slack-driver';
import { simulate } from '../support/simulation';

/**
 * What people typed must never reach the logs, nor must the tokens. One story on a database of
 * its own (so it can be stopped at the end): a pair is created, the mentee answers with a note for
 * staff while Slack refuses the thread summary, the mentor is nudged, then the database goes away
 * and the mentor's answer meets the outage.
 */
const SECRETS = {
  goalTitle: 'SECRET-GOAL-TITLE Halve the fee',
  goalSuccess: 'SECRET-GOAL-SUCCESS fee at 1%',
  localContext: 'SECRET-LOCAL-CONTEXT Ramadan hours',
  worked: 'SECRET-REPLY-WORKED framing for rural borrowers',
  goalNote: 'SECRET-GOAL-NOTE met the deputy governor',
  staffNote: 'SECRET-STAFF-NOTE the mentor pushes US solutions',
  outageReply: 'SECRET-OUTAGE-REPLY typed while the database was down',
};

let h: Harness;
let db: LocalDatabase | undefined;
let dir = '';
const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-logs-'));
  db = await startLocalDatabase({ dir, tryMongod: process.env.TEST_SKIP_MONGOD !== 'true' });
  await connectDatabase(db.uri, { dbName: 'logs' });
  h = await startHarness({ clock });
});
afterAll(async () => {
  await h?.close();
  await disconnectDatabase().catch(() => undefined);
  await db?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

function answer(userId: string, checkin: Checkin, worked: string, staffNote: string) {
  const A = CheckinIds.inputAction;
  const B = CheckinIds.block;
  return h.driver.viewSubmission({
    userId,
    view: {
      id: `VLOGREPLY${userId}`,
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: String(checkin._id) }),
      state: {
        values: inputValues({
          [B.met]: { actionId: A, type: 'radio_buttons', value: 'yes' },
          [B.goalStatus(1)]: { actionId: A, type: 'static_select', value: 'some_progress' },
          [B.goalNote(1)]: { actionId: A, type: 'plain_text_input', value: SECRETS.goalNote },
          [B.worked]: { actionId: A, type: 'plain_text_input', value: worked },
          [B.staffNote]: { actionId: A, type: 'plain_text_input', value: staffNote },
        }),
      },
    },
  });
}

test('the harness logger writes each line as @slack/logger ConsoleLogger prints it (objects whole)', () => {
  const args = ['apiCall', { channel: 'C1', nested: { text: 'deep' } }, ['a', 1], 42];
  const script = `const { ConsoleLogger } = require('@slack/logger');
    const l = new ConsoleLogger(); l.setLevel('debug'); l.setName('mentorship');
    const args = ${JSON.stringify(args)};
    l.debug(...args); l.info(...args); l.warn(...args); l.error(...args);`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  expect(run.status).toBe(0);
  const printed = `${run.stdout}${run.stderr}`.trimEnd().split('\n');

  const lines: string[] = [];
  const logger = memoryLogger(lines);
  logger.setLevel(LogLevel.DEBUG);
  logger.setName('mentorship');
  logger.debug(...args);
  logger.info(...args);
  logger.warn(...args);
  logger.error(...args);
  // console.debug/info go to stdout, warn/error to stderr: compare as sets of lines.
  expect(lines.sort()).toEqual(printed.sort());
  expect(lines.join('\n')).toContain("nested: { text: 'deep' }");
});

test('logs hold no token, no signing secret and nothing people typed, through set-up, replies, nudges, errors and an outage', async () => {
  // Pair creation, with typed goals and local context.
  const pair = await createActivePair(h, {
    goals: [[SECRETS.goalTitle, SECRETS.goalSuccess]],
    localContext: SECRETS.localContext,
  });
  // Check-in #1 goes out on Tuesday 8 December, 13:00 UTC (08:00 in New York, 19:00 in Dhaka).
  await runJobsAt(h, '2026-12-08T13:00:00Z', ['checkins']);
  const checkin = (await CheckinModel.findOne({ pairId: pair._id, period: 1 }).lean<Checkin>())!;
  expect(checkin.prompt?.ts).toBeDefined();

  // The mentee answers with a note for staff; Slack refuses the thread summary (a Slack error).
  clock.set('2026-12-08T14:00:00Z');
  h.standIn.failNext('chat.postMessage', { error: 'not_in_channel' });
  expect((await answer(PEOPLE.mentee.id, checkin, SECRETS.worked, SECRETS.staffNote)).json).toEqual({
    response_action: 'clear',
  });
  await eventually(async () => h.standIn.attemptsTo('chat.update').length > 0, 'the prompt to be updated');
  expect(h.logs.join('\n')).toMatch(/reply_summary .*slack:not_in_channel/);

  // The mentor, silent, is nudged two working days later (Thursday 08:00 in New York); the
  // summary is retried on the way.
  await simulate(h, '2026-12-10T00:00:00Z', '2026-12-10T14:00:00Z', ['nudges']);
  const mentorDm = h.standIn.dmChannelOf(PEOPLE.mentor.id);
  expect(
    h.standIn.messages.filter((m) => m.channel === mentorDm && /still waits for your answer/.test(m.text ?? '')),
  ).toHaveLength(1);

  // The database goes away; the mentor's answer meets the outage.
  await db!.stop();
  const res = await answer(PEOPLE.mentor.id, checkin, SECRETS.outageReply, SECRETS.outageReply);
  expect(res.json.response_action).toBe('errors');
  expect(h.logs.join('\n')).toMatch(/view check-in reply failed/);

  // And the create-pair form during the outage, with its typed goal.
  const form = await h.driver.viewSubmission({
    userId: PEOPLE.staff.id,
    view: {
      id: 'VLOGOUTAGE',
      callback_id: PairingIds.createModal,
      state: { values: pairFormValues({ goals: [[SECRETS.outageReply, SECRETS.outageReply]] }) },
    },
  });
  expect(form.json.response_action).toBe('errors');

  const logs = h.logs.join('\n');
  expect(h.logs.length).toBeGreaterThan(20); // debug level: Bolt's and the Web API client's lines are in
  expect(logs).not.toContain('xoxb-');
  expect(logs).not.toContain(h.config.slack.signingSecret);
  for (const secret of Object.values(SECRETS)) expect(logs).not.toContain(secret.split(' ')[0]);
  // Nor what the bot wrote to people (their names, the nudge's wording).
  expect(logs).not.toContain('still waits for your answer');
  expect(logs).not.toContain('Karim Rahman');
});
