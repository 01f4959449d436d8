import type { EntityManager } from 'typeorm';
import type { OpportunityType } from '@maillage/contracts';
import { findNaf } from '@maillage/referentials';
import { parisToday } from '../modules/opportunities/opportunity-views';
import type { DemoPeople } from './demo-networks';
import type { Random } from './random';

interface OpportunitySpec {
  type: OpportunityType;
  title: string;
  description: string;
  nafCodes: string[];
  skills: string[];
  /** The publisher: the club animator's company, or the first seeded company of a NAF code in a département. */
  publisher: 'clubAnimator' | { naf: string; departement: string };
  /** Around the publisher's commune, or over départements / régions. */
  territory: { radiusKm: number } | { departements?: string[]; regions?: string[] };
  /** Days from the seeding day (Europe/Paris), and since publication. */
  deadlineInDays: number;
  publishedDaysAgo: number;
  budget?: [number, number];
  /** Restricted to the members of these networks (slugs); public otherwise. */
  networks?: string[];
}

const OPPORTUNITIES: OpportunitySpec[] = [
  {
    type: 'joint_bid',
    title: 'Réponse groupée : maintenance des lignes d’emboutissage d’un équipementier automobile',
    description:
      'Un équipementier de rang 1 de la vallée du Gier lance un **appel d’offres pluriannuel** (3 ans) pour la maintenance de ses lignes d’emboutissage.\n\n' +
      'Nous cherchons deux ou trois partenaires pour répondre ensemble :\n\n- usinage de pièces de rechange (petites séries, délais courts) ;\n- soudure et reprise de bâtis ;\n- astreinte de maintenance le week-end.\n\nRéunion de cadrage prévue dans nos locaux.',
    nafCodes: ['33.12Z', '25.62B'],
    skills: ['maintenance industrielle', 'usinage', 'soudure'],
    publisher: { naf: '33.12Z', departement: '42' },
    territory: { radiusKm: 60 },
    deadlineInDays: 5,
    publishedDaysAgo: 3,
    budget: [150000, 400000],
  },
  {
    type: 'subcontracting',
    title: 'Sous-traitance : découpe laser et pliage de carters inox, séries de 200',
    description:
      'Pour une nouvelle gamme de machines, nous sous-traitons la **découpe laser et le pliage** de carters en inox 304 (épaisseur 1,5 à 3 mm).\n\n' +
      'Séries de 200 pièces, quatre références, premières livraisons en mars. Plans et cahier des charges sur demande.',
    nafCodes: ['25.50B', '25.62B'],
    skills: ['découpe laser', 'pliage', 'inox'],
    publisher: { naf: '28.41Z', departement: '42' },
    territory: { radiusKm: 50 },
    deadlineInDays: 18,
    publishedDaysAgo: 2,
    budget: [20000, 45000],
  },
  {
    type: 'pooling',
    title: 'Mutualisation d’une machine de mesure tridimensionnelle',
    description:
      'Notre machine de mesure tridimensionnelle (MMT) est occupée à 40 % : nous proposons de la **partager** avec deux ou trois entreprises voisines, ' +
      'avec un technicien métrologue formé à l’accueil des pièces.\n\nTarif horaire partagé, planning en ligne, convention de mise à disposition.',
    nafCodes: ['25.62B', '71.20B'],
    skills: ['métrologie', 'contrôle qualité'],
    publisher: { naf: '25.62B', departement: '69' },
    territory: { radiusKm: 40 },
    deadlineInDays: 45,
    publishedDaysAgo: 6,
  },
  {
    type: 'partnership',
    title: 'Projet R&D : jumeau numérique pour la maintenance prédictive des machines-outils',
    description:
      'Nous montons un **projet collaboratif de R&D** à déposer auprès d’un pôle de compétitivité : capteurs embarqués, modèle numérique de la machine ' +
      'et détection des dérives avant la panne.\n\nNous cherchons deux PME industrielles pour tester sur leurs machines, et un partenaire en électronique embarquée.',
    nafCodes: ['62.01Z', '28.41Z'],
    skills: ['maintenance prédictive', 'capteurs', 'données industrielles'],
    publisher: { naf: '62.01Z', departement: '69' },
    territory: { regions: ['84'] },
    deadlineInDays: 25,
    publishedDaysAgo: 9,
    budget: [300000, 800000],
  },
  {
    type: 'shared_employment',
    title: 'Emploi partagé : une responsable QHSE à temps partagé entre trois PME',
    description:
      'Trois PME de la Loire (30 à 60 salariés) veulent partager **un poste de responsable QHSE** : deux jours par semaine chez l’une, un jour et demi chez les autres, ' +
      'porté par le groupement d’employeurs.\n\nObjectifs : certification ISO 9001, document unique, suivi des audits clients.',
    nafCodes: ['25.62B', '25.11Z', '28.41Z'],
    skills: ['QHSE', 'ISO 9001'],
    publisher: { naf: '25.11Z', departement: '42' },
    territory: { departements: ['42'] },
    deadlineInDays: 12,
    publishedDaysAgo: 1,
  },
  {
    type: 'joint_bid',
    title: 'Groupement du club : marché de maintenance des ponts roulants de la métropole',
    description:
      'Le marché public de maintenance des ponts roulants des ateliers de la métropole est découpé en trois lots. Proposition aux **membres du club** ' +
      'de répondre en groupement momentané d’entreprises : chaudronnerie, usinage et maintenance.\n\nRéservé aux membres du Club des industriels du Forez.',
    nafCodes: ['25.62B', '33.11Z'],
    skills: ['usinage', 'soudure', 'maintenance industrielle'],
    publisher: 'clubAnimator',
    territory: { radiusKm: 40 },
    deadlineInDays: 21,
    publishedDaysAgo: 4,
    budget: [80000, 200000],
    networks: ['club-des-industriels-du-forez'],
  },
];

const DAY = 24 * 3600 * 1000;

/** Open opportunities of the demo companies (deadlines relative to the seeding day): every type, one for the private club only. */
export async function seedDemoOpportunities(tx: EntityManager, rnd: Random, people: DemoPeople): Promise<void> {
  const today = Date.parse(`${parisToday()}T00:00:00Z`);
  for (const spec of OPPORTUNITIES) {
    for (const code of spec.nafCodes) if (!findNaf(code)) throw new Error(`Demo opportunities: unknown NAF ${code}`);
    const [company]: { id: string; commune_code: string | null; lat: number | null; lng: number | null; owner: string | null }[] =
      await tx.query(
        `SELECT c.id, c.commune_code, c.lat, c.lng,
              (SELECT cm.person_id FROM company_members cm WHERE cm.company_id = c.id AND cm.role = 'owner' LIMIT 1) AS owner
       FROM companies c
       WHERE CASE WHEN $1::uuid IS NOT NULL THEN c.id = $1::uuid ELSE c.naf_code = $2 AND c.departement_code = $3 AND c.id <> ALL($4::uuid[]) END
       ORDER BY c.siret LIMIT 1`,
        spec.publisher === 'clubAnimator'
          ? [people.clubAnimator, null, null, []]
          : [null, spec.publisher.naf, spec.publisher.departement, [people.flagship, people.clubAnimator]],
      );
    if (!company) continue;
    const networkIds: string[] = spec.networks
      ? (await tx.query('SELECT id FROM networks WHERE slug = ANY($1::text[])', [spec.networks])).map((r: { id: string }) => r.id)
      : [];
    if (spec.networks && !networkIds.length) continue;
    const around = 'radiusKm' in spec.territory ? spec.territory : null;
    const areas = 'radiusKm' in spec.territory ? {} : spec.territory;
    const id = rnd.uuid();
    const published = new Date(Date.now() - spec.publishedDaysAgo * DAY);
    await tx.query(
      `INSERT INTO opportunities (id, company_id, created_by_id, type, title, description, naf_codes, skills, commune_code, radius_km,
         departement_codes, region_codes, lat, lng, deadline, budget_min, budget_max, audience, status, published_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'open', $19, $19, $19)`,
      [
        id,
        company.id,
        company.owner,
        spec.type,
        spec.title,
        spec.description,
        spec.nafCodes,
        spec.skills,
        around ? company.commune_code : null,
        around?.radiusKm ?? null,
        areas.departements ?? [],
        areas.regions ?? [],
        around ? company.lat : null,
        around ? company.lng : null,
        new Date(today + spec.deadlineInDays * DAY).toISOString().slice(0, 10),
        spec.budget?.[0] ?? null,
        spec.budget?.[1] ?? null,
        networkIds.length ? 'networks' : 'public',
        published,
      ],
    );
    for (const networkId of networkIds)
      await tx.query('INSERT INTO opportunity_networks (opportunity_id, network_id) VALUES ($1, $2)', [id, networkId]);
  }
}
