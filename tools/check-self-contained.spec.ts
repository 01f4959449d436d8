import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs the check on a throw-away repository holding the given files. */
function check(files: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'maillage-self-contained-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, [join(__dirname, 'check-self-contained.mjs'), root], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('check-self-contained', () => {
  it('accepts tests that read fixtures and helpers inside the repository', () => {
    const result = check({
      'apps/api/src/modules/x/x.int-spec.ts':
        "import { a } from '../../../test/app';\nconst f = join(__dirname, 'fixtures/a.csv');\nconst r = join(__dirname, '../../../../..');\n",
      'apps/api/src/modules/x/x.service.ts': "const outside = '../../../../../../elsewhere';\n",
    });
    expect(result).toEqual({ status: 0, output: expect.stringContaining('every test reads only files inside the repository') });
  });

  it('fails on the shared folder, a path climbing out of the repository and a machine path', () => {
    const result = check({
      'apps/api/src/modules/x/x.int-spec.ts': "const a = resolve(__dirname, '../../../../../../shared/data/communes-geo.csv');\n",
      'apps/api/test/helper.ts': "const b = join(__dirname, '..', '..', '..', '..', 'data.csv');\n",
      'apps/web-e2e/src/a.e2e-spec.ts': "readFileSync('/work/data/file.csv');\n",
      'jest.unit.config.js': "require('../outside/settings');\n",
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('apps/api/src/modules/x/x.int-spec.ts:1: reads the shared folder beside the repository');
    expect(result.output).toContain('apps/api/test/helper.ts:1: .., .., .., .., data.csv leaves the repository');
    expect(result.output).toContain('apps/web-e2e/src/a.e2e-spec.ts:1: an absolute path on this machine');
    expect(result.output).toContain("jest.unit.config.js:1: '../outside/settings' leaves the repository");
  });
});
