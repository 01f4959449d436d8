import { discloseTo } from './access-policy.service';

const person = (over: Partial<Parameters<typeof discloseTo>[3]> = {}) => ({
  isExpert: false,
  profile: 'everyone' as const,
  email: 'networks' as const,
  phone: 'networks' as const,
  ...over,
});

describe('AccessPolicy: people’s privacy settings', () => {
  it('shows everything to the person and to platform admins', () => {
    expect(discloseTo(true, true, false, person({ profile: 'networks', email: 'nobody', phone: 'nobody' }))).toEqual({
      profile: true,
      email: true,
      phone: true,
    });
  });

  it('never shows contacts to anonymous visitors, and profiles only of listed experts who show them to everyone', () => {
    expect(discloseTo(false, false, false, person({ email: 'signed_in' }))).toEqual({ profile: false, email: false, phone: false });
    expect(discloseTo(false, false, false, person({ isExpert: true, email: 'signed_in' }))).toEqual({
      profile: true,
      email: false,
      phone: false,
    });
    expect(discloseTo(false, false, false, person({ isExpert: true, profile: 'signed_in' })).profile).toBe(false);
  });

  it('keeps "my networks" to people who share one, and "nobody" to nobody', () => {
    expect(discloseTo(true, false, true, person())).toEqual({ profile: true, email: true, phone: true });
    expect(discloseTo(true, false, false, person())).toEqual({ profile: true, email: false, phone: false });
    expect(discloseTo(true, false, true, person({ email: 'nobody', phone: 'signed_in' }))).toEqual({
      profile: true,
      email: false,
      phone: true,
    });
    expect(discloseTo(true, false, false, person({ profile: 'networks', email: 'signed_in' }))).toEqual({
      profile: false,
      email: false,
      phone: false,
    });
    expect(discloseTo(true, false, true, person({ profile: 'networks' })).profile).toBe(true);
  });
});
