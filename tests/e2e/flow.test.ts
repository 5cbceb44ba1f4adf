import type { Browser, Locator, Page } from 'playwright-core';
import { adminApi, readOnlyClerk, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { labelled, valueText } from './labels';
import { startDemo, type DemoServer } from './demo-server';

// The sales flow from the admin (issue 16): a quotation made into an order, delivered by percentage
// after the preview, invoiced with the billing tool, paid by a receipt allocated to the invoice; the
// chain on the edit view; and a step the credit control refuses, its message in the dialog.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let eur: string;
let company: string;

const UID = {
  quotation: 'api::quotation.quotation',
  order: 'api::order.order',
  delivery: 'api::delivery.delivery',
  invoice: 'api::invoice.invoice',
  receipt: 'api::receipt.receipt',
};
const cm = (uid: string, documentId: string) => `${demo.url}/admin/content-manager/collection-types/${uid}/${documentId}`;
const stamp = () => `${Date.now() % 1_000_000}`;
const post = async (path: string, data: Record<string, unknown>) => (await api.content(path, { method: 'POST', body: { data } })).data;
const money = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A customer of the demo company, and a sent quotation of 10 × 500 + 5 × 1,000 (10,000.00 excl. tax, 20 % VAT). */
async function customerWithQuotation(name: string) {
  const customer = await post('/api/customers', { callName: `${name} ${stamp()}`, kind: 'customer', company });
  const quotation = await post('/api/quotations', {
    number: `QUO-E2E-${stamp()}`, company, customer: customer.documentId, currency: eur, date: new Date().toISOString().slice(0, 10), state: 'sent',
    lines: [
      { label: 'Audit days', quantity: 10, unitPrice: '500.00', vatRate: 20 },
      { label: 'Training sessions', quantity: 5, unitPrice: '1000.00', vatRate: 20 },
    ],
  });
  return { customer, quotation };
}

/** Opens the document's edit view, then its action `label` from the header's "More actions" menu: the modal. */
async function openAction(uid: string, documentId: string, label: string): Promise<Locator> {
  await page.goto(cm(uid, documentId));
  await page.getByLabel(labelled(uid, 'number')).first().waitFor({ timeout: 60_000 });
  await skipTour(page);
  await page.getByRole('button', { name: /more actions|plus d.actions/i }).click();
  await page.getByRole('menuitem', { name: label, exact: true }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('heading', { name: label }).waitFor();
  return modal;
}

/** The made document's id, once the admin has opened its edit view (another one than `from`). */
async function openedDocument(uid: string, from?: string): Promise<string> {
  const idOf = (url: URL | string) => String(url).split('?')[0].split('/').pop()!;
  const path = `/collection-types/${uid}/`;
  await page.waitForURL((url) => url.pathname.includes(path) && !['create', from].includes(idOf(url)), { timeout: 30_000 });
  return idOf(page.url());
}

/** The preview's total `field` once it shows `value`. */
const previewTotal = async (modal: Locator, field: string, value: string) =>
  modal.locator(`[data-preview-value="${field}"]`).getByText(value, { exact: true }).waitFor({ timeout: 30_000 });

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  eur = (await api.content('/api/currencies?filters[code][$eq]=EUR')).data[0].documentId;
  company = (await api.content('/api/companies?filters[code][$eq]=ACME-CONSEIL')).data[0].documentId;
  await login(page, demo.url, demo.email, demo.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('walks a quotation to an allocated receipt from the edit views, previewing each step', async () => {
  const { customer, quotation } = await customerWithQuotation('Flow Client');

  // quotation → order: every line, all that is left
  let modal = await openAction(UID.quotation, quotation.documentId, 'Make an order');
  await modal.getByText(`Left to pass on: ${money(10000)} excl. tax`).waitFor({ timeout: 30_000 });
  await previewTotal(modal, 'amountExclTax', money(10000));
  await screenshot(page, 'flow-01-make-order');
  await modal.getByRole('button', { name: 'Make the order' }).click();
  const order = await openedDocument(UID.order);
  const storedOrder = (await api.content(`/api/orders/${order}?populate=quotation`)).data;
  expect([storedOrder.quotation?.documentId, Number(storedOrder.amountExclTax), storedOrder.state]).toEqual([quotation.documentId, 10000, 'confirmed']);

  // order → delivery by percentage: a rule error on the field first, then the preview of 40 %
  modal = await openAction(UID.order, order, 'Deliver');
  await modal.getByRole('radio', { name: 'A percentage' }).click();
  const percentage = modal.getByRole('textbox', { name: 'Percentage' });
  await percentage.fill('150');
  await modal.getByText('percentage must be above 0 and at most 100').first().waitFor({ timeout: 30_000 });
  expect(await modal.getByRole('button', { name: 'Make the delivery' }).isDisabled()).toBe(true);
  await percentage.fill('40');
  await previewTotal(modal, 'amountExclTax', money(4000));
  await previewTotal(modal, 'amountInclTax', money(4800));
  const quantities = await modal.locator('[data-preview-line] [data-preview-quantity]').allInnerTexts();
  expect(quantities).toEqual(['4', '2']);
  await screenshot(page, 'flow-02-deliver-preview');
  await modal.getByRole('button', { name: 'Make the delivery' }).click();
  const delivery = await openedDocument(UID.delivery);
  expect(Number((await api.content(`/api/deliveries/${delivery}`)).data.amountExclTax)).toBe(4000);
  expect((await api.content(`/api/orders/${order}`)).data.state).toBe('partiallyDelivered');

  // delivery → invoice: the billing tool lists the customer's sources still to invoice, this one ticked
  modal = await openAction(UID.delivery, delivery, 'Invoice');
  const row = modal.locator(`[data-source-row="${delivery}"]`);
  await row.waitFor({ timeout: 30_000 });
  expect(await row.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
  await previewTotal(modal, 'amountInclTax', money(4800));
  await screenshot(page, 'flow-03-invoice');
  await modal.getByRole('button', { name: 'Invoice', exact: true }).click();
  const invoice = await openedDocument(UID.invoice);
  const storedInvoice = (await api.content(`/api/invoices/${invoice}?populate=deliveries`)).data;
  expect([storedInvoice.deliveries.map((d: any) => d.documentId), Number(storedInvoice.amountInclTax), storedInvoice.state]).toEqual([[delivery], 4800, 'issued']);

  // a receipt of 4,800.00 allocated to it: the open invoice listed with what it owes, the amount pre-filled
  const receipt = await post('/api/receipts', { number: `RCP-E2E-${stamp()}`, company, customer: customer.documentId, currency: eur, date: new Date().toISOString().slice(0, 10), amount: '4800.00' });
  modal = await openAction(UID.receipt, receipt.documentId, 'Allocate');
  const open = modal.locator(`[data-open-invoice="${invoice}"]`);
  await open.locator(`[data-owed="4800.00"]`).waitFor({ timeout: 30_000 });
  expect(await open.getByRole('radio').getAttribute('aria-checked')).toBe('true');
  expect(await modal.getByLabel('Amount to allocate').inputValue()).toBe('4800.00');
  await screenshot(page, 'flow-04-allocate');
  await modal.getByRole('button', { name: 'Allocate', exact: true }).click();
  await modal.locator(`[data-allocation="${invoice}"]`).waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/receipts/${receipt.documentId}`)).data.state).toBe('allocated');
  expect((await api.content(`/api/invoices/${invoice}`)).data.state).toBe('paid');
  // un-allocating gives the invoice back its debt; allocating again pays it
  await modal.locator(`[data-allocation="${invoice}"]`).getByRole('button', { name: 'Un-allocate' }).click();
  await open.locator(`[data-owed="4800.00"]`).waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/receipts/${receipt.documentId}`)).data.state).toBe('unallocated');
  await modal.getByRole('button', { name: 'Allocate', exact: true }).click();
  await modal.locator(`[data-allocation="${invoice}"]`).waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/invoices/${invoice}`)).data.state).toBe('paid');
  await modal.getByRole('button', { name: 'Close', exact: true }).click();

  // the order's chain: made from the quotation; delivery → invoice → receipt made from it, each a link
  await page.goto(cm(UID.order, order));
  const chain = page.locator(`[data-chain="${order}"]`);
  await chain.waitFor({ timeout: 60_000 });
  await chain.locator(`[data-chain-section="from"] [data-chain-node="${quotation.documentId}"]`).waitFor();
  for (const id of [delivery, invoice, receipt.documentId]) await chain.locator(`[data-chain-section="made"] [data-chain-node="${id}"]`).waitFor();
  // the state's label, the amount in its currency, the day in the admin's format
  const node = chain.locator(`[data-chain-node="${delivery}"]`);
  expect(await node.innerText()).toMatch(new RegExp(`Delivery[\\s\\S]*${valueText(UID.delivery, 'state', 'invoiced', 'en')}[\\s\\S]*€${money(4000)}`));
  expect(await node.locator('[data-chain-date]').innerText()).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
  await screenshot(page, 'flow-05-chain');
  await chain.locator(`[data-chain-node="${receipt.documentId}"]`).getByRole('link').click();
  expect(await openedDocument(UID.receipt)).toBe(receipt.documentId);
}, 300_000);

it('shows the credit control refusal in the dialog, and makes nothing', async () => {
  const { customer, quotation } = await customerWithQuotation('Flow Blocked');
  await api.admin(`/credit-control/parties/${customer.documentId}/policy`, { method: 'PUT', body: { data: { mode: 'block', threshold: '5000.00', currency: 'EUR' } } });
  const modal = await openAction(UID.quotation, quotation.documentId, 'Make an order');
  // the preview makes nothing, so the credit check has nothing to judge yet
  await previewTotal(modal, 'amountExclTax', money(10000));
  await modal.getByRole('button', { name: 'Make the order' }).click();
  const alert = modal.getByRole('alert');
  await alert.getByText(/^Credit blocked( for .*)?: outstanding 10,000.00 EUR exceeds the 5,000.00 EUR threshold$/).waitFor({ timeout: 30_000 });
  await screenshot(page, 'flow-06-credit-refused');
  expect(page.url()).toContain(quotation.documentId);
  const orders = await api.content(`/api/orders?filters[quotation][documentId][$eq]=${quotation.documentId}`);
  expect(orders.data).toEqual([]);
}, 300_000);

it('speaks French: the same modal and chain, every label translated', async () => {
  const { quotation } = await customerWithQuotation('Flow Français');
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
  try {
    const modal = await openAction(UID.quotation, quotation.documentId, 'Passer en commande');
    await modal.getByText(`Reste à reprendre : ${(10000).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} HT`).waitFor({ timeout: 30_000 });
    for (const label of ['Ce qui sera créé', 'Total HT', 'TVA', 'Total TTC', 'Référence client']) await modal.getByText(label, { exact: true }).first().waitFor();
    await modal.getByRole('button', { name: 'Créer la commande' }).waitFor();
    await page.getByText('Chaîne commerciale').waitFor();
    await screenshot(page, 'flow-07-french');
  } finally {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
  }
}, 300_000);

it('hides the flow actions and the chain from an admin without the "Customer records" actions', async () => {
  const { quotation } = await customerWithQuotation('Flow Clerk');
  const clerk = await readOnlyClerk(api, demo.url);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const other = await context.newPage();
  try {
    await login(other, demo.url, clerk.email, clerk.password);
    await other.goto(cm(UID.quotation, quotation.documentId));
    await other.getByLabel(labelled(UID.quotation, 'number')).first().waitFor({ timeout: 60_000 });
    await skipTour(other);
    await other.getByRole('button', { name: /more actions/i }).click();
    await other.getByRole('menuitem').first().waitFor();
    const items = (await other.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    expect(items).not.toContain('Make an order');
    expect(items).not.toContain('Revise');
    expect(await other.getByText('Sales flow', { exact: true }).count()).toBe(0);
  } finally {
    await context.close();
  }
}, 300_000);
