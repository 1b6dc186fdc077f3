import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { runImportCommand } from '../../scripts/import';
import { connectDatabase } from '../../src/db/connection';
import { type Pair, PairModel } from '../../src/pairs/model';
import { SlackStandIn, type StandInMessage } from '../support/slack-stand-in';

/**
 * `npm run import` end to end, in-process (runImportCommand is what the command line runs): the
 * real WebClient against the Slack stand-in, the real database, the real pair set-up. Each test
 * gets a database of its own and a fresh stand-in workspace with these people.
 */
export const STAFF = 'U0STAFF001';
const PEOPLE = [
  { id: STAFF, name: 'sam', real_name: 'Sam Staff', tz: 'Europe/Brussels', email: 'sam@program.org' },
  { id: 'U0MENTOR01', name: 'alice', real_name: 'Alice Müller', tz: 'America/New_York', email: 'alice@example.org' },
  { id: 'U0MENTEE01', name: 'karim', real_name: 'Karim Rahman', tz: 'Asia/Dhaka', email: 'karim@example.org' },
  { id: 'U0MENTOR02', name: 'lee', real_name: 'Lee Park', tz: 'America/Los_Angeles', email: 'lee@example.org' },
  { id: 'U0MENTEE02', name: 'amira', real_name: 'Amira Ben Salah', tz: 'Africa/Tunis', email: 'amira@example.org' },
  { id: 'U0MENTOR03', name: 'elise', real_name: 'Élise Martin', tz: 'Europe/Paris', email: 'elise@example.org' },
  { id: 'U0MENTEE03', name: 'nino', real_name: 'Nino Beridze', tz: 'Asia/Tbilisi', email: 'nino@example.org' },
  { id: 'U0SOMEBOT1', name: 'somebot', real_name: 'Some Bot', is_bot: true, email: 'bot@example.org' },
  { id: 'U0GONE0001', name: 'gone', real_name: 'Gone Away', deleted: true, email: 'gone@example.org' },
];
const HEADER =
  'mentor,mentee,mentor_organisation,mentee_organisation,mentee_country,mentee_timezone,goal_1,goal_1_success,cadence,start_date,end_date,local_context';
/** Three valid rows (lines 2, 3 and 4 of a file): by email, with quoted commas, and by member ID. */
export const GOOD = [
  'alice@example.org,karim@example.org,ASAE,"Dhaka Chamber of Commerce, Industry",Bangladesh,,Grow membership,400 paying members,biweekly,2027-01-11,2027-06-30,Fiscal year starts in July',
  'lee@example.org,amira@example.org,Chicago Trade Association,Association Tunisienne des Femmes Entrepreneures,Tunisia,Africa/Tunis,Advocacy committee,"A committee of five, monthly",weekly,2027-01-11,2027-07-31,',
  'U0MENTOR03,nino@example.org,Eurochambres,Georgian Small Business Association,Georgia,,Strategy,Adopted by the board,weekly,2027-02-01,2027-12-17,',
];

export interface ImportWorld {
  standIn: SlackStandIn;
  env: NodeJS.ProcessEnv;
  dir: string;
  /** A cohort file of these rows under the header (with a byte-order mark and CRLF, as Excel saves). */
  csvFile(...rows: string[]): string;
  /** Runs the command as the command line does; `onLine` sees each printed line and can press Ctrl-C. */
  run(argv: string[], onLine?: (line: string, abort: () => void) => void): Promise<{ code: number; out: string }>;
  /** What the database and the workspace hold now. */
  state(): Promise<{
    pairs: Pair[];
    statuses: string[];
    channels: Array<{ id: string; name: string }>;
    welcomes: StandInMessage[];
    messages: number;
  }>;
}

export function withImportWorld(): ImportWorld {
  const w = { env: {} as NodeJS.ProcessEnv, dir: '' } as ImportWorld;
  beforeAll(async () => {
    w.standIn = await SlackStandIn.start();
    w.dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-import-'));
  });
  afterAll(async () => {
    await w.standIn.close();
    rmSync(w.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    w.standIn.reset();
    for (const p of PEOPLE) w.standIn.addUser({ ...p });
    w.env = {
      SLACK_BOT_TOKEN: 'xoxb-import-test',
      SLACK_SIGNING_SECRET: 'import-test-secret',
      SLACK_API_URL: w.standIn.url,
      STAFF_USER_IDS: STAFF,
      MONGODB_URI: `${process.env.TEST_MONGODB_URI!.replace(/\/?$/, '/')}import_${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'error',
    };
  });
  w.csvFile = (...rows) => {
    const file = path.join(w.dir, `cohort-${randomBytes(3).toString('hex')}.csv`);
    writeFileSync(file, `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
    return file;
  };
  w.run = async (argv, onLine = () => {}) => {
    const lines: string[] = [];
    const controller = new AbortController();
    const print = (line: string) => {
      lines.push(line);
      onLine(line, () => controller.abort());
    };
    const code = await runImportCommand(argv, w.env, { print, isTTY: false, signal: controller.signal });
    return { code, out: lines.join('\n') };
  };
  w.state = async () => {
    await connectDatabase(w.env.MONGODB_URI!);
    try {
      const pairs = await PairModel.find().sort({ createdAt: 1 }).lean<Pair[]>();
      return {
        pairs,
        statuses: pairs.map((p) => p.status),
        channels: [...w.standIn.channels.values()].filter((c) => c.name.startsWith('mentorship-')),
        welcomes: w.standIn.messages.filter((m) => String(m.metadata?.event_payload?.key).startsWith('welcome:')),
        messages: w.standIn.messages.length,
      };
    } finally {
      await mongoose.disconnect();
    }
  };
  return w;
}
