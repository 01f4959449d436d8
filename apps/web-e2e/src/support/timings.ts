import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Where browser-test time goes: with E2E_TIMINGS=<file>, each timed step (sign-in, axe, screenshot, page load) appends a
 * line `{ file, test, step, ms }` to that file; `node tools/e2e-timings.mjs <file>` sums them per spec. Off by default.
 */
const target = process.env.E2E_TIMINGS;

export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  if (!target) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    const state = expect.getState();
    const line = {
      file: basename(state.testPath ?? '?'),
      test: state.currentTestName ?? '(set-up)',
      step,
      ms: Math.round(performance.now() - started),
    };
    appendFileSync(target, `${JSON.stringify(line)}\n`);
  }
}
