import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { animationsDone, expectAccessible, launch, newContext, screenshot } from './support/browser';
import { signedIn as signedInAs } from './support/session';

// What a user must be able to do (documents): in a private network, a member uploads documents (several at once,
// with progress), then a new version, and downloads both versions (the bytes are checked); the
// library's search finds the document; a signed-in non-member is refused (not found).

const stamp = Date.now();
const NETWORK = `Club documents e2e ${stamp}`;
const ANIMATOR = 'animatrice@demo.maillage.fr';
const MEMBER = 'membre@demo.maillage.fr';
const ADMIN = 'admin@demo.maillage.fr';
const PASSWORD = 'une phrase de passe pour la bibliotheque';

/** A one-page PDF showing `text` (offsets computed, so that any reader opens it). */
function pdf(text: string): Buffer {
  const content = `BT /F1 28 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
const PDF_V1 = pdf(`Charte du club - version 1 - ${stamp}`);
const PDF_V2 = pdf(`Charte du club - version 2 relue - ${stamp}`);

/** The JSON API as the person signed in on `page` (same cookies, CSRF token). */
async function api(page: Page) {
  const request = page.context().request;
  const token = ((await (await request.get('/api/v1/auth/csrf')).json()) as { token: string }).token;
  return async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': token } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function signedIn(
  browser: Browser,
  email: string,
  password?: string,
  viewport: 'desktop' | 'phone' = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(browser, email, { viewport, password });
}

/** A new account without any company (hence a member of nothing), its address confirmed through the admin's mail outbox. */
async function outsider(browser: Browser, admin: Page): Promise<{ context: BrowserContext; page: Page }> {
  const email = `curieux.${stamp}@exemple.test`;
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/');
  await (
    await api(page)
  )('POST', '/auth/signup', { email, password: PASSWORD, firstName: 'Claude', lastName: 'Curieux' });
  const mails = await (await api(admin))<{ items: { text: string }[] }>('GET', `/admin/mails?q=${encodeURIComponent(email)}`);
  const token = new URL(/(https?:\/\/\S+)/.exec(mails.items[0]?.text ?? '')?.[1] ?? 'http://x/').searchParams.get('token');
  await (
    await api(page)
  )('POST', '/auth/verify', { token });
  await context.close();
  return signedIn(browser, email, PASSWORD);
}

/** Clicks a download link and returns the downloaded bytes and the suggested file name. */
async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

describe('document library, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('a member uploads a document and a new version, downloads both; a non-member is refused', async () => {
    // ---- set-up through the API: a private network the demo member's company belongs to ----
    const animator = await signedIn(browser, ANIMATOR);
    const member = await signedIn(browser, MEMBER);
    const animatorApi = await api(animator.page);
    const memberApi = await api(member.page);
    const me = await animatorApi<{ staffOf: { organizationId: string }[] }>('GET', '/auth/me');
    const network = await animatorApi<{ id: string }>('POST', '/networks', {
      name: NETWORK,
      type: 'business_club',
      visibility: 'private',
      joinPolicy: 'approval',
      maturity: 'development',
      hostOrganizationId: me.staffOf[0]!.organizationId,
      description: 'Réseau de test de la bibliothèque.',
    });
    const company = (await memberApi<{ id: string }[]>('GET', '/companies/mine'))[0]!;
    await memberApi('POST', `/networks/${network.id}/join`, { companyId: company.id });
    await animatorApi('POST', `/networks/${network.id}/members/${company.id}/approve`);
    const libraryPath = `/reseaux/${network.id}/documents`;

    // ---- the empty library, then two files dropped at once, each with its progress bar ----
    const page = member.page;
    await page.goto(libraryPath);
    await page.getByText('Ce dossier est vide').waitFor();
    await expectAccessible(page, 'empty library');
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#1f6f8b' } })
      .png()
      .toBuffer();
    await page
      .getByTestId('document-dropzone')
      .locator('input[type=file]')
      .setInputFiles([
        { name: 'Charte du club.pdf', mimeType: 'application/pdf', buffer: PDF_V1 },
        { name: 'Affiche salon.png', mimeType: 'image/png', buffer: png },
      ]);
    const uploads = page.getByRole('list', { name: 'Envois en cours' });
    await uploads.getByText('Ajouté à la bibliothèque.').nth(1).waitFor();
    expect(await uploads.getByRole('progressbar').count()).toBe(2);
    const table = page.getByRole('table', { name: 'Dossiers et documents' });
    await table.getByRole('button', { name: 'Ouvrir le document « Charte du club »' }).waitFor();
    await table.getByRole('button', { name: 'Ouvrir le document « Affiche salon »' }).waitFor();
    await expectAccessible(page, 'library with uploads');
    await screenshot(page, 'documents-library');

    // ---- a folder, kept for the animators, which the member does not see ----
    await animator.page.goto(libraryPath);
    await animator.page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const folderDialog = animator.page.getByRole('dialog', { name: 'Nouveau dossier' });
    await folderDialog.getByLabel('Nom du dossier').fill('Bureau');
    await folderDialog.getByLabel('Réservé aux animateurs').check();
    await animationsDone(animator.page);
    await expectAccessible(animator.page, 'new folder dialog');
    await folderDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await animator.page.getByRole('button', { name: 'Ouvrir le dossier « Bureau »' }).waitFor();
    await page.reload();
    await table.getByRole('button', { name: 'Ouvrir le document « Charte du club »' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ouvrir le dossier « Bureau »' }).count()).toBe(0);

    // ---- the document: a new version, the history, both versions downloaded ----
    await table.getByRole('button', { name: 'Ouvrir le document « Charte du club »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Charte du club' });
    await dialog.getByText('Historique (1 version)').waitFor();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'Charte du club relue.pdf', mimeType: 'application/pdf', buffer: PDF_V2 });
    await dialog.getByText('Historique (2 versions)').waitFor();
    await dialog.getByText('Actuelle').waitFor();
    await animationsDone(page);
    await expectAccessible(page, 'document dialog with history');
    await screenshot(page, 'documents-history');

    const current = await download(page, () => dialog.getByRole('link', { name: 'Télécharger', exact: true }).click());
    expect(current.bytes.equals(PDF_V2)).toBe(true);
    expect(current.name).toBe('Charte du club relue.pdf');
    const first = await download(page, () => dialog.getByRole('link', { name: 'Télécharger la version 1' }).click());
    expect(first.bytes.equals(PDF_V1)).toBe(true);
    expect(first.name).toBe('Charte du club.pdf');

    // The PDF preview is framed from a sandboxed, inline-only route.
    await dialog.getByRole('button', { name: 'Afficher le PDF' }).click();
    const frame = dialog.locator('iframe[title="Aperçu du PDF « Charte du club »"]');
    await frame.waitFor();
    const preview = await page.context().request.get((await frame.getAttribute('src'))!);
    expect(preview.headers()['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers()['content-security-policy']).toContain('sandbox');
    expect(preview.headers()['x-content-type-options']).toBe('nosniff');
    // Chromium's PDF viewer draws the page a moment after the frame has loaded.
    await page.waitForTimeout(2000);
    await screenshot(page, 'documents-pdf-preview');

    // Restoring version 1 makes it current again, as version 3.
    await dialog.getByRole('button', { name: 'Restaurer la version 1' }).click();
    await dialog.getByText('Historique (3 versions)').waitFor();
    await dialog.getByText('(restauration de la v1)').waitFor();
    await page.keyboard.press('Escape');

    // ---- the image's thumbnail, and the library's search box ----
    await table.getByRole('button', { name: 'Ouvrir le document « Affiche salon »' }).click();
    const imageDialog = page.getByRole('dialog', { name: 'Affiche salon' });
    await imageDialog.getByRole('img', { name: 'Aperçu de « Affiche salon »' }).waitFor();
    await page.keyboard.press('Escape');

    // ---- the member files the image into a new folder, then opens it ----
    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const newFolder = page.getByRole('dialog', { name: 'Nouveau dossier' });
    await newFolder.getByLabel('Nom du dossier').fill('Communication');
    expect(await newFolder.getByLabel('Réservé aux animateurs').count()).toBe(0);
    await newFolder.getByRole('button', { name: 'Enregistrer' }).click();
    await table.getByRole('button', { name: 'Ouvrir le dossier « Communication »' }).waitFor();
    await table.getByRole('button', { name: 'Ouvrir le document « Affiche salon »' }).click();
    await imageDialog.getByRole('button', { name: 'Modifier' }).click();
    await imageDialog.getByLabel('Dossier', { exact: true }).click();
    await page.getByRole('option', { name: 'Communication' }).click();
    await imageDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Document enregistré.').waitFor();
    await page.keyboard.press('Escape');
    await table.getByRole('button', { name: 'Ouvrir le document « Affiche salon »' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'Ouvrir le dossier « Communication »' }).click();
    await page.getByRole('navigation', { name: 'Emplacement dans la bibliothèque' }).getByText('Communication').waitFor();
    await table.getByRole('button', { name: 'Ouvrir le document « Affiche salon »' }).waitFor();
    await page.getByRole('navigation', { name: 'Emplacement dans la bibliothèque' }).getByRole('button', { name: 'Bibliothèque' }).click();
    await table.getByRole('button', { name: 'Ouvrir le document « Charte du club »' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' }).fill('Charte');
    await page.getByRole('list', { name: '1 document trouvé' }).getByText('Charte', { exact: false }).first().waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'library search');

    // ---- the phone layout ----
    const phone = await signedIn(browser, MEMBER, undefined, 'phone');
    await phone.page.goto(libraryPath);
    await phone.page.getByRole('button', { name: 'Ouvrir le document « Charte du club »' }).waitFor();
    await expectAccessible(phone.page, 'library on a phone');
    await screenshot(phone.page, 'documents-library-phone');
    await phone.context.close();

    // ---- a signed-in non-member: the library and the files are not found ----
    const admin = await signedIn(browser, ADMIN);
    const stranger = await outsider(browser, admin.page);
    await admin.context.close();
    await stranger.page.goto(libraryPath);
    await stranger.page.getByText('La bibliothèque de ce réseau est réservée à ses membres.').waitFor();
    expect(await stranger.page.getByText('Charte du club').count()).toBe(0);
    await expectAccessible(stranger.page, 'library refused to a non-member');
    const library = await memberApi<{ documents: { id: string; title: string }[] }>('GET', `/networks/${network.id}/documents`);
    const charter = library.documents.find((d) => d.title === 'Charte du club')!;
    for (const path of [
      `/api/v1/networks/${network.id}/documents`,
      `/api/v1/documents/${charter.id}`,
      `/api/v1/documents/${charter.id}/versions/1/download`,
    ]) {
      const answer = await stranger.page.context().request.get(path);
      expect(answer.status()).toBe(404);
      expect(await answer.text()).not.toContain('Charte');
    }

    await Promise.all([animator.context.close(), member.context.close(), stranger.context.close()]);
  });
});
