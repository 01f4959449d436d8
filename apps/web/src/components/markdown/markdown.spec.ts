import { applyFormat, insertMention, mentionAt } from './markdown';

describe('composer text helpers', () => {
  it('finds the @mention being typed before the caret, not an e-mail address', () => {
    expect(mentionAt('Bonjour @Clé', 12)).toEqual({ query: 'Clé', start: 8, end: 12 });
    expect(mentionAt('@a', 2)).toEqual({ query: 'a', start: 0, end: 2 });
    expect(mentionAt('ecrire a contact@cci.fr', 23)).toBeNull();
    expect(mentionAt('@claire et', 10)).toBeNull();
  });

  it('replaces the token with the mention and puts the caret after it', () => {
    const token = mentionAt('Merci @cla pour tout', 10)!;
    expect(insertMention('Merci @cla pour tout', token, '@[Claire Dubois](person:1)')).toEqual({
      value: 'Merci @[Claire Dubois](person:1) pour tout',
      selectionStart: 33,
      selectionEnd: 33,
    });
  });

  it('wraps the selection or prefixes the selected lines', () => {
    expect(applyFormat('a mot b', 2, 5, 'italic')).toEqual({ value: 'a _mot_ b', selectionStart: 3, selectionEnd: 6 });
    expect(applyFormat('un\ndeux', 0, 7, 'list').value).toBe('- un\n- deux');
    expect(applyFormat('texte', 5, 5, 'link').value).toBe('texte[](https://)');
  });
});

describe('composer preview', () => {
  it('shows mentions as bold names and escapes raw HTML', async () => {
    const { renderPreview } = await import('./preview');
    const html = await renderPreview(
      'Merci @[Claire Dubois](person:11111111-1111-4111-8111-111111111111) <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    expect(html).toContain('<strong>@Claire Dubois</strong>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
  });
});
