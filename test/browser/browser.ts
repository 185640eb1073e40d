/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import PDFDocument from 'pdfkit';
import { Browser, Page, chromium } from 'playwright-core';
import { ApiClient, eventually } from '../support/api-client';
import { STAFF, STAFF_PASSWORD, StaffKey, TestSystem, courtOrderCase } from '../support/system';

/** Screenshots of each role's home and the case page, for people to look at (git-ignored). */
export const SCREENSHOT_DIR = join(__dirname, '../../test-artifacts/screenshots');

/** The system's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Opens a fresh browser context (its own sessionStorage) at `path` and signs in through the form as a staff
 * user that `system.as(key)` creates (or as the first admin). Uncaught page errors are collected for `pageErrorsOf`.
 */
export async function signIn(browser: Browser, system: TestSystem, key: StaffKey | 'admin', path = '/'): Promise<Page> {
  if (key !== 'admin') await system.as(key);
  const username = key === 'admin' ? system.environment.env.ADMIN_USERNAME : STAFF[key].username;
  const password = key === 'admin' ? system.environment.env.ADMIN_PASSWORD : STAFF_PASSWORD;
  const page = await openPage(browser, system, path);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

/** A page in a fresh browser context (its own sessionStorage) at `path`, signed out, collecting page errors. */
export async function openPage(browser: Browser, system: TestSystem, path = '/'): Promise<Page> {
  const context = await browser.newContext({ baseURL: system.api.baseUrl, viewport: { width: 1320, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  return page;
}

export function pageErrorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

/** Saves a full-page screenshot once nothing on the page is still loading. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.loading'));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Phone and desktop widths every screen is checked at: the narrowest phones in use are 360 px, most are 390 px. */
export const WIDTHS = { desktop: 1280, phone: 390, narrowestPhone: 360 } as const;

/**
 * Runs axe-core (WCAG 2.x A/AA and best practice) on the page as it is now and returns the violations that are
 * moderate or worse, each as "rule-id (impact): target, target". The app's own pages must have none.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** How far the page is wider than the window, and the first elements that stick out (tables scroll by design). */
function horizontalOverflow(page: Page): Promise<{ px: number; elements: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll<HTMLElement>('main *, header *')).filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-wrap *'));
    return { px: document.documentElement.scrollWidth - limit, elements: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) };
  });
}

/**
 * The check every screen gets: axe-core finds nothing moderate or worse, and screenshots at desktop and phone
 * width (`<name>-1280.png`, `<name>-390.png`); at 390 and at 360 px nothing may be wider than the phone's screen.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1320, height: 900 };
  try {
    for (const width of [WIDTHS.desktop, WIDTHS.phone, WIDTHS.narrowestPhone]) {
      await page.setViewportSize({ width, height: 900 });
      if (width !== WIDTHS.narrowestPhone) {
        await screenshot(page, `${name}-${width}`);
        expect({ screen: name, width, problems: await accessibilityProblems(page) }).toEqual({ screen: name, width, problems: [] });
      }
      if (width !== WIDTHS.desktop) {
        const overflow = await horizontalOverflow(page);
        expect({ screen: name, width, horizontalOverflowPx: overflow.px, elements: overflow.px > 0 ? overflow.elements : [] }).toEqual({ screen: name, width, horizontalOverflowPx: 0, elements: [] });
      }
    }
  } finally {
    await page.setViewportSize(original);
  }
}

/** Clicks a button that downloads a file and returns the file's bytes. */
export async function downloadBytes(page: Page, buttonName: string | RegExp, timeout = 60_000): Promise<{ bytes: Buffer; filename: string }> {
  const button = page.getByRole('button', { name: buttonName });
  await button.waitFor({ timeout });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { bytes: await readFile(path), filename: download.suggestedFilename() };
}

/** Waits until the case page shows the case in `state` (the page polls while a step runs). */
export async function waitForState(page: Page, stateLabel: string, timeout = 60_000): Promise<void> {
  await page.locator('.case-flags .badge', { hasText: stateLabel }).waitFor({ timeout });
}

/** The case id in a /cases/:id URL. */
export function caseIdFrom(page: Page): string {
  const match = /\/cases\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`not on a case page: ${page.url()}`);
  return match[1];
}

/** Today in the library's time zone plus `days`, as YYYY-MM-DD. */
export function libraryDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A Koha export with one patron and two loans, keyed by Koha table names. */
export const KOHA_EXPORT = JSON.stringify({
  borrowers: [{ borrowernumber: 1, cardnumber: '23000000012345', surname: 'Doe', firstname: 'Jane', email: 'jane@example.org' }],
  issues: [
    { issue_id: 10, borrowernumber: 1, itemnumber: 5, title: 'A Field Guide to Birds', issuedate: `${libraryDate(-40)} 10:00:00` },
    { issue_id: 11, borrowernumber: 1, itemnumber: 6, title: 'Local History', issuedate: `${libraryDate(-30)} 11:30:00` },
  ],
});

/** A one-page PDF standing in for a scanned instrument. */
export function instrumentPdf(text = 'ORDER FOR RELEASE OF LIBRARY RECORDS'): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(text, 72, 72);
    doc.end();
  });
}

/**
 * A court order created and submitted through the API (received yesterday, to be complied with in 20 days, so its
 * compliance date is never already past and never its next deadline), with the order attached unless `attachInstrument` is
 * false, and the ILS export `recordsExport` (Koha JSON) imported when given, once it waits for legal review
 * (UI intake is covered by case-lifecycle).
 */
export async function caseInLegalReview(clerk: ApiClient, overrides: Record<string, unknown> = {}, attachInstrument = true, recordsExport?: string): Promise<{ id: string; caseNumber: string }> {
  const created = await clerk.post('/api/cases', courtOrderCase({ receivedAt: `${libraryDate(-1)}T10:15:00-08:00`, instrument: { ...courtOrderCase().instrument, issuedAt: libraryDate(-3), complianceDate: libraryDate(20) }, ...overrides }));
  if (created.status !== 201) throw new Error(`case not created: ${JSON.stringify(created.body)}`);
  if (attachInstrument) {
    const attached = await clerk.upload(`/api/cases/${created.body.id}/documents`, { kind: 'instrument' }, { name: 'signed-order.pdf', content: await instrumentPdf(), type: 'application/pdf' });
    if (attached.status !== 201) throw new Error(`instrument not attached: ${JSON.stringify(attached.body)}`);
  }
  if (recordsExport !== undefined) {
    const upload = await clerk.upload(`/api/cases/${created.body.id}/records`, {}, { name: 'koha-export.json', content: recordsExport, type: 'application/json' });
    if (upload.status !== 202) throw new Error(`records not uploaded: ${JSON.stringify(upload.body)}`);
    const imported = await eventually(() => clerk.get(`/api/cases/${created.body.id}/records/imports/${upload.body.id}`).then((r) => r.body), (i) => ['completed', 'failed'].includes(i.status), 60_000);
    if (imported.status !== 'completed') throw new Error(`records not imported: ${JSON.stringify(imported)}`);
  }
  const submitted = await clerk.post(`/api/cases/${created.body.id}/submit`);
  if (submitted.status !== 202) throw new Error(`case not submitted: ${JSON.stringify(submitted.body)}`);
  await eventually(() => clerk.get(`/api/cases/${created.body.id}`).then((r) => r.body), (c) => c.status === 'legal_review' && !c.pendingStep);
  return created.body as { id: string; caseNumber: string };
}

export interface BrowserSuite {
  system: TestSystem;
  browser: Browser;
  /** Pages opened by the test; each is checked for script errors after the test. */
  pages: Page[];
}

/**
 * The shared frame of a browser test file: a fresh system (own database and queue prefix) with the given staff,
 * one Chromium, a check that no page logged a script error, and everything stopped afterwards.
 */
export function browserSuite(name: string, staff: readonly StaffKey[]): BrowserSuite {
  const suite = { pages: [] as Page[] } as BrowserSuite;
  beforeAll(async () => {
    suite.system = await TestSystem.start(name);
    for (const key of staff) await suite.system.as(key);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.system?.stop();
  });
  afterEach(() => {
    for (const page of suite.pages.splice(0)) expect(pageErrorsOf(page)).toEqual([]);
  });
  return suite;
}
