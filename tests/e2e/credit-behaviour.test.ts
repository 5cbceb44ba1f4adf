import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { dayFromToday as day } from '../helpers/days';

// A French credit clerk reads a customer's payment behaviour (issue 22, item 6) in the credit panel,
// accepts the suggested colour into the record in one click, and finds the same figures in the 360
// view and the suggestion in the over-threshold list.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
const customerUrl = (documentId: string) => `${demo.url}/admin/content-manager/collection-types/api::customer.customer/${documentId}`;
const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'admin');

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  const stamp = Date.now();
  const company = await api.content('/api/companies', {
    method: 'POST',
    body: { data: { code: `CB${stamp % 100000}`, name: 'Société Couleurs', customerNumbering: 'automatic', customerCodePrefix: 'C', managementRules: { reliabilityColour: true } } },
  });
  const created = await api.content('/api/customers', { method: 'POST', body: { data: { callName: `Client payeur lent ${stamp}`, kind: 'customer', company: company.data.documentId } } });
  party = created.data.documentId;
  const eur = (await api.content('/api/currencies?filters[code][$eq]=EUR')).data[0].documentId;
  const invoice = async (n: number, dated: number, due: number) =>
    (
      await api.content('/api/invoices', {
        method: 'POST',
        body: { data: { number: `PB-${stamp}-${n}`, customer: party, currency: eur, date: day(dated), dueDate: day(due), state: 'issued', lines: [{ label: 'Prestation', quantity: 1, unitPrice: 1000, vatRate: 20 }] } },
      })
    ).data.documentId as string;
  const pay = (n: number, invoiceId: string, paid: number) =>
    api.content('/api/receipts', { method: 'POST', body: { data: { number: `PBR-${stamp}-${n}`, customer: party, currency: eur, date: day(paid), amount: 1200, allocations: [{ invoice: invoiceId, amount: 1200 }] } } });
  // the previous half: paid 20 days late, and on time; the last half: 30 days past due, not due yet
  await pay(1, await invoice(1, -200, -170), -150);
  await pay(2, await invoice(2, -190, -160), -160);
  await invoice(3, -60, -30);
  await invoice(4, -20, 10);
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'alert', threshold: '1.00', currency: 'EUR' } } });
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('shows the figures in French and accepts the suggested colour into the record', async () => {
  await page.goto(customerUrl(party));
  const section = page.locator('[data-credit-behaviour]');
  await section.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await section.getByText('Comportement de paiement (12 mois)').waitFor();
  await section.locator('[data-behaviour-value="lateShare"]', { hasText: '67 %' }).waitFor();
  await section.locator('[data-behaviour-value="averageDaysLate"]', { hasText: '25 jours' }).waitFor();
  await section.locator('[data-behaviour-value="trend"]', { hasText: 'En dégradation' }).waitFor();
  await section.locator('[data-colour="suggested"]', { hasText: 'Rouge' }).waitFor();
  await section.locator('[data-colour="current"]', { hasText: '—' }).waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'credit-behaviour-fr-01-suggested');

  await section.getByRole('button', { name: 'Accepter la couleur suggérée' }).click();
  await page.getByText('Couleur de fiabilité enregistrée sur la fiche').waitFor({ timeout: 30_000 });
  await section.locator('[data-colour="current"]', { hasText: 'Rouge' }).waitFor({ timeout: 30_000 });
  // nothing left to accept, and the record itself shows the colour (its header badge, re-read)
  await section.getByRole('button', { name: 'Accepter la couleur suggérée' }).waitFor({ state: 'detached' });
  await page.locator('[data-reliability="red"]').waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/customers/${party}`)).data.reliabilityColour).toBe('red');
  const logged = (await api.admin(`/credit-control/decisions?party=${party}&kind=policy`)).data;
  expect(logged[0]).toMatchObject({ reason: 'colourAccepted', actorLabel: demo.email });
  await section.scrollIntoViewIfNeeded();
  const panelShot = await screenshot(page, 'credit-behaviour-fr');

  // the 360 view shows the same figures
  await page.goto(`${demo.url}/admin/customer-insights/${party}/overview`);
  const overview = page.locator('[data-insights-section="payment-behaviour"]');
  await overview.waitFor({ timeout: 60_000 });
  await overview.getByText('Comportement de paiement (12 mois)').waitFor();
  await overview.locator('[data-behaviour-value="lateShare"]', { hasText: '67 %' }).waitFor();
  await overview.locator('[data-colour="current"]', { hasText: 'Rouge' }).waitFor();
  const overviewShot = await screenshot(page, 'credit-behaviour-fr-360');

  // the over-threshold list gives the suggestion beside the figures
  await page.goto(`${demo.url}/admin/plugins/credit-control`);
  const row = page.locator(`[data-credit-over="${party}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.locator('[data-over-behaviour="red"]', { hasText: '67 % payées en retard' }).waitFor();
  await row.locator('[data-over-behaviour="red"]', { hasText: '25 jours de retard en moyenne' }).waitFor();
  const listShot = await screenshot(page, 'credit-behaviour-fr-over-threshold');

  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(panelShot, path.join(DOCS, 'credit-behaviour-fr.png'));
  fs.copyFileSync(overviewShot, path.join(DOCS, 'credit-behaviour-360-fr.png'));
  fs.copyFileSync(listShot, path.join(DOCS, 'credit-behaviour-over-threshold-fr.png'));
}, 300_000);
