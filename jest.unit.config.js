/**
 * `npm run test:unit`: the fast tests of pure parts (schemas, views, time maths, the manifest, the
 * config), named *.unit.test.ts. No database starts, so they run in seconds. `npm test` runs them too.
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.unit.test.ts'],
};
