#!/usr/bin/env node
// Fails when a test, a test helper or a test configuration names a file outside the repository:
// a clone alone (plus the services the README lists) must pass its tests. Fixtures live in the
// repository; benchmarks, which may want whole external files, take their paths from variables.
// Usage: node tools/check-self-contained.mjs [root]   (default: the repository this script is in)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));

/** What counts as test code: specs, the test harnesses, the Jest configurations and their shared settings. */
const isTestFile = (path) =>
  /\.(spec|int-spec|e2e-spec)\.(t|j)sx?$/.test(path) ||
  /(^|\/)jest[^/]*\.config\.(c|m)?js$/.test(path) ||
  /^apps\/[^/]+\/(src\/)?test\//.test(path) ||
  /^apps\/web-e2e\//.test(path) ||
  /^tools\/jest\//.test(path) ||
  /(^|\/)test-setup\.(t|j)sx?$/.test(path);

const SKIP = new Set(['node_modules', 'dist', '.git', '.nx', 'data', 'tmp', 'coverage', 'screenshots', 'test-results']);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (/\.(c|m)?(t|j)sx?$/.test(entry.name)) yield path;
  }
}

// The project's shared folder beside the repository, and absolute paths into machine-specific folders.
const FORBIDDEN = [
  {
    pattern: /\.\.\/shared\b|\bshared\/data\//,
    why: 'reads the shared folder beside the repository: copy what the test needs into a fixture',
  },
  {
    pattern: /['"`]\/(work|home|root|mnt|srv|opt|media|Users)\//,
    why: 'an absolute path on this machine: use a fixture in the repository or os.tmpdir()',
  },
];
const STRING = /(['"`])((?:\.\.\/|\.\.['"`]|\.\.$)[^'"`\n]*)\1/g;
const DIRNAME_CALL = /\b(?:join|resolve)\(\s*__dirname\s*,([^)]*)\)/g;

const problems = [];
const inside = (path) => path === root || path.startsWith(root + sep);

for (const file of walk(root)) {
  const path = relative(root, file).split(sep).join('/');
  // This check's own test writes the bad examples on purpose.
  if (!isTestFile(path) || path === 'tools/check-self-contained.spec.ts') continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    const at = `${path}:${i + 1}`;
    for (const { pattern, why } of FORBIDDEN) if (pattern.test(text)) problems.push(`${at}: ${why}`);
    // join(__dirname, '..', '..', 'x') and resolve(__dirname, '../../x'): every literal part resolved from the file's folder.
    for (const [, args] of text.matchAll(DIRNAME_CALL)) {
      const parts = [...args.matchAll(/(['"])([^'"]*)\1/g)].map((m) => m[2]);
      if (parts.length && !inside(resolve(dirname(file), ...parts))) problems.push(`${at}: ${parts.join(', ')} leaves the repository`);
    }
    // Any other relative literal ('../../x'), read from the file's folder as imports are.
    for (const [, , literal] of text.matchAll(STRING)) {
      if (!inside(resolve(dirname(file), literal))) problems.push(`${at}: '${literal}' leaves the repository`);
    }
  });
}

if (problems.length) {
  console.error(`Tests must only read files inside the repository (${problems.length} problem(s)):`);
  for (const p of [...new Set(problems)]) console.error(`  ${p}`);
  process.exit(1);
}
console.log('check-self-contained: every test reads only files inside the repository');
