// Polls and questionnaires in a browser: Julien, the club's animator, opens a topic with a poll that Thomas answers
// on his phone and whose results both then see; Claire (CCI staff) writes a questionnaire for the club, sends it,
// Thomas's and Julien's companies answer it, and she reads the charts and exports the answers (CSV and XLSX checked).
// axe checks every page; screenshots on desktop and phone.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launch, login, newContext, screenshot } from './support/browser';

const CLAIRE = 'animatrice@demo.maillage.fr';
const THOMAS = 'membre@demo.maillage.fr';
const JULIEN = 'animateur@demo.maillage.fr';
const FORUM = '/reseaux/club-des-industriels-du-forez/forum';
const TOPIC = 'Date de la prochaine visite d’usine';
const SURVEY = 'Un groupement d’achats d’énergie ?';

async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { bytes: readFileSync(await file.path()), name: file.suggestedFilename() };
}

describe('polls and questionnaires, in a browser', () => {
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

  it('answers a poll in a forum topic and shows its results', async () => {
    const julien = await open();
    await login(julien, JULIEN);
    await julien.goto(FORUM);
    await julien.getByRole('button', { name: 'Nouveau sujet' }).click();
    const composer = julien.getByRole('dialog', { name: 'Nouveau sujet' });
    await composer.getByLabel('Titre').fill(TOPIC);
    const body = composer.getByRole('textbox', { name: 'Message' });
    await body.click();
    await body.pressSequentially('Votez pour le créneau qui vous arrange.');
    await composer.getByLabel('Ajouter un sondage').check();
    await composer.getByLabel('Question').fill('Quel créneau vous convient ?');
    await composer.getByLabel('Réponses possibles').fill('Mardi matin\nJeudi après-midi\nVendredi matin');
    await expectAccessible(julien, 'new topic with a poll');
    await screenshot(julien, 'poll-composer-desktop');
    await composer.getByRole('button', { name: 'Publier le sujet' }).click();
    await julien.waitForURL(/\/forum\/sujets\/[0-9a-f-]{36}/);
    const topicUrl = new URL(julien.url()).pathname;
    await julien.getByRole('heading', { level: 2, name: 'Quel créneau vous convient ?' }).waitFor();

    // Thomas votes on his phone: before voting he sees the choices, not the counts.
    const thomas = await open('phone');
    await login(thomas, THOMAS);
    await thomas.goto(topicUrl);
    const poll = thomas.getByRole('region', { name: 'Quel créneau vous convient ?' });
    await poll.getByText('résultats visibles après votre vote').waitFor();
    await poll.getByLabel('Jeudi après-midi').check();
    await expectAccessible(thomas, 'poll before voting (phone)');
    await poll.getByRole('button', { name: 'Voter' }).click();
    await poll.getByText('1 participant').waitFor();
    await poll.getByText('Jeudi après-midi (votre choix)').waitFor();
    await poll.getByText('1 voix · 100 %').waitFor();
    await expectAccessible(thomas, 'poll results (phone)');
    await screenshot(thomas, 'poll-results-phone');

    // Julien (its author) sees the result too, and closes it.
    await julien.reload();
    const mine = julien.getByRole('region', { name: 'Quel créneau vous convient ?' });
    await mine.getByText('1 participant').waitFor();
    await mine.getByRole('button', { name: 'Clore le sondage' }).click();
    await mine.getByText('Clos', { exact: true }).waitFor();
    await expectAccessible(julien, 'closed poll');
    await screenshot(julien, 'poll-closed-desktop');
  });

  it('sends a questionnaire to the club, gets two companies’ answers and exports them', async () => {
    const claire = await open();
    await login(claire, CLAIRE);
    await claire.goto('/enquetes');
    await claire.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    await claire.getByRole('link', { name: 'Nouveau questionnaire' }).click();
    await claire.getByLabel('Titre').fill(SURVEY);
    await claire.getByLabel('Texte d’introduction').fill('Le club étudie un achat groupé d’électricité pour 2027.');
    // The label reads « Réseaux * » (required).
    await claire.getByLabel(/^Réseaux/).click();
    await claire.getByRole('option', { name: 'Club des industriels du Forez' }).click();
    await claire.keyboard.press('Escape');
    const q1 = claire.getByRole('group', { name: 'Question 1' });
    await q1.getByLabel('Intitulé').fill('Rejoindriez-vous le groupement ?');
    await q1.getByLabel('Choix').fill('Oui\nNon\nPeut-être');
    await claire.getByRole('button', { name: 'Ajouter une question' }).click();
    const q2 = claire.getByRole('group', { name: 'Question 2' });
    await q2.getByLabel('Type de question').selectOption('scale');
    await q2.getByLabel('Intitulé').fill('Le prix de l’énergie vous inquiète-t-il ?');
    await claire.getByRole('button', { name: 'Ajouter une question' }).click();
    const q3 = claire.getByRole('group', { name: 'Question 3' });
    await q3.getByLabel('Type de question').selectOption('long_text');
    await q3.getByLabel('Obligatoire').uncheck();
    await q3.getByLabel('Intitulé').fill('Vos remarques');
    // Automatic reminders need a closing date: ten days ahead, reminded three days before.
    const reminder = claire.getByRole('checkbox', { name: '3 jours avant la clôture' });
    expect(await reminder.isDisabled()).toBe(true);
    const closes = new Date(Date.now() + 10 * 24 * 3600_000);
    await claire.getByLabel('Date de clôture').fill(`${closes.toISOString().slice(0, 10)}T18:00`);
    await reminder.check();
    await expectAccessible(claire, 'survey editor');
    await screenshot(claire, 'survey-editor-desktop');
    await claire.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await claire.waitForURL(/\/enquetes\/[0-9a-f-]{36}$/);
    const surveyUrl = new URL(claire.url()).pathname;
    await claire.getByRole('button', { name: 'Envoyer le questionnaire' }).click();
    await claire.getByText(/Questionnaire envoyé : \d+ destinataires prévenus/).waitFor();
    await claire
      .getByText(/0 réponse sur \d+/)
      .first()
      .waitFor();
    await claire.getByText('Relances automatiques : 3 jour(s) avant la clôture, à ceux qui n’ont pas répondu').waitFor();

    // Thomas is told (notification centre) and answers for his company on his phone.
    const thomas = await open('phone');
    await login(thomas, THOMAS);
    await thomas.goto('/notifications');
    await thomas.getByText(`Questionnaire : « ${SURVEY} »`).waitFor();
    await thomas.goto('/enquetes');
    await thomas.getByRole('link', { name: SURVEY }).click();
    await thomas.waitForURL(surveyUrl);
    await thomas.getByText('Vous répondez pour Usinage de précision du Forez.').waitFor();
    // A required question left out is named before anything is sent.
    await thomas.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await thomas.getByText('Cette question est obligatoire.').first().waitFor();
    await thomas
      .getByRole('radiogroup', { name: /Rejoindriez-vous le groupement/ })
      .getByLabel('Oui')
      .check();
    await thomas
      .getByRole('radiogroup', { name: /Le prix de l’énergie/ })
      .getByLabel('4')
      .check();
    await thomas.getByLabel('3. Vos remarques').fill('Intéressé si le contrat court sur trois ans.');
    await expectAccessible(thomas, 'survey answer form (phone)');
    await screenshot(thomas, 'survey-answer-phone');
    await thomas.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await thomas.getByText('Merci, vos réponses sont enregistrées.').waitFor();
    await thomas.goto('/enquetes');
    await thomas.getByRole('link', { name: SURVEY }).waitFor();
    await thomas.getByText('Répondu', { exact: true }).first().waitFor();
    await expectAccessible(thomas, 'questionnaires list (phone)');
    await screenshot(thomas, 'surveys-list-phone');

    // Julien answers for his company.
    const julien = await open();
    await login(julien, JULIEN);
    await julien.goto(surveyUrl);
    await julien.getByText(/^Vous répondez pour Forges et Ateliers de la Loire/).waitFor();
    await julien
      .getByRole('radiogroup', { name: /Rejoindriez-vous le groupement/ })
      .getByLabel('Peut-être')
      .check();
    await julien
      .getByRole('radiogroup', { name: /Le prix de l’énergie/ })
      .getByLabel('5')
      .check();
    await julien.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await julien.getByText('Merci, vos réponses sont enregistrées.').waitFor();
    await julien.getByText('Les résultats de ce questionnaire ne sont pas partagés avec les répondants.').waitFor();

    // Claire reads the results as charts with their tables.
    await claire.reload();
    await claire.getByText(/^2 réponses sur \d+$/).waitFor();
    const first = claire.getByRole('region', { name: '1. Rejoindriez-vous le groupement ?' });
    await first.locator('.recharts-surface').waitFor({ timeout: 60_000 });
    await first.getByRole('row', { name: 'Oui 1' }).waitFor();
    await first.getByRole('row', { name: 'Peut-être 1' }).waitFor();
    await claire.getByRole('region', { name: '2. Le prix de l’énergie vous inquiète-t-il ?' }).getByText('moyenne 4,5').waitFor();
    await claire.getByText('Intéressé si le contrat court sur trois ans.').waitFor();
    await expectAccessible(claire, 'survey results');
    await screenshot(claire, 'survey-results-desktop');

    const csv = await download(claire, () => claire.getByRole('link', { name: 'CSV' }).click());
    expect(csv.name).toMatch(/^questionnaire-un-groupement-d-achats-d-energie\.csv$/);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'N°;Date;Entreprise;Répondant;Rejoindriez-vous le groupement ?;Le prix de l’énergie vous inquiète-t-il ?;Vos remarques',
    );
    expect(lines[1]).toMatch(/^1;.*;Usinage de précision du Forez;Thomas Bernard;Oui;4;Intéressé si le contrat court sur trois ans\.$/);
    expect(lines[2]).toMatch(/^2;.*;Forges et Ateliers de la Loire[^;]*;Julien Faure;Peut-être;5;$/);

    const xlsx = await download(claire, () => claire.getByRole('link', { name: 'Excel (XLSX)' }).click());
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Réponses');
    expect(sheet?.getRow(2).getCell(3).value).toBe('Usinage de précision du Forez');
    expect(sheet?.getRow(3).getCell(5).value).toBe('Peut-être');
    expect(sheet?.getRow(3).getCell(6).value).toBe(5);

    // The same results on a phone.
    const phone = await open('phone');
    await login(phone, CLAIRE);
    await phone.goto(surveyUrl);
    await phone
      .getByRole('region', { name: '1. Rejoindriez-vous le groupement ?' })
      .locator('.recharts-surface')
      .waitFor({ timeout: 60_000 });
    await expectAccessible(phone, 'survey results (phone)');
    await screenshot(phone, 'survey-results-phone');
  });
});
