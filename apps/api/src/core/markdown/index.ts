export { extractMentions, markdownToText, renderMarkdown, sanitizeRichHtml, type RenderOptions } from './markdown';
