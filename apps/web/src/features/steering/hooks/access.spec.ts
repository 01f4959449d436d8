import type { SessionUser } from '@maillage/contracts';
import { canSteer, landingPath, networkSteeringPath, organizationBrandingAccess, organizationBrandingPath } from './access';

const person: SessionUser = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'claire@example.fr',
  firstName: 'Claire',
  lastName: 'Dubois',
  locale: 'fr',
  platformRole: 'user',
  emailVerified: true,
  staffOf: [],
};
const animator: SessionUser = { ...person, staffOf: [{ organizationId: 'o1', organizationName: 'CCI Lyon', role: 'animator' }] };

describe('steering access from the session', () => {
  it('opens the steering pages to host staff and platform admins, not to plain members', () => {
    expect(canSteer(animator)).toBe(true);
    expect(canSteer({ ...person, platformRole: 'admin' })).toBe(true);
    expect(canSteer(person)).toBe(false);
    expect(canSteer(null)).toBe(false);
  });

  it('lands staff on their cockpit after sign-in, everyone else on the home page', () => {
    expect(landingPath(animator)).toBe('/pilotage');
    expect(landingPath(person)).toBe('/');
  });

  it('links a network by its address, or by id when it has none', () => {
    expect(networkSteeringPath({ id: 'n1', slug: 'club-du-forez' })).toBe('/reseaux/club-du-forez/pilotage');
    expect(networkSteeringPath({ id: 'n1', slug: null })).toBe('/reseaux/n1/pilotage');
  });

  it('lets an organisation’s admins and platform admins edit its identity, its other staff read it, nobody else', () => {
    const admin: SessionUser = { ...person, staffOf: [{ organizationId: 'o1', organizationName: 'CCI Lyon', role: 'admin' }] };
    expect(organizationBrandingAccess(admin, 'o1')).toBe('edit');
    expect(organizationBrandingAccess(admin, 'o2')).toBe('none');
    expect(organizationBrandingAccess(animator, 'o1')).toBe('read');
    expect(organizationBrandingAccess({ ...person, platformRole: 'admin' }, 'o2')).toBe('edit');
    expect(organizationBrandingAccess(person, 'o1')).toBe('none');
    expect(organizationBrandingAccess(null, 'o1')).toBe('none');
    expect(organizationBrandingPath('o1')).toBe('/pilotage/organisation/o1');
  });
});
