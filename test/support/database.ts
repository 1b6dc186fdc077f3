import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase } from '../../src/db/connection';
import { forgetLanguages } from '../../src/pairs/language';

/** Connects this test file to a fresh database of its own on the run's server. */
export async function connectTestDatabase(label: string): Promise<string> {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri)
    throw new Error(
      'TEST_MONGODB_URI is not set: run the tests with `npm test` (jest global setup starts the database).',
    );
  const dbName = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(3).toString('hex')}`;
  await connectDatabase(uri, { dbName });
  return dbName;
}

/** Empties every collection (indexes stay), and what the app remembered of them. */
export async function clearDatabase(): Promise<void> {
  forgetLanguages();
  for (const name of mongoose.modelNames()) await mongoose.model(name).deleteMany({});
}

export async function dropTestDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
}
