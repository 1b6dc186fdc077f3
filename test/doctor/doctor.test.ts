import { runDoctor } from '../../scripts/doctor-checks';
import { SlackStandIn } from '../support/slack-stand-in';

const BOT_TOKEN = 'xoxb-doctor-secret-token-4711';
const SIGNING_SECRET = 'doctor-signing-secret-0815';
const APP_TOKEN = 'xapp-1-doctor-app-token-42';
const DB_PASSWORD = 'doctor-db-password-99';
const STAFF_CHANNEL = 'G0DOCSTAFF';
/** What the manifest asks for: a good install grants exactly these. */
const ALL_SCOPES: string[] = require('../../manifests/manifest.json').oauth_config.scopes.bot;

function databaseUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri)
    throw new Error(
      'TEST_MONGODB_URI is not set: run the tests with `npm test` (jest global setup starts the database).',
    );
  return `${uri.replace(/\/?$/, '/')}doctor_test`;
}

interface Run {
  ok: boolean;
  lines: string[];
  text: string;
}

/**
 * Runs the doctor against a fresh stand-in (granting `scopes`, with a private staff channel the bot
 * is in unless `botOutsideStaffChannel`) and the test database; `prepare` may script the stand-in.
 */
async function doctor(
  opts: {
    scopes?: string[];
    env?: NodeJS.ProcessEnv;
    botOutsideStaffChannel?: boolean;
    prepare?: (s: SlackStandIn) => void;
  } = {},
): Promise<Run> {
  const standIn = await SlackStandIn.start({ scopes: opts.scopes ?? ALL_SCOPES });
  try {
    standIn.addUser({ id: 'U0STAFF002', name: 'sara' });
    const members = opts.botOutsideStaffChannel ? ['U0STAFF002'] : ['U0STAFF002', standIn.botUserId];
    standIn.addChannel({ id: STAFF_CHANNEL, name: 'program-staff', is_private: true, members });
    opts.prepare?.(standIn);
    const env: NodeJS.ProcessEnv = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.url,
      MONGODB_URI: databaseUri(),
      STAFF_USER_IDS: 'U0STAFF001',
      STAFF_CHANNEL_ID: STAFF_CHANNEL,
      ...opts.env,
    };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const lines: string[] = [];
    const ok = await runDoctor(env, (line) => lines.push(line));
    const text = lines.join('\n');
    // Secrets never reach the report, whatever the outcome.
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, DB_PASSWORD, 'nope'])
      expect(text).not.toContain(secret);
    return { ok, lines, text };
  } finally {
    await standIn.close();
  }
}

describe('npm run doctor', () => {
  it('passes a good set-up and says what it checked', async () => {
    const { ok, lines, text } = await doctor();
    expect(ok).toBe(true);
    expect(lines.every((l) => /^[✔!] |^ {4}/.test(l))).toBe(true);
    expect(text).toMatch(/^✔ Configuration/m);
    expect(text).toMatch(/^✔ Database: connected to 127\.0\.0\.1:\d+/m);
    expect(text).toMatch(/^✔ Slack token: .*"Stand-in Workspace" as bot user @mentorship-bot/m);
    expect(text).toMatch(/^✔ Scopes: .*chat:write/m);
    expect(text).toMatch(/^✔ Staff channel: the bot can read #program-staff \(2 members\)/m);
    expect(text).toMatch(/^✔ Weekly digest: Mondays at 09:00 UTC, to the staff channel/m);
    expect(text).toMatch(/^✔ Mode: HTTP on port 3000/m);
    expect(text).not.toContain('✖');
  });

  it('names a missing scope and the methods that need it', async () => {
    const { ok, lines } = await doctor({ scopes: ALL_SCOPES.filter((s) => s !== 'groups:write') });
    expect(ok).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^✖ Scopes: .*groups:write/));
    expect(lines).toContainEqual(expect.stringMatching(/conversations\.create needs groups:write/));
    expect(lines).toContainEqual(
      expect.stringMatching(/Fix: add them under OAuth & Permissions → Bot Token Scopes .*then reinstall the app/),
    );
  });

  it('reports configuration problems by variable and stops there', async () => {
    const { ok, lines } = await doctor({ env: { SLACK_BOT_TOKEN: 'nope' } });
    expect(ok).toBe(false);
    expect(lines[0]).toMatch(/^✖ Configuration: 1 problem/);
    expect(lines).toContainEqual(expect.stringMatching(/SLACK_BOT_TOKEN must start with xoxb-/));
    expect(lines.join('\n')).not.toMatch(/Slack token|Database/);
  });

  it('explains a token that Slack rejects, and skips the checks that need it', async () => {
    const { ok, text } = await doctor({ prepare: (s) => s.failNext('auth.test', { error: 'token_revoked' }) });
    expect(ok).toBe(false);
    expect(text).toMatch(/^✖ Slack token: auth\.test failed \(token_revoked\)/m);
    expect(text).toMatch(/Fix: SLACK_BOT_TOKEN has been revoked.*Reinstall the app/);
    expect(text).toMatch(/^! Scopes and staff channel checks skipped/m);
  });

  it('says how to invite the bot to a staff channel it cannot see', async () => {
    const { ok, text } = await doctor({ botOutsideStaffChannel: true });
    expect(ok).toBe(false);
    expect(text).toMatch(/^✖ Staff channel: the bot cannot see G0DOCSTAFF \(channel_not_found\)/m);
    expect(text).toContain('/invite @Mentorship');
  });

  it('explains an unreachable database without showing its password', async () => {
    const { ok, text } = await doctor({
      env: { MONGODB_URI: `mongodb://doctor:${DB_PASSWORD}@127.0.0.1:1/mentorship` },
    });
    expect(ok).toBe(false);
    expect(text).toMatch(/^✖ Database: cannot use MONGODB_URI at 127\.0\.0\.1:1 /m);
    expect(text).toMatch(/Fix: check that the MongoDB server is running/);
    expect(text).toMatch(/^✔ Slack token/m); // the other checks still run
  });

  it('explains that npm start runs a local database when MONGODB_URI is unset, and recognises Socket Mode', async () => {
    const { ok, text } = await doctor({
      env: {
        MONGODB_URI: undefined,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_APP_TOKEN: APP_TOKEN,
        DATA_DIR: 'doctor-data',
      },
    });
    expect(ok).toBe(true);
    expect(text).toMatch(
      /^✔ Database: MONGODB_URI is not set, so `npm start` will start a local database .*doctor-data/m,
    );
    expect(text).toMatch(/^✔ Mode: Socket Mode/m);
  });
});
