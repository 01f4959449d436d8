import { changeLocale, i18n } from '../../../lib/i18n';
import { rejectionText } from './rejections';

describe('reasons of refused lines', () => {
  it('translates the importer reasons and keeps unknown ones as they are', async () => {
    await changeLocale('fr');
    const t = i18n.t.bind(i18n);
    expect(rejectionText('expected 54 columns, found 6', t)).toBe('6 colonnes au lieu de 54');
    expect(rejectionText('unknown NAF rev.2 code "99.99Z"', t)).toBe('Code NAF rév. 2 inconnu «\u00a099.99Z\u00a0»');
    expect(rejectionText('SIRET 90100001800019 does not match siren + nic', t)).toBe(
      'Le SIRET 90100001800019 ne correspond pas au SIREN et au NIC',
    );
    expect(rejectionText('unreadable CSV: Invalid Opening Quote: a quote is found on field 49 at line 11, value is "<b>"', t)).toBe(
      'Ligne CSV illisible (Invalid Opening Quote: a quote is found on field 49 at line 11, value is "<b>")',
    );
    expect(rejectionText('something new', t)).toBe('something new');
    await changeLocale('en');
    expect(rejectionText('invalid SIRET "123"', i18n.t.bind(i18n))).toBe('Invalid SIRET "123"');
    await changeLocale('fr');
  });
});
