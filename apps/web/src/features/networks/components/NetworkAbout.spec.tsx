import { demoteHeadings } from './NetworkAbout';

describe('charter headings', () => {
  it('puts the charter headings under the section heading, keeping their content', () => {
    expect(demoteHeadings('<h1>Charte</h1><p>Texte</p><h2><em>Valeurs</em></h2><h5>a</h5><h6>b</h6>')).toBe(
      '<h3>Charte</h3><p>Texte</p><h4><em>Valeurs</em></h4><h6>a</h6><h6>b</h6>',
    );
  });
});
