import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { createApp } from '../bootstrap';
import { pendingSchemaChanges } from '../core/database/schema-drift';

/**
 * `npm run migration:generate -- Name`: migrates a database (DATABASE_URL, or a throw-away embedded
 * one), compares it with the entities and writes the difference as a new migration under src/.
 */
async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Usage: npm run migration:generate -- PascalCaseName');
  const dataDir = join('/tmp', `maillage-migration-${Date.now()}`);
  const running = await createApp({ ...loadConfig(), DATA_DIR: dataDir, SEED_DEMO: false }, { logger: false });
  try {
    const { up, down } = await pendingSchemaChanges(running.app.get(DataSource));
    if (!up.length) return console.log('Entities and migrations agree: nothing to generate.');
    const stamp = Date.now();
    const quote = (q: string) => `    await q.query(${JSON.stringify(q)});`;
    const file = join(
      __dirname,
      '../../src/core/database/migrations',
      `${stamp}-${name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`,
    );
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up.map(quote).join('\n')}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down.reverse().map(quote).join('\n')}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}: add ${name}${stamp} to migrations/index.ts`);
  } finally {
    await running.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
