import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch, screenshot } from './support/browser';
import { signedIn } from './support/session';

const SAMPLE = join(__dirname, '../../api/src/modules/directory/fixtures/sirene-stock-etablissement-sample.csv');

/** The value of a counter of the import summary (a description list): 'Importées' → '6'. */
async function figure(page: Page, label: string): Promise<string> {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`, 'i') });
  return ((await term.locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim();
}

describe('administration: SIRENE imports and the search index, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('uploads the INSEE file, follows its progress to the end and reads the summary and the refused lines', async () => {
    const { context, page } = await signedIn(browser, 'admin@demo.maillage.fr');
    await page.goto('/admin');
    await page.getByRole('navigation', { name: "Sections de l'administration" }).getByRole('link', { name: 'Imports SIRENE' }).click();
    await page.getByRole('heading', { level: 1, name: 'Imports SIRENE' }).waitFor();
    await page.getByText('Aucun import pour le moment.').waitFor();
    // The pointer leaves the link it clicked (a hovered button is darker).
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'imports, empty');

    // The button opens the file picker; the drop zone's input receives the file.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choisir un fichier CSV' }).click();
    await (await chooser).setFiles(SAMPLE);
    await page.mouse.move(0, 0);

    const bar = page.getByRole('progressbar', { name: "Progression de l'import de sirene-stock-etablissement-sample.csv" });
    await bar.waitFor();
    await page.getByRole('heading', { name: 'Dernier import' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') === '100');
    await page.getByText('Import terminé').waitFor();
    await page.getByText('6 établissement(s) importé(s), 5 ligne(s) refusée(s).').waitFor();
    expect(await figure(page, 'Lignes lues')).toBe('12');
    expect(await figure(page, 'Importées')).toBe('6');
    expect(await figure(page, 'Fermées (ignorées)')).toBe('1');
    expect(await figure(page, 'Refusées')).toBe('5');
    const refused = page.getByRole('table', { name: /Numéro de ligne dans le fichier/ });
    expect(await refused.getByRole('row').count()).toBe(6);
    await refused.getByRole('cell', { name: 'SIRET non valide «\u00a090100001800010\u00a0»' }).waitFor();
    await refused.getByRole('cell', { name: '6 colonnes au lieu de 54' }).waitFor();
    // The history lists it; its page shows the same summary.
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Historique des imports' }) });
    await history.getByRole('cell', { name: 'sirene-stock-etablissement-sample.csv' }).waitFor();
    await expectAccessible(page, 'import finished');
    await screenshot(page, 'admin-imports-desktop');

    await history.getByRole('link').first().click();
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /^Import du / }).waitFor();
    await page.getByText('Import terminé').waitFor();
    await expectAccessible(page, 'import page');
    await context.close();

    const { context: phone, page: small } = await signedIn(browser, 'admin@demo.maillage.fr', { viewport: 'phone' });
    await small.goto('/admin/imports');
    await small.getByText('Import terminé').waitFor();
    await expectAccessible(small, 'imports on a phone');
    await screenshot(small, 'admin-imports-phone');
    await phone.close();
  });

  it('shows the search index: documents per kind, pending changes, and rebuilds it', async () => {
    const { context, page } = await signedIn(browser, 'admin@demo.maillage.fr');
    await page.goto('/admin/recherche');
    await page.getByRole('heading', { level: 1, name: 'Recherche' }).waitFor();
    const documents = page.getByRole('table', { name: 'Documents indexés par type' });
    const companies = documents.getByRole('row', { name: /^Entreprises/ });
    await companies.waitFor();
    expect(Number((await companies.getByRole('cell').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(1000);
    await page.getByText('Modifications en attente', { exact: true }).waitFor();
    await expectAccessible(page, 'search index');
    await screenshot(page, 'admin-search-desktop');

    await page.getByRole('button', { name: "Reconstruire l'index" }).click();
    await page.getByRole('dialog', { name: "Reconstruire l'index de recherche ?" }).getByRole('button', { name: 'Reconstruire' }).click();
    await page.getByText('Dernière reconstruction terminée').waitFor({ timeout: 90_000 });
    expect(Number((await companies.getByRole('cell').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(1000);
    await expectAccessible(page, 'search index rebuilt');
    await context.close();

    const { context: phone, page: small } = await signedIn(browser, 'admin@demo.maillage.fr', { viewport: 'phone' });
    await small.goto('/admin/recherche');
    await small.getByRole('table', { name: 'Documents indexés par type' }).waitFor();
    await expectAccessible(small, 'search index on a phone');
    await screenshot(small, 'admin-search-phone');
    await phone.close();
  });
});
