import { render } from '@testing-library/react';
import { decodeEntities, Highlight, highlightParts } from './Highlight';

describe('highlighted matches', () => {
  it('renders <mark> parts as marks and the rest as text', () => {
    const { container } = render(<Highlight html="Usinage de <mark>précision</mark> du <mark>Forez</mark>" />);
    expect(container.textContent).toBe('Usinage de précision du Forez');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['précision', 'Forez']);
  });

  it('decodes the escaped text the API sends, without interpreting it', () => {
    const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Inox</mark> &amp; titane &#39;5 axes&#39;';
    const { container } = render(<Highlight html={escaped} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(`<img src=x onerror="alert(1)"> Inox & titane '5 axes'`);
    expect(container.querySelector('mark')?.textContent).toBe('Inox');
  });

  it('keeps hostile markup inert even when it arrives unescaped', () => {
    const hostile =
      '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"><mark onclick="x()">a</mark><b>b</b><svg onload=alert(1)>';
    const { container } = render(<Highlight html={hostile} />);
    expect(container.querySelector('script, img, svg, b')).toBeNull();
    expect(container.querySelectorAll('*').length).toBe(0);
    expect(container.textContent).toContain('<script>');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('does not let an entity forge a mark', () => {
    const { container } = render(<Highlight html={'&lt;mark&gt;not a mark&lt;/mark&gt;'} />);
    expect(container.querySelector('mark')).toBeNull();
    expect(container.textContent).toBe('<mark>not a mark</mark>');
  });

  it('falls back to the plain text, and leaves unknown or invalid entities alone', () => {
    const { container } = render(<Highlight html={undefined} text="A & B" />);
    expect(container.textContent).toBe('A & B');
    expect(decodeEntities('&bogus; &#0; &#xD800; &#x41;')).toBe('&bogus; &#0; &#xD800; A');
    expect(highlightParts('<mark></mark>x')).toEqual([{ text: 'x', marked: false }]);
  });
});
