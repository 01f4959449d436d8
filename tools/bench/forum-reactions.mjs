// npm run bench:forum-reactions — what the reaction → topic version bump (trigger forum_reactions_*_version, which
// updates the topic's row so that kept topic pages are read again) costs under concurrent reactions, in one run:
//  1. uses the data set of `npm run bench:forums` (BENCH_DB, default maillage_bench_forums; run that bench first);
//  2. BENCH_CLIENTS (16) connections each add then remove reactions (the two statements the API runs, autocommit)
//     for BENCH_SECONDS (5) per round, on the posts of ONE topic (every client on the same topic row: the worst case)
//     and on BENCH_TOPICS (16) topics (one each);
//  3. alternates rounds with the bump and without it (BENCH_ROUNDS pairs, 3), then prints reactions
//     per second of each and the ratio with / without the bump.
// The bump is a trigger the bench creates and drops in the bench database only (running the same function as the
// triggers before migration ReactionsLeaveTopicRows, which it disables meanwhile on an older data set).
import pg from 'pg';
import { databaseUrl } from './lib.mjs';

const DB_NAME = process.env.BENCH_DB ?? 'maillage_bench_forums';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TOPICS = Number(process.env.BENCH_TOPICS ?? 16);
const REACTIONS = ['👍', '❤️', '🎉', '💡'];
/** The triggers a reaction bumped its topic with before migration ReactionsLeaveTopicRows (absent after it). */
const OLD_TRIGGERS = ['forum_reactions_insert_version', 'forum_reactions_delete_version', 'forum_reactions_update_version'];

/** Puts the bump in place (the same function the old triggers ran) or takes it away, on either schema. */
async function setBump(admin, on) {
  for (const [event, rows] of [
    ['INSERT', 'NEW'],
    ['DELETE', 'OLD'],
  ]) {
    await admin.query(`DROP TRIGGER IF EXISTS bench_reactions_${event.toLowerCase()}_bump ON forum_reactions`);
    if (on) {
      await admin.query(`CREATE TRIGGER bench_reactions_${event.toLowerCase()}_bump AFTER ${event} ON forum_reactions
                         REFERENCING ${rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION forum_post_parts_changed()`);
    }
  }
}

/** Each client reacts on posts of its topic as a person of its own, until the round ends; returns reactions done. */
async function round(clients, postsOf, people) {
  const until = Date.now() + SECONDS * 1000;
  const counts = await Promise.all(
    clients.map(async (client, i) => {
      const posts = postsOf(i);
      let done = 0;
      while (Date.now() < until) {
        const post = posts[done % posts.length];
        const reaction = REACTIONS[done % REACTIONS.length];
        await client.query({
          name: 'react',
          text: 'INSERT INTO forum_reactions (post_id, person_id, reaction) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          values: [post, people[i], reaction],
        });
        await client.query({
          name: 'unreact',
          text: 'DELETE FROM forum_reactions WHERE post_id = $1 AND person_id = $2 AND reaction = $3',
          values: [post, people[i], reaction],
        });
        done += 2;
      }
      return done;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) / SECONDS;
}

async function main() {
  const url = databaseUrl(DB_NAME);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const topics = (
    await admin.query(
      `SELECT t.id, array_agg(p.id ORDER BY p.sequence) AS posts FROM forum_topics t JOIN forum_posts p ON p.topic_id = t.id
                       GROUP BY t.id HAVING count(*) >= 10 ORDER BY t.id LIMIT $1`,
      [TOPICS],
    )
  ).rows;
  const people = (await admin.query('SELECT id FROM people ORDER BY id LIMIT $1', [CLIENTS])).rows.map((r) => r.id);
  if (topics.length < TOPICS || people.length < CLIENTS)
    throw new Error(`${DB_NAME}: not enough topics or people: run npm run bench:forums first`);
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const old = (
    await admin.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'forum_reactions'::regclass AND tgname = ANY($1) AND tgenabled <> 'D'`,
      [OLD_TRIGGERS],
    )
  ).rows.map((r) => r.tgname);
  for (const t of old) await admin.query(`ALTER TABLE forum_reactions DISABLE TRIGGER ${t}`);
  const workloads = {
    'one topic, all clients': () => topics[0].posts.slice(0, 10),
    [`${TOPICS} topics, ${Math.ceil(CLIENTS / TOPICS)} client(s) each`]: (i) => topics[i % TOPICS].posts.slice(0, 10),
  };
  console.log(
    `node ${process.version}, ${DB_NAME}, ${CLIENTS} clients, ${ROUNDS} × (${SECONDS} s with the bump, ${SECONDS} s without) per workload`,
  );
  console.log(`\n${'workload'.padEnd(30)} ${'with bump'.padStart(12)} ${'without'.padStart(12)}   ratio (with / without)`);
  try {
    for (const [name, postsOf] of Object.entries(workloads)) {
      await round(clients, postsOf, people); // warm-up (plans, caches)
      const with_ = [];
      const without = [];
      for (let r = 0; r < ROUNDS; r++) {
        await setBump(admin, true);
        with_.push(await round(clients, postsOf, people));
        await setBump(admin, false);
        without.push(await round(clients, postsOf, people));
      }
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const w = median(with_);
      const wo = median(without);
      console.log(`${name.padEnd(30)} ${`${w.toFixed(0)}/s`.padStart(12)} ${`${wo.toFixed(0)}/s`.padStart(12)}   ${(w / wo).toFixed(2)}×`);
    }
  } finally {
    await setBump(admin, false);
    for (const t of old) await admin.query(`ALTER TABLE forum_reactions ENABLE TRIGGER ${t}`);
    await Promise.all(clients.map((c) => c.end()));
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
