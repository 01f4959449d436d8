import i18n from 'i18next';
import { de } from './elision';
import './index';

describe('French elision', () => {
  it('elides « de » before a vowel or an h, not before a consonant', () => {
    expect(de('Atelier Martin')).toBe('d’Atelier Martin');
    expect(de('Usinage de précision du Forez')).toBe('d’Usinage de précision du Forez');
    expect(de('Élise')).toBe('d’Élise');
    expect(de('Hugo')).toBe('d’Hugo');
    expect(de('Peugeot')).toBe('de Peugeot');
  });

  it('is applied where names are inserted in the French messages', () => {
    expect(i18n.t('networks.join.pending', { company: 'Atelier Martin', lng: 'fr' })).toBe(
      'Demande d’Atelier Martin en attente de réponse.',
    );
    expect(i18n.t('networks.join.pending', { company: 'Peugeot', lng: 'fr' })).toBe('Demande de Peugeot en attente de réponse.');
  });
});
