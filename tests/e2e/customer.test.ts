import type { Browser, Page } from 'playwright-core';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';

// The built admin on the demo data, in headless Debian Chromium.
let demo: DemoServer;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('logs in and opens a customer record from the Content Manager', async () => {
  await login(page, demo.url, demo.email, demo.password);
  await screenshot(page, '01-home');
  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer`);
  const firstRow = page.locator('tbody tr').first();
  await firstRow.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await screenshot(page, '02-customers');
  await firstRow.click();
  await page.waitForURL(/api::customer\.customer\/[a-z0-9]+/, { timeout: 60_000 });
  await page.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
  expect(await page.getByLabel(/call ?name/i).first().inputValue()).not.toBe('');
  await screenshot(page, '03-customer');
}, 300_000);

/** The labels of the open form, in page order (a required field's label ends with "*", a relation's with its count). */
const formLabels = async () =>
  (await page.locator('main label').allTextContents()).map((t) => t.replace(/\*$/, '').replace(/ \(\d+\)$/, '').trim()).filter(Boolean);

it('shows the record sheet in the spec’s order with labels, titled by the call name, in English and in French', async () => {
  // the page opened by the previous test: a customer's record
  const callName = await page.getByLabel(/call ?name/i).first().inputValue();
  await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toBe(callName);
  const en = await formLabels();
  for (const raw of ['callName', 'corporateName', 'apeCode', 'generalAccount']) expect(en).not.toContain(raw);
  expect(en.indexOf('Call name')).toBeGreaterThanOrEqual(0);
  expect(en.indexOf('Call name')).toBeLessThan(en.indexOf('Salesman'));
  expect(en.indexOf('Salesman')).toBeLessThan(en.indexOf('General account'));
  // relations name their record by code and name ("E0003 – Jeanne Martin"), not by code alone
  await page.locator('main').getByText(/^\S+ – \S/).first().waitFor({ timeout: 30_000 });
  // the record's affiliation and business links, from a side panel of the record
  const links = page.locator('[data-links]');
  await links.waitFor({ timeout: 60_000 });
  await page.getByText('Links', { exact: true }).first().waitFor();
  await links.locator('[data-links-section="affiliations"]').getByText(/^Affiliation link \(\d+\)$/).waitFor();
  await links.locator('[data-links-section="businessLinks"]').getByText(/^Business link \(\d+\)$/).waitFor();
  await screenshot(page, 'record-01-customer-en');

  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
  await page.reload();
  await page.getByLabel(/Nom d'appel/).first().waitFor({ timeout: 60_000 });
  const fr = await formLabels();
  expect(fr.indexOf("Nom d'appel")).toBeLessThan(fr.indexOf('Compte général'));
  expect(fr).toContain('Raison sociale');
  // a hint in French too (the Content Manager stores one description per field, in English)
  await expect(page.getByText('14 chiffres ; le SIREN en est les 9 premiers').first().isVisible()).resolves.toBe(true);
  await expect(page.getByText('max. 255 caractères').first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'record-02-customer-fr');
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
}, 300_000);
