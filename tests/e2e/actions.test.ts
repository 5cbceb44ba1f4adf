import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { adminApi, readOnlyClerk, type AdminApi } from './admin-api';
import { SCREENSHOTS, launch, login, screenshot, skipTour } from './browser';
import { label, labelled, labelledLine } from './labels';
import { startDemo, type DemoServer } from './demo-server';

// The customer record's actions ("More actions" menu of the edit view) on the demo data. Its report
// actions (statement, the dunning dialog: letter or email) are the plugin's: tests/e2e/record-reports.test.ts.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;

const CUSTOMER = 'api::customer.customer';
const cm = (uid: string, documentId: string) => `${demo.url}/admin/content-manager/collection-types/${uid}/${documentId}`;
const today = () => new Date().toISOString().slice(0, 10);
type Party = { documentId: string; code: string | null; callName: string; kind: string; reliabilityColour?: string | null };

/** Customers/prospects from the content API (`filters` as a query string). */
const parties = async (filters: string, size = 1): Promise<Party[]> =>
  (await api.content(`/api/customers?${filters}&sort=code:asc&pagination[pageSize]=${size}`)).data;

/** Opens the record and waits for its form. */
const openRecord = async (documentId: string) => {
  await page.goto(cm(CUSTOMER, documentId));
  await page.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
  await skipTour(page);
};

/** Opens the record, then its action `label` from the header's "More actions" menu: the modal. */
const openAction = async (documentId: string, label: string): Promise<Locator> => {
  await openRecord(documentId);
  await page.getByRole('button', { name: /more actions/i }).click();
  await page.getByRole('menuitem', { name: label }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('heading', { name: label }).waitFor();
  return modal;
};

/** Waits until `check` holds (the UI catching up with the server). */
const until = async (check: () => Promise<boolean>, timeout = 30_000) => {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await page.waitForTimeout(250);
  }
};

/** The menu's entries for the record. */
const menuItems = async (documentId: string): Promise<string[]> => {
  await openRecord(documentId);
  await page.getByRole('button', { name: /more actions/i }).click();
  await page.getByRole('menuitem').first().waitFor();
  const items = await page.getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map((s) => s.trim());
};

/** A stand-in for INSEE's SIRENE API: one known establishment (the unit tests' fixture), 404 for the rest. */
const FOUND_SIRET = '81234567600025';
let sirene: http.Server;
const startSirene = async () => {
  const body = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'sirene', 'siret-company.json'));
  sirene = http.createServer((req, res) => {
    const found = req.url === `/siret/${FOUND_SIRET}`;
    res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(found ? body : JSON.stringify({ header: { statut: 404, message: 'Aucun élément trouvé' } }));
  });
  await new Promise<void>((resolve) => sirene.listen(0, '127.0.0.1', resolve));
  // the demo server inherits the environment: its SIRENE calls come here
  process.env.SIRENE_BASE_URL = `http://127.0.0.1:${(sirene.address() as AddressInfo).port}`;
  process.env.SIRENE_API_KEY = 'e2e-key';
};

beforeAll(async () => {
  await startSirene();
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  api = await adminApi(demo.url, demo.email, demo.password);
  await login(page, demo.url, demo.email, demo.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  sirene?.close();
});

it('converts a prospect of a manually numbered company: a taken code is refused on the field, then a new one converts it', async () => {
  const [prospect] = await parties('filters[kind][$eq]=prospect&filters[company][code][$eq]=DURAND-INDUS');
  const [holder] = await parties('filters[kind][$eq]=customer&filters[company][code][$eq]=DURAND-INDUS');
  expect(prospect && holder).toBeTruthy();

  const modal = await openAction(prospect.documentId, 'Convert to customer');
  const code = modal.getByLabel('New customer code');
  await code.fill(holder.code!);
  await modal.getByRole('button', { name: 'Convert' }).click();
  const taken = new RegExp(`customer code ${holder.code} is already taken in Groupe Durand Industrie SA`);
  await modal.getByRole('alert').getByText(taken).waitFor();
  // the same text on the field the server named
  expect(await modal.getByText(taken).count()).toBe(2);
  await screenshot(page, 'actions-01-convert-refused');
  expect((await api.content(`/api/customers/${prospect.documentId}`)).data.kind).toBe('prospect');

  const newCode = `DUR-E2E-${Date.now() % 100000}`;
  await code.fill(newCode);
  await modal.getByRole('button', { name: 'Convert' }).click();
  await page.getByText(`${prospect.callName} is now a customer`).waitFor({ timeout: 30_000 });
  const stored = (await api.content(`/api/customers/${prospect.documentId}`)).data;
  expect(stored).toMatchObject({ kind: 'customer', code: newCode, convertedOn: today() });
  // the form shows the new data without a reload: the code field holds the new code
  await until(async () => (await page.getByLabel(labelled('api::customer.customer', 'code')).first().inputValue()) === newCode);
  await screenshot(page, 'actions-02-converted');
  // a customer has no "Convert" entry any more
  expect(await menuItems(prospect.documentId)).not.toContain('Convert to customer');
}, 300_000);

it('shows the reliability colour badge only on records that have one', async () => {
  const [coloured] = await parties('filters[reliabilityColour][$notNull]=true');
  const [plain] = await parties('filters[reliabilityColour][$null]=true&filters[kind][$eq]=customer');
  await openRecord(coloured.documentId);
  const badge = page.locator(`[data-reliability="${coloured.reliabilityColour}"]`);
  await badge.waitFor({ timeout: 30_000 });
  expect(await badge.innerText()).toMatch(new RegExp(`reliability: ${coloured.reliabilityColour}`, 'i'));
  await screenshot(page, 'actions-03-reliability');
  // the record's actions, in the header's "More actions" menu
  await page.getByRole('button', { name: /more actions/i }).click();
  await page.getByRole('menuitem', { name: 'Linked management objects' }).waitFor();
  await screenshot(page, 'actions-00-menu');
  await page.keyboard.press('Escape');
  await openRecord(plain.documentId);
  expect(await page.locator('[data-reliability]').count()).toBe(0);
}, 300_000);

it('says before anything is sent why a record cannot be managed in accounting (a prospect)', async () => {
  const [prospect] = await parties('filters[kind][$eq]=prospect&filters[company][code][$eq]=ACME-CONSEIL');
  const modal = await openAction(prospect.documentId, 'Manage in accounting');
  await modal.locator('[data-accounting-plan="refused"]').getByText(`${prospect.callName} is a prospect: convert it into a customer before managing it in accounting.`).waitFor({ timeout: 30_000 });
  // nothing to confirm: only Close
  expect(await modal.getByRole('button', { name: /^(Create account|Replace|Set general account)/ }).count()).toBe(0);
  await screenshot(page, 'actions-04-accounting-refused');
  await modal.getByRole('button', { name: 'Close', exact: true }).click();
}, 300_000);

it('transfers a prospect into a customer chosen in the combobox, then opens the target', async () => {
  const [, source] = await parties('filters[kind][$eq]=prospect&filters[company][code][$eq]=ACME-CONSEIL', 2);
  const [target] = await parties('filters[kind][$eq]=customer&filters[company][code][$eq]=ACME-CONSEIL&filters[code][$notNull]=true');
  const modal = await openAction(source.documentId, 'Transfer into…');
  await modal.getByRole('combobox').pressSequentially(target.callName, { delay: 30 });
  await page.getByRole('option', { name: new RegExp(target.callName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
  await modal.getByText(`${source.callName} → ${target.code} ${target.callName}`).waitFor();
  await screenshot(page, 'actions-05-transfer');
  await modal.getByRole('button', { name: 'Transfer and delete this prospect' }).click();
  await page.waitForURL(new RegExp(`${target.documentId}$`), { timeout: 30_000 });
  await page.getByText(new RegExp(`${source.callName} was transferred into .*Links removed: \\d+ self-link\\(s\\), \\d+ duplicate\\(s\\)`)).waitFor({ timeout: 30_000 });
  await until(async () => (await page.getByLabel(labelled('api::customer.customer', 'callName')).first().inputValue().catch(() => '')) === target.callName);
  await page.getByRole('button', { name: 'Save' }).waitFor();
  await screenshot(page, 'actions-06-transferred');
  await expect(api.content(`/api/customers/${source.documentId}`)).rejects.toThrow(/404/);
}, 300_000);

it('creates a linked supplier and links to it', async () => {
  const [prospect] = await parties('filters[kind][$eq]=prospect&filters[company][code][$eq]=FORMATECH');
  const modal = await openAction(prospect.documentId, 'New linked supplier');
  await modal.getByRole('button', { name: 'Create the supplier' }).click();
  await modal.getByText(/was created and linked to this record/).waitFor({ timeout: 30_000 });
  const supplierId = await modal.locator('[data-linked-supplier]').getAttribute('data-linked-supplier');
  await screenshot(page, 'actions-07-linked-supplier');
  const supplier = (await api.content(`/api/suppliers/${supplierId}?populate[linkedProspect][fields][0]=callName`)).data;
  expect(supplier).toMatchObject({ code: prospect.code, callName: prospect.callName, linkedProspect: { documentId: prospect.documentId } });
  await modal.getByRole('link', { name: 'Open the supplier' }).click();
  await page.waitForURL(new RegExp(`api::supplier\\.supplier/${supplierId}$`), { timeout: 30_000 });

  // a second one is refused with the server's reason
  const again = await openAction(prospect.documentId, 'New linked supplier');
  await again.getByRole('button', { name: 'Create the supplier' }).click();
  await again.getByRole('alert').getByText(/already has a linked supplier/).waitFor();
}, 300_000);

/** A customer with an overdue issued invoice (demo data), for the objects and the reports. */
const overdueParty = async (): Promise<Party> => {
  const found = await api.content(
    `/api/invoices?filters[state][$eq]=issued&filters[kind][$eq]=invoice&filters[dueDate][$lt]=${today()}&sort=dueDate:asc&pagination[pageSize]=1&populate[customer][fields][0]=callName&populate[customer][fields][1]=code&populate[customer][fields][2]=kind`
  );
  return found.data[0].customer;
};

it('creates a management object pre-filled from the record, then opens it', async () => {
  const party = await overdueParty();
  const modal = await openAction(party.documentId, 'New management object');
  await modal.getByRole('combobox').click();
  await page.getByRole('option', { name: /quotation/i }).click();
  const defaults = modal.locator('[data-object-defaults="quotations"]');
  await defaults.waitFor({ timeout: 30_000 });
  // the defaults route's answer, shown: the sold-to party by name
  const expected = (await api.admin(`/customer-records/customers/${party.documentId}/management-objects/quotations/defaults`)).data;
  for (const field of Object.keys(expected.data)) await defaults.getByText(labelledLine('api::quotation.quotation', field)).waitFor();
  await defaults.getByText(`${label('api::quotation.quotation', 'customer')}: ${party.code} ${party.callName}`).waitFor();
  expect(await modal.getByLabel(labelled('api::quotation.quotation', 'date')).inputValue()).toBe(today());
  // a draft without lines: the amount starts at 0.00 (the rules recompute it from the lines)
  expect(await modal.getByLabel(labelled('api::quotation.quotation', 'amountExclTax')).inputValue()).toBe('0.00');
  const number = `Q-E2E-${Date.now() % 100000}`;
  await modal.getByLabel(labelled('api::quotation.quotation', 'number')).fill(number);
  await screenshot(page, 'actions-08-new-object');
  await modal.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/api::quotation\.quotation\/[a-z0-9]+$/, { timeout: 30_000 });
  const id = page.url().split('/').pop();
  const stored = (await api.content(`/api/quotations/${id}?populate[customer][fields][0]=code`)).data;
  expect(stored).toMatchObject({ number, date: today(), customer: { documentId: party.documentId } });
}, 300_000);

it('lists the linked objects per type with a state filter, and opens one', async () => {
  const party = await overdueParty();
  const counts = (await api.admin(`/customer-records/customers/${party.documentId}/management-objects`)).data as { type: string; count: number }[];
  const invoices = counts.find((c) => c.type === 'invoices')!;
  expect(invoices.count).toBeGreaterThan(0);
  const modal = await openAction(party.documentId, 'Linked management objects');
  const button = modal.locator('[data-object-count="invoices"]');
  await button.waitFor();
  expect(await button.innerText()).toMatch(new RegExp(`\\(${invoices.count}\\)$`));
  await button.click();
  await modal.locator('[data-object-row]').first().waitFor();
  await modal.getByText(new RegExp(`\\(${invoices.count} objects\\)`)).waitFor();
  // filtered on "issued": the server's count for that state
  const issued = await api.admin(`/customer-records/customers/${party.documentId}/management-objects?type=invoices&state=issued&pageSize=10`);
  await modal.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'issued' }).click();
  await modal.getByText(new RegExp(`\\(${issued.meta.pagination.total} objects\\)`)).waitFor();
  expect(await modal.locator('[data-object-row]').count()).toBe(issued.data.length);
  await screenshot(page, 'actions-09-linked-objects');
  await modal.locator(`[data-object-row="${issued.data[0].documentId}"]`).click();
  await page.waitForURL(new RegExp(`api::invoice\\.invoice/${issued.data[0].documentId}$`), { timeout: 30_000 });
}, 300_000);

it('looks the record up in SIRENE: the server text for an unknown SIRET, then fills the form from a found one without saving', async () => {
  const [customer] = await parties('filters[siret][$notNull]=true&filters[kind][$eq]=customer');
  const modal = await openAction(customer.documentId, 'SIRENE lookup');
  const number = modal.getByLabel('SIRET or SIREN');
  expect(await number.inputValue()).toBe((customer as any).siret);
  await modal.getByRole('button', { name: 'Look up' }).click();
  await modal.getByRole('alert').getByText(`no unit with SIRET ${(customer as any).siret}`).waitFor({ timeout: 30_000 });
  await screenshot(page, 'actions-13-sirene-unknown');

  await number.fill(FOUND_SIRET);
  await modal.getByRole('button', { name: 'Look up' }).click();
  await modal.locator('[data-sirene-identity="812345676"]').getByText('LOGICIELS DU RHONE').waitFor({ timeout: 30_000 });
  await screenshot(page, 'actions-13b-sirene-found');
  await modal.getByRole('button', { name: 'Fill the form' }).click();
  await until(async () => (await page.getByLabel(labelled('api::customer.customer', 'callName')).first().inputValue()) === 'LOGICIELS DU RHONE');
  expect(await page.getByLabel(labelled('api::customer.customer', 'siret')).first().inputValue()).toBe(FOUND_SIRET);
  expect(await page.getByLabel(labelled('api::customer.customer', 'siren')).first().inputValue()).toBe('812345676');
  await screenshot(page, 'actions-13c-sirene-filled');
  // filled, not saved: the record is unchanged until the user saves
  expect((await api.content(`/api/customers/${customer.documentId}`)).data.callName).toBe(customer.callName);
}, 300_000);

it("checks the record's accounting consistency", async () => {
  const party = await overdueParty();
  const expected = (await api.admin(`/customer-records/customers/${party.documentId}/accounting/consistency`)).data;
  const check = await openAction(party.documentId, 'Check accounting consistency');
  await check.locator(`[data-consistent="${expected.consistent}"]`).waitFor({ timeout: 30_000 });
  for (const issue of expected.issues) await check.getByText(issue.message).waitFor();
  await screenshot(page, 'actions-14-consistency');
}, 300_000);

it('manages the record in accounting: says which account replaces which, the confirm button names both, and the form shows the new account', async () => {
  const party = await overdueParty();
  // the demo books every customer right: an accountant typed a wrong account on this one
  const wrong = '4119999999';
  await api.content(`/api/customers/${party.documentId}`, { method: 'PUT', body: { data: { subledgerAccount: wrong } } });
  const before = (await api.admin(`/customer-records/customers/${party.documentId}/accounting/consistency`)).data;
  expect(before.consistent).toBe(false);
  const modal = await openAction(party.documentId, 'Manage in accounting');
  const plan = modal.locator('[data-accounting-plan="replace"]');
  await plan.waitFor({ timeout: 30_000 });
  const text = await plan.innerText();
  expect(text).toContain(`${party.callName} has the subledger account ${wrong}, which does not follow the company rule. It will be replaced by ${before.expected}, built from the customer code ${party.code}`);
  expect(text).toContain(`entries already posted to ${wrong} in the accounting software are not moved`);
  expect(text).not.toMatch(/replace: true/);
  await screenshot(page, 'actions-15-accounting');
  await modal.getByRole('button', { name: `Replace ${wrong} with ${before.expected}` }).click();
  await page.getByText(`Managed in accounting: subledger account ${before.expected}`).waitFor({ timeout: 30_000 });
  expect((await api.content(`/api/customers/${party.documentId}`)).data.subledgerAccount).toBe(before.expected);
  await until(async () => (await page.getByLabel(labelled('api::customer.customer', 'subledgerAccount')).first().inputValue()) === before.expected);
  expect((await api.admin(`/customer-records/customers/${party.documentId}/accounting/consistency`)).data.consistent).toBe(true);
}, 300_000);

it('hides the actions from an admin without the "Customer records" and report permissions', async () => {
  const clerk = await readOnlyClerk(api, demo.url);
  const [prospect] = await parties('filters[kind][$eq]=prospect&filters[company][code][$eq]=ACME-CONSEIL');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const other = await context.newPage();
  try {
    await login(other, demo.url, clerk.email, clerk.password);
    await other.goto(cm(CUSTOMER, prospect.documentId));
    await other.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
    await skipTour(other);
    const labels = ['Convert to customer', 'Transfer into…', 'New linked supplier', 'SIRENE lookup', 'New management object', 'Linked management objects', 'Manage in accounting', 'Check accounting consistency', 'Print invoice statement', 'Dunning letter or email'];
    const items = async () => {
      await other.getByRole('button', { name: /more actions/i }).click();
      await other.getByRole('menuitem').first().waitFor();
      const texts = (await other.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
      await other.keyboard.press('Escape');
      return texts;
    };
    const before = await items();
    for (const label of labels) expect(before).not.toContain(label);

    // granted "convert" only: that entry shows, the others stay hidden
    const roles = await api.admin('/admin/roles');
    const editor = roles.data.find((r: any) => r.code === 'strapi-editor');
    const current = await api.admin(`/admin/roles/${editor.id}/permissions`);
    const permissions = current.data.map(({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }));
    permissions.push({ action: 'api::customer-records.convert', subject: null, properties: {}, conditions: [] });
    await api.admin(`/admin/roles/${editor.id}/permissions`, { method: 'PUT', body: { permissions } });
    await other.reload();
    await other.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
    const after = await items();
    expect(after).toContain('Convert to customer');
    for (const label of labels.filter((l) => l !== 'Convert to customer')) expect(after).not.toContain(label);
    await other.screenshot({ path: path.join(SCREENSHOTS, 'actions-16-clerk.png') });
  } finally {
    await context.close();
  }
}, 300_000);
