import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { dayFromToday } from '../helpers/days';

// A French credit clerk sets a horizon (issue 22, item 7) in the rules form, and the credit panel
// shows what it leaves out: an order delivering in 200 days under a 90-day horizon.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
const NNBSP = '\u202f';
const customerUrl = (documentId: string) => `${demo.url}/admin/content-manager/collection-types/api::customer.customer/${documentId}`;
const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'admin');

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  const created = await api.content('/api/customers', { method: 'POST', body: { data: { callName: `Client horizon ${Date.now()}`, kind: 'customer' } } });
  party = created.data.documentId;
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '20000.00', currency: 'EUR' } } });
  const eur = (await api.content('/api/currencies?filters[code][$eq]=EUR')).data[0].documentId;
  const order = (number: string, amount: number, days: number) =>
    api.content('/api/orders', {
      method: 'POST',
      body: { data: { number, customer: party, currency: eur, date: dayFromToday(0), deliveryDate: dayFromToday(days), state: 'confirmed', lines: [{ label: 'Livraison', quantity: 1, unitPrice: amount, vatRate: 20 }] } },
    });
  await order(`HZ-${Date.now()}-1`, 5000, 200);
  await order(`HZ-${Date.now()}-2`, 1200, 10);
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('sets a 90-day horizon in the rules form, typed in French, and the panel shows what it leaves out', async () => {
  // the rules action is shown once the settings say so
  await page.goto(`${demo.url}/admin/settings/credit-control`);
  await page.getByText('Afficher les règles de blocage').first().waitFor({ timeout: 60_000 });
  await page.getByText('Afficher les règles de blocage').first().click();
  await page.goto(customerUrl(party));
  const panel = page.locator(`[data-credit-panel="${party}"]`);
  await panel.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await panel.locator('[data-credit-value="exposure"]', { hasText: `6${NNBSP}200,00` }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: "Plus d'actions" }).click();
  await page.getByRole('menuitem', { name: 'Règles de blocage' }).click();
  const modal = page.getByRole('dialog');
  const horizon = modal.getByLabel('Horizon (jours)');
  expect(await horizon.inputValue()).toBe('');
  await horizon.fill('quatre-vingt-dix');
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await modal.getByText('Saisissez un nombre entier de jours, ou laissez vide').waitFor();
  await horizon.fill('90');
  await modal.getByText('Saisissez un nombre entier de jours, ou laissez vide').waitFor({ state: 'detached' });
  await screenshot(page, 'credit-horizon-fr-01-rules');
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Règles de blocage enregistrées').waitFor({ timeout: 30_000 });
  const summary = (await api.content(`/api/credit-control/parties/${party}/credit`)).data;
  expect(summary).toMatchObject({ policy: { horizonDays: 90 }, exposure: '1200.00', horizon: { days: 90, leftOut: '5000.00' } });
  // the panel: the horizon, the outstanding it counts, and what delivers later
  await panel.locator('[data-credit-value="exposure"]', { hasText: `1${NNBSP}200,00` }).waitFor({ timeout: 30_000 });
  const until = new Date(`${dayFromToday(90)}T00:00:00Z`).toLocaleDateString('fr', { timeZone: 'UTC' });
  await panel.locator('[data-credit-field="horizon"]', { hasText: `Horizon : 90 jours (livraisons jusqu’au ${until})` }).waitFor();
  await panel.locator('[data-credit-value="horizonLeftOut"]', { hasText: `5${NNBSP}000,00` }).waitFor();
  await panel.locator('[data-credit-field="horizonLeftOut"]', { hasText: 'Hors encours, livré plus tard' }).waitFor();
  const file = await screenshot(page, 'credit-horizon-fr');
  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS, 'credit-horizon-fr.png'));
  fs.copyFileSync(path.join(path.dirname(file), 'credit-horizon-fr-01-rules.png'), path.join(DOCS, 'credit-horizon-rules-fr.png'));
}, 300_000);
