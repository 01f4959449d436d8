// The baseline: a bare node:http server answering the same bytes as the API (same headers, same
// body; no framework), with a pg pool of the same size for the database-backed page.
import http from 'node:http';
import pg from 'pg';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'x-request-id', 'content-length', 'transfer-encoding']);

/** The API's own headers for a URL, to send byte-identical answers. */
async function headersOf(url) {
  const res = await fetch(url);
  await res.text();
  return Object.fromEntries([...res.headers].filter(([name]) => !PER_RESPONSE.has(name)));
}

const api = process.env.API_URL;
const healthHeaders = await headersOf(`${api}/api/health`);
const companyHeaders = await headersOf(`${api}/api/v1/companies/${process.env.COMPANY_ID}`);
const HEALTH = JSON.stringify({ status: 'ok' });

http
  .createServer(async (req, res) => {
    if (req.url === '/api/health') {
      res.writeHead(200, { ...healthHeaders, 'x-request-id': crypto.randomUUID() });
      return res.end(HEALTH);
    }
    const match = /^\/api\/v1\/companies\/([0-9a-f-]{36})$/.exec(req.url ?? '');
    if (match) {
      const { rows } = await pool.query('SELECT * FROM companies WHERE id = $1', [match[1]]);
      res.writeHead(rows.length ? 200 : 404, { ...companyHeaders, 'x-request-id': crypto.randomUUID() });
      return res.end(JSON.stringify(rows[0] ?? null));
    }
    res.writeHead(404).end();
  })
  .listen(port, '127.0.0.1');
