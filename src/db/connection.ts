import mongoose from 'mongoose';

/**
 * Connects mongoose. Commands are not buffered while the database is away: a request that
 * needs it fails within seconds, and the person is told, instead of waiting past Slack's 3 s.
 */
export async function connectDatabase(uri: string, opts: { dbName?: string } = {}): Promise<typeof mongoose> {
  mongoose.set('bufferCommands', false);
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, {
    dbName: opts.dbName,
    serverSelectionTimeoutMS: 1500,
    autoIndex: false,
    monitorCommands: true,
  });
  await ensureIndexes();
  return mongoose;
}

/** Creates the indexes of every registered model (idempotent). */
export async function ensureIndexes(): Promise<void> {
  for (const name of mongoose.modelNames()) {
    await mongoose.model(name).createIndexes();
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** True for errors that mean "the database is unreachable right now", as opposed to a bad query. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    // Not MongoServerError: the server answered (a duplicate key, a bad query), so it is up.
    /^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed)Error$/.test(err.name) ||
    /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED/i.test(err.message)
  );
}

/** Pings the database; false when it does not answer within `timeoutMs`. */
export async function databaseIsUp(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([
      db
        .admin()
        .ping()
        .then(
          () => true,
          () => false,
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
