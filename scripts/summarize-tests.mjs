// Adds up the JSON reports of every test runner into the one closing line CI reads.
// Usage: node summarize-tests.mjs <output dir> [failed step names…]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
const read = (name) => {
  const file = path.join(dir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

let passed = 0, failed = 0, skipped = 0;
const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const e2e = read('e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
// A step that failed without a test report (typecheck, build, a runner that crashed) counts as a failure.
const reported = new Set([vitest && 'unit and server tests', e2e && 'browser and end-to-end tests'].filter(Boolean));
failed += failedSteps.filter((s) => !reported.has(s)).length;

for (const step of failedSteps) console.log(`failed step: ${step}`);
if (passed + failed === 0) console.log('No test ran.');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0);
