import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The dependency rules of .dependency-cruiser.js, checked with dependency-cruiser's API: feature
 * folders never depend on each other in a circle, a feature uses another only through its
 * index.ts, and the core (src/pairs, src/lib, src/db) imports no feature.
 */
const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.js');

interface Violation {
  rule: string;
  from: string;
  to: string;
  cycle: string[];
  comment: string;
}

function violationsIn(dir: string): Violation[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'cruise.mjs'), CONFIG], {
    cwd: dir,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Violation[];
}

/** One line a person can act on: the rule, the import (or the circle), and what to do. */
function readable(v: Violation): string {
  const where = v.cycle.length ? `${v.from} -> ${v.cycle.join(' -> ')}` : `${v.from} -> ${v.to}`;
  return `${v.rule}: ${where}\n    ${v.comment}`;
}

test('src: no circle between features, features meet only through index.ts, the core imports no feature', () => {
  expect(violationsIn(ROOT).map(readable)).toEqual([]);
}, 60_000);

test('the rules catch each kind of violation (a small tree that breaks them all)', () => {
  const found = violationsIn(path.join(__dirname, 'fixtures', 'tangled')).map((v) => `${v.rule}: ${v.from}`);
  expect(found.sort()).toEqual([
    'core-imports-no-feature: src/pairs/model.ts',
    'features-use-public-modules: src/features/alpha/service.ts',
    'no-feature-cycles: src/features/alpha',
    'no-feature-cycles: src/features/beta',
    'no-module-cycles: src/features/alpha/index.ts',
  ]);
}, 60_000);
