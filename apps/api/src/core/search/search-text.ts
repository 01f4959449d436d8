// Text helpers shared by the engines: query words, highlight sanitising, distances, deadline windows.
import { SEARCH_DEADLINE_DAYS, type SearchDeadlineWindow } from '@maillage/contracts';

/** Markers the engines wrap matches with; removed from indexed text so that content cannot forge them. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const MARKERS = /[\uE000\uE001]/g;

/** Text as indexed: markers and control characters removed, whitespace collapsed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '')
    .replace(MARKERS, '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case without accents or punctuation: 'Métallerie-Chaudronnerie' → 'metallerie chaudronnerie'. */
export function fold(s: string): string {
  if (!/[^\x00-\x7f]/.test(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The words of a user query: letters and digits of any script only (quotes, operators, emoji and
 * punctuation are separators), at most 8 words of at most 40 characters. Safe to embed in a tsquery.
 */
export function queryWords(q: string | undefined | null): string[] {
  if (!q) return [];
  const words = fold(q.slice(0, 500))
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 40));
  // Single letters (the l of l'usinage) are noise next to real words; alone, they are a prefix being typed.
  const meaningful = words.length > 1 ? words.filter((w) => w.length > 1 || /\d/.test(w)) : words;
  return [...new Set(meaningful)].slice(0, 8);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes everything, then turns the engine's markers into `<mark>`: the only element that survives. */
export function sanitizeHighlight(s: string): string {
  let open = false;
  let out = '';
  for (const ch of s) {
    if (ch === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += ESCAPES[ch] ?? ch;
    }
  }
  return open ? `${out}</mark>` : out;
}

/** Great-circle distances in kilometres from one point (its cosine computed once: the FacetStore measures every document). */
export function distancesFrom(a: { lat: number; lng: number }): (lat: number, lng: number) => number {
  const rad = Math.PI / 180;
  const cosA = Math.cos(a.lat * rad);
  return (lat, lng) => {
    const h = Math.sin(((lat - a.lat) * rad) / 2) ** 2 + cosA * Math.cos(lat * rad) * Math.sin(((lng - a.lng) * rad) / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  };
}

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return distancesFrom(a)(b.lat, b.lng);
}

/** Splits NAF filter values into sections ('C'), divisions ('25') and sub-classes ('25.62B'). */
export function splitNaf(values: readonly string[] = []): { sections: string[]; divisions: string[]; codes: string[] } {
  return {
    sections: values.filter((v) => /^[A-U]$/.test(v)),
    divisions: values.filter((v) => /^\d{2}$/.test(v)),
    codes: values.filter((v) => /^\d{2}\.\d{2}[A-Z]$/.test(v)),
  };
}

/** A YYYY-MM-DD day as a whole number of days since 1970-01-01 (NaN for anything else). */
export function dayNumber(day: string | null | undefined): number {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return NaN;
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** The current Europe/Paris day (deadlines are French calendar days). */
export function parisDay(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day numbers a deadline window covers from `today` (inclusive; `to` Infinity when it has no end). */
export function deadlineRange(window: SearchDeadlineWindow, today: string): { from: number; to: number } {
  const from = dayNumber(today);
  const days = SEARCH_DEADLINE_DAYS[window];
  return { from, to: days === null ? Infinity : from + days };
}
