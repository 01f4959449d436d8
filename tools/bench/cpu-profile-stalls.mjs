// node tools/bench/cpu-profile-stalls.mjs <file.cpuprofile> [minMs=50] [afterSeconds=0]: the longest stretches where the profiled
// process ran JavaScript (or collected garbage) without returning to its event loop, and what ran in each: finds
// what blocks the loop in a benchmark run with BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=…'.
import { readFileSync } from 'node:fs';

const [file, minArg, afterArg] = process.argv.slice(2);
const min = Number(minArg ?? 50);
// Seconds after the profile's start before which stretches are ignored (the boot).
const after = Number(afterArg ?? 0) * 1000;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id) => {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  return `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
};
const idle = (id) => nodes.get(id).callFrame.functionName === '(idle)';

// Stretches of consecutive busy samples.
const stretches = [];
let current = null;
let at = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  at += (profile.timeDeltas[i] ?? 0) / 1000;
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (at < after) continue;
  if (idle(id)) {
    if (current) stretches.push(current);
    current = null;
    continue;
  }
  current ??= { ms: 0, at, self: new Map(), inclusive: new Map() };
  current.ms += dt;
  current.self.set(id, (current.self.get(id) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const key = label(n);
    if (seen.has(key)) continue;
    seen.add(key);
    current.inclusive.set(key, (current.inclusive.get(key) ?? 0) + dt);
  }
}
if (current) stretches.push(current);
const long = stretches.filter((s) => s.ms >= min).sort((a, b) => b.ms - a.ms);
console.log(`${stretches.length} busy stretches, ${long.length} of ${min} ms or more`);
for (const s of long.slice(0, 8)) {
  console.log(`\n${s.ms.toFixed(0)} ms busy from ${(s.at / 1000).toFixed(1)} s; self time:`);
  const self = new Map();
  for (const [id, ms] of s.self) self.set(label(id), (self.get(label(id)) ?? 0) + ms);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${key}`);
  console.log('  inclusive (ours and libraries):');
  for (const [key, ms] of [...s.inclusive]
    .filter(([k]) => !k.startsWith('('))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10))
    console.log(`  ${ms.toFixed(0).padStart(5)} ms  ${key}`);
}
