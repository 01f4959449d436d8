// Steering networks in a browser: Claire, an animator of the demo CCI, lands on her cockpit, sees the
// dormant network flagged, reads a network's indicators (charts), writes this year's action plan with a
// computed and a hand-entered indicator, marks an action done, records a maturity assessment and exports
// the regional schema; a plain member sees none of it. axe checks every page; screenshots on desktop and phone.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { animationsDone, expectAccessible, launch, login, newContext, screenshot } from './support/browser';

const ANIMATOR = 'animatrice@demo.maillage.fr';
const MEMBER = 'membre@demo.maillage.fr';
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

interface CockpitAnswer {
  items: { network: { id: string; name: string; slug: string }; alerts: { dormant: boolean }; plan: { year: number } | null }[];
}
interface PlansAnswer {
  year: number;
}

async function pickOption(page: Page, label: string, option: string | RegExp, scope: Page | ReturnType<Page['getByRole']> = page) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The page shows fresh data (no list still showing the previous answer). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** Clicks a download link and returns the downloaded bytes and the suggested file name. */
async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

describe('steering networks, in a browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const open = async (viewport: 'desktop' | 'phone' = 'desktop') => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    return context.newPage();
  };
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
  });

  let claire: Page;
  /** A network of Claire's portfolio without a plan for this year (where she writes one). */
  let target: { name: string; slug: string };

  it('lands the animator on her cockpit, with the dormant network flagged', async () => {
    claire = await open();
    await login(claire, ANIMATOR);
    await claire.waitForURL(/\/pilotage$/);
    await claire.getByRole('heading', { level: 1, name: 'Mes réseaux' }).waitFor();
    await expect(claire.getByRole('link', { name: 'Pilotage' }).first().getAttribute('aria-current')).resolves.toBe('page');

    const table = claire.getByRole('table', { name: /Un réseau par ligne/ });
    await table.waitFor();
    const dormantRow = table
      .getByRole('row')
      .filter({ hasText: /En sommeil/ })
      .first();
    await dormantRow.waitFor();
    await expect(
      claire
        .getByText(/Réseaux en sommeil/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(claire, 'cockpit');
    await screenshot(claire, 'steering-cockpit-desktop');

    // Only the dormant networks, through the alert filter (kept in the address).
    await Promise.all([
      claire.waitForResponse((response) => response.url().includes('/steering/cockpit?') && response.url().includes('alert=dormant')),
      pickOption(claire, 'Alertes', 'En sommeil'),
    ]);
    await claire.waitForURL(/alerte=dormant/);
    await settled(claire);
    await table
      .getByRole('row')
      .filter({ hasText: /En sommeil/ })
      .first()
      .waitFor();
    const shown = await table.locator('tbody tr').count();
    const flagged = await table
      .locator('tbody tr')
      .filter({ hasText: /En sommeil/ })
      .count();
    expect(flagged).toBe(shown);

    // Sorting by a column's header.
    await claire.goto('/pilotage');
    await table.getByRole('button', { name: /Membres actifs/ }).click();
    await claire.waitForURL(/tri=activeMembers&ordre=desc/);
    await table.locator('th[aria-sort="descending"]', { hasText: 'Membres actifs' }).waitFor();

    const cockpit = (await (await claire.request.get('/api/v1/steering/cockpit?pageSize=500')).json()) as CockpitAnswer;
    const withoutPlan = cockpit.items.find((line) => !line.plan || line.plan.year !== YEAR);
    const candidates = withoutPlan ? [withoutPlan] : cockpit.items;
    // The first network of her portfolio that has no plan for this year.
    for (const line of candidates) {
      const plans = (await (await claire.request.get(`/api/v1/steering/networks/${line.network.id}/action-plans`)).json()) as PlansAnswer[];
      if (!plans.some((plan) => plan.year === YEAR)) {
        target = line.network;
        break;
      }
    }
    expect(target).toBeDefined();
  });

  it('shows a network’s indicators as charts over 24 months', async () => {
    await claire.goto('/pilotage');
    await claire
      .getByRole('table', { name: /Un réseau par ligne/ })
      .getByRole('link', { name: target.name })
      .click();
    await claire.waitForURL(new RegExp(`/reseaux/${target.slug}/pilotage`));
    await expect(claire.getByRole('tab', { name: 'Pilotage' }).getAttribute('aria-selected')).resolves.toBe('true');
    await claire.getByRole('heading', { name: 'Indicateurs d’activité' }).waitFor();
    // The charts come in their own chunk, after the indicators' answer: generous on a busy machine.
    await claire.getByRole('figure', { name: 'Membres et membres actifs' }).waitFor({ timeout: 90_000 });
    // The charts are drawn (SVG surfaces with their lines and bars).
    await claire.locator('.recharts-surface').first().waitFor();
    expect(await claire.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(5);
    await claire.getByRole('region', { name: 'Demandes d’adhésion (12 mois)' }).waitFor();
    await claire.getByRole('region', { name: 'Comparaison avec les réseaux du même type' }).waitFor();
    await animationsDone(claire);
    await expectAccessible(claire, 'network indicators');
    await screenshot(claire, 'steering-indicators-desktop');
  });

  it('writes this year’s action plan with a computed and a hand-entered indicator, and marks an action done', async () => {
    await claire.getByRole('tab', { name: 'Plan d’action' }).click();
    await claire.waitForURL(/vue=plan/);
    await claire
      .getByRole('button', { name: `Créer le plan ${YEAR}` })
      .first()
      .click();
    const create = claire.getByRole('dialog', { name: 'Nouveau plan d’action' });
    await create.getByLabel('Résumé (ambition de l’année)').fill('Faire vivre le réseau entre deux soirées et recruter dix entreprises.');
    await animationsDone(claire);
    await expectAccessible(claire, 'new action plan dialog');
    await create.getByRole('button', { name: 'Créer le plan' }).click();
    await claire.getByRole('heading', { name: `Plan d’action ${YEAR}` }).waitFor();

    // An objective, and an action under it.
    await claire.getByRole('button', { name: 'Ajouter un objectif' }).click();
    const objective = claire.getByRole('dialog', { name: 'Nouvel objectif' });
    await objective.getByLabel('Intitulé de l’objectif').fill('Fidéliser les adhérents');
    await objective.getByRole('button', { name: 'Ajouter un objectif' }).click();
    await claire.getByRole('region', { name: 'Objectif : Fidéliser les adhérents' }).waitFor();

    await claire.getByRole('button', { name: 'Ajouter une action à « Fidéliser les adhérents »' }).click();
    const action = claire.getByRole('dialog', { name: 'Nouvelle action' });
    await action.getByLabel('Action', { exact: true }).fill('Soirée des adhérents');
    await action.getByLabel('Responsable').fill('Claire Dubois');
    await action.getByLabel('Début').fill(`${YEAR}-01-15`);
    await action.getByLabel('Échéance').fill(`${YEAR}-02-15`);
    await action.getByLabel('Budget prévu').fill('1500');
    await action.getByLabel('Budget dépensé').fill('1200');
    await animationsDone(claire);
    await expectAccessible(claire, 'new action dialog');
    await action.getByRole('button', { name: 'Ajouter une action' }).click();
    const objectiveSection = claire.getByRole('region', { name: 'Objectif : Fidéliser les adhérents' });
    await objectiveSection.getByText('Soirée des adhérents').waitFor();

    // An indicator computed from activity…
    await claire.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    let indicator = claire.getByRole('dialog', { name: 'Nouvel indicateur' });
    await indicator.getByLabel('Indicateur', { exact: true }).fill('Entreprises actives');
    await pickOption(claire, 'Mode de calcul', 'Membres actifs', indicator);
    await indicator.getByLabel('Cible').fill('30');
    await indicator.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const indicators = claire.getByRole('region', { name: 'Indicateurs d’efficacité' });
    await indicators
      .getByRole('row', { name: /Entreprises actives/ })
      .getByText('Calculé : Membres actifs')
      .waitFor();

    // …and one entered by hand, with its value, date and comment.
    await claire.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    indicator = claire.getByRole('dialog', { name: 'Nouvel indicateur' });
    await indicator.getByLabel('Indicateur', { exact: true }).fill('Satisfaction des adhérents');
    await pickOption(claire, 'Mode de calcul', 'Saisie manuelle', indicator);
    await indicator.getByLabel('Cible').fill('80');
    await indicator.getByLabel('Unité').fill('%');
    await indicator.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    await claire.getByRole('button', { name: 'Saisir une valeur pour « Satisfaction des adhérents »' }).click();
    const entry = claire.getByRole('dialog', { name: 'Nouvelle valeur : Satisfaction des adhérents' });
    await entry.getByLabel('Valeur', { exact: false }).fill('72');
    await entry.getByLabel('Commentaire').fill('Enquête auprès des adhérents');
    await animationsDone(claire);
    await expectAccessible(claire, 'manual value dialog');
    await entry.getByRole('button', { name: 'Enregistrer la valeur' }).click();
    const satisfaction = indicators.getByRole('row', { name: /Satisfaction des adhérents/ });
    await satisfaction.getByText('72 %').first().waitFor();
    await satisfaction.getByText('90 %').waitFor();

    // The action was due last February: it is late until marked done.
    await objectiveSection.getByText('En retard').waitFor();
    await pickOption(claire, 'Statut de « Soirée des adhérents »', 'Faite', objectiveSection);
    await objectiveSection.getByText('Faite', { exact: true }).first().waitFor();
    await claire.getByText('1 faite sur 1').waitFor();
    await expect(objectiveSection.getByText('En retard').count()).resolves.toBe(0);
    await expectAccessible(claire, 'action plan');
    await screenshot(claire, 'steering-plan-desktop');

    // Every change is kept in the plan's history.
    await claire.getByRole('button', { name: 'Historique' }).click();
    const history = claire.getByRole('dialog', { name: `Historique du plan ${YEAR}` });
    await history.getByText('Action modifiée : Soirée des adhérents').waitFor();
    await animationsDone(claire);
    await expectAccessible(claire, 'plan history');
    await history.getByRole('button', { name: 'Fermer' }).click();

    // The printable one-page plan for the board meeting.
    await claire.getByRole('link', { name: 'Version imprimable' }).click();
    await claire.getByRole('heading', { level: 1, name: `Plan d’action ${YEAR}` }).waitFor();
    await claire.getByText('Soirée des adhérents').waitFor();
    await expectAccessible(claire, 'printable plan');
    await claire.emulateMedia({ media: 'print' });
    await screenshot(claire, 'steering-plan-print');
    await expect(claire.getByRole('button', { name: 'Imprimer' }).isVisible()).resolves.toBe(false);
    await claire.emulateMedia({ media: 'screen' });
  });

  it('records a maturity assessment, kept in the history of stages', async () => {
    await claire.goto(`/reseaux/${target.slug}/pilotage?vue=maturite`);
    await claire.getByRole('heading', { name: 'Maturité du réseau' }).waitFor();
    await claire.getByRole('button', { name: 'Évaluer la maturité' }).click();
    const form = claire.getByRole('form', { name: 'Nouvelle évaluation' });
    for (const criterion of [
      'Besoins partagés par les entreprises',
      'Noyau d’entreprises moteur',
      'Objectifs communs formalisés',
      'Gouvernance en place',
      'Plan d’action annuel',
    ]) {
      // Clicked, then waited for: the state shows once React has rendered the click (check() reads it at once).
      const box = form.getByRole('checkbox', { name: criterion });
      if (!(await box.isChecked())) await box.click();
      await form.getByRole('checkbox', { name: criterion, checked: true }).waitFor();
    }
    await form.getByRole('radio', { name: 'Développement' }).check();
    await form.getByLabel('Pourquoi cette étape ?').fill('Un plan d’action voté et une activité régulière depuis la rentrée.');
    await expectAccessible(claire, 'maturity assessment form');
    await form.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
    const history = claire.getByRole('region', { name: 'Historique des étapes' });
    await history.getByText('Un plan d’action voté et une activité régulière depuis la rentrée.').waitFor();
    await claire.getByRole('list', { name: 'Étapes de maturité' }).locator('[aria-current="step"]', { hasText: 'Développement' }).waitFor();
    await expectAccessible(claire, 'maturity');
    await screenshot(claire, 'steering-maturity-desktop');

    await claire.getByRole('tab', { name: 'Fiche réseau' }).click();
    await claire.getByRole('heading', { name: 'Fiche du schéma régional' }).waitFor();
    await claire.getByRole('button', { name: 'Modifier la fiche' }).click();
    await claire.getByRole('checkbox', { name: 'Recrutement d’adhérents' }).check();
    await claire.getByRole('button', { name: 'Ajouter un partenaire' }).click();
    await claire.getByLabel('Partenaire', { exact: true }).last().fill('Agence régionale de développement');
    await claire.getByLabel('Personnel mis à disposition').fill('0,5');
    await expectAccessible(claire, 'network sheet form');
    await claire.getByRole('button', { name: 'Enregistrer' }).click();
    await claire.getByText('Agence régionale de développement').waitFor();
    await claire.getByText('0,5 ETP').waitFor();
  });

  it('shows the regional schema and exports it', async () => {
    await claire.goto('/pilotage');
    await claire.getByRole('link', { name: 'Vue régionale' }).click();
    await claire.getByRole('heading', { level: 1, name: 'Schéma régional des réseaux' }).waitFor();
    await claire.getByRole('table', { name: /Nombre de réseaux et d’entreprises membres par type/ }).waitFor();
    await claire.getByRole('table', { name: /par étape de maturité/ }).waitFor();
    await claire.getByRole('region', { name: 'Carte des réseaux du schéma' }).waitFor();
    await claire.locator('.leaflet-marker-icon').first().waitFor();
    await claire
      .getByRole('table', { name: /^\d+ réseaux?$/ })
      .getByRole('link', { name: target.name })
      .waitFor();
    await animationsDone(claire);
    await expectAccessible(claire, 'regional view');
    await screenshot(claire, 'steering-territory-desktop');

    const exports = claire.getByRole('group', { name: 'Exporter le schéma régional' });
    const xlsx = await download(claire, () => exports.getByRole('link', { name: 'Exporter en XLSX' }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    // An XLSX file is a ZIP archive.
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await download(claire, () => exports.getByRole('link', { name: 'Exporter en CSV' }).click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8')).toContain(target.name);

    await claire.emulateMedia({ media: 'print' });
    await screenshot(claire, 'steering-territory-print');
    await claire.emulateMedia({ media: 'screen' });

    // The cockpit's own exports.
    await claire.goto('/pilotage');
    const cockpitCsv = await download(claire, () =>
      claire.getByRole('group', { name: 'Exporter le tableau de bord' }).getByRole('link', { name: 'Exporter en CSV' }).click(),
    );
    expect(cockpitCsv.bytes.toString('utf8')).toContain(target.name);
  });

  it('fits a phone: cards instead of the table, charts stacked', async () => {
    const phone = await open('phone');
    await login(phone, ANIMATOR);
    await phone.waitForURL(/\/pilotage$/);
    await phone.getByRole('heading', { level: 1, name: 'Mes réseaux' }).waitFor();
    await phone.getByRole('link', { name: target.name }).waitFor();
    await expect(phone.getByRole('table', { name: /Un réseau par ligne/ }).isVisible()).resolves.toBe(false);
    await expectAccessible(phone, 'cockpit (phone)');
    await screenshot(phone, 'steering-cockpit-phone');
    await phone.goto(`/reseaux/${target.slug}/pilotage`);
    await phone.locator('.recharts-surface').first().waitFor();
    await animationsDone(phone);
    await expectAccessible(phone, 'network indicators (phone)');
    await screenshot(phone, 'steering-indicators-phone');
    await phone.goto(`/reseaux/${target.slug}/pilotage?vue=plan`);
    await phone.getByRole('heading', { name: `Plan d’action ${YEAR}` }).waitFor();
    await screenshot(phone, 'steering-plan-phone');
  });

  it('shows a plain member none of it', async () => {
    const member = await open();
    await login(member, MEMBER);
    await member.waitForURL((url) => url.pathname === '/');
    const nav = member.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Réseaux' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Pilotage' }).count()).resolves.toBe(0);

    // The pages answer as if they did not exist.
    for (const path of ['/pilotage', '/pilotage/territoire']) {
      await member.goto(path);
      await member.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    }
    await expectAccessible(member, 'steering refused (member)');

    // The network's page has no Pilotage tab, and its address shows the first tab.
    await member.goto(`/reseaux/${target.slug}/pilotage`);
    await member.getByRole('tablist', { name: 'Sections du réseau' }).waitFor();
    await expect(member.getByRole('tab', { name: 'Pilotage' }).count()).resolves.toBe(0);
    await expect(member.getByRole('tab', { name: 'À propos' }).getAttribute('aria-selected')).resolves.toBe('true');

    // Nor does the API tell anything.
    const access = await (await member.request.get('/api/v1/steering/me')).json();
    expect(access.canSteer).toBe(false);
    const network = await (await member.request.get(`/api/v1/networks/by-slug/${target.slug}`)).json();
    for (const path of [
      `/api/v1/steering/networks/${network.id}/indicators`,
      `/api/v1/steering/networks/${network.id}/action-plans`,
      `/api/v1/steering/networks/${network.id}/maturity`,
    ]) {
      expect((await member.request.get(path)).status()).toBe(404);
    }
    await screenshot(member, 'steering-member-network');
  });
});
