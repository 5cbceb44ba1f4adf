import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, type AdminApi } from './admin-api';
import { launch, login, screenshot, SCREENSHOTS, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { typeText, valueText } from './labels';

// The customer's 360 view and dashboard in the built admin, on the demo data.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let customer: string;
let purchase: { documentId: string; number: string };
/** the customer the demo's banner names, whose dashboard has every chart filled */
let featured: string;
const DASHBOARD_WITH_YEARS = /\/customer-records\/customers\/[^/]+\/dashboard\?/;
const CHARTS = ['profitability-year', 'profitability-amount', 'payment-terms', 'billing-family', 'billing-family-share', 'billing-sub-family', 'billing-sub-family-share'];

/** The header actions come in once the record and the user's permissions are loaded: slow on a busy machine. */
async function headerAction(name: string) {
  const button = page.getByRole('button', { name });
  await button.waitFor({ timeout: 120_000 });
  await button.click();
}

/** The admin scrolls inside its layout: a tall window shows a whole page in one screenshot. */
async function tallScreenshot(name: string, height: number) {
  await page.setViewportSize({ width: 1440, height });
  await page.mouse.move(700, height - 5); // no hover left on the header buttons
  await page.waitForTimeout(500);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A page of a 360 view section. */
const PAGE = 20;
type Lang = 'en' | 'fr';
/** A decimal string as the admin writes it: fr "7 000,50" (narrow no-break spaces), en "7,000.50". */
const figure = (value: string | number, lang: Lang) => {
  const [units, cents] = Math.abs(Number(value)).toFixed(2).split('.');
  const sign = Number(value) < 0 ? '-' : '';
  return lang === 'fr' ? `${sign}${units.replace(/\B(?=(\d{3})+$)/g, '\u202f')},${cents}` : `${sign}${units.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
};
/** A day (YYYY-MM-DD) as the admin writes it: fr 01/05/2025, en 5/1/2025. */
const day = (iso: string, lang: Lang) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return lang === 'fr' ? `${d}/${m}/${y}` : `${Number(m)}/${Number(d)}/${y}`;
};
/**
 * An amount in its currency as the admin writes it: euros exactly (fr "7 000,50 €", en "€7,000.50");
 * another currency as its figure and ICU's symbol (fr "£GB", "$US"), before in English, after in French.
 */
const expectAmount = (text: string, value: string | number, currency: string, lang: Lang) => {
  const [sign, abs] = Number(value) < 0 ? ['-', figure(-Number(value), lang)] : ['', figure(value, lang)];
  if (currency === 'EUR') return expect(text).toBe(lang === 'fr' ? `${sign}${abs}\u00a0€` : `${sign}€${abs}`);
  const escaped = abs.replace(/[.]/g, '\\.');
  expect(text).toMatch(new RegExp(lang === 'fr' ? `^${sign}${escaped}\u00a0\\D+$` : `^${sign}\\D+${escaped}$`));
};

/** 1234.5 → "1 234,50" as fr-FR writes it. */
const frenchAmount = (value: string) => figure(value, 'fr');

/** PNG signature, then the IHDR chunk first: width and height as 32-bit big-endian integers. */
function pngSize(file: Buffer): { width: number; height: number } {
  expect(file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(file.readUInt32BE(8)).toBe(13);
  expect(file.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

beforeAll(async () => {
  demo = await startDemo();
  api = await adminApi(demo.url, demo.email, demo.password);
  featured = /Dashboard with every chart filled: .*\/customer-insights\/(\w+)\/dashboard/.exec(demo.output)?.[1] ?? '';
  if (!featured) throw new Error(`the demo's banner names no fully charted customer:\n${demo.output.slice(-1500)}`);
  // a demo customer with project figures, billed invoices, open invoices and unsigned sales objects
  const projects = await api.content('/api/projects?fields[0]=code&populate[customer][fields][0]=documentId&pagination[pageSize]=40&sort=id:asc');
  const candidates = [...new Set<string>(projects.data.map((p: any) => p.customer?.documentId).filter(Boolean))];
  for (const documentId of candidates) {
    const { data } = await api.admin(`/customer-records/customers/${documentId}/dashboard`);
    const { data: overview } = await api.admin(`/customer-records/customers/${documentId}/overview`);
    const open = data.paymentTerms.bands.some((b: any) => b.count > 0);
    // more unsigned sales objects than a page holds: the section pages
    if (data.profitability.years.length && data.billingByFamily.years.length && open && overview.sales.total > PAGE && overview.contacts.rows.length && overview.events.rows.length) {
      customer = documentId;
      break;
    }
  }
  if (!customer) throw new Error(`no demo customer with projects, invoices, contacts and events among ${candidates.length}`);
  // the demo has no linked suppliers: make one, for the Purchases section, and buy from it for one of
  // the customer's confirmed orders (a draft supplier order: unsigned, so the 360 view shows it)
  const linked = await api.admin(`/customer-records/customers/${customer}/linked-supplier`, { method: 'POST', body: {} });
  const orders = await api.content(`/api/orders?filters[customer][documentId][$eq]=${customer}&filters[state][$eq]=confirmed&pagination[pageSize]=1`);
  if (orders.data.length) {
    purchase = (await api.admin(`/customer-records/orders/${orders.data[0].documentId}/supplier-orders`, { method: 'POST', body: { data: { supplier: linked.data.documentId, pricePercent: 70 } } })).data;
  } else {
    const eur = (await api.content('/api/currencies?filters[code][$eq]=EUR')).data[0].documentId;
    purchase = (await api.content('/api/supplier-orders', { method: 'POST', body: { data: { number: `PO-E2E-${Date.now()}`, supplier: linked.data.documentId, currency: eur, date: '2026-01-05', lines: [{ label: 'Licences', quantity: 3, unitPrice: 120, vatRate: 20 }] } } })).data;
  }
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await login(page, demo.url, demo.email, demo.password);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('opens the 360 view from the record, with every section filled, and a row opens its record', async () => {
  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer/${customer}`);
  await skipTour(page);
  await headerAction('360° view');
  await page.waitForURL(new RegExp(`/admin/customer-insights/${customer}/overview$`), { timeout: 60_000 });
  const section = (id: string) => page.locator(`[data-insights-section="${id}"]`);
  await section('sales').locator('tbody tr').first().waitFor({ timeout: 60_000 });
  for (const id of ['address', 'notes', 'contacts', 'events', 'sales', 'purchases']) await expect(section(id).isVisible()).resolves.toBe(true);
  for (const id of ['contacts', 'events', 'sales', 'purchases']) expect(await section(id).locator('tbody tr').count()).toBeGreaterThan(0);
  const { data } = await api.admin(`/customer-records/customers/${customer}/overview`);
  await expect(page.getByRole('heading', { name: `360° view: ${data.customer.callName}` }).isVisible()).resolves.toBe(true);
  await tallScreenshot('insights-01-360-view', 2400);
  // the purchase documents: the supplier order bought for the customer's order, then the linked supplier
  const purchases = section('purchases');
  await purchases.locator(`[data-insights-row="${purchase.documentId}"]`).waitFor({ timeout: 60_000 });
  await expect(purchases.locator(`[data-insights-row="${purchase.documentId}"]`).textContent()).resolves.toContain(purchase.number);
  await expect(purchases.getByText('Supplier order').first().isVisible()).resolves.toBe(true);
  await purchases.scrollIntoViewIfNeeded();
  await purchases.screenshot({ path: path.join(SCREENSHOTS, 'insights-06-purchases.png') });

  // double-click the first sales line: its own edit view
  const first = data.sales.rows[0];
  await section('sales').locator(`[data-insights-row="${first.documentId}"]`).dblclick();
  await page.waitForURL(new RegExp(`/content-manager/collection-types/${first.uid.replace(/\./g, '\\.')}/${first.documentId}`), { timeout: 60_000 });
  // a click on a contact opens the contact
  await page.goBack();
  const contact = data.contacts.rows[0];
  await page.locator(`[data-insights-section="contacts"] [data-insights-row="${contact.documentId}"]`).click();
  await page.waitForURL(new RegExp(`/api::contact\\.contact/${contact.documentId}`), { timeout: 60_000 });
}, 300_000);

it('shows the dashboard charts and saves one as a PNG file', async () => {
  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer/${customer}`);
  await headerAction('Dashboard');
  await page.waitForURL(new RegExp(`/admin/customer-insights/${customer}/dashboard$`), { timeout: 60_000 });
  const charts = CHARTS;
  for (const id of charts) await page.locator(`[data-insights-chart="${id}"] canvas`).waitFor({ timeout: 60_000 });
  await tallScreenshot('insights-02-dashboard', 2050);

  const card = page.locator('[data-insights-chart="billing-family"]');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Save as PNG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-billing-family-\d{4}-\d{2}-\d{2}\.png$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'insights-')), download.suggestedFilename());
  await download.saveAs(file);
  const size = pngSize(fs.readFileSync(file));
  fs.copyFileSync(file, path.join(SCREENSHOTS, 'insights-05-saved-chart.png'));
  expect(size.width).toBeGreaterThan(100);
  expect(size.height).toBeGreaterThan(100);

  // a bad entry is refused on the field before anything is asked, and the charts stay
  let asked = 0;
  const count = (request: any) => request.url().includes('/dashboard') && (asked += 1);
  page.on('request', count);
  await page.getByLabel('Years').fill('20x5');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Enter years from 1900 to 2200 separated by commas, e.g. 2024,2025 ("20x5" is not one)').waitFor({ timeout: 30_000 });
  expect(await page.getByLabel('Years').getAttribute('aria-invalid')).toBe('true');
  expect(asked).toBe(0);
  for (const id of charts) expect(await page.locator(`[data-insights-chart="${id}"] canvas`).count()).toBe(1);
  await tallScreenshot('insights-07-years-field-error', 1000);
  page.off('request', count);

  // an error response never blanks the page: the server's refusal of the years lands on the field, any other failure shows above the charts
  const body = (status: number, error: Record<string, unknown>) => ({ status, contentType: 'application/json', body: JSON.stringify({ data: null, error: { status, ...error } }) });
  await page.route(DASHBOARD_WITH_YEARS, (route) =>
    route.fulfill(body(400, { name: 'ValidationError', message: 'years must be years between 1900 and 2200 separated by commas (got "2024")', details: { errors: [{ path: ['years'], message: 'x' }] } }))
  );
  await page.getByLabel('Years').fill('2024');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Enter years from 1900 to 2200 separated by commas, e.g. 2024,2025 ("2024" is not one)').waitFor({ timeout: 30_000 });
  await page.unroute(DASHBOARD_WITH_YEARS);
  await page.route(DASHBOARD_WITH_YEARS, (route) => route.fulfill(body(500, { name: 'InternalServerError', message: 'Internal Server Error' })));
  await page.getByLabel('Years').fill('2025');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('alert').filter({ hasText: 'Internal Server Error' }).first().waitFor({ timeout: 30_000 });
  for (const id of charts) expect(await page.locator(`[data-insights-chart="${id}"] canvas`).count()).toBe(1);
  await page.unroute(DASHBOARD_WITH_YEARS);
}, 300_000);

it('speaks French with French amounts (1 234,56 €)', async () => {
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
  await page.goto(`${demo.url}/admin/customer-insights/${customer}/overview`);
  await page.locator('[data-insights-section="sales"] tbody tr').first().waitFor({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Ventes' }).isVisible()).resolves.toBe(true);
  // each amount in its document's currency, written the French way: narrow spaces between thousands, a
  // decimal comma, the symbol after a no-break space (the chosen customer may not bill in euros)
  const { data: overview } = await api.admin(`/customer-records/customers/${customer}/overview`);
  const amounts = await page.locator('[data-insights-section="sales"] tbody td:last-child').allTextContents();
  expect(amounts).toHaveLength(overview.sales.rows.length);
  overview.sales.rows.forEach((row: any, i: number) => {
    if (row.amountInclTax == null) return expect(amounts[i]).toBe('-');
    // the symbol is ICU's (fr: "€", "£GB", "$US"): the euro's is checked, the others are a symbol after the figure
    const [shown, symbol] = amounts[i].split('\u00a0');
    expect(shown).toBe(figure(row.amountInclTax, 'fr'));
    expect(symbol).toMatch(row.currency === 'EUR' ? /^€$/ : /^\D+$/);
  });
  // and each state in French (a raw value such as "superseded" is a missing label)
  const states = await page.locator('[data-insights-section="sales"] tbody td:nth-child(5)').allTextContents();
  overview.sales.rows.forEach((row: any, i: number) => row.state && expect(states[i]).not.toBe(row.state));
  await tallScreenshot('insights-03-360-view-fr', 2400);
  await page.goto(`${demo.url}/admin/customer-insights/${customer}/dashboard`);
  await page.locator('[data-insights-chart="payment-terms"] canvas').waitFor({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Enregistrer en PNG' }).first().isVisible()).resolves.toBe(true);
  await tallScreenshot('insights-04-dashboard-fr', 2050);

  // the featured customer: every chart drawn, its balance due as the statement gives it (net of unallocated payments), in French
  await page.goto(`${demo.url}/admin/customer-insights/${featured}/dashboard`);
  for (const id of CHARTS) await page.locator(`[data-insights-chart="${id}"] canvas`).waitFor({ timeout: 60_000 });
  expect(await page.getByText('Aucune donnée pour ces années').count()).toBe(0);
  const { data: full } = await api.admin(`/customer-records/customers/${featured}/dashboard`);
  const euros = (value: string) => `${frenchAmount(value)}\u00a0€`;
  await page.getByText(`Solde dû : ${euros(full.paymentTerms.balanceDue)}`).waitFor({ timeout: 30_000 });
  await expect(page.getByText(`Factures ouvertes ${euros(full.paymentTerms.invoices)} moins avoirs à imputer ${euros(full.paymentTerms.creditNotes)}, comme sur le relevé de factures`).count()).resolves.toBe(1);
  await expect(page.getByText(`moins les règlements non affectés ${euros(full.paymentTerms.unallocatedPayments)}`).count()).resolves.toBe(1);
  await tallScreenshot('dashboard-full-fr', 2050);
  // a bad entry, in French, on the field
  await page.getByLabel('Années').fill('dernière');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await page.getByText('Saisissez des années de 1900 à 2200 séparées par des virgules, par ex. 2024,2025 (« dernière » n’en est pas une)').waitFor({ timeout: 30_000 });
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
}, 300_000);

it('pages the sales section forward and back, in English and in French', async () => {
  const { data: first } = await api.admin(`/customer-records/customers/${customer}/overview`);
  const second = await api.admin(`/customer-records/customers/${customer}/overview/sales?page=2&pageSize=${PAGE}`);
  const total: number = first.sales.total;
  expect(second.meta.pagination.total).toBe(total);
  const words = { en: { of: 'of', next: 'Next', previous: 'Previous', group: ',' }, fr: { of: 'sur', next: 'Suivant', previous: 'Précédent', group: '\u202f' } };
  const sales = page.locator('[data-insights-section="sales"]');
  const shownIds = () => sales.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-insights-row')));
  for (const lang of ['en', 'fr'] as const) {
    const w = words[lang];
    const range = (from: number, to: number) => `${from}–${to} ${w.of} ${total.toLocaleString('en-US').replace(/,/g, w.group)}`;
    await page.evaluate((l) => localStorage.setItem('strapi-admin-language', l), lang);
    await page.goto(`${demo.url}/admin/customer-insights/${customer}/overview`);
    await sales.locator('tbody tr').first().waitFor({ timeout: 60_000 });
    const rangeText = sales.locator('[data-insights-range="sales"]');
    await expect(rangeText.textContent()).resolves.toBe(range(1, PAGE));
    expect(await shownIds()).toEqual(first.sales.rows.map((r: any) => r.documentId));

    // forward: the server's page 2, "21–40 of 174"
    await sales.getByRole('button', { name: w.next }).click();
    await sales.locator(`[data-insights-row="${second.data[0].documentId}"]`).waitFor({ timeout: 30_000 });
    expect(await shownIds()).toEqual(second.data.map((r: any) => r.documentId));
    await expect(rangeText.textContent()).resolves.toBe(range(PAGE + 1, Math.min(2 * PAGE, total)));
    // a row of page 2: its state's label, its date and its amount in the admin's language
    const row = second.data.find((r: any) => r.state && r.date && r.amountExclTax);
    const cells = await sales.locator(`[data-insights-row="${row.documentId}"] td`).allTextContents();
    expect(cells[3]).toBe(day(row.date, lang));
    expect(cells[4]).toBe(valueText(row.uid, 'state', row.state, lang));
    expectAmount(cells[5], row.amountExclTax, row.currency, lang);
    if (lang === 'fr') {
      // a window the whole page fits in: the layout's sticky header stays off the section
      await page.setViewportSize({ width: 1440, height: 3200 });
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await sales.screenshot({ path: path.join(SCREENSHOTS, 'insights-360-paging-fr.png') });
      await page.setViewportSize({ width: 1440, height: 900 });
    }

    // and back
    await sales.getByRole('button', { name: w.previous }).click();
    await sales.locator(`[data-insights-row="${first.sales.rows[0].documentId}"]`).waitFor({ timeout: 30_000 });
    expect(await shownIds()).toEqual(first.sales.rows.map((r: any) => r.documentId));
    await expect(rangeText.textContent()).resolves.toBe(range(1, PAGE));
    await expect(sales.getByRole('button', { name: w.previous }).isDisabled()).resolves.toBe(true);
  }
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
}, 300_000);

it("lists the record's linked objects with their amount, state and date in French", async () => {
  const listed = await api.admin(`/customer-records/customers/${customer}/management-objects?type=invoices&page=1&pageSize=10`);
  const invoice = listed.data.find((r: any) => r.state && r.date && r.amountExclTax !== null);
  expect(invoice).toBeTruthy();
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'fr'));
  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer/${customer}`);
  await skipTour(page);
  const more = page.getByRole('button', { name: /more actions|plus d.actions/i });
  await more.waitFor({ timeout: 120_000 });
  await more.click();
  await page.getByRole('menuitem', { name: 'Objets de gestion liés' }).click();
  const modal = page.getByRole('dialog');
  const invoices = modal.locator('[data-object-count="invoices"]');
  // the type's name in French too
  await expect(invoices.innerText()).resolves.toMatch(new RegExp(`^${typeText('api::invoice.invoice', 'fr')} \\(\\d+\\)$`));
  await invoices.click();
  const row = modal.locator(`[data-object-row="${invoice.documentId}"]`);
  await row.waitFor({ timeout: 30_000 });
  const cells = await row.locator('td').allTextContents();
  expect(cells).toEqual([invoice.number, day(invoice.date, 'fr'), valueText('api::invoice.invoice', 'state', invoice.state, 'fr'), cells[3]]);
  expectAmount(cells[3], invoice.amountExclTax, invoice.currency.code, 'fr');
  await expect(modal.locator('thead').getByText('Montant HT', { exact: true }).isVisible()).resolves.toBe(true);
  await modal.screenshot({ path: path.join(SCREENSHOTS, 'insights-07-linked-objects-fr.png') });
  await page.keyboard.press('Escape');
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
}, 300_000);
