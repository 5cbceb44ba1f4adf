import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { labelled } from './labels';
import { startDemo, type DemoServer } from './demo-server';

// A French credit clerk on the demo data: the record's links, the blocking rules typed the French
// way, and a refusal written in French with French figures (the admin sends its language).
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
let invoice: { documentId: string; number: string };
const NNBSP = '\u202f';

const cm = (uid: string, documentId = '') => `${demo.url}/admin/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  const found = await api.content(
    '/api/invoices?filters[state][$eq]=issued&filters[kind][$eq]=invoice&filters[currency][code][$eq]=EUR&filters[customerToBill][id][$null]=true&sort=date:desc&pagination[pageSize]=1&populate[customer][fields][0]=callName'
  );
  invoice = { documentId: found.data[0].documentId, number: found.data[0].number };
  party = found.data[0].customer.documentId;
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('reaches the affiliation and business links from the customer record', async () => {
  await page.goto(cm('api::customer.customer', party));
  const links = page.locator(`[data-links="${party}"]`);
  await links.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await page.getByText('Liens', { exact: true }).first().waitFor();
  await links.locator('[data-links-section="affiliations"]').getByText(/^Lien d.affiliation|^Liens d.affiliation/).waitFor();
  await links.locator('[data-links-section="businessLinks"]').waitFor();
  // what the panel lists is what the server holds, both ways
  const held = (await api.admin(`/customer-records/customers/${party}/links`)).data;
  expect(await links.locator('[data-link-row]').count()).toBe(held.affiliations.data.length + held.businessLinks.data.length);
  await screenshot(page, 'record-03-links-fr');
}, 300_000);

it('takes a threshold typed the French way ("7 000,50") and shows it back in French', async () => {
  await page.goto(`${demo.url}/admin/settings/credit-control`);
  await page.getByText('Afficher les règles de blocage').first().waitFor({ timeout: 60_000 });
  await page.getByText('Afficher les règles de blocage').first().click();
  await page.goto(cm('api::customer.customer', party));
  await page.locator(`[data-credit-panel="${party}"]`).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: "Plus d'actions" }).click();
  await page.getByRole('menuitem', { name: 'Règles de blocage' }).click();
  const modal = page.getByRole('dialog');
  const threshold = modal.getByLabel('Seuil');
  // the stored threshold is shown with a decimal comma
  expect(await threshold.inputValue()).not.toMatch(/\.\d{2}$/);
  await threshold.fill('7,000.50'); // an English amount: refused in the form, in French
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await modal.getByText('Saisissez un montant, ex. 7 000,50').waitFor();
  await threshold.fill('7 000,50');
  await screenshot(page, 'credit-fr-01-rules');
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Règles de blocage enregistrées').waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/credit-control/parties/${party}/credit`)).data.policy.threshold).toBe('7000.50');
  await page.locator('[data-credit-value="threshold"]', { hasText: `7${NNBSP}000,50` }).waitFor({ timeout: 30_000 });
}, 300_000);

it('refuses an invoice over the limit in French, with French figures', async () => {
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '1.00', gates: ['invoices'] } } });
  await page.goto(cm('api::invoice.invoice', invoice.documentId));
  const number = page.getByLabel(labelled('api::invoice.invoice', 'number')).first();
  await number.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await number.fill(`${invoice.number}-FR`);
  await page.getByRole('button', { name: /^enregistrer$/i }).click();
  // "Crédit bloqué : l’encours de 12 345,67 EUR dépasse le seuil de 1,00 EUR"
  const refusal = page.getByText(new RegExp(`Crédit bloqué : l’encours de [\\d${NNBSP}]+,\\d{2} EUR dépasse le seuil de 1,00 EUR`)).first();
  await refusal.waitFor({ timeout: 30_000 });
  expect(await page.getByText(/Credit blocked|outstanding/).count()).toBe(0);
  await screenshot(page, 'credit-fr-02-refusal');
  expect((await api.content(`/api/invoices/${invoice.documentId}`)).data.number).toBe(invoice.number);
}, 300_000);
