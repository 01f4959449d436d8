import { ACCENT_SWATCHES, whiteContrast } from './OrganizationForm';

describe('accent colour contrast', () => {
  it('measures white text on the colour as WCAG does', () => {
    expect(whiteContrast('#ffffff')).toBeCloseTo(1, 5);
    expect(whiteContrast('#000000')).toBeCloseTo(21, 5);
    // The suggested swatches stay readable; a pale yellow does not.
    for (const swatch of ACCENT_SWATCHES) expect([swatch, whiteContrast(swatch) >= 4.5]).toEqual([swatch, true]);
    expect(whiteContrast('#ffe066')).toBeLessThan(4.5);
  });
});
