import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, login, newContext } from './browser';
import { timed } from './timings';

/** Where the signed-in states of this run are kept (the global set-up gives each run its own folder). */
const SESSIONS = process.env.E2E_SESSIONS_DIR ?? join(tmpdir(), `maillage-e2e-sessions-${new URL(BASE_URL).port}`);

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Per app (one per Jest worker) and person. */
function stateFile(email: string): string {
  return join(SESSIONS, `${new URL(BASE_URL).port}-${email.replace(/[^\w.@-]/g, '_')}.json`);
}

/**
 * A browser context and page signed in as `email`, for journeys that are not about signing in: the first call of a run
 * signs in through the form, later ones (in any spec file) reuse that session's cookies, as long as the API still
 * accepts them (a journey may close sessions or require a second factor: then the form again). The page is blank;
 * go where the journey starts. Journeys about signing in (sessions, devices, two-step) use `login` instead.
 */
export async function signedIn(
  browser: Browser,
  email: string,
  options: { viewport?: 'desktop' | 'phone'; password?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  return timed('signedIn (reused session or login)', async () => {
    const file = stateFile(email);
    if (existsSync(file)) {
      const state = JSON.parse(readFileSync(file, 'utf8')) as StorageState;
      const context = await newContext(browser, options.viewport, state);
      const me = await context.request.get('/api/v1/auth/me');
      if (me.ok() && ((await me.json()) as { email?: string }).email === email) return { context, page: await context.newPage() };
      await context.close();
    }
    const context = await newContext(browser, options.viewport);
    const page = await context.newPage();
    await login(page, email, options.password ?? DEMO_PASSWORD);
    mkdirSync(SESSIONS, { recursive: true });
    writeFileSync(file, JSON.stringify(await context.storageState()));
    return { context, page };
  });
}

/**
 * The newest outbox e-mail to `to` whose subject matches, read through the admin API as the admin's outbox page does;
 * waits (polling) until it has been sent.
 */
export async function outboxMail(
  browser: Browser,
  to: string,
  subject = /./,
): Promise<{ id: string; subject: string; text: string; template: string }> {
  const admin = await signedIn(browser, 'admin@demo.maillage.fr');
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const list = (await (await admin.context.request.get(`/api/v1/admin/mails?q=${encodeURIComponent(to)}`)).json()) as {
        items: { id: string; subject: string }[];
      };
      const found = list.items.find((m) => subject.test(m.subject));
      if (found)
        return (await (await admin.context.request.get(`/api/v1/admin/mails/${found.id}`)).json()) as {
          id: string;
          subject: string;
          text: string;
          template: string;
        };
      if (Date.now() > deadline) throw new Error(`No e-mail "${subject}" to ${to} in the outbox`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await admin.context.close();
  }
}

/** Signs a new person up through the form and confirms the address with the link of the e-mail (which signs them in). */
export async function signUpAndVerify(
  browser: Browser,
  page: Page,
  person: { firstName: string; lastName: string; email: string; password: string },
): Promise<void> {
  await timed('signUpAndVerify', async () => {
    await page.goto('/inscription');
    await page.getByLabel('Prénom').fill(person.firstName);
    await page.getByLabel('Nom', { exact: true }).fill(person.lastName);
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
    await page.getByRole('checkbox', { name: /J’accepte les/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Vérifiez votre boîte mail').waitFor();
    const mail = await outboxMail(browser, person.email);
    const link = new URL(/https?:\/\/\S+verifier-email\?token=[\w-]+/.exec(mail.text)![0]);
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByText('Adresse confirmée').waitFor();
  });
}
