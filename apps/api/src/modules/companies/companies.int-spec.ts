import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { lastMail, PNG, signedInUser, tokenOf, uniqueEmail } from '../../../test/fixtures';

// Real SIRETs of public establishments (check digits valid).
const SIRET_PEUGEOT = '55210055400013';
const SIRET_LA_POSTE = '35600000049837';

describe('companies (HTTP, real database)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await app.db.query("INSERT INTO commune_geo (code, lat, lng) VALUES ('42218', 45.4241, 4.3665)");
  });
  afterAll(() => app.close());

  it('creates a company by SIRET, derives the SIREN and makes the creator its owner', async () => {
    const { client } = await signedInUser(app);
    const missingName = await client.post('/api/v1/companies', { siret: SIRET_PEUGEOT });
    expect(missingName.status).toBe(400);
    expect(missingName.body.details[0].field).toBe('legalName');

    const created = await client.post('/api/v1/companies', { siret: '552 100 554 00013', legalName: 'Peugeot' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ siret: SIRET_PEUGEOT, siren: '552100554', legalName: 'Peugeot', myRole: 'owner', canEdit: true });
    expect((await client.get('/api/v1/companies/mine')).body).toEqual([expect.objectContaining({ id: created.body.id, role: 'owner' })]);

    const laPoste = await client.post('/api/v1/companies', { siret: SIRET_LA_POSTE, legalName: 'La Poste' });
    expect(laPoste.status).toBe(201);
    expect(laPoste.body.siren).toBe('356000000');

    const invalid = await client.post('/api/v1/companies', { siret: '55210055400014', legalName: 'Bad' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details[0].field).toBe('siret');
  });

  it('claims a known company without people, refuses one that is managed', async () => {
    const [{ id }] = await app.db.query(
      "INSERT INTO companies (siren, siret, legal_name) VALUES ('542051180', '54205118000066', 'TotalEnergies SE') RETURNING id",
    );
    const first = await signedInUser(app);
    const claim = await first.client.post('/api/v1/companies', { siret: '54205118000066' });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ id, myRole: 'owner' });
    const second = await signedInUser(app);
    const refused = await second.client.post('/api/v1/companies', { siret: '54205118000066' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'COMPANY_ALREADY_MANAGED', details: { companyId: id } });
  });

  it('lets someone ask to join a managed company: its owners are told and e-mailed, accept or refuse, and the requester is told', async () => {
    const owner = await signedInUser(app, { firstName: 'Odile' });
    const { body: company } = await owner.client.post('/api/v1/companies', { siret: '77553310200007', legalName: 'Forges de Firminy' });
    const asker = await signedInUser(app, { firstName: 'Bruno' });
    const other = await signedInUser(app, { firstName: 'Chloé' });

    // Bad input changes nothing.
    expect((await asker.client.post(`/api/v1/companies/${company.id}/claims`, { message: 'x'.repeat(1001) })).status).toBe(400);
    expect((await asker.client.post('/api/v1/companies/00000000-0000-4000-8000-000000000000/claims', {})).status).toBe(404);
    expect((await owner.client.post(`/api/v1/companies/${company.id}/claims`, {})).body.code).toBe('ALREADY_COMPANY_MEMBER');
    expect((await app.db.query('SELECT count(*)::int AS n FROM company_claims WHERE company_id = $1', [company.id]))[0].n).toBe(0);

    const asked = await asker.client.post(`/api/v1/companies/${company.id}/claims`, { message: '  Je dirige l’atelier de forge.  ' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      companyId: company.id,
      status: 'pending',
      message: 'Je dirige l’atelier de forge.',
      person: { id: asker.id, firstName: 'Bruno' },
    });
    expect((await asker.client.post(`/api/v1/companies/${company.id}/claims`, {})).body.code).toBe('CLAIM_ALREADY_PENDING');

    // The owner is told in the app and by e-mail, with the message; nobody else may see or decide.
    const mail = await lastMail(app, owner.email);
    expect(mail.template).toBe('company-claim-request');
    expect(mail.subject).toBe('Bruno Martin demande à rejoindre Forges de Firminy');
    expect(mail.text).toContain('Je dirige l’atelier de forge.');
    expect(mail.link).toContain(`/entreprises/${company.id}?modifier`);
    const notes = await owner.client.get('/api/v1/notifications');
    expect(notes.body.items[0]).toMatchObject({
      type: 'company.claim_request',
      data: { person: 'Bruno Martin', company: 'Forges de Firminy' },
    });
    expect((await other.client.get(`/api/v1/companies/${company.id}/claims`)).status).toBe(403);
    expect((await asker.client.post(`/api/v1/companies/${company.id}/claims/${asked.body.id}/accept`)).status).toBe(403);
    expect((await owner.client.get(`/api/v1/companies/${company.id}/claims`)).body).toEqual([
      expect.objectContaining({ id: asked.body.id }),
    ]);

    // Accepted: a member of the company, told by e-mail; a second answer is refused.
    const accepted = await owner.client.post(`/api/v1/companies/${company.id}/claims/${asked.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await asker.client.get('/api/v1/companies/mine')).body).toEqual([expect.objectContaining({ id: company.id, role: 'member' })]);
    expect((await lastMail(app, asker.email)).subject).toBe('Vous avez rejoint Forges de Firminy');
    expect((await owner.client.post(`/api/v1/companies/${company.id}/claims/${asked.body.id}/refuse`)).body.code).toBe(
      'CLAIM_ALREADY_DECIDED',
    );
    expect((await owner.client.get(`/api/v1/companies/${company.id}/claims`)).body).toEqual([]);

    // Refused: nothing changes for the company, the requester is told.
    const again = await other.client.post(`/api/v1/companies/${company.id}/claims`, {});
    expect((await owner.client.post(`/api/v1/companies/${company.id}/claims/${again.body.id}/refuse`)).body.status).toBe('refused');
    expect((await other.client.get('/api/v1/companies/mine')).body).toEqual([]);
    expect((await lastMail(app, other.email)).subject).toBe('Votre demande pour rejoindre Forges de Firminy');
  });

  it('edits the profile with real NAF and commune codes; others cannot', async () => {
    const { client } = await signedInUser(app);
    const { body: company } = await client.post('/api/v1/companies', { siret: '73282932000074', legalName: 'Atelier Test' });
    const patch = await client.patch(`/api/v1/companies/${company.id}`, {
      tradeName: 'Atelier du Forez',
      nafCode: '25.62B',
      legalFormCode: '5710',
      headcountBandCode: '12',
      addressLine1: '12 rue des Forges',
      postalCode: '42000',
      communeCode: '42218',
      website: 'https://atelier.example',
      description: 'Usinage de précision, inox et titane.',
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      tradeName: 'Atelier du Forez',
      naf: { code: '25.62B', label: expect.stringMatching(/[Mm]écanique industrielle/) },
      legalForm: { code: '5710' },
      headcountBand: { code: '12' },
      address: { commune: { code: '42218', name: 'Saint-Étienne', departement: { code: '42', name: 'Loire' }, region: { code: '84' } } },
      location: { lat: 45.4241, lng: 4.3665 },
    });
    const [row] = await app.db.query('SELECT departement_code, region_code FROM companies WHERE id = $1', [company.id]);
    expect(row).toEqual({ departement_code: '42', region_code: '84' });

    const bad = await client.patch(`/api/v1/companies/${company.id}`, {
      nafCode: '99.99Z',
      communeCode: '99999',
      website: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['communeCode', 'nafCode', 'website']);

    const stranger = await signedInUser(app);
    expect((await stranger.client.patch(`/api/v1/companies/${company.id}`, { tradeName: 'Hijack' })).status).toBe(403);
    const publicView = await app.client().get(`/api/v1/companies/${company.id}`);
    expect(publicView.status).toBe(200);
    expect(publicView.body).toMatchObject({ tradeName: 'Atelier du Forez', canEdit: false, myRole: null });
  });

  it('uploads a logo (sniffed, stored under a generated name, served as an attachment with nosniff)', async () => {
    const { client } = await signedInUser(app);
    const { body: company } = await client.post('/api/v1/companies', { siret: '44306184100047', legalName: 'Logo Test' });
    const fake = await client.upload(
      `/api/v1/companies/${company.id}/logo`,
      Buffer.from('<script>alert(1)</script>'),
      'logo.png',
      'image/png',
    );
    expect(fake.status).toBe(415);
    const big = await client.upload(
      `/api/v1/companies/${company.id}/logo`,
      Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]),
      'big.png',
      'image/png',
    );
    expect(big.status).toBe(413);

    const ok = await client.upload(`/api/v1/companies/${company.id}/logo`, PNG, '../../etc/passwd.png', 'image/png');
    expect(ok.status).toBe(201);
    expect(ok.body.logoUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]{36}$/);
    const file = await app.client().get(ok.body.logoUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''passwd\.png$/);

    const [{ storage_key }] = await app.db.query('SELECT storage_key FROM files');
    expect(storage_key).not.toContain('passwd');
    const removed = await client.delete(`/api/v1/companies/${company.id}/logo`);
    expect(removed.body.logoUrl).toBeNull();
    expect((await app.client().get(ok.body.logoUrl)).status).toBe(404);
  });

  it('sets a cover (resized to a 1600 × 600 band) beside the logo; its people edit it, nobody else', async () => {
    const owner = await signedInUser(app);
    const outsider = await signedInUser(app);
    const { body: company } = await owner.client.post('/api/v1/companies', { siret: '81234567600017', legalName: 'Couverture Test' });
    expect((await owner.client.get(`/api/v1/companies/${company.id}`)).body.coverUrl).toBeNull();
    const photo = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#c2410c' } })
      .webp()
      .toBuffer();
    const path = `/api/v1/companies/${company.id}/cover`;
    expect((await outsider.client.upload(path, photo, 'cover.webp', 'image/webp', 'PUT')).status).toBe(403);
    expect((await owner.client.upload(path, Buffer.from('<svg onload="alert(1)"/>'), 'cover.svg', 'image/svg+xml', 'PUT')).status).toBe(
      415,
    );
    const first = await owner.client.upload(path, photo, 'cover.webp', 'image/webp', 'PUT');
    expect([first.status, first.body.coverUrl]).toEqual([200, expect.stringMatching(/^\/api\/v1\/files\/[0-9a-f-]{36}$/)]);
    const served = await fetch(`${app.url}${first.body.coverUrl}`);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 600 });
    expect((await app.client().get(`/api/v1/companies/${company.id}`)).body.coverUrl).toBe(first.body.coverUrl);
    const second = await owner.client.upload(path, photo, 'cover2.webp', 'image/webp', 'PUT');
    expect((await app.client().get(first.body.coverUrl)).status).toBe(404);
    expect((await outsider.client.delete(path)).status).toBe(403);
    expect((await owner.client.delete(path)).body.coverUrl).toBeNull();
    expect((await app.client().get(second.body.coverUrl)).status).toBe(404);
  });

  it('lists its people with the form of their role title they chose (dirigeante, dirigeant, or neutral)', async () => {
    const owner = await signedInUser(app);
    const { body: company } = await owner.client.post('/api/v1/companies', { siret: '81234568400011', legalName: 'Titres Test' });
    const members = async () =>
      (await owner.client.get(`/api/v1/companies/${company.id}/members`)).body as {
        personId: string;
        role: string;
        titleForm: string | null;
      }[];
    expect((await members()).find((m) => m.personId === owner.id)).toMatchObject({ role: 'owner', titleForm: null });
    expect((await owner.client.patch('/api/v1/people/me', { titleForm: 'feminine' })).status).toBe(200);
    expect((await members()).find((m) => m.personId === owner.id)).toMatchObject({ role: 'owner', titleForm: 'feminine' });
  });

  it('invites a colleague by e-mail; only that address can accept; one person in several companies', async () => {
    const owner = await signedInUser(app);
    const { body: company } = await owner.client.post('/api/v1/companies', { siret: '40483304800022', legalName: 'Invite SA' });
    const colleagueEmail = uniqueEmail('colleague');
    const invite = await owner.client.post(`/api/v1/companies/${company.id}/invitations`, { email: colleagueEmail, role: 'admin' });
    expect(invite.status).toBe(201);
    const mail = await lastMail(app, colleagueEmail);
    expect(mail.template).toBe('company-invitation');
    const token = tokenOf(mail.link);

    const intruder = await signedInUser(app);
    expect((await intruder.client.post('/api/v1/companies/invitations/accept', { token })).status).toBe(400);

    const colleague = await signedInUser(app, { email: colleagueEmail });
    await colleague.client.post('/api/v1/companies', { siret: '38012986646850', legalName: 'Other company' });
    const accepted = await colleague.client.post('/api/v1/companies/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: company.id, role: 'admin' });
    expect((await colleague.client.get('/api/v1/companies/mine')).body).toHaveLength(2);

    const members = await owner.client.get(`/api/v1/companies/${company.id}/members`);
    expect(members.body.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'owner']);
    expect(members.body[0].email).toBeDefined();
    const anonymous = await app.client().get(`/api/v1/companies/${company.id}/members`);
    expect(anonymous.body.every((m: { email?: string }) => m.email === undefined)).toBe(true);

    // An admin cannot make someone owner; the last owner cannot leave.
    expect((await colleague.client.patch(`/api/v1/companies/${company.id}/members/${colleague.id}`, { role: 'owner' })).status).toBe(403);
    const leave = await owner.client.delete(`/api/v1/companies/${company.id}/members/${owner.id}`);
    expect(leave.status).toBe(409);
    expect(leave.body.code).toBe('LAST_OWNER');
    expect((await owner.client.patch(`/api/v1/companies/${company.id}/members/${colleague.id}`, { role: 'owner' })).status).toBe(200);
    expect((await owner.client.delete(`/api/v1/companies/${company.id}/members/${owner.id}`)).status).toBe(204);
  });
});
