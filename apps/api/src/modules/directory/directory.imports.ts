// Bulk imports of open data, streamed in constant memory: commune coordinates and the INSEE SIRENE
// StockEtablissement file. Both are safe to re-run (upserts) and report every rejected line.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { DataSource } from 'typeorm';
import { findCommune, findHeadcountBand, findNaf, isValidSiret } from '@maillage/referentials';
import type { SearchIndexer } from '../../core/search/search-indexer.service';

export interface ImportReport {
  /** Data lines read (the header excluded). */
  read: number;
  imported: number;
  /** Lines deliberately left out (closed establishments). */
  skipped: number;
  rejected: { line: number; reason: string }[];
  /** SIRENE: companies created and updated so far (a SIRET repeated in one batch counts once). */
  created?: number;
  updated?: number;
}

export interface ImportOptions {
  batchSize?: number;
  onProgress?: (report: ImportReport) => void;
  onReject?: (line: number, reason: string) => void;
  /** Rejections kept in the report (all are passed to onReject); the count is always exact. */
  keepRejections?: number;
}

interface Row {
  line: number;
  values: Record<string, string>;
}

/**
 * Streams CSV records as objects keyed by the header's names, in batches. Lines with the wrong
 * number of columns or broken quoting are rejected with their line number; parsing goes on.
 */
async function eachBatch(
  input: Readable,
  required: readonly string[],
  options: ImportOptions,
  report: ImportReport & { rejectedCount: number },
  handle: (rows: Row[]) => Promise<void>,
): Promise<void> {
  const reject = (line: number, reason: string) => {
    report.rejectedCount += 1;
    if (report.rejected.length < (options.keepRejections ?? 1000)) report.rejected.push({ line, reason });
    options.onReject?.(line, reason);
  };
  const parser = input.pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, trim: true }),
  );
  parser.on('skip', (err: Error & { lines?: number }) => {
    report.read += 1;
    reject(err.lines ?? 0, `unreadable CSV: ${err.message}`);
  });
  let header: string[] | null = null;
  let batch: Row[] = [];
  const size = options.batchSize ?? 1000;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      const names = record;
      header = names;
      const missing = required.filter((c) => !names.includes(c));
      if (missing.length) throw new Error(`Missing column(s): ${missing.join(', ')}`);
      continue;
    }
    report.read += 1;
    if (record.length !== header.length) {
      reject(info.lines, `expected ${header.length} columns, found ${record.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = record[i]));
    batch.push({ line: info.lines, values });
    if (batch.length >= size) {
      await handle(batch);
      batch = [];
      options.onProgress?.(report);
    }
  }
  if (!header) throw new Error('The file is empty');
  if (batch.length) await handle(batch);
  options.onProgress?.(report);
}

function newReport(): ImportReport & { rejectedCount: number } {
  return { read: 0, imported: 0, skipped: 0, rejected: [], rejectedCount: 0 };
}

/**
 * `npm run import:geo -- file.csv`: commune centres (columns insee_com, lat, lng, …), upserted into
 * commune_geo; then companies without coordinates take their commune's (and are re-indexed).
 */
export async function importCommuneGeo(
  db: DataSource,
  indexer: SearchIndexer,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportReport & { rejectedCount: number; companiesLocated: number }> {
  const report = newReport();
  await eachBatch(input, ['insee_com', 'lat', 'lng'], options, report, async (rows) => {
    const good: { code: string; lat: number; lng: number }[] = [];
    for (const { line, values } of rows) {
      const code = values.insee_com.toUpperCase();
      const lat = Number(values.lat);
      const lng = Number(values.lng);
      const reason = !/^(\d{5}|2[AB]\d{3})$/.test(code)
        ? `invalid INSEE code "${code.slice(0, 20)}"`
        : values.lat === '' || !Number.isFinite(lat) || lat < -90 || lat > 90
          ? `invalid latitude "${values.lat.slice(0, 20)}"`
          : values.lng === '' || !Number.isFinite(lng) || lng < -180 || lng > 180
            ? `invalid longitude "${values.lng.slice(0, 20)}"`
            : null;
      if (reason) {
        report.rejectedCount += 1;
        if (report.rejected.length < (options.keepRejections ?? 1000)) report.rejected.push({ line, reason });
        options.onReject?.(line, reason);
      } else {
        good.push({ code, lat, lng });
      }
    }
    const unique = [...new Map(good.map((g) => [g.code, g])).values()];
    if (unique.length) {
      await db.query(
        `INSERT INTO commune_geo (code, lat, lng) SELECT * FROM unnest($1::varchar[], $2::float8[], $3::float8[])
         ON CONFLICT (code) DO UPDATE SET lat = excluded.lat, lng = excluded.lng`,
        [unique.map((r) => r.code), unique.map((r) => r.lat), unique.map((r) => r.lng)],
      );
    }
    report.imported += good.length;
  });
  const companiesLocated = await db.transaction(async (tx) => {
    const rows: { id: string }[] = await tx.query(
      `UPDATE companies c SET lat = g.lat, lng = g.lng FROM commune_geo g WHERE c.commune_code = g.code AND (c.lat IS NULL OR c.lng IS NULL)
       RETURNING c.id`,
    );
    const ids = Array.isArray(rows[0]) ? (rows[0] as unknown as { id: string }[]) : rows;
    for (let i = 0; i < ids.length; i += 10000)
      await indexer.enqueue(
        tx,
        'company',
        ids.slice(i, i + 10000).map((r) => r.id),
      );
    return ids.length;
  });
  return { ...report, companiesLocated };
}

/** Columns of INSEE's StockEtablissement this import reads (the file has more: they are ignored). */
export const SIRENE_COLUMNS = [
  'siren',
  'nic',
  'siret',
  'etatAdministratifEtablissement',
  'activitePrincipaleEtablissement',
  'nomenclatureActivitePrincipaleEtablissement',
  'trancheEffectifsEtablissement',
  'codeCommuneEtablissement',
  'codePostalEtablissement',
  'denominationUsuelleEtablissement',
  'enseigne1Etablissement',
  'numeroVoieEtablissement',
  'indiceRepetitionEtablissement',
  'typeVoieEtablissement',
  'libelleVoieEtablissement',
  'complementAdresseEtablissement',
] as const;

interface CompanyUpsert {
  siren: string;
  siret: string;
  legal_name: string;
  trade_name: string | null;
  naf_code: string | null;
  headcount_band: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  commune_code: string | null;
  departement_code: string | null;
  region_code: string | null;
}

/** One StockEtablissement line → a company row, 'closed', or the reason it is rejected. */
export function sireneRow(v: Record<string, string>): CompanyUpsert | 'closed' | { reason: string } {
  if (v.etatAdministratifEtablissement === 'F') return 'closed';
  if (v.etatAdministratifEtablissement !== 'A')
    return { reason: `unknown administrative state "${v.etatAdministratifEtablissement.slice(0, 5)}"` };
  const siret = v.siret || `${v.siren}${v.nic}`;
  if (!/^\d{14}$/.test(siret) || !isValidSiret(siret)) return { reason: `invalid SIRET "${siret.slice(0, 20)}"` };
  if (v.siren && v.nic && `${v.siren}${v.nic}` !== siret) return { reason: `SIRET ${siret} does not match siren + nic` };
  let naf: string | null = null;
  const activity = v.activitePrincipaleEtablissement;
  const nomenclature = v.nomenclatureActivitePrincipaleEtablissement;
  if (activity && (nomenclature === 'NAFRev2' || nomenclature === '')) {
    naf = findNaf(activity)?.code ?? null;
    if (!naf) return { reason: `unknown NAF rev.2 code "${activity.slice(0, 10)}"` };
  }
  const band = v.trancheEffectifsEtablissement;
  if (band && !findHeadcountBand(band)) return { reason: `unknown headcount band "${band.slice(0, 5)}"` };
  const commune = v.codeCommuneEtablissement ? findCommune(v.codeCommuneEtablissement) : null;
  if (v.codeCommuneEtablissement && !commune) return { reason: `unknown commune "${v.codeCommuneEtablissement.slice(0, 10)}"` };
  const name = v.denominationUsuelleEtablissement || v.enseigne1Etablissement || `Établissement ${siret}`;
  const street = [v.numeroVoieEtablissement + (v.indiceRepetitionEtablissement ?? ''), v.typeVoieEtablissement, v.libelleVoieEtablissement]
    .filter(Boolean)
    .join(' ')
    .trim();
  return {
    siren: siret.slice(0, 9),
    siret,
    legal_name: name.slice(0, 250),
    trade_name: v.enseigne1Etablissement && v.enseigne1Etablissement !== name ? v.enseigne1Etablissement.slice(0, 250) : null,
    naf_code: naf,
    headcount_band: band || null,
    address_line1: street ? street.slice(0, 200) : null,
    address_line2: v.complementAdresseEtablissement ? v.complementAdresseEtablissement.slice(0, 200) : null,
    postal_code: /^\d{5}$/.test(v.codePostalEtablissement) ? v.codePostalEtablissement : null,
    commune_code: commune?.code ?? null,
    departement_code: commune?.departement.code ?? null,
    region_code: commune?.region.code ?? null,
  };
}

/**
 * `npm run import:sirene -- StockEtablissement.csv`: active establishments upserted by SIRET
 * (official fields only: names, description, website and logo edited by the company are kept),
 * closed ones skipped, bad lines reported; each batch is one transaction with its outbox rows.
 */
export async function importSirene(
  db: DataSource,
  indexer: SearchIndexer,
  input: Readable,
  options: ImportOptions = {},
): Promise<ImportReport & { rejectedCount: number; created: number; updated: number }> {
  const report = { ...newReport(), created: 0, updated: 0 };
  await eachBatch(input, SIRENE_COLUMNS, options, report, async (rows) => {
    const bySiret = new Map<string, CompanyUpsert>();
    let accepted = 0;
    for (const { line, values } of rows) {
      const result = sireneRow(values);
      if (result === 'closed') report.skipped += 1;
      else if ('reason' in result) {
        report.rejectedCount += 1;
        if (report.rejected.length < (options.keepRejections ?? 1000)) report.rejected.push({ line, reason: result.reason });
        options.onReject?.(line, result.reason);
      } else {
        // A SIRET repeated in the file: its last line wins.
        bySiret.set(result.siret, result);
        accepted += 1;
      }
    }
    if (!bySiret.size) return;
    const written = await db.transaction(async (tx) => {
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      const rows: { id: string; created: boolean }[] = await tx.query(
        `INSERT INTO companies (siren, siret, legal_name, trade_name, naf_code, headcount_band, address_line1, address_line2, postal_code,
           commune_code, departement_code, region_code, lat, lng)
         SELECT r.siren, r.siret, r.legal_name, r.trade_name, r.naf_code, r.headcount_band, r.address_line1, r.address_line2, r.postal_code,
           r.commune_code, r.departement_code, r.region_code, g.lat, g.lng
         FROM jsonb_to_recordset($1::jsonb) AS r(siren text, siret text, legal_name text, trade_name text, naf_code text, headcount_band text,
           address_line1 text, address_line2 text, postal_code text, commune_code text, departement_code text, region_code text)
         LEFT JOIN commune_geo g ON g.code = r.commune_code
         ON CONFLICT (siret) DO UPDATE SET naf_code = excluded.naf_code, headcount_band = excluded.headcount_band,
           address_line1 = excluded.address_line1, address_line2 = excluded.address_line2, postal_code = excluded.postal_code,
           lat = CASE WHEN companies.commune_code IS DISTINCT FROM excluded.commune_code THEN excluded.lat ELSE COALESCE(companies.lat, excluded.lat) END,
           lng = CASE WHEN companies.commune_code IS DISTINCT FROM excluded.commune_code THEN excluded.lng ELSE COALESCE(companies.lng, excluded.lng) END,
           commune_code = excluded.commune_code, departement_code = excluded.departement_code, region_code = excluded.region_code,
           updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [JSON.stringify([...bySiret.values()])],
      );
      await indexer.enqueue(
        tx,
        'company',
        rows.map((w) => w.id),
      );
      return rows;
    });
    const created = written.filter((w) => w.created).length;
    report.created += created;
    report.updated += written.length - created;
    report.imported += accepted;
  });
  return report;
}
