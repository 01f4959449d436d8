import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { timed } from './timings';

/** This Jest worker's app (the global set-up starts one per worker, E2E_WORKERS), else E2E_BASE_URL. */
export const BASE_URL =
  process.env.E2E_BASE_URLS?.split(',')[Number(process.env.JEST_WORKER_ID ?? 1) - 1] ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3700';
/** This worker's app data folder (its secrets), beside BASE_URL. */
export const DATA_DIR = process.env.E2E_DATA_DIRS?.split(',')[Number(process.env.JEST_WORKER_ID ?? 1) - 1] ?? '';
/** Debian's Chromium unless CHROMIUM_PATH names another Chromium or Chrome binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const DEMO_PASSWORD = 'maillage-demo-2026';
const SHOTS = join(__dirname, '../../screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

export async function newContext(
  browser: Browser,
  viewport: 'desktop' | 'phone' = 'desktop',
  storageState?: BrowserContextOptions['storageState'],
): Promise<BrowserContext> {
  const size = viewport === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 };
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: size,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    storageState,
  });
  if (process.env.E2E_TIMINGS) context.on('page', timePageLoads);
  return context;
}

/** Waits for running animations (drawers, menus, transitions) to end: axe judges the page at rest. */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/** axe (WCAG 2.1 A/AA): no serious or critical violation on the page as it is now (once its animations are over). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A toast fading out while axe runs (it takes seconds here) fails contrast at its momentary opacity: let toasts go first.
  await timed('axe: toasts gone', () =>
    page.waitForFunction(() => !document.querySelector('.mantine-Notification-root'), undefined, { timeout: 20_000 }),
  );
  await timed('axe: animations done', () => animationsDone(page));
  // axe cannot run inside a frame sandboxed without scripts (a previewed e-mail): once Playwright has read into such a
  // frame, axe waits on it forever. Such frames are left out (the tests find them by their title and read their content).
  // The same rules, run with axe.run in the page (legacy mode) rather than runPartial per frame then finishRun in a
  // fresh page that loads axe a second time: 3-4 times faster here. Our frames are same-origin (checked as well) or the
  // script-less ones excluded below. Only the violations are read, so the passes are not collected node by node.
  const result = await timed('axe: analyze', () =>
    new AxeBuilder({ page })
      .setLegacyMode(true)
      .options({ resultTypes: ['violations'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('iframe[sandbox]:not([sandbox*="allow-scripts"])')
      .analyze(),
  );
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect({ page: label, violations: bad }).toEqual({ page: label, violations: [] });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await timed('screenshot', () => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }));
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await timed('login (form, argon2, landing page)', () => loginSteps(page, email, password));
}

async function loginSteps(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

/** Timing only (E2E_TIMINGS): page.goto and page.waitForURL of this page count as page loads. */
function timePageLoads(page: Page): void {
  const goto = page.goto.bind(page);
  const waitForURL = page.waitForURL.bind(page);
  page.goto = (url, options) => timed('page load (goto)', () => goto(url, options));
  page.waitForURL = (url, options) => timed('page load (waitForURL)', () => waitForURL(url, options));
}
