import type { EntityManager } from 'typeorm';
import { findCommune } from '@maillage/referentials';
import { inParis, occurrences, parseAgendaTime } from '../modules/agenda/agenda-time';
import { AgendaEventShare } from '../modules/agenda/entities/agenda-event-share.entity';
import { AgendaEvent } from '../modules/agenda/entities/agenda-event.entity';
import type { Random } from './random';

interface EventSpec {
  network: string;
  sharedWith?: string[];
  title: string;
  description: string;
  /** Days from the seeding day, and the Europe/Paris wall-clock times. */
  inDays: number;
  from: string;
  to: string;
  place?: { address: string; commune: string };
  onlineUrl?: string;
  capacity?: number;
  monthly?: number;
}

const EVENTS: EventSpec[] = [
  {
    network: 'club-des-industriels-du-forez',
    title: 'Réunion mensuelle du club',
    description: 'Tour de table des dirigeants, point sur le **groupement d’achat d’énergie** et visite de l’atelier d’accueil.',
    inDays: 9,
    from: '18:30',
    to: '21:00',
    place: { address: '57 cours Fauriel', commune: '42218' },
    capacity: 25,
    monthly: 3,
  },
  {
    network: 'za-molina',
    title: 'Petit-déjeuner des entreprises de la zone',
    description: 'Présentation du plan de mobilité inter-entreprises et des travaux de voirie prévus au printemps.',
    inDays: 6,
    from: '08:00',
    to: '09:30',
    place: { address: 'Maison des entreprises, rue de Molina', commune: '42218' },
    capacity: 40,
  },
  {
    network: 'grappe-mecanique-loire',
    title: 'Webinaire : financer la robotisation des PME',
    description: 'Les aides régionales et le crédit d’impôt, avec le témoignage d’un membre de la grappe.',
    inDays: 14,
    from: '11:00',
    to: '12:00',
    onlineUrl: 'https://visio.example.org/grappe-robotisation',
  },
  {
    network: 'reseaux-entreprises-loire',
    sharedWith: ['za-molina', 'grappe-mecanique-loire'],
    title: 'Forum annuel des réseaux d’entreprises de la Loire',
    description: 'Le rendez-vous de tous les réseaux du territoire : ateliers, rencontres d’affaires et remise des trophées.',
    inDays: 30,
    from: '14:00',
    to: '19:00',
    place: { address: 'Centre de congrès, 23 rue Ponchardier', commune: '42218' },
    capacity: 300,
  },
];

/** A few upcoming events in the demo networks (dates relative to the seeding day, Europe/Paris times). */
export async function seedDemoEvents(tx: EntityManager, rnd: Random, animatorId: string): Promise<void> {
  const networks: { id: string; slug: string }[] = await tx.query('SELECT id, slug FROM networks WHERE slug = ANY($1::text[])', [
    [...new Set(EVENTS.flatMap((e) => [e.network, ...(e.sharedWith ?? [])]))],
  ]);
  const bySlug = new Map(networks.map((n) => [n.slug, n.id]));
  for (const spec of EVENTS) {
    const networkId = bySlug.get(spec.network);
    if (!networkId) continue;
    const day = inParis(new Date(Date.now() + spec.inDays * 24 * 3600 * 1000)).format('YYYY-MM-DD');
    const start = parseAgendaTime(`${day}T${spec.from}`);
    const end = parseAgendaTime(`${day}T${spec.to}`);
    if (!(start instanceof Date) || !(end instanceof Date)) continue;
    const commune = spec.place ? findCommune(spec.place.commune) : null;
    const seriesId = spec.monthly ? rnd.uuid() : null;
    for (const when of occurrences(start, end, spec.monthly ? { frequency: 'monthly', count: spec.monthly } : null)) {
      const id = rnd.uuid();
      await tx.insert(AgendaEvent, {
        id,
        networkId,
        seriesId,
        title: spec.title,
        description: spec.description,
        status: 'published',
        format: spec.place ? 'in_person' : 'online',
        address: spec.place?.address ?? null,
        communeCode: commune?.code ?? null,
        departementCode: commune?.departement.code ?? null,
        regionCode: commune?.region.code ?? null,
        onlineUrl: spec.onlineUrl ?? null,
        ...when,
        capacity: spec.capacity ?? null,
        registrationDeadline: null,
        questions: [],
        coverFileId: null,
        createdById: animatorId,
      });
      const shared = (spec.sharedWith ?? []).flatMap((slug) => bySlug.get(slug) ?? []);
      if (shared.length)
        await tx.insert(
          AgendaEventShare,
          shared.map((nid) => ({ eventId: id, networkId: nid })),
        );
    }
  }
}
