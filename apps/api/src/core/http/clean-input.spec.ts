import { assertCleanInput } from './clean-input';

describe('assertCleanInput', () => {
  it('accepts ordinary text, accents, emoji, line breaks', () => {
    expect(() => assertCleanInput({ name: 'Société Générale – Île-de-France 🚀', bio: 'ligne 1\nligne 2\ttab' })).not.toThrow();
  });
  it.each([['a\u0000b'], ['\u001b[31m'], ['a\ud800b'], ['\udc00x']])('rejects %j', (bad) => {
    expect(() => assertCleanInput({ nested: [{ value: bad }] })).toThrow('forbidden characters');
  });
  it('rejects absurd nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i++) deep = { deep };
    expect(() => assertCleanInput(deep)).toThrow('nested too deeply');
  });
});
