// A real OpenID Connect provider (the `oidc-provider` package) for tests, run as its own process:
//   OIDC_CLIENTS='[{"client_id":"…","client_secret":"…","redirect_uris":["…"]}]' [OIDC_ISSUER_HOST=localhost] node oidc-provider-server.mjs
// It prints one line `READY <issuer>` once listening on a random port. Its sign-in page asks for an
// e-mail address (and names): the account is whoever the tester says they are; an address containing
// "+unverified" is reported with email_verified=false.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const host = process.env.OIDC_ISSUER_HOST ?? '127.0.0.1';
const accounts = new Map();

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://${host}:${port}`;

const provider = new Provider(issuer, {
  clients: clients.map((c) => ({
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...c,
  })),
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: false } },
  cookies: { keys: ['maillage-test-oidc-provider-cookie-key'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub,
        email: account.email,
        email_verified: !account.email.includes('+unverified'),
        given_name: account.givenName,
        family_name: account.familyName,
      }),
    };
  },
  // The tester's consent is implied: every requested scope is granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
    req.on('error', reject);
  });
}

const page = (uid) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d'identité de test</title></head>
<body><main><h1>Fournisseur d'identité de test</h1>
<form method="post" action="/interaction/${escape(uid)}">
<p><label for="email">Adresse e-mail</label> <input id="email" name="email" type="email" required></p>
<p><label for="given">Prénom</label> <input id="given" name="given_name"></p>
<p><label for="family">Nom</label> <input id="family" name="family_name"></p>
<p><button type="submit">Se connecter chez le fournisseur</button></p>
</form></main></body></html>`;

server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
  if (!match) return provider.callback()(req, res);
  try {
    await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(match[1]));
    }
    const form = await readForm(req);
    const email = String(form.email ?? '')
      .trim()
      .toLowerCase();
    accounts.set(email, { email, givenName: form.given_name || 'Prénom', familyName: form.family_name || 'Nom' });
    await provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(String(err?.message ?? err));
  }
});

process.stdout.write(`READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
