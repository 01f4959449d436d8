import { checkInAddress, formatCheckInCode, parseCheckInCode } from './agenda';

describe('check-in codes', () => {
  const code = '3F9A0B12C4D5E6F7';

  it('reads a code typed in any case, with spaces or dashes, a letter O for a zero', () => {
    expect(parseCheckInCode(code)).toBe(code);
    expect(parseCheckInCode(' 3f9a-0b12-c4d5-e6f7 ')).toBe(code);
    expect(parseCheckInCode('3F9A 0B12 C4D5 E6F7')).toBe(code);
    expect(parseCheckInCode('3F9A-OB12-C4D5-E6F7')).toBe(code);
  });

  it('reads the code in the address of a QR code', () => {
    const address = checkInAddress('https://maillage.example.fr', 'a0000000-0000-4000-8000-000000000001', code);
    expect(address).toBe(`https://maillage.example.fr/evenements/a0000000-0000-4000-8000-000000000001?code=${code}#presence`);
    expect(parseCheckInCode(address)).toBe(code);
  });

  it('refuses what is not a code', () => {
    for (const bad of ['', 'hello', '3F9A0B12C4D5E6F', '3F9A0B12C4D5E6F78', 'GGGGGGGGGGGGGGGG', 'https://example.org/?x=1'])
      expect(parseCheckInCode(bad)).toBeNull();
  });

  it('groups a code by four', () => {
    expect(formatCheckInCode(code)).toBe('3F9A-0B12-C4D5-E6F7');
  });
});
