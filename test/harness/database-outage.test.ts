import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../src/db/connection';
import { startLocalDatabase, type LocalDatabase } from '../../src/db/local-database';
import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE, startHarness, type Harness } from '../support/app-harness';
import { pairFormValues } from '../support/pair-form';

/** This file runs its own database server, so it can stop it. */
let db: LocalDatabase;
let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-outage-'));
  db = await startLocalDatabase({ dir, tryMongod: process.env.TEST_SKIP_MONGOD !== 'true' });
  await connectDatabase(db.uri, { dbName: 'outage' });
  h = await startHarness();
  await db.stop();
});
afterAll(async () => {
  await h?.close();
  await disconnectDatabase().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('while the database is down', () => {
  test('the create-pair form stays open with a clear message, answered within Slack\'s 3 seconds', async () => {
    const started = Date.now();
    const res = await h.driver.viewSubmission({ userId: PEOPLE.staff.id, view: { id: 'VOUTAGE1', callback_id: PairingIds.createModal, state: { values: pairFormValues() } } });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.json.response_action).toBe('errors');
    expect(res.json.errors[PairingIds.block.mentor]).toMatch(/database is unreachable\). Nothing is lost: press Submit again/);
    expect(elapsed).toBeLessThan(3000);
    expect(h.standIn.callsTo('conversations.create')).toHaveLength(0);
  });

  test('/mentorship list says the database is unreachable, privately', async () => {
    await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
    await h.standIn.waitFor(() => h.standIn.responses.length > 0);
    expect(h.standIn.responses[0].body).toMatchObject({ response_type: 'ephemeral' });
    expect(h.standIn.responses[0].body.text).toMatch(/database cannot be reached right now, so nothing was saved/);
  });

  test('GET /healthz answers 503', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'unavailable' });
  });
});
