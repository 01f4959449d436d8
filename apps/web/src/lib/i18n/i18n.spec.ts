import { MODERATION_ACTION_KINDS, MODERATION_TARGET_KINDS } from '@maillage/contracts';
import en from './en.json';
import fr from './fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('has the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('has no empty string', () => {
    for (const messages of [fr, en]) {
      const empty = keys(messages).filter(
        (key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('labels every action and target of the moderation log', () => {
    for (const messages of [fr, en]) {
      expect(MODERATION_ACTION_KINDS.filter((kind) => !messages.moderation.log.actions[kind])).toEqual([]);
      expect(MODERATION_TARGET_KINDS.filter((kind) => !messages.moderation.log.targets[kind])).toEqual([]);
    }
  });
});
