import { extractMentions, markdownToText, renderMarkdown } from './markdown';

const ID = '0b5e3c1a-1111-4222-8333-444455556666';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Titre\n\nDu **gras**, de l’*italique*, `code`\n\n- un\n- deux\n\n> cité');
    expect(html).toContain('<h1>Titre</h1>');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).toContain('<em>italique</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>un</li>');
    expect(html).toContain('<blockquote>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an inline event handler', '<img src=x onerror=alert(1)>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['an svg', '<svg onload=alert(1)></svg>'],
  ])('never interprets raw HTML: %s', (_, input) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(/<(script|img|iframe|style|svg)/i);
    expect(html).toContain('&lt;');
  });

  it.each([
    '[clic](javascript:alert(1))',
    '[clic](JaVaScRiPt:alert(1))',
    '[clic](jav&#x09;ascript:alert(1))',
    '[clic](vbscript:msgbox(1))',
    '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[clic](file:///etc/passwd)',
    '<javascript:alert(1)>',
  ])('drops dangerous link targets: %s', (input) => {
    const html = renderMarkdown(input);
    expect(html).not.toMatch(/href=/i);
    expect(html.toLowerCase()).not.toMatch(/href="?(javascript|vbscript|data|file):/);
  });

  it('keeps http, https and mailto links, with rel and target', () => {
    const html = renderMarkdown('[site](https://example.org/a?b=1) et [mail](mailto:a@example.org) et https://cci.fr');
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="nofollow noopener ugc" target="_blank">site</a>');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('href="https://cci.fr"');
    expect(html.match(/rel="nofollow noopener ugc"/g)).toHaveLength(3);
  });

  it('turns relative and protocol-relative links into plain text', () => {
    const html = renderMarkdown('[a](/admin) [b](//evil.example/x)');
    expect(html).not.toMatch(/href/);
    expect(html).toContain('<span>a</span>');
  });

  it('keeps images only from relative /api/ paths', () => {
    expect(renderMarkdown('![plan](/api/v1/forum/attachments/abc)')).toContain('<img src="/api/v1/forum/attachments/abc" alt="plan" />');
    for (const src of [
      'https://tracker.example/p.png',
      '//evil.example/p.png',
      'data:image/png;base64,iVBORw0KGgo=',
      '/api/../etc/x',
      'javascript:alert(1)',
    ]) {
      expect(renderMarkdown(`![x](${src})`)).not.toMatch(/<img/);
    }
  });

  it('keeps no attribute outside the allowlist', () => {
    const html = renderMarkdown('| a | b |\n|:-|-:|\n| 1 | 2 |\n\n```js\nlet x = "<b>";\n```');
    expect(html).toContain('<table>');
    expect(html).toContain('style="text-align:left"');
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('&lt;b&gt;');
  });

  it('survives large, deeply nested and non-Latin input', () => {
    const nested = '>'.repeat(5000) + ' deep';
    expect(() => renderMarkdown(nested)).not.toThrow();
    const big = 'مرحبا 你好 🎉 \u202eevil\u202c '.repeat(2000);
    expect(renderMarkdown(big)).toContain('你好');
    expect(renderMarkdown('[['.repeat(10000))).toContain('[[');
  });

  it('renders resolved mentions as spans and neutralises the others', () => {
    const md = `Bonjour @[Claire Dubois](person:${ID}) et @[Inconnu](person:11111111-2222-4333-8444-555566667777)`;
    const html = renderMarkdown(md, { mention: (id) => (id === ID ? 'Claire Dubois' : null) });
    expect(html).toContain(`<span class="mention" data-person-id="${ID}">@Claire Dubois</span>`);
    expect(html).toContain('et @Inconnu');
    expect(html).not.toContain('person:');
    expect(renderMarkdown(`@[<script>x</script>](person:${ID})`)).toBe('<p>@&lt;script&gt;x&lt;/script&gt;</p>\n');
  });

  it('neutralises every mention without a resolver', () => {
    expect(renderMarkdown(`@[Claire](person:${ID})`)).toBe('<p>@Claire</p>\n');
  });

  it('does not let authors forge mention spans or classes', () => {
    const html = renderMarkdown('<span class="mention" data-person-id="x">@admin</span>');
    expect(html).not.toContain('<span');
  });
});

describe('extractMentions', () => {
  it('finds mentions outside code, once each', () => {
    const md = `@[A](person:${ID}) @[A again](person:${ID.toUpperCase()})\n\n\`@[B](person:11111111-2222-4333-8444-555566667777)\``;
    expect(extractMentions(md)).toEqual([ID]);
  });
});

describe('markdownToText', () => {
  it('gives a short plain text', () => {
    expect(markdownToText(`**Gras** & <b>x</b> @[Claire](person:${ID})`)).toBe('Gras & <b>x</b> @Claire');
    expect(markdownToText('a '.repeat(500), 20)).toHaveLength(20);
  });
});
