// The accessibility check itself: expectAccessible must report what axe finds on a page and in its same-origin
// frames (the journeys trust its silence), and pass a clean page.
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launch, newContext } from './support/browser';

const FLAWED = `<!doctype html><html lang="fr"><head><title>Page à défauts</title></head><body><main>
  <h1>Page à défauts</h1>
  <p style="color:#bbb;background:#fff">Texte trop pâle pour être lu.</p>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <iframe title="Cadre" srcdoc="<!doctype html><html lang='fr'><head><title>Cadre</title></head><body><main><label>Nom <input id='a'></label><input type='checkbox'></main></body></html>"></iframe>
</main></body></html>`;

const CLEAN = `<!doctype html><html lang="fr"><head><title>Page propre</title></head><body><main>
  <h1>Page propre</h1><p>Un texte lisible.</p>
  <iframe title="Aperçu d'un e-mail" sandbox="" srcdoc="<p style='color:#eee'>pâle, mais hors de l'examen</p>"></iframe>
</main></body></html>`;

describe('the accessibility check', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await (await newContext(browser)).newPage();
    // The app's origin, so that a srcdoc frame is same-origin as in the app (an about:blank page has an opaque origin).
    await page.goto('/api/health');
  });
  afterAll(() => browser.close());

  it('reports violations of the page and of its same-origin frames', async () => {
    await page.setContent(FLAWED);
    await page.frameLocator('iframe').locator('input').first().waitFor();
    const failure = await expectAccessible(page, 'flawed page').then(
      () => '',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/color-contrast \(serious\)/);
    expect(failure).toMatch(/image-alt \(critical\)/);
    // The unlabelled checkbox is inside the frame: its selector goes through the iframe.
    expect(failure).toMatch(/label \(critical\): .*iframe/);
  });

  it('passes a clean page, leaving script-less frames out', async () => {
    await page.setContent(CLEAN);
    await expectAccessible(page, 'clean page');
  });
});
