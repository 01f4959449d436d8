import { isValidSiret } from '@maillage/referentials';
import { Random, luhnComplete, syntheticSiret } from './random';

describe('seed randomness', () => {
  it('is deterministic', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect([a.next(), a.int(10), a.uuid()]).toEqual([b.next(), b.int(10), b.uuid()]);
  });

  it('completes real identifiers with their Luhn digit', () => {
    expect(luhnComplete('55210055')).toBe('552100554'); // Peugeot's SIREN
    expect(luhnComplete('5521005540001')).toBe('55210055400013');
  });

  it('makes distinct, valid SIRETs', () => {
    const sirets = Array.from({ length: 20000 }, (_, i) => syntheticSiret(i));
    expect(new Set(sirets).size).toBe(sirets.length);
    expect(sirets.every(isValidSiret)).toBe(true);
  });
});
