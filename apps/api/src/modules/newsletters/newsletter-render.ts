import { Worker } from 'node:worker_threads';
import type { Locale, NewsletterBlock, NewsletterItem } from '@maillage/contracts';
import { renderMarkdown } from '../../core/markdown/markdown';
import { de } from '../../core/mail/elision';

/** Stands for the recipient's signed token in a rendered mail: replaced once per recipient (see personalise). */
export const RECIPIENT = '__MAILLAGE_RECIPIENT__';

export interface NewsletterContent {
  subject: string;
  blocks: NewsletterBlock[];
  networks: { name: string; slug: string }[];
  locale: Locale;
  publicUrl: string;
}

export interface RenderedNewsletter {
  /** The mail, links going through the click counter, with the RECIPIENT placeholder. */
  mailHtml: string;
  mailText: string;
  /** The web version (the archive and the preview): direct links, no unsubscribe footer. */
  archiveHtml: string;
  /** The counted links' targets, by index. */
  links: string[];
}

const WORDS = {
  fr: {
    sentTo: (names: string) => `Vous recevez cette lettre en tant que membre ${de(names)}.`,
    unsubscribe: 'Se désabonner de cette lettre',
    archive: 'Lettre envoyée aux membres de',
    open: 'Voir sur Maillage',
  },
  en: {
    sentTo: (names: string) => `You get this newsletter as a member of ${names}.`,
    unsubscribe: 'Unsubscribe from this newsletter',
    archive: 'Newsletter sent to the members of',
    open: 'See on Maillage',
  },
} as const;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Images of the rich text are served by the API: mail clients need absolute addresses. */
const absolute = (html: string, publicUrl: string) => html.replace(/(<img[^>]*\ssrc=")\/api\//g, `$1${publicUrl}/api/`);

/** The two MJML documents (mail and web) of a newsletter: one template, links resolved by `link`. */
function mjmlOf(content: NewsletterContent, link: (target: string) => string, footer: string): string {
  const sections = content.blocks.map((block) => {
    if (block.kind === 'text') {
      // Markdown without raw HTML, then sanitised (core/markdown): nothing hostile reaches the mail.
      const html = absolute(renderMarkdown(block.markdown), content.publicUrl).replace(
        /<a href="([^"]+)"/g,
        (_, href: string) => `<a href="${escape(link(href.replace(/&amp;/g, '&')))}"`,
      );
      return `<mj-section padding="8px 0"><mj-column><mj-text css-class="prose">${html}</mj-text></mj-column></mj-section>`;
    }
    const items = block.items
      .map(
        (item: NewsletterItem) =>
          `<mj-text padding="6px 25px"><a href="${escape(link(content.publicUrl + item.path))}" style="color:#1c5d99;font-weight:600;text-decoration:none">${escape(item.title)}</a>${
            item.detail ? `<br/><span style="color:#555;font-size:13px">${escape(item.detail)}</span>` : ''
          }</mj-text>`,
      )
      .join('');
    return `<mj-section padding="8px 0"><mj-column><mj-text font-size="18px" font-weight="700" padding-bottom="4px">${escape(block.title)}</mj-text>${items}</mj-column></mj-section>`;
  });
  return `<mjml lang="${content.locale}"><mj-head><mj-title>${escape(content.subject)}</mj-title><mj-preview>${escape(content.subject)}</mj-preview>
<mj-attributes><mj-all font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="1.5" color="#1a1b1e" /></mj-attributes>
<mj-style>.prose a { color: #1c5d99; } .prose img { max-width: 100%; height: auto; }</mj-style></mj-head>
<mj-body background-color="#f5f6f8" width="600px">
<mj-section background-color="#1c5d99" padding="16px 0"><mj-column><mj-text color="#ffffff" font-size="14px" font-weight="700">Maillage · ${escape(content.networks.map((n) => n.name).join(' · '))}</mj-text>
<mj-text color="#ffffff" font-size="24px" font-weight="700" padding-top="0">${escape(content.subject)}</mj-text></mj-column></mj-section>
<mj-wrapper background-color="#ffffff" padding="8px 0">${sections.join('\n')}</mj-wrapper>
<mj-section padding="16px 0"><mj-column><mj-text font-size="12px" color="#555">${footer}</mj-text></mj-column></mj-section>
</mj-body></mjml>`;
}

/**
 * MJML compiles synchronously (100–400 ms for a full newsletter): it runs in a worker thread so that it never blocks
 * the API's event loop. No web fonts (nothing fetched by mail clients); strict: a template error fails loudly.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const mjml = require('mjml');
const mjml2html = mjml.default || mjml;
parentPort.on('message', async ({ id, source }) => {
  try {
    const result = await mjml2html(source, { validationLevel: 'strict', fonts: {}, keepComments: false });
    parentPort.postMessage({ id, html: result.html });
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});`;
let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (html: string) => void; reject: (err: Error) => void }>();

function toHtml(source: string): Promise<string> {
  if (!worker) {
    const started = new Worker(WORKER, { eval: true });
    started.on('message', ({ id, html, error }: { id: number; html?: string; error?: string }) => {
      const call = waiting.get(id);
      waiting.delete(id);
      if (error !== undefined) call?.reject(new Error(`MJML: ${error}`));
      else call?.resolve(html ?? '');
      if (!waiting.size) started.unref();
    });
    started.on('error', (err) => {
      for (const call of waiting.values()) call.reject(err);
      waiting.clear();
      worker = null;
    });
    worker = started;
  }
  const current = worker;
  const id = nextId++;
  current.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    current.postMessage({ id, source });
  });
}

/** Renders a newsletter once; personalise() then fills in each recipient cheaply. */
export async function renderNewsletter(content: NewsletterContent): Promise<RenderedNewsletter> {
  const words = WORDS[content.locale];
  const links: string[] = [];
  const counted = (target: string) => {
    let index = links.indexOf(target);
    if (index < 0) index = links.push(target) - 1;
    return `${content.publicUrl}/api/v1/newsletters/l/${RECIPIENT}/${index}`;
  };
  const names = content.networks.map((n) => n.name).join(', ');
  const unsubscribe = `${content.publicUrl}/lettres/desabonnement?token=${RECIPIENT}`;
  const mailFooter = `${escape(words.sentTo(names))}<br/><a href="${unsubscribe}" style="color:#555">${words.unsubscribe}</a>`;
  const archiveFooter = `${escape(words.archive)} ${escape(names)}.`;
  const [mailHtml, archiveHtml] = await Promise.all([
    toHtml(mjmlOf(content, counted, mailFooter)),
    toHtml(mjmlOf(content, (t) => t, archiveFooter)),
  ]);
  const text = [content.subject, ''];
  for (const block of content.blocks) {
    if (block.kind === 'text') text.push(block.markdown, '');
    else {
      text.push(block.title.toUpperCase(), '');
      for (const item of block.items)
        text.push(`- ${item.title}${item.detail ? ` (${item.detail})` : ''}`, `  ${content.publicUrl}${item.path}`);
      text.push('');
    }
  }
  text.push('--', words.sentTo(names), `${words.unsubscribe}: ${unsubscribe}`);
  return { mailHtml, mailText: text.join('\n'), archiveHtml, links };
}

/** One recipient's mail: the placeholder replaced by their token (plain string work, no template engine per mail). */
export function personalise(template: string, token: string): string {
  return template.split(RECIPIENT).join(token);
}
