#!/usr/bin/env node
// Which module owns each table, and where other code reads or writes it in SQL.
// The owner of a table is the folder (apps/api/src/modules/<m> or core/<c>) whose entity declares it
// (`@Entity('name')`), or OWNERS below for tables without an entity. A use is the table's name after
// FROM, JOIN, INTO, UPDATE or TABLE in a production source file outside the owner's folder (tests, the seed and
// migrations are left out: they set up every table on purpose).
//   node tools/table-owners.mjs               counts per table, worst first, and the total
//   node tools/table-owners.mjs people        the files that use `people` outside its owner
//   node tools/table-owners.mjs --owners      the table → owner map (what the module READMEs list)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../apps/api/src/', import.meta.url).pathname;
/** Tables created in migrations without an entity, with their owner. */
const OWNERS = {
  forum_list_versions: 'modules/forums',
};
const IGNORED = [/\.spec\.ts$/, /\.int-spec\.ts$/, /^seed\//, /^core\/database\/migrations\//, /\.d\.ts$/];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return e.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

const ownerOf = (file) => file.split('/').slice(0, 2).join('/');
const all = files(ROOT);
const owners = new Map(Object.entries(OWNERS));
for (const file of all) {
  for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/@Entity\(\s*(?:'([a-z_]+)'|\{\s*name:\s*'([a-z_]+)')/g))
    owners.set(m[1] ?? m[2], ownerOf(file));
}

const sources = all.filter((f) => !IGNORED.some((re) => re.test(f))).map((f) => ({ file: f, text: readFileSync(join(ROOT, f), 'utf8') }));
const uses = [...owners].map(([table, owner]) => {
  const re = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+"?${table}"?(?![a-z_])`, 'gi');
  const outside = sources
    .filter((s) => ownerOf(s.file) !== owner)
    .map((s) => ({ file: s.file, count: (s.text.match(re) ?? []).length }))
    .filter((u) => u.count > 0);
  return { table, owner, files: outside, count: outside.reduce((n, u) => n + u.count, 0) };
});

const arg = process.argv[2];
if (arg === '--owners') {
  for (const { table, owner } of uses.sort((a, b) => a.owner.localeCompare(b.owner) || a.table.localeCompare(b.table)))
    console.log(`${owner.padEnd(28)} ${table}`);
} else if (arg) {
  const u = uses.find((x) => x.table === arg);
  if (!u) throw new Error(`unknown table ${arg}`);
  console.log(`${u.table} (owner ${u.owner}): ${u.count} uses in ${u.files.length} files outside`);
  for (const f of u.files.sort((a, b) => b.count - a.count)) console.log(`  ${String(f.count).padStart(3)}  ${f.file}`);
} else {
  const used = uses.filter((u) => u.count > 0).sort((a, b) => b.files.length - a.files.length || b.count - a.count);
  console.log('table                           owner                        files  uses  (outside the owner)');
  for (const u of used)
    console.log(`${u.table.padEnd(31)} ${u.owner.padEnd(28)} ${String(u.files.length).padStart(5)} ${String(u.count).padStart(5)}`);
  console.log(
    `${owners.size} tables, ${used.length} used outside their owner: ${used.reduce((n, u) => n + u.files.length, 0)} file-table pairs, ${used.reduce((n, u) => n + u.count, 0)} uses`,
  );
}
