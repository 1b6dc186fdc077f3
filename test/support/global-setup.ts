import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalDatabase, type LocalDatabase } from '../../src/db/local-database';

/**
 * One MongoDB-wire server for the whole run: MONGODB_URI when set; otherwise a local mongod
 * (mongodb-memory-server); otherwise the embedded FerretDB built from scripts/ferretdb.
 * Each test file then uses a database of its own on it (see database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    console.log(`\n[test database] MONGODB_URI`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorship-test-db-'));
  const db: LocalDatabase = await startLocalDatabase({
    dir,
    tryMongod: process.env.TEST_SKIP_MONGOD !== 'true',
    log: (line) => console.log(`[test database] ${line}`),
  });
  console.log(`\n[test database] ${db.kind} at ${db.uri}`);
  process.env.TEST_MONGODB_URI = db.uri;
  (globalThis as { __testDatabase?: { db: LocalDatabase; dir: string } }).__testDatabase = { db, dir };
}
