/**
 * README: "`GET /healthz` answers 200 `{"ok":true}` while the database answers, 503 otherwise" —
 * including after an outage: the database server stops (503), starts again (200 again, and the
 * app serves requests), without restarting the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../src/db/connection';
import { startLocalDatabase, type LocalDatabase } from '../../src/db/local-database';
import { PEOPLE, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
let db: LocalDatabase;
let dir = '';
let port = 0;

/** A TCP port free right now on 127.0.0.1, so the database can come back where the app expects it. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: found } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return found;
}

const startDatabase = () => startLocalDatabase({ dir, port, tryMongod: process.env.TEST_SKIP_MONGOD !== 'true' });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-healthz-'));
  port = await freePort();
  db = await startDatabase();
  await connectDatabase(db.uri, { dbName: 'healthz' });
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
  await disconnectDatabase().catch(() => undefined);
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function health(): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${h.baseUrl}/healthz`);
  return { status: res.status, body: await res.json() };
}

/** Polls /healthz until it answers `status` (the driver notices a server going or coming back within seconds). */
async function healthBecomes(status: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await health();
  while (last.status !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await health();
  }
  expect(last.status).toBe(status);
}

test('/healthz: 200, then 503 while the database is stopped, then 200 again once it is back', async () => {
  expect(await health()).toEqual({ status: 200, body: { ok: true, database: 'connected' } });

  await db.stop();
  await healthBecomes(503);
  expect((await health()).body).toEqual({ ok: false, database: 'unavailable' });

  db = await startDatabase();
  expect(new URL(db.uri).port).toBe(String(port));
  await healthBecomes(200);
  expect((await health()).body).toEqual({ ok: true, database: 'connected' });

  // And the app uses the database again: /mentorship list answers with the list, not the outage sentence.
  await h.driver.command('/mentorship', 'list', { userId: PEOPLE.staff.id });
  await h.standIn.waitFor(() => h.standIn.responses.length > 0, 8000, 'the answer to /mentorship list');
  expect(h.standIn.responses[0].body.text).not.toMatch(/database cannot be reached/);
}, 120_000);
