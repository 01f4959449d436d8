// node tools/deps/api-layers.mjs — the API's dependencies between folders (core/<x>, modules/<y>, cli, seed, config,
// the app's composition files): prints every import from core into anything but core and config, and every cycle
// between folders that goes through core.
// Exits 1 when there is one (core must never need a module; madge --circular only sees cycles between files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(process.argv[2] ?? 'apps/api/src');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.ts$/.test(name) && !/\.(int-)?spec\.ts$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** core/realtime, modules/identity, cli, seed, app (main.ts, app.module.ts, bootstrap.ts…). */
function unitOf(path) {
  const parts = relative(ROOT, path).split('/');
  if (parts[0] === 'core' || parts[0] === 'modules') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts.length > 1 ? parts[0] : 'app';
}

const edges = new Map();
for (const file of files(ROOT)) {
  const from = unitOf(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const to = unitOf(resolve(dirname(file), spec));
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const targets = edges.get(from);
    if (!targets.has(to)) targets.set(to, relative(ROOT, file));
  }
}

const problems = [];
for (const [from, targets] of edges) {
  if (!from.startsWith('core')) continue;
  for (const [to, file] of targets)
    if (!to.startsWith('core') && to !== 'config') problems.push(`core imports outside core: ${from} -> ${to} (${file})`);
}

// Cycles: strongly connected components of the folder graph (Tarjan).
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(v) {
  state.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!state.has(w)) {
      visit(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (state.get(w).onStack) state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
  }
  if (state.get(v).low === state.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!state.has(v)) visit(v);
for (const component of cycles) {
  const core = component.filter((u) => u.startsWith('core') || u === 'app');
  if (core.length) problems.push(`cycle between folders: ${component.join(', ')}`);
}
const moduleCycles = cycles.filter((c) => !c.some((u) => u.startsWith('core') || u === 'app'));

console.log(`${[...edges.values()].reduce((n, t) => n + t.size, 0)} folder-to-folder dependencies`);
for (const p of problems) console.log(`✖ ${p}`);
for (const c of moduleCycles) console.log(`(between modules, not checked here) ${c.join(', ')}`);
if (!problems.length) console.log('✔ core imports only core; no cycle through core');
process.exitCode = problems.length ? 1 : 0;
