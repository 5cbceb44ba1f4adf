import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { adminApi, readOnlyClerk, type AdminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { labelled } from './labels';
import { startDemo, type DemoServer } from './demo-server';

// The decision log found by typing a customer's name, and "Save anyway" on a management object being created.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let customer: { documentId: string; code: string; callName: string };

const OPPORTUNITY = 'api::opportunity.opportunity';
const DOCS = path.resolve(__dirname, '..', '..', 'docs', 'admin');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What a clerk would type: lower case, no accent (the server folds both). */
const typed = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  api = await adminApi(demo.url, demo.email, demo.password);
  // a customer whose name has an accent, so that typing it without one shows the search folds accents
  const fields = 'fields[0]=code&fields[1]=callName&filters[kind][$eq]=customer&sort=id:asc&pagination[pageSize]=1';
  const accented = await api.content(`/api/customers?${fields}&filters[callName][$contains]=%C3%89`);
  customer = (accented.data[0] ?? (await api.content(`/api/customers?${fields}`)).data[0]) as typeof customer;
  expect(customer.code).toBeTruthy();
  // its decisions, and another customer's, so that the filter has something to leave out
  const other = (await api.content(`/api/customers?fields[0]=callName&filters[documentId][$ne]=${customer.documentId}&pagination[pageSize]=1`)).data[0];
  for (const party of [customer.documentId, other.documentId]) {
    await api.admin(`/credit-control/parties/${party}/block`, { method: 'POST', body: { reason: 'e2e: log search' } });
    await api.admin(`/credit-control/parties/${party}/unblock`, { method: 'POST', body: { reason: 'e2e: log search done' } });
  }
  await login(page, demo.url, demo.email, demo.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('filters the decision log by a customer typed by part of its name and picked (French admin)', async () => {
  // a French browser too: the date filters are the browser's own inputs
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const rowParties = () => page.locator('[data-outcome] [data-credit-party]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-credit-party')));
  try {
    await login(page, demo.url, demo.email, demo.password, 'fr');
    await page.goto(`${demo.url}/admin/plugins/credit-control/decisions`);
    await page.locator('[data-outcome]').first().waitFor({ timeout: 60_000 });
    await skipTour(page);
    const expected = await api.admin(`/credit-control/decisions?party=${customer.documentId}&pageSize=20`);
    const all = await api.admin('/credit-control/decisions?pageSize=1');
    expect(all.meta.pagination.total).toBeGreaterThan(expected.meta.pagination.total);

    // part of the name, typed in lower case without its accents
    const words = typed(customer.callName).split(' ');
    const text = words.length > 1 ? `${words[0]} ${words[1].slice(0, 3)}` : words[0].slice(0, 6);
    const picker = page.getByLabel('Client (code ou nom)');
    await picker.click();
    await picker.pressSequentially(text, { delay: 40 });
    const label = `${customer.code} – ${customer.callName}`;
    await page.getByRole('option', { name: label }).click();
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForFunction(
      ([party, count]) => {
        const cells = [...document.querySelectorAll('[data-outcome] [data-credit-party]')];
        return cells.length === count && cells.every((c) => c.getAttribute('data-credit-party') === party);
      },
      [customer.documentId, expected.data.length] as const,
      { timeout: 30_000 }
    );
    // each row names the customer by code and name, and links to its record
    const link = page.locator('[data-outcome] [data-credit-party] a').first();
    expect(await link.innerText()).toBe(label);
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/content-manager/collection-types/api::customer\\.customer/${customer.documentId}$`));
    await page.getByText(new RegExp(`${expected.meta.pagination.total} décisions?, page 1 sur`)).waitFor();
    const file = await screenshot(page, 'credit-15-decisions-by-name-fr');
    fs.copyFileSync(file, path.join(DOCS, 'credit-audit-filter-fr.png'));

    // text typed and not picked is searched as it is, in codes and names
    await page.reload();
    await page.locator('[data-outcome]').first().waitFor({ timeout: 60_000 });
    const searched = await api.admin(`/credit-control/decisions?partyName=${encodeURIComponent(text)}&pageSize=20`);
    await page.getByLabel('Client (code ou nom)').pressSequentially(text, { delay: 40 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForFunction((ids) => JSON.stringify([...document.querySelectorAll('[data-outcome]')].map((r) => Number(r.getAttribute('data-credit-decision')))) === ids, JSON.stringify(searched.data.map((d: any) => d.id)), {
      timeout: 30_000,
    });
    expect(new Set(await rowParties())).toContain(customer.documentId);
  } finally {
    await context.close();
  }
}, 300_000);

it('a refused create gets "Save anyway" for an admin with the override permission, and not for a clerk', async () => {
  await api.admin(`/credit-control/parties/${customer.documentId}/block`, { method: 'POST', body: { reason: 'e2e: blocked for the create' } });
  const { data: summary } = await api.admin(`/credit-control/parties/${customer.documentId}/credit`);
  if (!summary.policy.gates.includes('opportunities')) {
    await api.admin(`/credit-control/parties/${customer.documentId}/policy`, { method: 'PUT', body: { data: { gates: [...summary.policy.gates, 'opportunities'] } } });
  }
  const number = `OPP-E2E-${Date.now() % 1_000_000}`;
  await page.goto(`${demo.url}/admin/content-manager/collection-types/${OPPORTUNITY}/create`);
  await page.getByRole('button', { name: /^save$/i }).waitFor({ timeout: 60_000 });
  await skipTour(page);
  // shown from the start, usable once something is typed
  expect(await page.getByRole('button', { name: 'Save anyway' }).isDisabled()).toBe(true);
  await page.getByLabel(labelled(OPPORTUNITY, 'number')).fill(number);
  await page.getByLabel(labelled(OPPORTUNITY, 'title')).fill('e2e: refused then saved anyway');
  await page.getByLabel(labelled(OPPORTUNITY, 'expectedAmountExclTax')).fill('1500');
  const date = page.getByLabel(labelled(OPPORTUNITY, 'date'));
  await date.click();
  await date.pressSequentially('01/15/2026', { delay: 20 });
  await page.keyboard.press('Tab');
  const party = page.getByLabel(labelled(OPPORTUNITY, 'customer'));
  await party.click();
  await party.pressSequentially(customer.callName, { delay: 30 });
  await page.getByRole('option', { name: new RegExp(escape(customer.callName)) }).first().click();

  await page.getByRole('button', { name: /^save$/i }).click();
  await page.getByText(/Credit blocked/).first().waitFor({ timeout: 30_000 });
  const stored = () => api.content(`/api/opportunities?filters[number][$eq]=${number}&populate[customer][fields][0]=code`);
  expect((await stored()).data).toEqual([]);
  await screenshot(page, 'credit-16-create-refused');

  await page.getByRole('button', { name: 'Save anyway' }).click();
  const modal = page.getByRole('dialog');
  await modal.getByLabel('Reason').fill('e2e: signed order in hand');
  await screenshot(page, 'credit-17-create-save-anyway');
  await modal.getByRole('button', { name: 'Save anyway' }).click();
  await page.getByText('Saved with a credit override').waitFor({ timeout: 30_000 });
  // the new document's edit view, with what was typed
  await page.waitForURL(new RegExp(`${escape(OPPORTUNITY)}/[a-z0-9]+$`), { timeout: 30_000 });
  const created = (await stored()).data;
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ number, expectedAmountExclTax: 1500, date: '2026-01-15', customer: { documentId: customer.documentId } });
  expect(page.url().endsWith(created[0].documentId)).toBe(true);
  expect(await page.getByLabel(labelled(OPPORTUNITY, 'number')).inputValue()).toBe(number);
  await page.getByRole('button', { name: /^save$/i }).waitFor();
  const log = await api.admin(`/credit-control/decisions?party=${customer.documentId}&outcome=overridden`);
  expect(log.data[0]).toMatchObject({ documentUid: OPPORTUNITY, documentId: created[0].documentId, action: 'create', actorLabel: demo.email, details: { overrideReason: 'e2e: signed order in hand' } });
  await screenshot(page, 'credit-18-create-overridden');

  // a clerk without the permission does not see it on a create
  const clerk = await readOnlyClerk(api, demo.url);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  try {
    const clerkPage = await context.newPage();
    await login(clerkPage, demo.url, clerk.email, clerk.password);
    // the mapping read (it says which types are gated) answered before looking for the button
    const status = clerkPage.waitForResponse((res) => res.url().endsWith('/credit-control/status') && res.ok(), { timeout: 60_000 });
    await clerkPage.goto(`${demo.url}/admin/content-manager/collection-types/${OPPORTUNITY}/create`);
    await status;
    await clerkPage.getByRole('button', { name: /^save$/i }).waitFor({ timeout: 60_000 });
    await clerkPage.getByLabel(labelled(OPPORTUNITY, 'number')).fill(`${number}-C`);
    await clerkPage.getByLabel(labelled(OPPORTUNITY, 'title')).waitFor();
    expect(await clerkPage.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
  } finally {
    await context.close();
  }
  await api.admin(`/credit-control/parties/${customer.documentId}/unblock`, { method: 'POST', body: { reason: 'e2e: done' } });
}, 300_000);

