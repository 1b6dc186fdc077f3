/* i18n-exempt-file: start-up log lines about the database, read by operators. */
import path from 'node:path';
import type { Config } from '../config';
import { startLocalDatabase, type LocalDatabase } from './local-database';

/** MONGODB_URI when set; otherwise a local database whose data persists under DATA_DIR. */
export async function resolveDatabaseUri(
  config: Readonly<Config>,
  log: (line: string) => void,
): Promise<{ uri: string; local?: LocalDatabase }> {
  if (config.mongodbUri) return { uri: config.mongodbUri };
  const dir = path.resolve(config.dataDir);
  log(`MONGODB_URI is not set: starting a local database with its data in ${dir}`);
  const local = await startLocalDatabase({ dir, log });
  log(`Local database (${local.kind}) is running; set MONGODB_URI to use your own MongoDB instead.`);
  return { uri: `${local.uri.replace(/\/?$/, '/')}mentorship`, local };
}
