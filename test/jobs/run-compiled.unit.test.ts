import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run job` and `npm run doctor` run the compiled scripts through scripts/run-compiled.js, which
 * refuses in one line when the build is missing or older than the sources. Run here on a copy of the
 * runner in a small tree of its own, so the checkout's real dist/ is not touched.
 */
let root: string;
const runner = () => path.join(root, 'scripts', 'run-compiled.js');

function run(...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [runner(), ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout + e.stderr };
  }
}

const at = (iso: string) => new Date(iso);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'run-compiled-'));
  for (const dir of ['scripts', 'src/lib', 'dist/scripts']) mkdirSync(path.join(root, dir), { recursive: true });
  copyFileSync(path.join(__dirname, '../../scripts/run-compiled.js'), runner());
  writeFileSync(path.join(root, 'src/lib/time.ts'), 'export {};\n');
  writeFileSync(path.join(root, 'scripts/job.ts'), 'export {};\n');
  utimesSync(path.join(root, 'src/lib/time.ts'), at('2026-11-01T10:00:00Z'), at('2026-11-01T10:00:00Z'));
  utimesSync(path.join(root, 'scripts/job.ts'), at('2026-11-01T10:00:00Z'), at('2026-11-01T10:00:00Z'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function compile(source: string, when = '2026-11-02T10:00:00Z') {
  const file = path.join(root, 'dist/scripts/job.js');
  writeFileSync(file, source);
  utimesSync(file, at(when), at(when));
}

test('a current build runs at once, with the arguments after the script name', () => {
  compile('exports.main = () => console.log("ran with", process.argv.slice(2).join(" "));');
  expect(run('job', 'all', '--dry-run')).toEqual({ code: 0, out: 'ran with all --dry-run\n' });
});

test('a missing build is said in one line, and nothing runs', () => {
  const { code, out } = run('job', 'all');
  expect(code).toBe(2);
  expect(out.trim().split('\n')).toEqual([
    'The build is missing (no dist/scripts/job.js): run `npm run build` once, then try again.',
  ]);
});

test('a source changed after the build is said in one line, and the old build does not run', () => {
  compile('exports.main = () => console.log("stale code ran");');
  utimesSync(path.join(root, 'src/lib/time.ts'), at('2026-11-03T10:00:00Z'), at('2026-11-03T10:00:00Z'));
  const { code, out } = run('job', 'all');
  expect(code).toBe(2);
  expect(out.trim()).toBe('The build is older than the sources: run `npm run build`, then try again.');
});
