import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { syntheticSiret } from '../../seed/random';
import { importCommuneGeo, importSirene } from './directory.imports';

// A few rows of the open-data commune centres (source and licence in fixtures/README.md).
const COMMUNES_GEO = join(__dirname, 'fixtures/communes-geo-extract.csv');
const SIRENE_SAMPLE = join(__dirname, 'fixtures/sirene-stock-etablissement-sample.csv');

describe('directory imports: commune coordinates and SIRENE (real database)', () => {
  let app: TestApp;
  let indexer: SearchIndexer;
  beforeAll(async () => {
    app = await createTestApp({ SEARCH_RELAY_INTERVAL_MS: 0 });
    indexer = app.running.app.get(SearchIndexer);
  });
  afterAll(() => app.close());

  it('imports commune centres from an open-data extract and locates companies without coordinates', async () => {
    await app.db.query(
      "INSERT INTO companies (siren, siret, legal_name, commune_code) VALUES ('732829320', '73282932000074', 'Sans coordonnées', '42218')",
    );
    const report = await importCommuneGeo(app.db, indexer, createReadStream(COMMUNES_GEO));
    expect(report.rejectedCount).toBe(0);
    expect(report.imported).toBe(4);
    expect(report.companiesLocated).toBe(1);
    const [se] = await app.db.query("SELECT lat, lng FROM commune_geo WHERE code = '42218'");
    expect(se.lat).toBeCloseTo(45.43, 1);
    expect(se.lng).toBeCloseTo(4.39, 1);
    const [company] = await app.db.query("SELECT lat, lng FROM companies WHERE siret = '73282932000074'");
    expect(company).toEqual(se);
    await indexer.drain();
    const res = await app.client().get('/api/v1/search?near=42095&radiusKm=20');
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Sans coordonnées']);
  });

  it('reports bad coordinate lines and imports the others', async () => {
    const csv = [
      'insee_com,insee_dep,lat,lng',
      '42218,42,45.5,4.4',
      'XYZ,42,45,4',
      '42095,42,north,4.29',
      '42095,42,45.38,999',
      '42095,42',
      '69123,69,45.76,4.83',
    ].join('\n');
    const report = await importCommuneGeo(app.db, indexer, Readable.from([csv]));
    expect(report).toMatchObject({ read: 6, imported: 2, rejectedCount: 4 });
    expect(report.rejected.sort((a, b) => a.line - b.line)).toEqual([
      { line: 3, reason: 'invalid INSEE code "XYZ"' },
      { line: 4, reason: 'invalid latitude "north"' },
      { line: 5, reason: 'invalid longitude "999"' },
      { line: 6, reason: 'expected 4 columns, found 2' },
    ]);
    await expect(importCommuneGeo(app.db, indexer, Readable.from(['code,x,y\n1,2,3']))).rejects.toThrow(
      'Missing column(s): insee_com, lat, lng',
    );
  });

  it('imports the INSEE StockEtablissement sample: active lines upserted, closed skipped, broken ones reported', async () => {
    const rejected: string[] = [];
    const report = await importSirene(app.db, indexer, createReadStream(SIRENE_SAMPLE), {
      onReject: (line, reason) => rejected.push(`${line}: ${reason}`),
    });
    expect(report).toMatchObject({ read: 12, imported: 6, skipped: 1, rejectedCount: 5 });
    expect(rejected.sort((a, b) => parseInt(a, 10) - parseInt(b, 10))).toEqual([
      '6: invalid SIRET "90100001800010"',
      '7: unknown NAF rev.2 code "99.99Z"',
      '8: expected 54 columns, found 6',
      '9: unknown commune "99999"',
      expect.stringMatching(/^11: unreadable CSV: Invalid Opening Quote/),
    ]);
    const rows = await app.db.query(
      "SELECT siret, legal_name, trade_name, naf_code, headcount_band, address_line1, address_line2, postal_code, commune_code, departement_code, region_code, lat IS NOT NULL AS located FROM companies WHERE siret LIKE '901%' ORDER BY siret",
    );
    expect(rows).toEqual([
      {
        siret: '90100001800019',
        legal_name: 'ATELIERS MECANIQUES DU FURAN',
        trade_name: 'MECA FURAN',
        naf_code: '25.62B',
        headcount_band: '12',
        address_line1: '14 RUE DES ARMURIERS',
        address_line2: null,
        postal_code: '42000',
        commune_code: '42218',
        departement_code: '42',
        region_code: '84',
        located: true,
      },
      {
        siret: '90100002600012',
        legal_name: 'LOGICIELS DU CONFLUENT',
        trade_name: null,
        naf_code: '62.01Z',
        headcount_band: '12',
        address_line1: '8B QUAI PERRACHE',
        address_line2: null,
        postal_code: '69002',
        commune_code: '69123',
        departement_code: '69',
        region_code: '84',
        located: true,
      },
      {
        siret: '90100004200019',
        legal_name: 'Établissement 90100004200019',
        trade_name: null,
        naf_code: '71.12B',
        headcount_band: 'NN',
        address_line1: '3 AV DE LA REPUBLIQUE, ZONE SUD',
        address_line2: 'BATIMENT C',
        postal_code: '38000',
        commune_code: '38185',
        departement_code: '38',
        region_code: '84',
        located: true,
      },
      {
        siret: '90100009100016',
        legal_name: 'BOULANGERIE DU MARCHE',
        trade_name: null,
        naf_code: null,
        headcount_band: null,
        address_line1: null,
        address_line2: null,
        postal_code: '42100',
        commune_code: '42218',
        departement_code: '42',
        region_code: '84',
        located: true,
      },
      {
        siret: '90100010900016',
        legal_name: 'TOLERIE DE L ONDAINE',
        trade_name: null,
        naf_code: '25.50B',
        headcount_band: '03',
        address_line1: null,
        address_line2: null,
        postal_code: '42700',
        commune_code: '42095',
        departement_code: '42',
        region_code: '84',
        located: true,
      },
    ]);
    await indexer.drain();
    const found = await app.client().get('/api/v1/search?q=mecaniques%20furan');
    expect(found.body.items.map((i: { title: string }) => i.title)).toEqual(['MECA FURAN']);
  });

  it('can be re-run: same result, nothing duplicated, company edits kept', async () => {
    await app.db.query(
      "UPDATE companies SET legal_name = 'Ateliers du Furan (édité)', description = 'Décrit par l’entreprise' WHERE siret = '90100001800019'",
    );
    const again = await importSirene(app.db, indexer, createReadStream(SIRENE_SAMPLE));
    expect(again).toMatchObject({ read: 12, imported: 6, skipped: 1, rejectedCount: 5 });
    const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM companies WHERE siret LIKE '901%'");
    expect(n).toBe(5);
    const [edited] = await app.db.query("SELECT legal_name, description FROM companies WHERE siret = '90100001800019'");
    expect(edited).toEqual({ legal_name: 'Ateliers du Furan (édité)', description: 'Décrit par l’entreprise' });
  });

  it('streams a large file in constant memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-sirene-'));
    const file = join(dir, 'big.csv');
    const [header, line] = readFileSync(SIRENE_SAMPLE, 'utf8').split('\n');
    const lines = [header];
    for (let i = 0; i < 20000; i++) {
      const siret = syntheticSiret(700000 + i);
      lines.push(
        line
          .replace(/^901000018,00019,90100001800019/, `${siret.slice(0, 9)},${siret.slice(9)},${siret}`)
          .replace('ATELIERS MECANIQUES DU FURAN', `ATELIER ${i}`),
      );
    }
    writeFileSync(file, lines.join('\n'));
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const report = await importSirene(app.db, indexer, createReadStream(file, { highWaterMark: 16 * 1024 }), {
      batchSize: 500,
      onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)),
    });
    expect(report).toMatchObject({ read: 20000, imported: 20000, rejectedCount: 0 });
    const [{ n }] = await app.db.query("SELECT count(*)::int AS n FROM companies WHERE legal_name LIKE 'ATELIER %'");
    expect(n).toBe(20000);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});
