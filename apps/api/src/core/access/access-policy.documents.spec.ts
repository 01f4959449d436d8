import { networkStanding as standing, policy } from '../../../test/access-fixtures';
const someone = { personId: 'p1', platformRole: 'user' as const };
const other = { personId: 'p2', platformRole: 'user' as const };

describe('AccessPolicy: document libraries', () => {
  it("reads a library like the network's content: public for public networks, else active members, host staff, admins", () => {
    expect(policy.canReadDocuments(null)).toBe(false);
    expect(policy.canReadDocuments(standing({ visibility: 'public' }))).toBe(true);
    for (const visibility of ['private', 'secret'] as const) {
      expect(policy.canReadDocuments(standing({ visibility }))).toBe(false);
      expect(policy.canReadDocuments(standing({ visibility, invited: true }))).toBe(false);
      for (const over of [{ activeRole: 'member' as const }, { hostStaff: true }, { platformAdmin: true }]) {
        expect(policy.canReadDocuments(standing({ visibility, ...over }))).toBe(true);
      }
    }
  });

  it('lets signed-in active members write, and the managers manage', () => {
    expect(policy.canWriteDocuments(null, standing({ visibility: 'public' }))).toBe(false);
    expect(policy.canWriteDocuments(someone, standing({ visibility: 'public' }))).toBe(false);
    expect(policy.canWriteDocuments(someone, standing({ activeRole: 'member' }))).toBe(true);
    expect(policy.canManageDocuments(standing({ activeRole: 'moderator' }))).toBe(false);
    expect(policy.canManageDocuments(standing({ activeRole: 'animator' }))).toBe(true);
    expect(policy.canManageDocuments(standing({ hostStaff: true }))).toBe(true);
  });

  it('shows animators-only folders to the managers only', () => {
    expect(policy.canSeeDocumentFolder(standing({ activeRole: 'member' }), false)).toBe(true);
    expect(policy.canSeeDocumentFolder(standing({ activeRole: 'member' }), true)).toBe(false);
    expect(policy.canSeeDocumentFolder(standing({ activeRole: 'animator' }), true)).toBe(true);
    expect(policy.canSeeDocumentFolder(standing({ platformAdmin: true }), true)).toBe(true);
  });

  it("lets a document's uploader (still a member) and the managers edit it", () => {
    const doc = { createdById: 'p1' };
    expect(policy.canEditDocument(someone, standing({ activeRole: 'member' }), doc)).toBe(true);
    expect(policy.canEditDocument(other, standing({ activeRole: 'member' }), doc)).toBe(false);
    expect(policy.canEditDocument(someone, standing({ visibility: 'public' }), doc)).toBe(false);
    expect(policy.canEditDocument(other, standing({ activeRole: 'animator' }), doc)).toBe(true);
  });

  it('gives documents the search audience of their readers', () => {
    const network = { id: 'n1', visibility: 'public' as const, hostOrganizationId: 'org' };
    expect(policy.documentAudience(network, false)).toEqual({ visibility: 'public', audience: [] });
    expect(policy.documentAudience({ ...network, visibility: 'private' }, false)).toEqual({
      visibility: 'restricted',
      audience: ['member:n1', 'org:org'],
    });
    expect(policy.documentAudience(network, true)).toEqual({ visibility: 'restricted', audience: ['animator:n1', 'org:org'] });
  });
});
