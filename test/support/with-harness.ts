import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, disconnectDatabase } from '../../src/db/connection';
import { startLocalDatabase } from '../../src/db/local-database';
import type { Clock } from '../../src/lib/time';
import { startHarness, type Harness } from './app-harness';
import { clearDatabase, connectTestDatabase, dropTestDatabase } from './database';

/**
 * The usual life of an end-to-end test file: a database of its own and the app on a local port
 * (before all), a clean database and stand-in before each test (unless `fresh` is false), and
 * everything closed after.
 */
export function withHarness(
  label: string,
  set: (h: Harness) => void,
  opts: {
    clock?: Clock;
    env?: Record<string, string>;
    fresh?: boolean;
    beforeEachTest?: () => void;
    /** The app's Web API timeout (see startHarness). */
    slackTimeoutMs?: number;
  } = {},
): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    await connectTestDatabase(label);
    h = await startHarness({ clock: opts.clock, env: opts.env, slackTimeoutMs: opts.slackTimeoutMs });
    set(h);
  });
  afterAll(async () => {
    await h?.close();
    await dropTestDatabase();
  });
  if (opts.fresh === false) return;
  beforeEach(async () => {
    await clearDatabase();
    h!.reset();
    opts.beforeEachTest?.();
  });
}

/**
 * For outage tests: the file runs a database server of its own, connects, starts the app, then
 * stops the server, so every test meets a database that has gone away.
 */
export function withHarnessAndNoDatabase(label: string, set: (h: Harness) => void): void {
  let h: Harness | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `mentorship-${label}-`));
    const db = await startLocalDatabase({ dir, tryMongod: process.env.TEST_SKIP_MONGOD !== 'true' });
    await connectDatabase(db.uri, { dbName: label });
    h = await startHarness();
    set(h);
    await db.stop();
  });
  afterAll(async () => {
    await h?.close();
    await disconnectDatabase().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
}
