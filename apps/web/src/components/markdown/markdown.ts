// Pure text helpers of the Markdown composer: toolbar formatting and @mention detection.

export type MarkdownFormat = 'bold' | 'italic' | 'link' | 'quote' | 'list' | 'code';
export const MARKDOWN_FORMATS: readonly MarkdownFormat[] = ['bold', 'italic', 'link', 'quote', 'list', 'code'];

export interface TextEdit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

const WRAPS: Partial<Record<MarkdownFormat, [string, string]>> = {
  bold: ['**', '**'],
  italic: ['_', '_'],
  code: ['`', '`'],
  link: ['[', '](https://)'],
};
const LINE_PREFIXES: Partial<Record<MarkdownFormat, string>> = { quote: '> ', list: '- ' };

/** Applies a toolbar format to the selection; the selection stays on the formatted text. */
export function applyFormat(value: string, start: number, end: number, format: MarkdownFormat): TextEdit {
  const selected = value.slice(start, end);
  const wrap = WRAPS[format];
  if (wrap) {
    const [before, after] = wrap;
    const next = `${value.slice(0, start)}${before}${selected}${after}${value.slice(end)}`;
    return { value: next, selectionStart: start + before.length, selectionEnd: start + before.length + selected.length };
  }
  const prefix = LINE_PREFIXES[format] ?? '';
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const block = value.slice(lineStart, end);
  const prefixed = block
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
  const next = `${value.slice(0, lineStart)}${prefixed}${value.slice(end)}`;
  return { value: next, selectionStart: start + prefix.length, selectionEnd: lineStart + prefixed.length };
}

/** Quotes someone's post at the end of a draft: '> line' for each line, then a blank line. */
export function quoteInto(draft: string, author: string, markdown: string): string {
  const quoted = [`**${author}** :`, ...markdown.trim().split('\n')].map((line) => `> ${line}`).join('\n');
  const separator = draft.trim() ? `${draft.replace(/\s+$/, '')}\n\n` : '';
  return `${separator}${quoted}\n\n`;
}

export interface MentionToken {
  /** What follows the @, e.g. 'cla' in '@cla'. */
  query: string;
  /** Index of the @ in the text. */
  start: number;
  /** The caret (end of the token). */
  end: number;
}

const MENTION_BEFORE_CARET = /(^|[\s(])@([\p{L}\p{N}_.'-]{1,40})$/u;

/** The @mention being typed just before the caret, if any. */
export function mentionAt(value: string, caret: number): MentionToken | null {
  const match = MENTION_BEFORE_CARET.exec(value.slice(0, caret));
  if (!match) return null;
  const query = match[2];
  return { query, start: caret - query.length - 1, end: caret };
}

/** Replaces the token with the mention's text followed by a space; the caret goes after it. */
export function insertMention(value: string, token: MentionToken, text: string): TextEdit {
  const inserted = `${text} `;
  const rest = value.slice(token.end).replace(/^ /, '');
  const caret = token.start + inserted.length;
  return { value: `${value.slice(0, token.start)}${inserted}${rest}`, selectionStart: caret, selectionEnd: caret };
}

/** A mention as the API stores it: `@[First Last](<target>)`. */
const MENTION_MARKUP = /@\[([^\]\n]{1,120})\]\(([^)\s]{1,200})\)/g;

/** Mentions kept apart from the text people see: the name shown, the markup sent. */
export type MentionMarkups = Map<string, string>;

/**
 * The text the composer shows: each `@[Name](person:…)` becomes `@Name`; `known` learns the markup of each
 * name so that `toMentionMarkup` can put it back.
 */
export function toMentionDisplay(markup: string, known: MentionMarkups): string {
  return markup.replace(MENTION_MARKUP, (whole, name: string) => {
    known.set(name, whole);
    return `@${name}`;
  });
}

/**
 * The text sent: each `@Name` of a known mention (whole name, longest first) becomes its markup again; a name
 * edited by hand is plain text from then on.
 */
export function toMentionMarkup(display: string, known: MentionMarkups): string {
  if (!known.size) return display;
  const names = [...known.keys()].sort((a, b) => b.length - a.length);
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`@(${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return display.replace(pattern, (_whole, name: string) => known.get(name) ?? `@${name}`);
}
