#!/usr/bin/env node
// Runs a compiled script from dist/ at once (no TypeScript build on every run), after checking in a
// few milliseconds that the build exists and is not older than the sources. Usage: run-compiled.js <name> [args…]
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const name = process.argv[2];
const compiled = path.join(root, 'dist', 'scripts', `${name}.js`);

/** The newest modification time of the .ts files under these folders. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return newest;
}

if (!fs.existsSync(compiled)) {
  console.error(`The build is missing (no dist/scripts/${name}.js): run \`npm run build\` once, then try again.`);
  process.exit(2);
}
if (newestSource(['src', 'scripts']) > fs.statSync(compiled).mtimeMs) {
  console.error('The build is older than the sources: run `npm run build`, then try again.');
  process.exit(2);
}
process.argv.splice(2, 1);
// A script either runs when loaded (doctor) or exports main() and runs only when asked (job, which tests import).
const script = require(compiled);
if (typeof script.main === 'function') script.main();
