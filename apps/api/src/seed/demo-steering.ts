import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../core/markdown';
import type { DemoPeople } from './demo-networks';
import type { Random } from './random';

// Two years of history for the demo CCI's networks, so that the steering cockpit tells a story on first start:
// memberships that grew (a company that left and came back, a refused request, one pending), forum topics and
// replies, monthly events with registrations and check-ins (one cancelled), action plans of last year and this one,
// maturity assessments and network sheets. The export group has been quiet for months: the cockpit flags it dormant.

const DAY = 86_400_000;
const DORMANT = 'groupement-export-aura';
/** Networks with plans for last year and this one; the others have none for this year (the animator writes one). */
const PLANNED = ['club-des-industriels-du-forez', 'za-molina', 'pole-numerique-lyon'];

type Row = Record<string, unknown>;

async function insert(tx: EntityManager, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const chunk = Math.max(1, Math.floor(20000 / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    const params: unknown[] = [];
    const values = rows.slice(i, i + chunk).map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

/** Opening posts of the demo forums: each network draws them in its own order, none twice (see below). */
const TOPICS = [
  [
    'Qui recrute en alternance cette année ?',
    'Nous cherchons deux alternants en maintenance industrielle pour la rentrée. Des écoles ou des CFA à recommander ?',
  ],
  [
    'Mutualiser un contrôle d’accès sur la zone',
    'Le devis groupé serait 30 % moins cher à partir de cinq entreprises. Qui veut que je le transmette ?',
  ],
  [
    'Appel à projets régional « décarbonation des PME »',
    'La Région ouvre un appel à projets jusqu’à fin mars : diagnostic carbone financé à 70 %. Quelqu’un l’a déjà monté ?',
  ],
  [
    'Recherche sous-traitant en peinture industrielle',
    'Besoin d’un partenaire pour de la peinture époxy sur pièces métalliques, séries de 200 à 500 pièces.',
  ],
  [
    'Covoiturage domicile-travail entre entreprises',
    'Une plateforme commune pour nos salariés ? Trois entreprises sont déjà partantes pour tester six mois.',
  ],
  [
    'Tentative d’hameçonnage : notre retour d’expérience',
    'Un faux RIB fournisseur nous est arrivé la semaine dernière. Voici les trois réflexes qui nous ont évité la fraude.',
  ],
  [
    'Commande groupée d’équipements de protection',
    'Gants, lunettes, chaussures : commande commune en septembre, réponse souhaitée sous quinze jours.',
  ],
  [
    'Facturation électronique : où en êtes-vous ?',
    'L’obligation de réception arrive. Quelle plateforme agréée avez-vous choisie, et pourquoi ?',
  ],
  [
    'Un expert-comptable qui connaît l’export ?',
    'Nous commençons à vendre en Allemagne et en Suisse : besoin d’un cabinet à l’aise avec la TVA intracommunautaire.',
  ],
  [
    'Prêt de main-d’œuvre entre adhérents',
    'Baisse de charge chez nous en juillet : deux opérateurs qualifiés pourraient renforcer une autre équipe.',
  ],
  [
    'Retour sur le salon Global Industrie',
    'Quatre adhérents y exposaient. Bilan : beaucoup de contacts qualifiés, stand commun à envisager l’an prochain ?',
  ],
  [
    'Navette depuis la gare : on relance la mairie ?',
    'Nos salariés sans voiture mettent cinquante minutes. Un courrier commun aurait plus de poids.',
  ],
  [
    'Panneaux photovoltaïques en autoconsommation collective',
    'Un installateur propose une opération à l’échelle de la zone. Qui a des toitures disponibles ?',
  ],
  ['Cherche local de stockage de 300 m²', 'Pour six mois, à moins de dix kilomètres, accessible aux poids lourds. Toute piste bienvenue.'],
  ['Formation SST : deux places libres', 'Session de sauveteur secouriste du travail les 14 et 15 : il reste deux places, tarif partagé.'],
  [
    'Quel logiciel de GMAO utilisez-vous ?',
    'Nous comparons trois solutions pour la maintenance de notre parc machines. Vos retours, même négatifs ?',
  ],
  ['Accueillir des stagiaires de 3e', 'Le collège voisin cherche des entreprises pour la semaine d’observation de décembre.'],
  [
    'Tri des biodéchets : solution mutualisée',
    'La collecte séparée est obligatoire : un prestataire propose une tournée commune à tarif dégressif.',
  ],
  [
    'Recrutement : partage de CV avec accord des candidats',
    'Nous avons reçu d’excellents profils en logistique que nous ne pouvons pas embaucher. Intéressés ?',
  ],
  [
    'Délais de paiement des grands donneurs d’ordres',
    'Nous voyons des retards de 90 jours. Quelqu’un a déjà saisi le médiateur des entreprises ?',
  ],
  ['Visite de l’usine d’un adhérent', 'Nous ouvrons notre atelier d’usinage le jeudi 18 à 8 h 30 : ligne robotisée et café offert.'],
  [
    'Assurance cyber : retours sur les contrats',
    'Franchises, exclusions, exigences de sauvegarde : comparons nos contrats avant les renouvellements.',
  ],
  [
    'Groupement pour répondre à un marché public',
    'Lot « maintenance des bâtiments » du département : il faut un électricien et un plombier pour compléter.',
  ],
  [
    'Horaires d’ouverture de la déchetterie professionnelle',
    'La déchetterie ferme désormais à 16 h. Faut-il demander une plage le samedi matin ?',
  ],
  [
    'Marque employeur : vos idées qui marchent',
    'Vidéos métiers, cooptation, journée portes ouvertes : qu’est-ce qui vous a vraiment amené des candidats ?',
  ],
  [
    'Hausse du prix de l’énergie : renégocier ensemble ?',
    'Un courtier propose un achat groupé d’électricité pour 2027. Qui veut recevoir son étude ?',
  ],
  ['Cherche partenaire en découpe laser', 'Tôle inox jusqu’à 10 mm, délais courts. Un adhérent équipé ou une adresse fiable ?'],
  [
    'Transmission d’entreprise : témoignage',
    'J’ai repris la société de mon ancien patron il y a deux ans. Je partage volontiers les étapes et les écueils.',
  ],
  [
    'Place de parking pour les poids lourds',
    'Les camions stationnent dans la rue faute d’aire d’attente. Proposition d’aménagement à porter ensemble.',
  ],
  [
    'Crédit d’impôt recherche : qui s’y est frotté ?',
    'Nous hésitons à déclarer nos développements : le jeu en vaut-il la chandelle pour une PME de trente personnes ?',
  ],
  ['Fibre optique sur la zone', 'L’opérateur annonce le raccordement pour le printemps. Avez-vous reçu le même courrier ?'],
  [
    'Restauration des salariés : un food truck le midi ?',
    'Pas de restaurant à moins de deux kilomètres. Un commerçant ambulant est prêt à venir trois jours par semaine.',
  ],
  [
    'Sécurité des locaux la nuit',
    'Deux intrusions ce mois-ci rue des Artisans. Une ronde mutualisée coûterait 40 € par mois et par entreprise.',
  ],
  [
    'Webinaire « Réussir son premier salon à l’étranger »',
    'Organisé avec la Team France Export, le 9 à 11 h. Le lien est dans l’agenda du réseau.',
  ],
  ['Partage d’un chariot élévateur', 'Notre chariot ne sert que le matin. Une location entre voisins l’après-midi vous intéresserait ?'],
  ['Obligations RSE des fournisseurs', 'Nos clients nous envoient des questionnaires RSE de quarante pages. Un modèle de réponse commun ?'],
  [
    'Cherche imprimeur pour catalogue',
    'Catalogue de 48 pages, 2 000 exemplaires, papier recyclé. Un adhérent ou un imprimeur recommandé ?',
  ],
  [
    'Bilan de l’année du réseau',
    'Quinze rencontres, six nouveaux membres et deux achats groupés : merci à tous. Vos envies pour l’an prochain ?',
  ],
  [
    'Apprentissage : aides à l’embauche prolongées',
    'L’aide exceptionnelle est reconduite jusqu’à fin juin. Pensez à déposer vos contrats à temps.',
  ],
  [
    'Échange de bonnes pratiques en sécurité au travail',
    'Nous avons réduit nos accidents de moitié avec des causeries de cinq minutes. Je vous montre comment.',
  ],
  [
    'Mécénat de compétences pour l’association de la zone',
    'L’association d’insertion cherche un graphiste et un comptable bénévoles, quelques heures par mois.',
  ],
  [
    'Qui connaît un bon avocat en droit social ?',
    'Une rupture conventionnelle qui se complique : besoin d’un conseil réactif dans la métropole.',
  ],
  ['Vente de mobilier de bureau d’occasion', 'Nous déménageons : vingt bureaux et trente fauteuils en bon état à céder à prix symbolique.'],
  [
    'Participation au forum de l’emploi de la ville',
    'Stand mutualisé au nom du réseau : il faut quatre entreprises volontaires pour tenir la journée.',
  ],
  ['Plan de mobilité employeur : entraide', 'Au-delà de cinquante salariés sur un site, le plan est obligatoire. Qui l’a déjà rédigé ?'],
  [
    'Fournisseur d’emballages éco-conçus',
    'Nous cherchons à supprimer le plastique de nos expéditions. Des adhérents ont trouvé une solution ?',
  ],
  [
    'Intelligence artificielle dans les PME : cas concrets',
    'Devis, relances, planning : partageons ce qui marche vraiment, et ce qui a déçu.',
  ],
  [
    'Recherche d’un associé pour un projet de méthanisation',
    'Projet agricole et industriel à l’étude : nous cherchons un partenaire consommateur de chaleur.',
  ],
  [
    'Travaux sur la route départementale',
    'Déviation prévue pendant six semaines : le département propose une réunion d’information aux entreprises.',
  ],
  ['Réseau d’anciens apprentis', 'Nos anciens apprentis sont devenus chefs d’équipe : les mettre en relation avec les nouveaux ?'],
  ['Calendrier des prochaines rencontres', 'Voici les dates proposées pour le semestre. Dites-nous lesquelles vous conviennent le mieux.'],
  ['Bienvenue aux nouveaux membres', 'Trois entreprises nous rejoignent ce mois-ci : présentez-vous en quelques lignes ici !'],
] as const;
/** Months, for the monthly report topic (« Compte rendu de la rencontre de mars »). */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** « de mars », « d’avril ». */
const ofMonth = (month: string) => (/^[aeiouyàâéèêîôû]/i.test(month) ? `d’${month}` : `de ${month}`);
const REPORTS = [
  'Merci à tous pour vos retours : les **supports** sont dans la bibliothèque du réseau.',
  'Belle participation ce mois-ci. Le compte rendu et la liste des contacts échangés sont dans la bibliothèque.',
  'Merci à notre hôte pour l’accueil. Les **trois actions** décidées sont notées dans le plan d’action.',
];
const REPLIES = [
  'Très intéressant, merci pour le partage.',
  'Nous sommes partants, je vous écris en privé.',
  'Bonne idée : on en parle à la prochaine rencontre ?',
  'Nous avons fait la même démarche l’an dernier, je peux témoigner.',
  'Je transmets à notre responsable des achats.',
  'Nous sommes intéressés, pouvez-vous préciser le calendrier ?',
  'Chez nous, ça a très bien marché : je vous envoie le contact.',
  'Attention aux délais, ils sont plus longs qu’annoncé.',
  'Je vous mets en relation avec notre fournisseur habituel.',
  'Merci ! Je le partage avec notre équipe RH.',
  'On peut en discuter au prochain petit-déjeuner ?',
  'Nous avons un besoin similaire, comptez sur nous.',
];

/** Writes the steering history of the demo networks hosted by the demo CCI (in the seed's transaction). */
export async function seedDemoSteering(tx: EntityManager, rnd: Random, people: DemoPeople, now = new Date()): Promise<void> {
  const ago = (days: number, hour = 9) => {
    const d = new Date(now.getTime() - days * DAY);
    d.setUTCHours(hour, rnd.int(60), 0, 0);
    return d.getTime() > now.getTime() ? new Date(now.getTime() - 3600_000) : d;
  };
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now));
  const networks: { id: string; slug: string; join_policy: string; maturity: string; departement_codes: string[] }[] = await tx.query(
    'SELECT id, slug, join_policy, maturity, departement_codes FROM networks WHERE host_organization_id = $1 ORDER BY slug',
    [people.lyon],
  );
  const events: Row[] = [];
  const memberships: Row[] = [];
  for (const network of networks) {
    const dormant = network.slug === DORMANT;
    const members: { id: string; company_id: string; role: string }[] = await tx.query(
      'SELECT id, company_id, role FROM network_memberships WHERE network_id = $1 ORDER BY company_id',
      [network.id],
    );
    // When each member joined: the animator and the flagship from the start, the others along two years.
    const approval = network.join_policy === 'approval';
    const joined = (days: number, membershipId: string) => {
      if (approval) {
        events.push({
          id: rnd.uuid(),
          membership_id: membershipId,
          actor_id: null,
          action: 'join',
          from_status: null,
          to_status: 'pending',
          created_at: ago(days + 2),
        });
        events.push({
          id: rnd.uuid(),
          membership_id: membershipId,
          actor_id: people.animator,
          action: 'approve',
          from_status: 'pending',
          to_status: 'active',
          created_at: ago(days, 14),
        });
      } else
        events.push({
          id: rnd.uuid(),
          membership_id: membershipId,
          actor_id: null,
          action: 'join',
          from_status: null,
          to_status: 'active',
          created_at: ago(days),
        });
    };
    for (const m of members) {
      const days = m.role === 'animator' || m.company_id === people.flagship ? 720 : dormant ? 200 + rnd.int(300) : 20 + rnd.int(700);
      await tx.query('UPDATE network_memberships SET created_at = $2, updated_at = $2 WHERE id = $1', [m.id, ago(days)]);
      joined(days, m.id);
    }
    if (!dormant && members.length && network.departement_codes.length) {
      // A company that left and came back, one that left, a refused request and a pending one.
      const extra: { id: string }[] = await tx.query(
        `SELECT id FROM companies WHERE departement_code = $1 AND id <> ALL($2::uuid[]) ORDER BY siret DESC LIMIT 4`,
        [network.departement_codes[0], [...members.map((m) => m.company_id), people.flagship]],
      );
      const [back, gone, refused, pending] = extra.map((c) => ({ id: rnd.uuid(), companyId: c.id }));
      if (back) {
        memberships.push({
          id: back.id,
          network_id: network.id,
          company_id: back.companyId,
          role: 'member',
          status: 'active',
          created_at: ago(600),
        });
        joined(600, back.id);
        events.push({
          id: rnd.uuid(),
          membership_id: back.id,
          actor_id: null,
          action: 'leave',
          from_status: 'active',
          to_status: 'left',
          created_at: ago(400),
        });
        joined(75, back.id);
      }
      if (gone) {
        memberships.push({
          id: gone.id,
          network_id: network.id,
          company_id: gone.companyId,
          role: 'member',
          status: 'left',
          created_at: ago(500),
        });
        joined(500, gone.id);
        events.push({
          id: rnd.uuid(),
          membership_id: gone.id,
          actor_id: null,
          action: 'leave',
          from_status: 'active',
          to_status: 'left',
          created_at: ago(130),
        });
      }
      if (approval && refused && pending) {
        memberships.push({
          id: refused.id,
          network_id: network.id,
          company_id: refused.companyId,
          role: 'member',
          status: 'rejected',
          created_at: ago(42),
        });
        events.push({
          id: rnd.uuid(),
          membership_id: refused.id,
          actor_id: null,
          action: 'join',
          from_status: null,
          to_status: 'pending',
          created_at: ago(42),
        });
        events.push({
          id: rnd.uuid(),
          membership_id: refused.id,
          actor_id: people.animator,
          action: 'reject',
          from_status: 'pending',
          to_status: 'rejected',
          created_at: ago(40),
        });
        memberships.push({
          id: pending.id,
          network_id: network.id,
          company_id: pending.companyId,
          role: 'member',
          status: 'pending',
          created_at: ago(4),
        });
        events.push({
          id: rnd.uuid(),
          membership_id: pending.id,
          actor_id: null,
          action: 'join',
          from_status: null,
          to_status: 'pending',
          created_at: ago(4),
        });
      }
    }
  }
  await insert(tx, 'network_memberships', memberships);
  await insert(tx, 'network_membership_events', events);

  // Forum topics and replies, monthly events with check-ins: more activity lately; the dormant network went quiet.
  const topics: Row[] = [];
  const posts: Row[] = [];
  const agenda: Row[] = [];
  const registrations: Row[] = [];
  for (const network of networks) {
    const dormant = network.slug === DORMANT;
    // Each network draws the topics in its own order and none twice (a forum repeating its titles looks fake).
    const subjects = rnd.sample(TOPICS, TOPICS.length);
    let nextSubject = 0;
    // A federation has few member companies: the people of its member networks speak in it.
    const voices: { person_id: string }[] = await tx.query(
      `SELECT DISTINCT cm.person_id FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
       WHERE m.status = 'active' AND (m.network_id = $1 OR (m.network_id IN (SELECT network_id FROM network_parents WHERE parent_id = $1)
             AND (SELECT count(*) FROM network_memberships x WHERE x.network_id = $1) < 3))
       ORDER BY cm.person_id`,
      [network.id],
    );
    if (!voices.length) continue;
    // Not everyone speaks: about two thirds of the members' people take part.
    const speakers = voices.length < 3 ? voices : rnd.sample(voices, Math.ceil(voices.length * 0.65));
    const [category] = (await tx.query('SELECT id FROM forum_categories WHERE network_id = $1 ORDER BY position LIMIT 1', [
      network.id,
    ])) as { id: string }[];
    const categoryId = category?.id ?? rnd.uuid();
    if (!category)
      await insert(tx, 'forum_categories', [{ id: categoryId, network_id: network.id, name: 'Échanges entre membres', position: 0 }]);
    for (let month = 0; month < 24; month++) {
      const quiet = dormant && month < 6;
      const count = quiet ? 0 : dormant ? rnd.int(2) : 1 + Math.floor((24 - month) / 8) + rnd.int(2);
      for (let k = 0; k < count; k++) {
        const start = ago(month * 30 + 2 + rnd.int(27), 8 + rnd.int(9));
        // The first topic of a month with a meeting reports on it; the others are new subjects while they last.
        const report = k === 0 && month > 0 && month !== 7 && !quiet;
        if (!report && nextSubject >= subjects.length) continue;
        const [title, body] = report
          ? [`Compte rendu de la rencontre ${ofMonth(MONTHS[ago(month * 30).getUTCMonth()])}`, rnd.pick(REPORTS)]
          : subjects[nextSubject++];
        const topicId = rnd.uuid();
        const authors = [rnd.pick(speakers).person_id];
        // Different replies within a topic.
        const replies = rnd.sample(REPLIES, rnd.int(4));
        const times = [start];
        for (let r = 0; r < replies.length; r++) {
          const t = new Date(times[times.length - 1].getTime() + (2 + rnd.int(40)) * 3600_000);
          if (t.getTime() >= now.getTime()) break;
          times.push(t);
          authors.push(rnd.pick(speakers).person_id);
        }
        topics.push({
          id: topicId,
          network_id: network.id,
          category_id: categoryId,
          author_id: authors[0],
          title,
          post_count: times.length,
          last_sequence: times.length,
          last_post_at: times[times.length - 1],
          last_post_author_id: authors[authors.length - 1],
          created_at: start,
          updated_at: times[times.length - 1],
        });
        times.forEach((t, i) => {
          const text = i === 0 ? body : replies[i - 1];
          posts.push({
            id: rnd.uuid(),
            topic_id: topicId,
            sequence: i + 1,
            author_id: authors[i],
            body: text,
            html: renderMarkdown(text),
            created_at: t,
          });
        });
      }
      // One meeting a month (the dormant network stopped half a year ago); one was cancelled.
      if ((dormant && month < 6) || month === 0) continue;
      const startsAt = ago(month * 30 - 5 + rnd.int(10), 16);
      const cancelled = month === 7;
      const eventId = rnd.uuid();
      agenda.push({
        id: eventId,
        network_id: network.id,
        title: `Rencontre ${network.slug.startsWith('za-') ? 'des entreprises de la zone' : 'du réseau'}`,
        description: 'Rencontre mensuelle des membres.',
        status: cancelled ? 'cancelled' : 'published',
        format: 'online',
        online_url: 'https://visio.example.org/rencontre',
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity: 30,
        created_by_id: people.animator,
        created_at: new Date(startsAt.getTime() - 20 * DAY),
        reminder_sent_at: startsAt,
      });
      for (const v of rnd.sample(voices, Math.min(voices.length, 4 + rnd.int(10)))) {
        registrations.push({
          id: rnd.uuid(),
          event_id: eventId,
          person_id: v.person_id,
          status: 'registered',
          checked_in_at: !cancelled && rnd.next() < 0.72 ? startsAt : null,
          created_at: new Date(startsAt.getTime() - 7 * DAY),
          queued_at: new Date(startsAt.getTime() - 7 * DAY),
        });
      }
    }
  }
  await insert(tx, 'forum_topics', topics);
  await insert(tx, 'forum_posts', posts);
  await insert(tx, 'agenda_events', agenda);
  await insert(tx, 'agenda_registrations', registrations);

  // Action plans of last year (closed) and this year (under way), with their history.
  const plans: Row[] = [];
  const objectives: Row[] = [];
  const actions: Row[] = [];
  const indicators: Row[] = [];
  const entries: Row[] = [];
  const history: Row[] = [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
  for (const network of networks.filter((n) => PLANNED.includes(n.slug))) {
    for (const y of [year - 1, year]) {
      const planId = rnd.uuid();
      const current = y === year;
      const createdAt = new Date(Date.UTC(y - 1, 11, 12, 10));
      plans.push({
        id: planId,
        network_id: network.id,
        year: y,
        title: `Plan d’actions ${y}`,
        summary: current
          ? 'Recruter de nouvelles entreprises et faire vivre les échanges entre deux rencontres.'
          : 'Structurer le réseau et fidéliser les membres.',
        status: current ? 'active' : 'closed',
        created_at: createdAt,
        updated_at: createdAt,
      });
      history.push({
        id: rnd.uuid(),
        plan_id: planId,
        kind: 'plan_created',
        label: `Plan d’actions ${y}`,
        changes: null,
        actor_id: people.animator,
        created_at: createdAt,
      });
      const grow = rnd.uuid();
      const live = rnd.uuid();
      objectives.push({
        id: grow,
        plan_id: planId,
        title: 'Développer le réseau',
        description: 'Faire connaître le réseau et accueillir de nouvelles entreprises.',
        position: 0,
      });
      objectives.push({
        id: live,
        plan_id: planId,
        title: 'Faire vivre les échanges',
        description: 'Des rencontres régulières et un forum actif.',
        position: 1,
      });
      const action = (objectiveId: string, title: string, start: string, due: string, status: string, planned: number, spent: number) =>
        actions.push({
          id: rnd.uuid(),
          plan_id: planId,
          objective_id: objectiveId,
          title,
          description: null,
          owner: 'Claire Dubois',
          start_date: `${y}-${start}`,
          due_date: `${y}-${due}`,
          budget_planned: planned,
          budget_spent: spent,
          status,
          created_at: createdAt,
          updated_at: createdAt,
        });
      const past = (mmdd: string) => `${y}-${mmdd}` < today;
      action(
        grow,
        'Petit-déjeuner de présentation aux entreprises du territoire',
        '02-01',
        '03-15',
        past('03-15') ? 'done' : 'planned',
        800,
        past('03-15') ? 650 : 0,
      );
      action(
        grow,
        'Campagne de recrutement avec la CCI',
        '03-01',
        '06-30',
        current && past('06-30') ? 'in_progress' : past('06-30') ? 'done' : 'planned',
        2500,
        past('06-30') ? 1900 : 300,
      );
      action(
        live,
        'Visites d’entreprises trimestrielles',
        '01-15',
        '12-15',
        past('12-15') ? 'done' : 'in_progress',
        1200,
        past('09-01') ? 900 : 300,
      );
      action(live, 'Animer le forum : un sujet de veille par mois', '01-01', '11-30', current ? 'in_progress' : 'done', 0, 0);
      const indicator = (objectiveId: string, label: string, source: string, unit: string, target: number) => {
        const id = rnd.uuid();
        indicators.push({ id, plan_id: planId, objective_id: objectiveId, label, unit, target, source, created_at: createdAt });
        return id;
      };
      indicator(grow, 'Entreprises membres', 'members', 'entreprises', 20);
      indicator(grow, 'Nouvelles entreprises', 'new_members', 'entreprises', 6);
      indicator(live, 'Membres actifs', 'active_members', 'entreprises', 12);
      indicator(live, 'Rencontres tenues', 'events_held', 'événements', 10);
      indicator(live, 'Taux de présence', 'attendance_rate', '%', 70);
      const satisfaction = indicator(live, 'Satisfaction des membres', 'manual', '%', 85);
      for (const [mmdd, value] of [
        ['06-30', 78],
        ['12-15', 82],
      ] as const)
        if (`${y}-${mmdd}` <= today)
          entries.push({
            id: rnd.uuid(),
            indicator_id: satisfaction,
            value,
            date: `${y}-${mmdd}`,
            comment: 'Enquête auprès des membres',
            author_id: people.animator,
            created_at: new Date(`${y}-${mmdd}T10:00:00Z`),
          });
    }
  }
  await insert(tx, 'steering_plans', plans);
  await insert(tx, 'steering_objectives', objectives);
  await insert(tx, 'steering_actions', actions);
  await insert(tx, 'steering_indicators', indicators);
  await insert(tx, 'steering_indicator_entries', entries);
  await insert(
    tx,
    'steering_plan_history',
    history.map((h) => ({ ...h, changes: null })),
  );

  // Maturity assessments leading to each network's stage, and the network sheets.
  const stages = ['emergence', 'creation', 'development', 'autonomy'];
  const criteria: Record<string, string[]> = {
    emergence: ['shared_needs', 'core_group'],
    creation: ['shared_objectives', 'governance', 'charter'],
    development: ['action_plan', 'regular_activity', 'members_growth', 'partners'],
    autonomy: ['own_funding', 'autonomous_animation', 'independent_structure'],
  };
  const assessments: Row[] = [];
  const sheets: Row[] = [];
  for (const network of networks) {
    const reached = stages.indexOf(network.maturity);
    for (let s = Math.max(0, reached - 2); s <= reached; s++) {
      const stage = stages[s];
      const met = Object.fromEntries(
        stages
          .slice(0, s + 1)
          .flatMap((st) => criteria[st])
          .map((c) => [c, true]),
      );
      assessments.push({
        id: rnd.uuid(),
        network_id: network.id,
        stage,
        previous_stage: s > 0 ? stages[s - 1] : null,
        criteria: JSON.stringify(met),
        comment: s === reached ? 'Bilan annuel avec le bureau du réseau.' : 'Étape franchie : les critères sont réunis.',
        assessed_on: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(ago(60 + (reached - s) * 250)),
        assessor_id: people.animator,
        created_at: ago(60 + (reached - s) * 250),
      });
    }
    const dormant = network.slug === DORMANT;
    sheets.push({
      network_id: network.id,
      needs: dormant
        ? ['animation', 'recruiting', 'funding']
        : rnd.sample(['animation', 'support', 'recruiting', 'logistics', 'tools', 'communication'], 2),
      needs_comment: dormant ? 'Le réseau a perdu son animateur bénévole : relance à organiser.' : null,
      partners: JSON.stringify([
        { name: 'Saint-Étienne Métropole', role: 'funder', comment: null },
        { name: 'CCI Lyon Métropole Saint-Étienne Roanne', role: 'lead', comment: 'Animation et secrétariat' },
      ]),
      governance: JSON.stringify({
        president: 'Françoise Garnier',
        board: ['Marc Perrin', 'Sophie Vidal', 'Karim Benali'],
        cciElectedReferent: 'Jean-Luc Moreau',
        comment: null,
      }),
      agreement_type: dormant ? 'none' : 'staff_provision',
      agreement_start: dormant ? null : `${year - 2}-01-01`,
      agreement_review: dormant ? null : `${year + 1}-01-15`,
      agreement_fte: dormant ? null : [0.2, 0.3, 0.5][rnd.int(3)],
      agreement_comment: null,
      funding: JSON.stringify([
        { kind: 'membership_fees', label: 'Cotisations', amount: 4000 + rnd.int(10) * 1000 },
        { kind: 'cci', label: 'Mise à disposition', amount: 15000 },
      ]),
      updated_by_id: people.animator,
      updated_at: ago(30),
    });
  }
  await insert(tx, 'steering_maturity_assessments', assessments);
  await insert(tx, 'steering_network_sheets', sheets);
  await insert(tx, 'steering_settings', [{ organization_id: people.lyon, dormant_after_days: 60 }]);
}
