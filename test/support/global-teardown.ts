import { rmSync } from 'node:fs';
import type { LocalDatabase } from '../../src/db/local-database';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __testDatabase?: { db: LocalDatabase; dir: string } }).__testDatabase;
  if (!started) return;
  await started.db.stop();
  rmSync(started.dir, { recursive: true, force: true });
}
