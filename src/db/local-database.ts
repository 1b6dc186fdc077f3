/* i18n-exempt-file: messages about starting a local database for `npm start` and the tests, read by operators. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A MongoDB-wire server started on this machine, for `npm start` without MONGODB_URI and for the tests.
 * Tried in order: a `mongod` (found on PATH or downloaded by mongodb-memory-server), then an embedded
 * FerretDB (SQLite backend) built from scripts/ferretdb with the Go toolchain.
 */
export interface LocalDatabase {
  uri: string;
  kind: 'mongod' | 'ferretdb';
  stop(): Promise<void>;
}

export interface LocalDatabaseOptions {
  /** Where the data lives; kept across restarts. */
  dir: string;
  log?: (line: string) => void;
  /** Try a mongod first (default true); the download attempt costs a few seconds where it fails. */
  tryMongod?: boolean;
  /** The port to listen on (default: any free one); a restart on the same port lets connected clients reconnect. */
  port?: number;
}

const repoRoot = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');
export const ferretdbSourceDir = path.join(repoRoot, 'scripts', 'ferretdb');
export const ferretdbBinary = path.join(repoRoot, '.cache', 'ferretdb-launcher');

export const NO_LOCAL_DATABASE_HELP =
  'No local MongoDB could be started. Set MONGODB_URI to a MongoDB server, e.g. ' +
  'MONGODB_URI=mongodb://127.0.0.1:27017/mentorship (a local mongod) or a MongoDB Atlas connection string; ' +
  'or install Go 1.24+ so the embedded FerretDB can be built.';

export async function startLocalDatabase(opts: LocalDatabaseOptions): Promise<LocalDatabase> {
  const log = opts.log ?? (() => undefined);
  const problems: string[] = [];
  if (opts.tryMongod !== false) {
    try {
      return await startMongod(path.join(opts.dir, 'mongod'), opts.port);
    } catch (err) {
      problems.push(`mongod: ${firstLine(err)}`);
      log(`No mongod available (${firstLine(err)}); trying the embedded FerretDB.`);
    }
  }
  try {
    return await startFerretdb(path.join(opts.dir, 'ferretdb'), log, opts.port);
  } catch (err) {
    problems.push(`ferretdb: ${firstLine(err)}`);
  }
  throw new Error(`${NO_LOCAL_DATABASE_HELP}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

async function startMongod(dbPath: string, port?: number): Promise<LocalDatabase> {
  mkdirSync(dbPath, { recursive: true });
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const systemBinary = which('mongod');
  const server = await MongoMemoryServer.create({
    instance: { dbPath, storageEngine: 'wiredTiger', port },
    binary: systemBinary ? { systemBinary } : undefined,
  });
  return {
    uri: server.getUri(),
    kind: 'mongod',
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

/** True when the launcher is built and newer than every file of its source. */
function launcherUpToDate(): boolean {
  if (!existsSync(ferretdbBinary)) return false;
  const built = statSync(ferretdbBinary).mtimeMs;
  return readdirSync(ferretdbSourceDir).every((name) => statSync(path.join(ferretdbSourceDir, name)).mtimeMs <= built);
}

/** Builds the FerretDB launcher (about a minute the first time), unless it is built from the current source. */
export function buildFerretdb(log: (line: string) => void = () => undefined): string {
  if (launcherUpToDate()) return ferretdbBinary;
  if (!which('go')) {
    if (existsSync(ferretdbBinary)) return ferretdbBinary;
    throw new Error('the Go toolchain is not installed');
  }
  log('Building the embedded FerretDB launcher (about a minute the first time)…');
  const result = spawnSync('go', ['build', '-o', ferretdbBinary, '.'], {
    cwd: ferretdbSourceDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`go build failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return ferretdbBinary;
}

async function startFerretdb(dir: string, log: (line: string) => void, port = 0): Promise<LocalDatabase> {
  const binary = buildFerretdb(log);
  const child = spawn(binary, ['-dir', dir, '-listen', `127.0.0.1:${port}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  const uri = await readReadyLine(child);
  return {
    uri,
    kind: 'ferretdb',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
        child.kill('SIGTERM');
      }),
  };
}

function readReadyLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => reject(new Error('FerretDB did not start within 30 s')), 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^ready (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB exited with code ${code}: ${stderr.trim().slice(-300)}`));
    });
  });
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
