import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

// The demo seed's flagship company (Saint-Étienne, NAF 25.62B, offers "usinage inox titane").
const FLAGSHIP = 'Usinage de précision du Forez';

async function pickOption(page: Page, label: string, typed: string, option: RegExp) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** The results page has settled: no request in flight and the list (or map) is shown. */
async function settled(page: Page) {
  await page
    .locator('[aria-busy="true"]')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
}

/** The list/map switch (a segmented control: radio buttons under their labels). */
async function viewAs(page: Page, view: 'Liste' | 'Carte') {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('label', { hasText: view }).click();
}

describe('directory and search, in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it('finds a company despite a typo, narrows with facets and a radius, maps it and opens it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');

    // Search as you type in the header: a typo still suggests the company, grouped under "Entreprises".
    const box = page.getByRole('combobox', { name: 'Rechercher des entreprises, des experts, des réseaux' });
    await box.fill('usinnage forez');
    await page
      .getByRole('group', { name: 'Entreprises' })
      .getByRole('option', { name: new RegExp(FLAGSHIP) })
      .waitFor();
    // The matched words are highlighted with <mark>.
    expect(await page.locator('[role="option"] mark').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'header suggestions');
    // Enter without choosing a suggestion opens the full results page.
    await box.press('Enter');
    await page.waitForURL(/\/recherche\?q=usinnage\+forez/);
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    const results = page.getByRole('list', { name: 'Résultats' });
    await results.getByRole('link', { name: FLAGSHIP }).waitFor();

    // Two facets: the NAF section and the département.
    // (The URL changes first, then the boxes: click, then wait for the URL.)
    await page.getByRole('checkbox', { name: /^Industrie manufacturière \(\d+\)$/ }).click();
    await page.waitForURL(/naf=C/);
    await settled(page);
    await page.getByRole('checkbox', { name: /^Loire \(\d+\)$/ }).click();
    await page.waitForURL(/departement=42/);
    await settled(page);
    // A radius around a commune.
    await pickOption(page, 'Autour de', 'Saint-Étienne', /Saint-Étienne \(42\)/);
    await page.waitForURL(/near=42218/);
    await page.getByLabel('Dans un rayon de', { exact: true }).click();
    await page.getByRole('option', { name: '20 km' }).click();
    await page.waitForURL(/radius=20/);
    await settled(page);
    await results.getByRole('link', { name: FLAGSHIP }).waitFor();
    await page.getByRole('list', { name: 'Filtres appliqués' }).getByText('À moins de 20 km de Saint-Étienne').waitFor();
    await expectAccessible(page, 'search results with filters');
    await screenshot(page, 'search-results');

    // The URL keeps every filter: opened afresh, it shows the same search.
    const shared = page.url();
    expect(shared).toMatch(/q=usinnage/);
    await page.goto(shared);
    await expect(page.getByRole('checkbox', { name: /^Loire/ }).isChecked()).resolves.toBe(true);
    await results.getByRole('link', { name: FLAGSHIP }).waitFor();

    // Sort by distance, then the map (tiles cannot load here: markers and clusters still show).
    await page.getByLabel('Trier par', { exact: true }).click();
    await page.getByRole('option', { name: 'Distance' }).click();
    await page.waitForURL(/sort=distance/);
    await viewAs(page, 'Carte');
    await page.waitForURL(/view=map/);
    await page.locator('.leaflet-container').waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await settled(page);
    await expectAccessible(page, 'search map');
    await screenshot(page, 'search-map');
    await page.locator('.leaflet-marker-icon').first().click();
    await page.locator('.leaflet-popup a').first().waitFor();
    await viewAs(page, 'Liste');
    await page.waitForURL((url) => !url.search.includes('view=map'));

    // Open the company: its offers and needs (suggested partners come from the opportunities' matching engine, tested with them).
    await results.getByRole('link', { name: FLAGSHIP }).click();
    await page.waitForURL(/\/entreprises\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: FLAGSHIP }).waitFor();
    await page.getByRole('heading', { name: 'Offres et besoins' }).waitFor();
    await page.getByRole('heading', { name: 'Usinage de précision de pièces inox et titane' }).waitFor();
    await settled(page);
    await expectAccessible(page, 'company page with offers');
    await screenshot(page, 'company-offers');
    await context.close();
  });

  it('opens a suggestion with the keyboard, and lets the owner publish a need', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await login(page, 'membre@demo.maillage.fr');
    const box = page.getByRole('combobox', { name: 'Rechercher des entreprises, des experts, des réseaux' });
    await box.fill('forez usinage');
    await page
      .getByRole('option', { name: new RegExp(FLAGSHIP) })
      .first()
      .waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/entreprises\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: FLAGSHIP }).waitFor();

    await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un besoin' });
    const label = `Traitement de surface des pièces inox ${Date.now().toString(36)}`;
    await dialog.getByLabel('Intitulé').fill(label);
    const skills = dialog.getByRole('combobox', { name: 'Compétences' });
    await skills.fill('passivation');
    await skills.press('Enter');
    await pickOption(page, 'Commune', 'Saint-Chamond', /Saint-Chamond/);
    await dialog.getByRole('button', { name: 'Ajouter au territoire' }).click();
    await dialog.getByText('Département 42').waitFor();
    await expectAccessible(page, 'offer form');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    const saved = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label }) });
    await saved.getByText('passivation', { exact: true }).waitFor();
    await saved.getByText('Département 42').waitFor();
    await context.close();
  });

  it('is usable on a phone: filters in a drawer, no horizontal scroll', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await page.goto('/recherche?q=usinage&naf=C');
    await page.getByRole('list', { name: 'Résultats' }).getByRole('link').first().waitFor();
    await settled(page);
    await expectAccessible(page, 'search (phone)');
    await screenshot(page, 'phone-search');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: /^Filtres/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Filtres' });
    await drawer.getByRole('checkbox', { name: /^Industrie manufacturière/ }).waitFor();
    await expectAccessible(page, 'search filters (phone)');
    await screenshot(page, 'phone-search-filters');
    await drawer.getByRole('button', { name: /^Voir les \d+ résultats$/ }).click();
    await viewAs(page, 'Carte');
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await screenshot(page, 'phone-search-map');
    await context.close();
  });
});
