import { encodePart, fillPart } from './encoded-body';

/** Quoted-printable decoding as a mail client does it: soft breaks removed, `=XX` bytes decoded. */
const decode = (node: string) => {
  const [header, content] = node.split('\r\n\r\n');
  const bytes = content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { header, text: Buffer.from(bytes, 'latin1').toString('utf8'), lines: content.split(/\r?\n/) };
};

describe('encoded shared bodies', () => {
  const P = '__RECIPIENT__';
  const template = `<p>Bonjour à tous — l’équipe ${'x'.repeat(200)} </p>\n<a href="https://m.example/u?t=${P}">Se désabonner</a>${'é'.repeat(90)}${P} fin `;

  it('decodes to the template with each value filled in, lines of at most 76 characters', () => {
    const part = encodePart('text/html', template, [P]);
    const token = 'Ab-_9.'.repeat(20);
    const { header, text, lines } = decode(fillPart(part, { [P]: token }));
    expect(header).toBe('Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable');
    expect(text).toBe(template.split(P).join(token));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(76);
    // No line ends with an unencoded space (a relay may strip it).
    expect(lines.some((l) => / $/.test(l))).toBe(false);
  });

  it('encodes values that need it, and keeps a part without placeholders whole', () => {
    const part = encodePart('text/plain', `Lien : ${P}\n`, [P, '__ABSENT__']);
    expect(decode(fillPart(part, { [P]: 'a=b é ' })).text).toBe('Lien : a=b é \n');
    expect(decode(fillPart(encodePart('text/plain', 'Sans rien', [P]), { [P]: 'x' })).text).toBe('Sans rien');
  });
});
