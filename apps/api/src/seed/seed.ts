import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { findCommune, findNaf, sirenFromSiret } from '@maillage/referentials';
import {
  ACTIVITIES,
  EXPERTISE_DOMAINS,
  FIRST_NAMES,
  HEADCOUNT_MIX,
  JOB_TITLES,
  LAST_NAMES,
  LEGAL_FORM_MIX,
  NAME_PREFIXES,
  NAME_SUFFIXES,
  STREETS,
} from './catalog';
import { SearchIndexer } from '../core/search/search-indexer.service';
import { DEMO_TOWNS } from './demo-geo';
import { seedDemoNetworks, type DemoPeople } from './demo-networks';
import { seedDemoEvents } from './demo-events';
import { seedDemoSteering } from './demo-steering';
import { seedDemoOpportunities } from './demo-opportunities';
import { SteeringRefreshService } from '../modules/steering/steering-refresh.service';
import { Random, syntheticSiret } from './random';

export const DEMO_PASSWORD = 'maillage-demo-2026';
export const DEMO_ACCOUNTS = {
  admin: 'admin@demo.maillage.fr',
  animator: 'animatrice@demo.maillage.fr',
  member: 'membre@demo.maillage.fr',
  clubAnimator: 'animateur@demo.maillage.fr',
} as const;

export interface SeedOptions {
  companies: number;
  /** Index of the first generated company: lets `npm run seed` add volume to an existing data set. */
  offset?: number;
  withFoundation?: boolean;
}

type Row = Record<string, unknown>;

/** Multi-row INSERT in chunks that stay far below PostgreSQL's 65,535 parameters. */
export async function insertRows(db: EntityManager, table: string, rows: Row[], suffix = ''): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const chunk = Math.max(1, Math.floor(20000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const params: unknown[] = [];
    const values = part.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ${suffix}`, params);
  }
}

const ORGANIZATIONS = [
  { key: 'region', name: 'CCI Auvergne-Rhône-Alpes', kind: 'cci_regional', commune: '69123' },
  { key: 'lyon', name: 'CCI Lyon Métropole Saint-Étienne Roanne', kind: 'cci_territorial', commune: '69123' },
  { key: 'grenoble', name: 'CCI Grenoble', kind: 'cci_territorial', commune: '38185' },
  { key: 'auvergne', name: 'CCI Puy-de-Dôme', kind: 'cci_territorial', commune: '63113' },
  { key: 'hautesavoie', name: 'CCI Haute-Savoie', kind: 'cci_territorial', commune: '74010' },
  { key: 'ain', name: 'CCI de l’Ain', kind: 'cci_territorial', commune: '01053' },
] as const;

/**
 * Writes the demo data set: the regional CCI and its territorial CCIs with animators, the three demo
 * accounts, `companies` companies spread over real towns with valid SIRETs and real NAF codes,
 * about 1.5 people per company and a few dozen experts. Deterministic for a given option set.
 */
export async function seedDemo(dataSource: DataSource, options: SeedOptions, log?: (m: string) => void): Promise<void> {
  const rnd = new Random(20261126 + (options.offset ?? 0));
  // A separate sequence for offers and needs, so that the rest of the data set stays as it was.
  const offersRnd = new Random(20261127 + (options.offset ?? 0));
  const offset = options.offset ?? 0;
  for (const a of ACTIVITIES) if (!findNaf(a.naf)) throw new Error(`Seed catalog: unknown NAF ${a.naf}`);
  const passwordHash = options.withFoundation ? await hash(DEMO_PASSWORD) : null;
  const verified = new Date('2026-01-05T09:00:00Z');

  let demo: DemoPeople | null = null;
  await dataSource.transaction(async (tx) => {
    if (options.withFoundation) {
      await insertRows(
        tx,
        'commune_geo',
        DEMO_TOWNS.map(([code, lat, lng]) => ({ code, lat, lng })),
        'ON CONFLICT (code) DO NOTHING',
      );
      const orgIds = new Map<string, string>();
      for (const o of ORGANIZATIONS) orgIds.set(o.key, rnd.uuid());
      const orgId = (key: string): string => {
        const id = orgIds.get(key);
        if (!id) throw new Error(`unknown demo organisation ${key}`);
        return id;
      };
      await insertRows(
        tx,
        'organizations',
        ORGANIZATIONS.map((o) => ({
          id: orgIds.get(o.key),
          name: o.name,
          kind: o.kind,
          parent_id: o.key === 'region' ? null : orgIds.get('region'),
          commune_code: o.commune,
          description:
            o.kind === 'cci_regional'
              ? 'Chambre régionale : anime le réseau des CCI territoriales et leurs réseaux d’entreprises.'
              : 'CCI territoriale : anime les clubs, associations de zones, grappes et réseaux de son territoire.',
        })),
      );
      const accounts = [
        {
          email: DEMO_ACCOUNTS.admin,
          first: 'Alice',
          last: 'Administratrice',
          role: 'admin',
          job: 'Administratrice de la plateforme',
          form: 'feminine',
        },
        {
          email: DEMO_ACCOUNTS.animator,
          first: 'Claire',
          last: 'Dubois',
          role: 'user',
          job: 'Animatrice de réseaux d’entreprises',
          form: 'feminine',
        },
        { email: DEMO_ACCOUNTS.member, first: 'Thomas', last: 'Bernard', role: 'user', job: 'Dirigeant', form: 'masculine' },
        {
          email: DEMO_ACCOUNTS.clubAnimator,
          first: 'Julien',
          last: 'Faure',
          role: 'user',
          job: 'Dirigeant, animateur du Club des industriels du Forez',
          form: 'masculine',
        },
      ].map((a) => ({ ...a, id: rnd.uuid() }));
      await insertRows(
        tx,
        'people',
        accounts.map((a) => ({
          id: a.id,
          email: a.email,
          password_hash: passwordHash,
          email_verified_at: verified,
          platform_role: a.role,
          first_name: a.first,
          last_name: a.last,
          job_title: a.job,
          title_form: a.form,
        })),
      );
      // Claire administers her CCI's staff too: she sets its logo and colour from the steering pages.
      const staff = [{ organization_id: orgIds.get('lyon'), person_id: accounts[1].id, role: 'admin' }];
      const animators = ORGANIZATIONS.flatMap((o) =>
        [0, 1].map(() => ({ id: rnd.uuid(), org: orgId(o.key), first: rnd.pick(FIRST_NAMES), last: rnd.pick(LAST_NAMES) })),
      );
      await insertRows(
        tx,
        'people',
        animators.map((a, i) => ({
          id: a.id,
          email: `animateur.${i + 1}@cci.example`,
          email_verified_at: verified,
          first_name: a.first,
          last_name: a.last,
          job_title: 'Animateur de réseaux',
        })),
      );
      staff.push(...animators.map((a, i) => ({ organization_id: a.org, person_id: a.id, role: i % 2 ? 'animator' : 'admin' })));
      await insertRows(tx, 'organization_staff', staff);
      // The demo member owns a known company, so that the README can point at it.
      const flagship = companyRow(rnd, -1, offset, {
        activity: ACTIVITIES[0],
        town: DEMO_TOWNS[0],
        name: 'Usinage de précision du Forez',
      }).row;
      await insertRows(tx, 'companies', [flagship]);
      await insertRows(tx, 'company_members', [{ company_id: flagship.id, person_id: accounts[2].id, role: 'owner' }]);
      // The company animating the private club, owned by its own demo account (its own random sequence: the
      // generated companies below stay the same).
      const clubRnd = new Random(20261130 + offset);
      const clubAnimator: Row = {
        ...companyRow(clubRnd, 0, offset, { activity: ACTIVITIES[0], town: DEMO_TOWNS[0], name: 'Forges et Ateliers de la Loire' }).row,
        siret: '42133700700007',
        siren: '421337007',
      };
      await insertRows(tx, 'companies', [clubAnimator]);
      await insertRows(tx, 'company_members', [{ company_id: clubAnimator.id, person_id: accounts[3].id, role: 'owner' }]);
      demo = {
        lyon: orgId('lyon'),
        region: orgId('region'),
        animator: accounts[1].id,
        member: accounts[2].id,
        flagship: flagship.id as string,
        clubAnimator: clubAnimator.id as string,
      };
      await insertOffers(tx, [
        {
          id: offersRnd.uuid(),
          company_id: flagship.id,
          kind: 'offer',
          label: 'Usinage de précision de pièces inox et titane',
          description: 'Tournage et fraisage CNC 5 axes, petites et moyennes séries, contrôle tridimensionnel.',
          naf_codes: ['25.62B'],
          skills: ['usinage', 'inox', 'titane', 'fraisage CNC'],
          departement_codes: ['42'],
          region_codes: [],
        },
        {
          id: offersRnd.uuid(),
          company_id: flagship.id,
          kind: 'need',
          label: 'Sous-traitance de découpe laser et pliage de tôles',
          description: 'Tôles fines inox pour des carters de machines, séries de 50 à 500 pièces.',
          naf_codes: ['25.50B'],
          skills: ['découpe laser', 'pliage'],
          departement_codes: [],
          region_codes: ['84'],
        },
      ]);
    }

    const companies: Row[] = [];
    const people: Row[] = [];
    const members: Row[] = [];
    const offers: Row[] = [];
    for (let i = 0; i < options.companies; i++) {
      const { row: company, skills, activity } = companyRow(rnd, i, offset);
      companies.push(company);
      offers.push(...offerRows(offersRnd, company, activity));
      const headcount = rnd.next() < 0.5 ? 2 : 1;
      for (let k = 0; k < headcount; k++) {
        const person = personRow(rnd, offset + i, k, skills);
        people.push(person);
        members.push({ company_id: company.id, person_id: person.id, role: k === 0 ? 'owner' : rnd.pick(['admin', 'member']) });
      }
      if (companies.length >= 5000 || i === options.companies - 1) {
        await insertRows(tx, 'companies', companies.splice(0), 'ON CONFLICT (siret) DO NOTHING');
        await insertRows(tx, 'people', people.splice(0), 'ON CONFLICT (email) DO NOTHING');
        await insertRows(tx, 'company_members', members.splice(0), 'ON CONFLICT DO NOTHING');
        await insertOffers(tx, offers.splice(0));
        log?.(`seed: ${i + 1}/${options.companies} companies`);
      }
    }
    // Networks of the seed document's typology with members and forum topics (their own random sequence).
    if (demo) await seedDemoNetworks(tx, new Random(20261128), demo);
    // Upcoming events of those networks (agenda).
    if (demo) await seedDemoEvents(tx, new Random(20261129), demo.animator);
    // Two years of activity, action plans, maturity and network sheets for the steering cockpit.
    if (demo) await seedDemoSteering(tx, new Random(20261130), demo);
    // Open opportunities of every type, one for the private club only (partner search).
    if (demo) await seedDemoOpportunities(tx, new Random(20261131), demo);
  });
}

function companyRow(
  rnd: Random,
  i: number,
  offset: number,
  fixed?: { activity: (typeof ACTIVITIES)[number]; town: (typeof DEMO_TOWNS)[number]; name: string },
): { row: Row; skills: string[]; activity: (typeof ACTIVITIES)[number] } {
  const activity = fixed?.activity ?? rnd.pick(ACTIVITIES);
  const town =
    fixed?.town ??
    rnd.weighted(
      DEMO_TOWNS,
      DEMO_TOWNS.map((t) => t[3]),
    );
  const commune = findCommune(town[0]);
  if (!commune) throw new Error(`unknown demo town ${town[0]}`);
  const siret = syntheticSiret(offset + i + 1);
  const surname = rnd.pick(LAST_NAMES);
  const word = rnd.pick(activity.names);
  const name =
    fixed?.name ??
    rnd.pick([
      `${rnd.pick(NAME_PREFIXES)} ${surname}`,
      `${word} ${rnd.pick(NAME_SUFFIXES)}`,
      `${surname} ${word}`,
      `${word} ${surname} et Fils`,
    ]);
  const jitter = () => (rnd.next() - 0.5) * 0.04;
  const row = {
    id: rnd.uuid(),
    siren: sirenFromSiret(siret),
    siret,
    legal_name: `${name} ${rnd.pick(['SAS', 'SARL', 'SA', ''])}`.trim(),
    trade_name: rnd.next() < 0.3 ? name : null,
    naf_code: activity.naf,
    legal_form_code: rnd.pick(LEGAL_FORM_MIX),
    headcount_band: rnd.pick(HEADCOUNT_MIX),
    address_line1: `${1 + rnd.int(180)} ${rnd.pick(STREETS)}`,
    postal_code: commune.postalCodes[0] ?? null,
    commune_code: commune.code,
    departement_code: commune.departement.code,
    region_code: commune.region.code,
    lat: town[1] + jitter(),
    lng: town[2] + jitter(),
    website: null,
    description: rnd.pick(activity.descriptions),
  };
  return { row, skills: activity.skills, activity };
}

/** One offer (its own activity, in its département) and one need (another activity, in its région) per company. */
function offerRows(rnd: Random, company: Row, activity: (typeof ACTIVITIES)[number]): Row[] {
  const wanted = ACTIVITIES[(ACTIVITIES.indexOf(activity) + 1 + rnd.int(ACTIVITIES.length - 1)) % ACTIVITIES.length];
  const offer = {
    id: rnd.uuid(),
    company_id: company.id,
    kind: 'offer',
    label: `${rnd.pick(activity.names)} : ${rnd.sample(activity.skills, 2).join(', ')}`,
    description: rnd.pick(activity.descriptions),
    naf_codes: [activity.naf],
    skills: rnd.sample(activity.skills, 2 + rnd.int(2)),
    departement_codes: [company.departement_code],
    region_codes: [],
  };
  const need = {
    id: rnd.uuid(),
    company_id: company.id,
    kind: 'need',
    label: `Recherche un partenaire en ${rnd.pick(wanted.skills)}`,
    description: `Nous cherchons une entreprise de la région : ${rnd.pick(wanted.descriptions).toLowerCase()}`,
    naf_codes: [wanted.naf],
    skills: rnd.sample(wanted.skills, 2),
    departement_codes: [],
    region_codes: [company.region_code],
  };
  return [offer, need];
}

/** Offers of companies that exist (a re-run that skipped a known SIRET skips its offers too). */
async function insertOffers(db: EntityManager, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db.query(
      `INSERT INTO company_offers (id, company_id, kind, label, description, naf_codes, skills, departement_codes, region_codes)
       SELECT r.id, r.company_id, r.kind, r.label, r.description, r.naf_codes, r.skills, r.departement_codes, r.region_codes
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, company_id uuid, kind text, label text, description text, naf_codes text[],
         skills text[], departement_codes text[], region_codes text[])
       JOIN companies c ON c.id = r.company_id ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows.slice(i, i + 2000))],
    );
  }
}

function personRow(rnd: Random, companyIndex: number, k: number, skills: string[]): Row {
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const expert = rnd.next() < 0.013;
  const slug = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z.]/g, '')
    .toLowerCase();
  return {
    id: rnd.uuid(),
    email: `${slug}.${companyIndex + 1}${k ? `-${k}` : ''}@entreprise.example`,
    email_verified_at: new Date('2026-01-05T09:00:00Z'),
    first_name: first,
    last_name: last,
    job_title: k === 0 ? rnd.pick(JOB_TITLES.slice(0, 3)) : rnd.pick(JOB_TITLES),
    skills: rnd.sample(skills, 2 + rnd.int(2)),
    languages: rnd.next() < 0.6 ? ['français', 'anglais'] : ['français'],
    is_expert: expert,
    expertise_domains: expert ? rnd.sample(EXPERTISE_DOMAINS, 2 + rnd.int(2)) : [],
    areas_served: expert ? rnd.sample(['Loire', 'Rhône', 'Isère', 'Puy-de-Dôme', 'Haute-Savoie', 'Ain', 'Auvergne-Rhône-Alpes'], 2) : [],
    bio: expert ? 'Accompagne les PME de la région sur leurs projets de développement.' : null,
  };
}

/** On an empty database, writes the demo data set (about 2,000 companies). */
export async function seedIfEmpty(app: INestApplicationContext, companies = 2000): Promise<boolean> {
  const db = app.get(DataSource);
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM people');
  if (n > 0) return false;
  const logger = new Logger('Seed');
  const started = Date.now();
  await seedDemo(db, { companies, withFoundation: true });
  const indexed = await app.get(SearchIndexer).reindex();
  // The steering aggregates, so that the cockpit shows the history at once (a replica already refreshing: wait for it).
  for (let attempt = 0; attempt < 60 && !(await app.get(SteeringRefreshService).refresh(new Date(), { full: true })); attempt++)
    await new Promise((r) => setTimeout(r, 500));
  logger.log(`Demo data written and indexed in ${Date.now() - started} ms (${companies} companies, ${JSON.stringify(indexed)})`);
  return true;
}
