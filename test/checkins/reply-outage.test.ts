import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../src/db/connection';
import { startLocalDatabase, type LocalDatabase } from '../../src/db/local-database';
import { CheckinIds } from '../../src/features/checkins/ids';
import { PEOPLE, startHarness, type Harness } from '../support/app-harness';
import { inputValues } from '../support/slack-driver';

/** This file runs its own database server, so it can stop it. */
let db: LocalDatabase;
let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-reply-outage-'));
  db = await startLocalDatabase({ dir, tryMongod: process.env.TEST_SKIP_MONGOD !== 'true' });
  await connectDatabase(db.uri, { dbName: 'reply_outage' });
  h = await startHarness();
  await db.stop();
});
afterAll(async () => {
  await h?.close();
  await disconnectDatabase().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('while the database is down, a check-in answer stays in the modal with a clear message, within 3 seconds', async () => {
  const started = Date.now();
  const res = await h.driver.viewSubmission({
    userId: PEOPLE.mentee.id,
    view: {
      id: 'VREPLYOUTAGE',
      callback_id: CheckinIds.replyModal,
      private_metadata: JSON.stringify({ checkinId: '0123456789abcdef01234567' }),
      state: { values: inputValues({ [CheckinIds.block.met]: { actionId: CheckinIds.inputAction, type: 'radio_buttons', value: 'yes' } }) },
    },
  });
  expect(Date.now() - started).toBeLessThan(3000);
  expect(res.json.response_action).toBe('errors');
  expect(res.json.errors[CheckinIds.block.met]).toMatch(/database is unreachable\). Nothing is lost: press Send again/);
  expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
});
