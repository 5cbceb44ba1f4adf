import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';

// Limit history and four-eyes approval, seen by a French credit manager: a raise asked by the ERP
// (an API token, which may not approve) waits in the credit panel; the manager approves it there, and
// rejects another one with a reason from the "limits to review" page.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let party: string;
const NNBSP = '\u202f';

beforeAll(async () => {
  // the demo server reads it from its environment (config/plugins.ts)
  process.env.CREDIT_LIMIT_APPROVAL_AMOUNT = '1000.00';
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  party = (await api.content('/api/customers?filters[kind][$eq]=customer&sort=code:asc&pagination[pageSize]=1')).data[0].documentId;
  // the manager (super admin, holds policy.approve) sets the limit: applied at once
  await api.admin(`/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '1000.00', currency: 'EUR' }, reason: 'Ouverture de compte' } });
  await login(page, demo.url, demo.email, demo.password, 'fr');
}, 300_000);

afterAll(async () => {
  delete process.env.CREDIT_LIMIT_APPROVAL_AMOUNT;
  await browser?.close();
  await demo?.stop();
});

const raiseByErp = async (threshold: string, reason: string) =>
  (await api.content(`/api/credit-control/parties/${party}/policy`, { method: 'PUT', body: { data: { threshold }, reason } })).meta.pendingLimitChange;

it('shows the pending raise in the credit panel, in French, and applies it once approved', async () => {
  const request = await raiseByErp('50000.00', 'Commande cadre 2026');
  expect(request.status).toBe('pending');
  expect((await api.content(`/api/credit-control/parties/${party}/credit`)).data.policy.threshold).toBe('1000.00');

  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer/${party}`);
  const pending = page.locator(`[data-limit-pending="${request.id}"]`);
  await pending.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await pending.getByText('Changement d’encours en attente d’approbation').waitFor();
  await pending.getByText(`Seuil : 1${NNBSP}000,00 EUR → 50${NNBSP}000,00 EUR`).waitFor();
  await pending.getByText('« Commande cadre 2026 »').waitFor();
  await pending.scrollIntoViewIfNeeded();
  await screenshot(page, 'credit-approval-01-pending-fr');

  await pending.getByRole('button', { name: 'Approuver' }).click();
  await page.getByText('Changement d’encours approuvé').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-credit-value="threshold"]', { hasText: `50${NNBSP}000,00` }).waitFor({ timeout: 30_000 });
  const approved = page.locator(`[data-limit-entry="${request.id}"][data-limit-status="approved"]`);
  await approved.getByText('Approuvé').waitFor({ timeout: 30_000 });
  await approved.scrollIntoViewIfNeeded();
  await screenshot(page, 'credit-approval-02-approved-fr');
  expect((await api.content(`/api/credit-control/parties/${party}/credit`)).data.policy.threshold).toBe('50000.00');
  const history = (await api.content(`/api/credit-control/parties/${party}/limit-history`)).data;
  expect(history[0]).toMatchObject({ id: request.id, status: 'approved', decidedBy: { type: 'admin', label: demo.email } });
}, 300_000);

it('rejects a raise with a reason from the limits to review page; the limit stays', async () => {
  const request = await raiseByErp('900000.00', 'Relance automatique');
  await page.goto(`${demo.url}/admin/plugins/credit-control/limits`);
  const row = page.locator(`[data-limit-request="${request.id}"]`);
  await row.waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Encours autorisés à revoir' }).waitFor();
  await row.getByText(`Seuil : 50${NNBSP}000,00 EUR → 900${NNBSP}000,00 EUR`).waitFor();
  await screenshot(page, 'credit-approval-03-review-page-fr');

  await row.getByRole('button', { name: 'Refuser' }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await dialog.getByText('Refuser le changement d’encours').waitFor();
  await dialog.getByRole('button', { name: 'Refuser' }).click();
  await dialog.getByText('Le motif est obligatoire').waitFor();
  await dialog.getByRole('textbox').fill('Retards de paiement au dernier trimestre');
  await dialog.getByRole('button', { name: 'Refuser' }).click();
  await page.getByText('Changement d’encours refusé').first().waitFor({ timeout: 30_000 });
  await row.waitFor({ state: 'detached', timeout: 30_000 });
  expect((await api.content(`/api/credit-control/parties/${party}/credit`)).data.policy.threshold).toBe('50000.00');
  const [rejected] = (await api.content(`/api/credit-control/parties/${party}/limit-history`)).data;
  expect(rejected).toMatchObject({ id: request.id, status: 'rejected', decisionReason: 'Retards de paiement au dernier trimestre' });
}, 300_000);
