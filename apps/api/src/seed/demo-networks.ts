import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../core/markdown';
import { ForumCategory } from '../modules/forums/entities/forum-category.entity';
import { ForumPost } from '../modules/forums/entities/forum-post.entity';
import { ForumTopic } from '../modules/forums/entities/forum-topic.entity';
import { Membership } from '../modules/networks/entities/membership.entity';
import { DEFAULT_FORUM_CATEGORY } from '../modules/forums/forums.service';
import { NetworkParent } from '../modules/networks/entities/network-parent.entity';
import { Network } from '../modules/networks/entities/network.entity';
import type { Random } from './random';

export interface DemoPeople {
  /** CCI Lyon Métropole Saint-Étienne Roanne (Claire Dubois is on its staff) and the regional CCI. */
  lyon: string;
  region: string;
  animator: string;
  member: string;
  /** « Usinage de précision du Forez », owned by the demo member (a plain member of its networks). */
  flagship: string;
  /** « Forges et Ateliers de la Loire », owned by the demo club animator: it animates the private club. */
  clubAnimator: string;
}

type NetworkSpec = Pick<Network, 'name' | 'slug' | 'type' | 'visibility' | 'joinPolicy' | 'maturity' | 'description'> &
  Partial<Pick<Network, 'charter' | 'communeCodes' | 'departementCodes' | 'regionCodes' | 'nafCodes' | 'themes'>> & {
    /** Member companies taken from the seeded ones in these départements. */
    members: { departement: string; count: number };
    flagship?: 'member' | 'moderator' | 'animator';
    /** The demo club animator's company animates this network. */
    clubAnimator?: boolean;
    forum?: { category: string; topics: { title: string; posts: string[] }[] }[];
  };

const CHARTER = `## Charte du réseau

- **Bienveillance** : on s’entraide entre dirigeants, sans démarchage commercial.
- **Confidentialité** : ce qui se dit en réunion et sur le forum reste dans le réseau.
- **Engagement** : chaque membre participe à au moins trois rencontres par an.`;

/** The networks of the demo: the seed document's typology around Saint-Étienne and Lyon, a federation, a private club with its forum. */
const NETWORKS: NetworkSpec[] = [
  {
    name: 'Club des industriels du Forez',
    slug: 'club-des-industriels-du-forez',
    type: 'business_club',
    visibility: 'private',
    joinPolicy: 'approval',
    maturity: 'development',
    description: 'Les dirigeants industriels de la Loire se retrouvent chaque mois : visites d’usines, achats groupés, recrutement.',
    charter: CHARTER,
    departementCodes: ['42'],
    communeCodes: ['42218'],
    themes: ['industrie', 'achats', 'recrutement'],
    members: { departement: '42', count: 18 },
    flagship: 'member',
    clubAnimator: true,
    forum: [
      {
        category: 'Achats et sous-traitance',
        topics: [
          {
            title: 'Groupement d’achat d’énergie pour 2027',
            posts: [
              'Bonjour à tous, la CCI propose de **mutualiser nos achats d’électricité** pour 2027. Qui serait intéressé ? Il faut nos consommations 2025 avant fin janvier.',
              'Nous sommes partants : environ 1,2 GWh par an sur deux sites.',
              'Intéressés aussi. Pouvez-vous préciser le calendrier de l’appel d’offres ?',
            ],
          },
          {
            title: 'Sous-traitant en découpe laser dans la Loire ?',
            posts: [
              'Nous cherchons un partenaire pour de la **découpe laser de tôles inox** (séries de 50 à 500 pièces). Des recommandations ?',
              'Essayez Découpe Laser du Gier, très réactifs sur les petites séries.',
            ],
          },
        ],
      },
      {
        category: 'Recrutement',
        topics: [
          {
            title: 'Alternants en usinage : on mutualise les visites d’écoles ?',
            posts: ['Le lycée professionnel de Firminy ouvre ses portes le 12 mars. On y va ensemble ?'],
          },
        ],
      },
    ],
  },
  {
    name: 'Association des entreprises de la ZA de Molina',
    slug: 'za-molina',
    type: 'business_park_association',
    visibility: 'public',
    joinPolicy: 'open',
    maturity: 'autonomy',
    description:
      'Navettes, sécurité, restauration, déchets : les entreprises de la zone d’activités de Molina à Saint-Étienne s’organisent ensemble.',
    communeCodes: ['42218'],
    departementCodes: ['42'],
    themes: ['mobilité', 'sécurité', 'déchets'],
    members: { departement: '42', count: 12 },
    flagship: 'member',
    forum: [
      {
        category: 'Vie de la zone',
        topics: [
          {
            title: 'Ramassage des cartons : nouveau calendrier',
            posts: ['Le ramassage mutualisé des cartons passe au **mardi** à partir du mois prochain.', 'Merci pour l’info !'],
          },
        ],
      },
    ],
  },
  {
    name: 'Grappe mécanique Loire',
    slug: 'grappe-mecanique-loire',
    type: 'cluster',
    visibility: 'public',
    joinPolicy: 'approval',
    maturity: 'creation',
    description:
      'Une grappe d’entreprises de mécanique et de décolletage qui répondent ensemble aux appels d’offres des donneurs d’ordres.',
    departementCodes: ['42'],
    nafCodes: ['25.62B'],
    themes: ['mécanique', 'décolletage', 'export'],
    members: { departement: '42', count: 10 },
  },
  {
    name: 'Pôle numérique Lyon',
    slug: 'pole-numerique-lyon',
    type: 'competence_pole',
    visibility: 'public',
    joinPolicy: 'open',
    maturity: 'development',
    description: 'Éditeurs, ESN et agences du Rhône : veille, cybersécurité, recrutement de développeurs.',
    departementCodes: ['69'],
    nafCodes: ['62.01Z'],
    themes: ['numérique', 'cybersécurité'],
    members: { departement: '69', count: 15 },
  },
  {
    name: 'Groupement export Auvergne-Rhône-Alpes',
    slug: 'groupement-export-aura',
    type: 'export_group',
    visibility: 'public',
    joinPolicy: 'invitation',
    maturity: 'emergence',
    description: 'Des PME qui partagent un volontaire international et des salons à l’étranger.',
    regionCodes: ['84'],
    themes: ['export', 'salons'],
    members: { departement: '69', count: 6 },
  },
];

/** The federation the Loire networks belong to. */
const FEDERATION: NetworkSpec = {
  name: 'Réseaux d’entreprises de la Loire',
  slug: 'reseaux-entreprises-loire',
  type: 'virtual_network',
  visibility: 'public',
  joinPolicy: 'invitation',
  maturity: 'development',
  description: 'La fédération des clubs, associations de zones et grappes de la Loire animés par la CCI.',
  departementCodes: ['42'],
  themes: ['réseau des réseaux'],
  members: { departement: '42', count: 0 },
};

/** Writes the demo networks, their members, a federation and forum topics (in the seed's transaction). */
export async function seedDemoNetworks(tx: EntityManager, rnd: Random, people: DemoPeople): Promise<void> {
  const federation = await insertNetwork(tx, rnd, FEDERATION, people);
  const day = 24 * 3600 * 1000;
  const start = Date.parse('2026-10-01T08:00:00Z');
  for (const [n, spec] of NETWORKS.entries()) {
    const id = await insertNetwork(tx, rnd, spec, people);
    if (spec.departementCodes?.includes('42')) await tx.insert(NetworkParent, { networkId: id, parentId: federation, status: 'accepted' });
    const companies: { id: string }[] = await tx.query(
      'SELECT id FROM companies WHERE departement_code = $1 AND id <> ALL($2::uuid[]) ORDER BY siret OFFSET $3 LIMIT $4',
      [spec.members.departement, [people.flagship, people.clubAnimator], n * 7, spec.members.count],
    );
    const rows: Pick<Membership, 'networkId' | 'companyId' | 'status' | 'role'>[] = companies.map((c, i) => ({
      networkId: id,
      companyId: c.id,
      status: 'active',
      role: i === 0 ? 'moderator' : 'member',
    }));
    if (spec.flagship) rows.push({ networkId: id, companyId: people.flagship, status: 'active', role: spec.flagship });
    if (spec.clubAnimator) rows.push({ networkId: id, companyId: people.clubAnimator, status: 'active', role: 'animator' });
    if (rows.length) await tx.insert(Membership, rows);

    // Authors: the demo member and people of member companies.
    const authors: { id: string }[] = await tx.query(
      `SELECT cm.person_id AS id FROM company_members cm WHERE cm.company_id = ANY($1::uuid[]) ORDER BY cm.person_id LIMIT 6`,
      [rows.map((r) => r.companyId)],
    );
    const voices = [people.member, ...authors.map((a) => a.id)];
    let when = start + n * day;
    for (const [position, category] of (spec.forum ?? []).entries()) {
      const categoryId = rnd.uuid();
      await tx.insert(ForumCategory, { id: categoryId, networkId: id, name: category.category, description: null, position });
      for (const topic of category.topics) {
        const topicId = rnd.uuid();
        const times = topic.posts.map(() => new Date((when += 3 * 3600 * 1000)));
        const authorOf = (k: number) => voices[(k + position) % voices.length];
        await tx.insert(ForumTopic, {
          id: topicId,
          networkId: id,
          categoryId,
          authorId: authorOf(0),
          title: topic.title,
          postCount: topic.posts.length,
          lastSequence: topic.posts.length,
          lastPostAt: times[times.length - 1],
          lastPostAuthorId: authorOf(topic.posts.length - 1),
          createdAt: times[0],
        });
        await tx.insert(
          ForumPost,
          topic.posts.map((body, k) => ({
            id: rnd.uuid(),
            topicId,
            sequence: k + 1,
            authorId: authorOf(k),
            body,
            html: renderMarkdown(body),
            createdAt: times[k],
          })),
        );
        when += day;
      }
    }
  }
}

async function insertNetwork(tx: EntityManager, rnd: Random, spec: NetworkSpec, people: DemoPeople): Promise<string> {
  const id = rnd.uuid();
  await tx.insert(Network, {
    id,
    name: spec.name,
    slug: spec.slug,
    type: spec.type,
    visibility: spec.visibility,
    joinPolicy: spec.joinPolicy,
    maturity: spec.maturity,
    description: spec.description,
    charter: spec.charter ?? null,
    communeCodes: spec.communeCodes ?? [],
    epciCodes: [],
    departementCodes: spec.departementCodes ?? [],
    regionCodes: spec.regionCodes ?? [],
    nafCodes: spec.nafCodes ?? [],
    themes: spec.themes ?? [],
    hostOrganizationId: people.lyon,
    referentOrganizationId: people.region,
  });
  // Like a network created in the app, a forum without demo topics starts with the default category.
  if (!spec.forum?.length) await tx.insert(ForumCategory, { id: rnd.uuid(), networkId: id, ...DEFAULT_FORUM_CATEGORY, position: 0 });
  return id;
}
