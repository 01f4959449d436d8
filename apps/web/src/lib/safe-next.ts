// The `?next=` parameter of the login page: only paths of this site are followed.

/** Returns `next` when it is a local path ('/x'), else `fallback` (no '//host', no 'https:', no '/\\'). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  try {
    const resolved = new URL(next, 'http://local.invalid');
    if (resolved.origin !== 'http://local.invalid') return fallback;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return fallback;
  }
}

/** '/connexion?next=…' for the current location. */
export function loginPath(next: string): string {
  return `/connexion?next=${encodeURIComponent(next)}`;
}
