/**
 * Runs dependency-cruiser's API (`cruise`) over `src` in the working directory with the project's
 * rules (.dependency-cruiser.js at the repository root) and prints the violations as JSON.
 * A separate process because dependency-cruiser is an ES module, which jest's CommonJS runtime
 * cannot load. Usage: node cruise.mjs <config path>
 */
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const configPath = process.argv[2];
const { forbidden, options } = createRequire(import.meta.url)(configPath);
const { tsConfig: _tsConfig, ...cruiseOptions } = options;
const result = await cruise(['src'], { ...cruiseOptions, validate: true, ruleSet: { forbidden } });
const violations = result.output.summary.violations.map((v) => ({
  rule: v.rule.name,
  from: v.from,
  to: v.to,
  cycle: (v.cycle ?? []).map((step) => step.name),
  comment: forbidden.find((r) => r.name === v.rule.name)?.comment ?? '',
}));
process.stdout.write(JSON.stringify(violations));
