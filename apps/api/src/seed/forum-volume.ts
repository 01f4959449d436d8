import type { DataSource } from 'typeorm';

export interface ForumVolumeOptions {
  /** Networks to add (each with ~10 member companies, 3 categories and its share of the topics). */
  networks: number;
  /** Posts to add in total (25 per topic on average, opening posts included). */
  posts: number;
}

const TYPES = ['business_club', 'business_park_association', 'cluster', 'technology_cluster', 'virtual_network', 'export_group'];
const BATCH = 100;

/**
 * Benchmark volume for the forums (`npm run seed -- --forum-networks 2000 --forum-posts 1000000`):
 * networks (one in three private) with member companies drawn from the existing ones, categories,
 * topics and posts, all written by bulk SQL (generate_series) in batches of 100 networks. The demo
 * member's company joins the first private network, so that benchmarks can read a private forum.
 * Needs companies with people (run it after the company seed).
 */
export async function seedForumVolume(db: DataSource, options: ForumVolumeOptions, log?: (m: string) => void): Promise<void> {
  const [{ companies }] = await db.query('SELECT count(*)::int AS companies FROM companies');
  if (companies < 20) throw new Error('Seed companies first (at least 20)');
  const [host] = await db.query('SELECT id FROM organizations ORDER BY created_at, id LIMIT 1');
  if (!host) throw new Error('Seed the organisations first');
  const topicsPerNetwork = Math.max(1, Math.round(options.posts / 25 / options.networks));
  const postsPerTopic = Math.max(1, Math.round(options.posts / (topicsPerNetwork * options.networks)));
  const [{ first }] = await db.query("SELECT count(*)::int + 1 AS first FROM networks WHERE slug LIKE 'bench-forum-%'");
  for (let from = first; from < first + options.networks; from += BATCH) {
    const to = Math.min(first + options.networks - 1, from + BATCH - 1);
    await db.transaction(async (tx) => {
      const networks: { id: string }[] = await tx.query(
        `INSERT INTO networks (name, slug, type, visibility, join_policy, maturity, host_organization_id, description)
         SELECT 'Réseau ' || g, 'bench-forum-' || g, ($4::text[])[1 + g % array_length($4::text[], 1)],
                CASE WHEN g % 3 = 0 THEN 'private' ELSE 'public' END, 'open', 'development', $3::uuid, 'Réseau de démonstration n° ' || g
         FROM generate_series($1::int, $2::int) AS g
         RETURNING id`,
        [from, to, host.id, TYPES],
      );
      const ids = networks.map((n) => n.id);
      // About ten member companies per network (a deterministic window over the companies), the first one animates.
      await tx.query('CREATE TEMP TABLE bench_companies ON COMMIT DROP AS SELECT id, row_number() OVER (ORDER BY id) AS rn FROM companies');
      await tx.query('CREATE INDEX ON bench_companies (rn)');
      await tx.query(
        `INSERT INTO network_memberships (network_id, company_id, role, status)
         SELECT n.id, c.id, CASE WHEN c.rn = w.start THEN 'animator' ELSE 'member' END, 'active'
         FROM networks n
         CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(n.id::text)::bigint) % ($2::int - 10) AS start) w
         JOIN bench_companies c ON c.rn BETWEEN w.start AND w.start + 9
         WHERE n.id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [ids, companies],
      );
      await tx.query(
        `INSERT INTO forum_categories (network_id, name, position)
         SELECT n, x.name, x.position FROM unnest($1::uuid[]) AS n,
           (VALUES ('Annonces', 0), ('Entraide', 1), ('Achats et fournisseurs', 2)) AS x(name, position)`,
        [ids],
      );
      // The people who write: those of the member companies, as an array per network.
      await tx.query(
        `CREATE TEMP TABLE bench_authors ON COMMIT DROP AS
         SELECT m.network_id, array_agg(cm.person_id ORDER BY cm.person_id) AS people
         FROM network_memberships m JOIN company_members cm ON cm.company_id = m.company_id
         WHERE m.network_id = ANY($1::uuid[]) AND m.status = 'active' GROUP BY m.network_id`,
        [ids],
      );
      await tx.query(
        `INSERT INTO forum_topics (network_id, category_id, author_id, title, pinned, post_count, last_sequence, last_post_at, last_post_author_id, created_at)
         SELECT a.network_id, c.id, a.people[1 + (t % array_length(a.people, 1))], 'Sujet ' || t || ' : retours d’expérience et bonnes adresses',
                t = 1, $2::int, $2::int, now() - make_interval(hours => t * 7), a.people[1 + ((t + $2::int) % array_length(a.people, 1))],
                now() - make_interval(hours => t * 7 + $2::int)
         FROM bench_authors a
         CROSS JOIN generate_series(1, $3::int) AS t
         JOIN LATERAL (SELECT id FROM forum_categories WHERE network_id = a.network_id ORDER BY position OFFSET t % 3 LIMIT 1) c ON true
         WHERE a.network_id = ANY($1::uuid[])`,
        [ids, postsPerTopic, topicsPerNetwork],
      );
      await tx.query(
        `INSERT INTO forum_posts (topic_id, sequence, author_id, body, html, created_at)
         SELECT t.id, s, a.people[(1 + abs(s + hashtext(t.id::text)::bigint) % array_length(a.people, 1))::int],
                'Message ' || s || ' : nous avons **testé** ce fournisseur, délais tenus et prix corrects. Qui a une autre adresse dans la Loire ?',
                '<p>Message ' || s || ' : nous avons <strong>testé</strong> ce fournisseur, délais tenus et prix corrects. Qui a une autre adresse dans la Loire ?</p>' || chr(10),
                t.created_at + make_interval(hours => s)
         FROM forum_topics t JOIN bench_authors a ON a.network_id = t.network_id
         CROSS JOIN generate_series(1, t.last_sequence) AS s
         WHERE t.network_id = ANY($1::uuid[])`,
        [ids],
      );
      await tx.query(
        `INSERT INTO forum_reactions (post_id, person_id, reaction)
         SELECT p.id, p.author_id, 'thumbs_up' FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id
         WHERE t.network_id = ANY($1::uuid[]) AND p.sequence % 4 = 0 AND p.author_id IS NOT NULL`,
        [ids],
      );
    });
    log?.(`forums: ${to - first + 1}/${options.networks} networks`);
  }
  // The demo member reads a private forum.
  await db.query(
    `INSERT INTO network_memberships (network_id, company_id, role, status)
     SELECT (SELECT id FROM networks WHERE slug LIKE 'bench-forum-%' AND visibility = 'private' ORDER BY slug LIMIT 1), cm.company_id, 'member', 'active'
     FROM company_members cm JOIN people p ON p.id = cm.person_id WHERE p.email = 'membre@demo.maillage.fr'
     ON CONFLICT DO NOTHING`,
  );
  for (const table of ['networks', 'network_memberships', 'forum_topics', 'forum_posts', 'forum_reactions'])
    await db.query(`ANALYZE ${table}`);
}
