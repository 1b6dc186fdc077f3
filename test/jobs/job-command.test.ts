import mongoose from 'mongoose';
import { runJobCommand } from '../../scripts/job';
import { connectDatabase } from '../../src/db/connection';
import { insertBulkPairs } from '../support/bulk-pairs';
import { SlackStandIn } from '../support/slack-stand-in';

let standIn: SlackStandIn;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standIn = await SlackStandIn.start();
  const uri = `${process.env.TEST_MONGODB_URI!.replace(/\/?$/, '/')}job_command_${Date.now()}`;
  await connectDatabase(uri);
  await insertBulkPairs({ teamId: standIn.teamId, count: 3, due: 2, dueAt: new Date('2026-12-08T03:00:00Z'), standIn });
  await mongoose.disconnect();
  env = {
    SLACK_BOT_TOKEN: 'xoxb-job-test',
    SLACK_SIGNING_SECRET: 'job-test-secret',
    SLACK_API_URL: standIn.url,
    STAFF_USER_IDS: 'U0STAFF001',
    MONGODB_URI: uri,
    LOG_LEVEL: 'error',
  };
});
afterAll(async () => {
  await standIn.close();
});

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runJobCommand(argv, env, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('npm run job -- <name> [--now] [--dry-run]', () => {
  test('bad arguments print the usage and exit 2', async () => {
    expect(await run('everything')).toEqual({
      code: 2,
      out: expect.stringMatching(
        /unknown job "everything"\nusage: npm run job -- <checkins\|nudges\|reminders\|digest\|feedback\|all>/,
      ),
    });
    expect((await run('checkins', '--now', 'yesterday')).out).toMatch(/--now needs an ISO date-time/);
    expect((await run('checkins', '--verbose')).code).toBe(2);
  });

  test('--dry-run says what it would do at --now and posts nothing', async () => {
    const { code, out } = await run('checkins', '--now', '2026-12-08T03:00:00Z', '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/^Dry run checkins at 2026-12-08T03:00:00.000Z:/);
    expect(out.match(/would create check-in #1 for pair/g)).toHaveLength(2);
    expect(standIn.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  test('a real run posts the due prompts once; running it again finds nothing due', async () => {
    const first = await run('all', '--now', '2026-12-08T03:00:00Z');
    expect(first.code).toBe(0);
    expect(first.out.match(/sent checkin_prompt/g)).toHaveLength(2);
    expect(standIn.messages.filter((m) => /^Check-in #1/.test(m.text ?? ''))).toHaveLength(2);
    const again = await run('checkins', '--now', '2026-12-08T03:05:00Z');
    expect(again.out).toMatch(/nothing was due/);
    expect(standIn.messages.filter((m) => /^Check-in #1/.test(m.text ?? ''))).toHaveLength(2);
  });

  test('a configuration problem is reported, not thrown', async () => {
    const lines: string[] = [];
    const code = await runJobCommand(['checkins'], { ...env, SLACK_BOT_TOKEN: 'nope' }, (l) => lines.push(l));
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
  });
});
