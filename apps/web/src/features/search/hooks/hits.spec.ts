import type { SearchHit } from '@maillage/contracts';
import { hitSubtitle } from './hits';

describe('hitSubtitle', () => {
  it('words an opportunity’s deadline as a date, not as stored', () => {
    const hit: SearchHit = {
      kind: 'opportunity',
      id: '00000000-0000-4000-8000-000000000001',
      title: 'Sous-traitance',
      highlights: {},
      data: { typeLabel: 'Sous-traitance', companyName: 'Ateliers Legrand', communeName: 'Saint-Étienne', deadline: '2026-12-12' },
      location: null,
      distanceKm: null,
    };
    const line = hitSubtitle(hit, (date) => `échéance le ${date}`);
    expect(line).toMatch(/^Sous-traitance · Ateliers Legrand · Saint-Étienne · échéance le 12 (décembre|December) 2026$/);
    expect(line).not.toContain('2026-12-12');
  });
});
