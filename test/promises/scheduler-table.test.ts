/**
 * README: "The in-process cron (node-cron, UTC) runs `checkins` every 5 minutes and `nudges`,
 * `reminders`, `digest` and `feedback` every 15 … `SCHEDULER_ENABLED=false` turns it off … the bot still serves commands
 * and buttons." Checked on node-cron's own task registry, and by firing the registered tasks.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { loadConfig } from '../../src/config';
import { JOB_TABLE, startConfiguredScheduler } from '../../src/jobs/job-table';
import { PEOPLE, type Harness } from '../support/app-harness';
import { FakeClock } from '../support/fake-clock';
import { jobContext } from '../support/jobs';
import { createActivePair } from '../support/pairs';
import { withHarness } from '../support/with-harness';

let h: Harness;
const clock = new FakeClock(new Date('2026-12-08T13:00:00Z'));

withHarness('promises_scheduler', (made) => (h = made));

/** The node-cron tasks registered since `before` (node-cron keeps every task it schedules in one registry). */
const registeredSince = (before: Set<string>): ScheduledTask[] =>
  [...cron.getTasks().values()].filter((t) => !before.has(t.id));
const configWith = (schedulerEnabled: string) =>
  loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789',
    SLACK_API_URL: h.standIn.url,
    STAFF_USER_IDS: PEOPLE.staff.id,
    SCHEDULER_ENABLED: schedulerEnabled,
  });

test('the job table: checkins every 5 minutes, nudges, reminders, the weekly digest and feedback every 15', () => {
  expect(JOB_TABLE.map((j) => [j.name, j.cron])).toEqual([
    ['checkins', '*/5 * * * *'],
    ['nudges', '*/15 * * * *'],
    ['reminders', '*/15 * * * *'],
    ['digest', '*/15 * * * *'],
    ['feedback', '*/15 * * * *'],
  ]);
});

test('started, it registers exactly those five tasks in UTC; a fired task runs its job; stop() stops them', async () => {
  const pair = await createActivePair(h); // check-in #1 due 2026-12-08T13:00:00Z (08:00 New York, 19:00 Dhaka)
  const before = new Set(cron.getTasks().keys());
  const scheduler = startConfiguredScheduler(configWith('true'), (now) => jobContext(h, now), clock);
  try {
    expect(scheduler).toBeDefined();
    const tasks = registeredSince(before);
    expect(tasks.map((t) => [t.name, t.getPattern(), t.getStatus()])).toEqual([
      ['mentorship-checkins', '*/5 * * * *', 'idle'],
      ['mentorship-nudges', '*/15 * * * *', 'idle'],
      ['mentorship-reminders', '*/15 * * * *', 'idle'],
      ['mentorship-digest', '*/15 * * * *', 'idle'],
      ['mentorship-feedback', '*/15 * * * *', 'idle'],
    ]);
    // Next runs on the UTC clock: minutes divisible by 5 (checkins) and by 15 (the others), in order.
    for (const [task, step] of [
      [tasks[0], 5],
      [tasks[1], 15],
    ] as const) {
      const runs = task.getNextRuns(3).map((d) => d.getTime());
      expect(runs.every((t) => new Date(t).getUTCMinutes() % step === 0 && new Date(t).getUTCSeconds() === 0)).toBe(
        true,
      );
      expect([runs[1] - runs[0], runs[2] - runs[1]]).toEqual([step * 60_000, step * 60_000]);
    }
    // Firing the checkins task runs the checkins job at the scheduler's clock: the due prompt is posted.
    await tasks[0].execute();
    expect(
      h.standIn.messages.filter((m) => m.channel === pair.channel!.id && /^Check-in #1:/.test(m.text ?? '')),
    ).toHaveLength(1);
  } finally {
    scheduler?.stop();
  }
  expect(registeredSince(before).map((t) => t.getStatus())).toEqual([
    'stopped',
    'stopped',
    'stopped',
    'stopped',
    'stopped',
  ]);
});

test('SCHEDULER_ENABLED=false: no task is scheduled', () => {
  const before = new Set(cron.getTasks().keys());
  const config = configWith('false');
  expect(config.schedulerEnabled).toBe(false);
  const scheduler = startConfiguredScheduler(config, (now) => jobContext(h, now), clock);
  expect(scheduler).toBeUndefined();
  expect(registeredSince(before)).toEqual([]);
});
