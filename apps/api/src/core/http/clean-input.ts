import { AppException } from '../errors/app-exception';

// Control characters (tab, line feed and carriage return excepted) and unpaired UTF-16 surrogates:
// PostgreSQL refuses NUL bytes and the others only cause trouble downstream.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 8;

/** Rejects JSON bodies and query strings carrying forbidden characters or absurd nesting, before any handler. */
export function assertCleanInput(value: unknown, path = '', depth = 0): void {
  if (depth > MAX_DEPTH) throw AppException.badRequest('INPUT_TOO_DEEP', 'The request body is nested too deeply');
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) {
      throw AppException.badRequest('INVALID_CHARACTERS', 'The request contains forbidden characters', [
        { field: path || 'body', messages: ['contains control characters or invalid unicode'] },
      ]);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    assertCleanInput(key, path, depth + 1);
    assertCleanInput(child, path ? `${path}.${key}` : key, depth + 1);
  }
}
