// Sums the E2E_TIMINGS lines written by apps/web-e2e/src/support/timings.ts: per spec file and step, the count and
// the seconds spent (steps nest: a login includes its page loads, so the rows are not to be added up).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/e2e-timings.mjs <file written with E2E_TIMINGS=<file>>');
  process.exit(2);
}
const rows = new Map();
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const { file: spec, step, ms } = JSON.parse(line);
  const key = `${spec}\t${step}`;
  const row = rows.get(key) ?? { spec, step, count: 0, ms: 0 };
  row.count += 1;
  row.ms += ms;
  rows.set(key, row);
}
let current = '';
for (const row of [...rows.values()].sort((a, b) => a.spec.localeCompare(b.spec) || b.ms - a.ms)) {
  if (row.spec !== current) console.log(`\n${(current = row.spec)}`);
  console.log(`  ${(row.ms / 1000).toFixed(1).padStart(7)} s  ${String(row.count).padStart(4)}×  ${row.step}`);
}
