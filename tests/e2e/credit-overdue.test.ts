import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { dayFromToday as day } from '../helpers/days';

// A French credit clerk sets an overdue rule (issue 22, item 4) in the rules form; the credit panel
// shows what is past due and the rule that blocks; once the late invoice is paid, the block is gone.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
let eur: string;
let late: string;
const NNBSP = '\u202f';
const customerUrl = (documentId: string) => `${demo.url}/admin/content-manager/collection-types/api::customer.customer/${documentId}`;
const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'admin');

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1600 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  const created = await api.content('/api/customers', { method: 'POST', body: { data: { callName: `Client en retard ${Date.now()}`, kind: 'customer' } } });
  party = created.data.documentId;
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '20000.00', currency: 'EUR' } } });
  eur = (await api.content('/api/currencies?filters[code][$eq]=EUR')).data[0].documentId;
  const invoice = await api.content('/api/invoices', {
    method: 'POST',
    body: { data: { number: `OD-${Date.now()}`, customer: party, currency: eur, date: day(-70), dueDate: day(-40), state: 'issued', lines: [{ label: 'Prestation', quantity: 1, unitPrice: 1000, vatRate: 20 }] } },
  });
  late = invoice.data.documentId;
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('blocks on an invoice 40 days late, typed in French, and the panel shows it until the invoice is paid', async () => {
  await page.goto(`${demo.url}/admin/settings/credit-control`);
  await page.getByText('Afficher les règles de blocage').first().waitFor({ timeout: 60_000 });
  await page.getByText('Afficher les règles de blocage').first().click();
  await page.goto(customerUrl(party));
  const panel = page.locator(`[data-credit-panel="${party}"]`);
  await panel.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await page.getByRole('button', { name: "Plus d'actions" }).click();
  await page.getByRole('menuitem', { name: 'Règles de blocage' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByText('Règles de retard').waitFor();
  const days = modal.getByLabel('Plus ancienne facture impayée en retard de plus de (jours)');
  await days.fill('trente');
  await modal.locator('[data-credit-overdue-rules] [role="combobox"]').first().click();
  await page.getByRole('option', { name: 'Blocage' }).click();
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await modal.getByText('Saisissez un nombre entier (un montant pour la règle de montant), ou désactivez la règle').waitFor();
  await days.fill('30');
  await modal.getByText('Saisissez un nombre entier (un montant pour la règle de montant), ou désactivez la règle').waitFor({ state: 'detached' });
  await screenshot(page, 'credit-overdue-fr-01-rules');
  await modal.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Règles de blocage enregistrées').waitFor({ timeout: 30_000 });
  const summary = (await api.content(`/api/credit-control/parties/${party}/credit`)).data;
  expect(summary).toMatchObject({ status: 'overdueBlocked', policy: { overdueRules: { oldestDays: { days: 30, action: 'block' } } }, overdue: { daysLate: 40, pastDue: '1000.00', blocked: true } });
  // the panel: what is past due, since when, the dunning level, and the rule that blocks
  await panel.locator('[data-credit-value="pastDue"]', { hasText: `1${NNBSP}000,00` }).waitFor({ timeout: 30_000 });
  await panel.locator('[data-credit-value="daysLate"]', { hasText: '40 jours de retard' }).waitFor();
  await panel.locator('[data-credit-value="dunningLevel"]', { hasText: '3' }).waitFor();
  await panel.locator('[data-credit-value="overdueRule"]', { hasText: 'Bloqué : une facture a plus de 30 jours de retard' }).waitFor();
  await panel.locator('[data-credit-status="overdueBlocked"]', { hasText: 'Bloqué : retard' }).waitFor();
  // the limit history keeps the rule, in words
  await panel.locator('[data-limit-change="overdueRules"]', { hasText: 'Règles de retard : aucune règle → facture impayée en retard de plus de 30 jours : Blocage' }).waitFor();
  const file = await screenshot(page, 'credit-overdue-fr');
  // a new invoice is refused, naming the rule
  const refusal = await api
    .content('/api/invoices', { method: 'POST', body: { data: { number: `OD-${Date.now()}-2`, customer: party, currency: eur, date: day(0), state: 'issued', lines: [{ quantity: 1, unitPrice: 10, vatRate: 20 }] } } })
    .then(() => 'accepted', (err: Error) => err.message);
  expect(refusal).toMatch(/: 400 .*"reason":"overdueDays"/);
  // paid: the block ends by itself
  await api.content('/api/receipts', { method: 'POST', body: { data: { number: `ODR-${Date.now()}`, customer: party, currency: eur, date: day(0), amount: 1200, allocations: [{ invoice: late, amount: 1200 }] } } });
  expect((await api.content(`/api/credit-control/parties/${party}/credit`)).data.overdue).toMatchObject({ daysLate: 0, blocked: false, fired: [] });
  fs.mkdirSync(DOCS, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS, 'credit-overdue-fr.png'));
  fs.copyFileSync(path.join(path.dirname(file), 'credit-overdue-fr-01-rules.png'), path.join(DOCS, 'credit-overdue-rules-fr.png'));
}, 300_000);
