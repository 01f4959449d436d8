import { Fragment } from 'react';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: '\u00a0' };

/** Decodes the few entities an escaped text holds; anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    const named = NAMED[lower];
    if (named !== undefined) return named;
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? parseInt(lower.slice(1), 10) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : entity;
  });
}

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/**
 * Splits the API's highlighted text ("escaped text with <mark> elements") into plain text parts.
 * Only exact `<mark>` and `</mark>` tags are understood; any other markup stays literal text.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const token of html.split(/(<\/?mark>)/i)) {
    const tag = token.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (token) parts.push({ text: decodeEntities(token), marked });
  }
  return parts;
}

/**
 * Highlighted matches rendered as React text (never as HTML): hostile markup in the data stays
 * inert. Falls back to `text` when there is no highlight.
 */
export function Highlight({ html, text }: { html?: string | null; text?: string | null }) {
  if (!html) return <>{text ?? ''}</>;
  return (
    <>
      {highlightParts(html).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
