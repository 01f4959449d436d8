import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import sanitizeHtml from 'sanitize-html';

/** `@[label](person:<uuid>)`: the Markdown of a mention (see libs/contracts forumMentionMarkdown). */
const MENTION_HREF = /^person:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Images are only kept when served by the API itself (attachments checked by the access policy). */
const IMAGE_SRC = /^\/api\/[A-Za-z0-9/_\-.]*(\?[A-Za-z0-9=&_\-.]*)?$/;
const isApiImage = (src: string) => IMAGE_SRC.test(src) && !src.includes('..');
const LINK_HREF = /^(https?:\/\/|mailto:)/i;

export interface RenderOptions {
  /**
   * Resolves a mention to the name to show, or null to neutralise it (rendered as plain "@label").
   * Without a resolver every mention is neutralised.
   */
  mention?: (personId: string, label: string) => string | null;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}

/** Walks the inline children of a parsed document; `visit` sees every inline token list. */
function eachInline(tokens: Token[], visit: (children: Token[]) => void): void {
  for (const token of tokens) if (token.type === 'inline' && token.children) visit(token.children);
}

/** Replaces each `[label](person:<uuid>)` link (and a leading "@") by a mention span or plain text. */
function rewriteMentions(tokens: Token[], options: RenderOptions): void {
  eachInline(tokens, (children) => {
    for (let i = 0; i < children.length; i++) {
      const open = children[i];
      if (open.type !== 'link_open') continue;
      const id = MENTION_HREF.exec(open.attrGet('href') ?? '')?.[1]?.toLowerCase();
      if (!id) continue;
      let end = i + 1;
      while (end < children.length && children[end].type !== 'link_close') end++;
      const label = children
        .slice(i + 1, end)
        .map((t) => t.content)
        .join('')
        .replace(/^@/, '');
      const previous = children[i - 1];
      if (previous?.type === 'text' && previous.content.endsWith('@')) previous.content = previous.content.slice(0, -1);
      const name = options.mention?.(id, label) ?? null;
      const replacement = new (open.constructor as typeof Token)('html_inline', '', 0);
      replacement.content =
        name === null ? escapeHtml(`@${label}`) : `<span class="mention" data-person-id="${id}">${escapeHtml(`@${name}`)}</span>`;
      children.splice(i, end - i + 1, replacement);
    }
  });
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    's',
    'del',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    span: ['class', 'data-person-id'],
    code: ['class'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: { span: ['mention'], code: ['language-*'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) =>
      attribs.href && LINK_HREF.test(attribs.href)
        ? { tagName, attribs: { ...attribs, rel: 'nofollow noopener ugc', target: '_blank' } }
        : { tagName: 'span', attribs: {} },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isApiImage(frame.attribs.src ?? ''),
};

/** Any HTML through the allowlist (also a second line of defence behind the Markdown renderer). */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/**
 * Markdown → safe HTML: raw HTML is never interpreted (html: false), then the output goes through
 * an allowlist (no script/style/iframe, no event handlers, http/https/mailto links only with
 * rel="nofollow noopener ugc" target=_blank, images only from relative /api/ paths, no data: URIs).
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const tokens = md.parse(markdown, {});
  rewriteMentions(tokens, options);
  return sanitizeRichHtml(md.renderer.render(tokens, md.options, {}));
}

/** The person ids mentioned in a Markdown text (code spans and blocks excluded), without duplicates. */
export function extractMentions(markdown: string): string[] {
  const ids = new Set<string>();
  eachInline(md.parse(markdown, {}), (children) => {
    for (const token of children) {
      const id = token.type === 'link_open' ? MENTION_HREF.exec(token.attrGet('href') ?? '')?.[1] : undefined;
      if (id) ids.add(id.toLowerCase());
    }
  });
  return [...ids];
}

/** Plain text of a Markdown text (for excerpts, e-mails, search), whitespace collapsed, cut at `max` characters. */
export function markdownToText(markdown: string, max = 300): string {
  const tokens = md.parse(markdown, {});
  rewriteMentions(tokens, { mention: (_, label) => label });
  const text = sanitizeHtml(md.renderer.render(tokens, md.options, {}), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, entity: string) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
