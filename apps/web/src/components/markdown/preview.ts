// Local preview of a draft, loaded on first use (markdown-it stays out of the page's first chunk).

let renderer: Promise<(markdown: string) => string> | null = null;

/** '@[Claire Dubois](person:…)' → '**@Claire Dubois**': the API renders mentions, the preview only shows them. */
const MENTION = /@\[([^\]]*)\]\(person:[^)\s]*\)/g;

/**
 * Markdown → HTML for the composer's preview only: the published post is rendered and sanitised by
 * the API. Safe to inject because markdown-it runs with `html: false` (raw HTML in the draft is
 * escaped, not interpreted) and its `validateLink` refuses javascript:, vbscript:, file: and data:
 * links (except data: images).
 */
export function renderPreview(markdown: string): Promise<string> {
  renderer ??= import('markdown-it').then(({ default: MarkdownIt }) => {
    const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
    return (source: string) => md.render(source);
  });
  return renderer.then((render) => render(markdown.replace(MENTION, (_, label: string) => `**@${label}**`)));
}
