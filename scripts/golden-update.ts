/**
 * `npm run golden:update`: rewrites tests/golden/expected.json from the current code's output on
 * the fixed inputs in tests/golden/. Run it only after a change that is meant to change output
 * (a new taxonomy rule, a new COPY column…) and say so in the commit; tests/unit/golden.test.ts
 * otherwise fails on any difference.
 */
import { writeFileSync } from 'node:fs';
import { computeGolden } from '../tests/golden/golden';

const file = 'tests/golden/expected.json';
const golden = await computeGolden();
writeFileSync(file, JSON.stringify(golden, null, 1) + '\n');
console.log(`golden:update: wrote ${file}`);
