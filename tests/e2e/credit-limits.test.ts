import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { dayFromToday } from '../helpers/days';

// A French credit clerk: the credit panel's limits (issue 22, items 2, 3 and 8). A temporary limit typed
// in the panel, a credit insurance that has expired (flagged), and a new customer covered by its
// company's default policy.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
const NNBSP = '\u202f';
const customerUrl = (documentId: string) => `${demo.url}/admin/content-manager/collection-types/api::customer.customer/${documentId}`;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  const found = await api.content('/api/customers?filters[kind][$eq]=customer&sort=code:asc&pagination[pageSize]=1');
  party = found.data[0].documentId;
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '10000.00', currency: 'EUR', capAtInsured: true } } });
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('adds a temporary limit in the panel, typed the French way, and shows it in force', async () => {
  await page.goto(customerUrl(party));
  const limits = page.locator(`[data-credit-limits="${party}"]`);
  await limits.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await limits.getByText('Règles propres au client').waitFor();
  await limits.getByRole('button', { name: 'Ajouter une limite temporaire' }).click();
  const form = limits.locator('[data-limit-form="temporary"]');
  await form.getByLabel('Montant').fill('15 000,00');
  await form.getByLabel('Du').fill(dayFromToday(-1));
  await form.getByLabel('Au').fill(dayFromToday(30));
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await limits.getByText('en vigueur').waitFor({ timeout: 30_000 });
  await limits.locator('[data-credit-value="limitInForce"]', { hasText: `15${NNBSP}000,00 EUR (temporaire)` }).waitFor({ timeout: 30_000 });
  const held = (await api.admin(`/credit-control/parties/${party}/limits`)).data;
  expect(held).toMatchObject({ source: 'temporary', inForce: '15000.00', policy: '10000.00' });
  await screenshot(page, 'credit-limits-01-temporary-fr');
}, 300_000);

it('records an insurance that has expired: flagged, and it caps the limit at 0', async () => {
  const limits = page.locator(`[data-credit-limits="${party}"]`);
  await limits.getByRole('button', { name: 'Saisir une assurance' }).click();
  const form = limits.locator('[data-limit-form="insurance"]');
  await form.getByLabel('Assureur').fill('Allianz Trade');
  await form.getByLabel('Référence du contrat').fill('AT-2026-0042');
  await form.getByLabel('Montant assuré').fill('12 000');
  await form.getByLabel('Échéance').fill(dayFromToday(-2));
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await limits.locator('[data-insurance-expired="true"]', { hasText: 'Échue' }).waitFor({ timeout: 30_000 });
  await limits.locator('[data-credit-value="limitInForce"]', { hasText: '0,00 EUR (plafond assuré)' }).waitFor({ timeout: 30_000 });
  await limits.locator('[data-credit-value="ownLimit"]', { hasText: `10${NNBSP}000,00 EUR` }).waitFor();
  await limits.locator('[data-credit-value="insuredAmount"]', { hasText: `12${NNBSP}000,00 EUR` }).waitFor();
  expect((await api.admin(`/credit-control/parties/${party}/limits`)).data).toMatchObject({ source: 'insuredCap', inForce: '0.00', insuranceExpired: true, insurance: { expired: true } });
  await screenshot(page, 'credit-limits-02-insurance-expired-fr');
}, 300_000);

it('shows a new customer covered by its company’s default policy', async () => {
  const company = (await api.content('/api/companies?pagination[pageSize]=1')).data[0];
  await api.admin(`/credit-control/default-policies/company/${company.documentId}`, { method: 'PUT', body: { data: { mode: 'block', threshold: '5000.00', currency: 'EUR' } } });
  const created = await api.content('/api/customers', { method: 'POST', body: { data: { callName: `Nouveau client ${Date.now()}`, kind: 'customer', company: company.documentId } } });
  const fresh = created.data.documentId;
  await page.goto(customerUrl(fresh));
  const limits = page.locator(`[data-credit-limits="${fresh}"]`);
  await limits.waitFor({ timeout: 60_000 });
  await limits.locator('[data-credit-value="policySource"]', { hasText: `Règles par défaut de la société : ${company.name}` }).waitFor({ timeout: 30_000 });
  await limits.locator('[data-credit-value="limitInForce"]', { hasText: `5${NNBSP}000,00 EUR (règles par défaut)` }).waitFor();
  await screenshot(page, 'credit-limits-03-default-policy-fr');
}, 300_000);
