import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { pdfText } from '../helpers/pdf-text';
import { adminApi, readOnlyClerk, type AdminApi } from './admin-api';
import { SCREENSHOTS, launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';

// The party record's report actions, registered by the credit-control plugin's admin for the party
// type its status route names: statement, dunning letter (by the party's documentId), dun by email
// (the plugin's one dunning-email form), shown to users with the report permissions only.
let demo: DemoServer;
let browser: Browser;
let page: Page;
let api: AdminApi;
let partyUid: string;
let partyType: string;
/** a party with overdue invoices today (from the server's own dunning list) */
let party: { documentId: string; code: string; name: string };

const day = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const cm = (documentId: string) => `${demo.url}/admin/content-manager/collection-types/${partyUid}/${documentId}`;

const openRecord = async (on: Page, documentId: string) => {
  await on.goto(cm(documentId));
  await on.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
  await skipTour(on);
};

/** The record's "More actions" entries. */
const menuItems = async (on: Page): Promise<string[]> => {
  await on.getByRole('button', { name: /more actions/i }).click();
  await on.getByRole('menuitem').first().waitFor();
  const texts = (await on.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
  await on.keyboard.press('Escape');
  return texts;
};

/** Opens the record, then its action `label`: the modal, titled with the label. */
const openAction = async (documentId: string, label: string): Promise<Locator> => {
  await openRecord(page, documentId);
  await page.getByRole('button', { name: /more actions/i }).click();
  await page.getByRole('menuitem', { name: label }).click();
  const modal = page.getByRole('dialog');
  await modal.getByRole('heading', { name: label }).waitFor();
  return modal;
};

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  api = await adminApi(demo.url, demo.email, demo.password);
  const status = await api.admin('/credit-control/status');
  partyUid = status.mapping.party;
  partyType = status.mapping.partyDisplayName;
  expect(status.mapping.partyLabelField).toBe('callName');
  const list = await api.admin(`/credit-control/reports/dunning/letters?dueBefore=${day()}&asOf=${day()}&locale=en&pageSize=1`);
  expect(list.data.length).toBeGreaterThan(0);
  party = list.data[0].party;
  await login(page, demo.url, demo.email, demo.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('downloads the invoice statement PDF of the record, named in the party’s own words', async () => {
  const modal = await openAction(party.documentId, 'Print invoice statement');
  await modal.getByText(`Invoice statement of ${party.name} (${partyType})`, { exact: false }).waitFor();
  await screenshot(page, 'record-reports-01-statement');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), modal.getByRole('button', { name: 'Download the PDF' }).click()]);
  const file = path.join(SCREENSHOTS, 'record-reports-statement.pdf');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  expect((await pdfText(bytes)).text).toContain(party.name);
}, 300_000);

it('prints the dunning letter of the record, selected by its documentId', async () => {
  const modal = await openAction(party.documentId, 'Print dunning letter');
  await modal.getByText(`Dunning letter of ${party.name} (${partyType})`, { exact: false }).waitFor();
  const [request, download] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/credit-control/reports/dunning?')),
    page.waitForEvent('download', { timeout: 60_000 }),
    modal.getByRole('button', { name: 'Download the letter' }).click(),
  ]);
  const query = new URL(request.url()).searchParams;
  expect(query.get('party')).toBe(party.documentId);
  expect(query.get('codeFrom')).toBeNull();
  const file = path.join(SCREENSHOTS, 'record-reports-dunning.pdf');
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
  expect((await pdfText(fs.readFileSync(file))).text).toContain(party.name);
}, 300_000);

it('duns by email in the plugin’s full form: level, attachments, dunning contacts ticked, the server’s text on failure', async () => {
  // one contact with an email flagged to receive dunning (the demo may flag none), one left unflagged
  const before = (await api.admin(`/credit-control/reports/parties/${party.documentId}/recipients`)).data;
  const contact = (before.contacts as { documentId: string; email: string | null }[]).find((c) => c.email);
  if (contact) await api.content(`/api/contacts/${contact.documentId}`, { method: 'PUT', body: { data: { receivesDunning: true } } });
  const recipients = (await api.admin(`/credit-control/reports/parties/${party.documentId}/recipients`)).data;
  if (contact) expect(recipients.contacts.find((c: any) => c.documentId === contact.documentId).roles).toContain('receivesDunning');
  const modal = await openAction(party.documentId, 'Dun by email');
  const form = modal.locator(`[data-dunning-email="${party.documentId}"]`);
  await form.waitFor({ timeout: 30_000 });
  // the dunning page's own form: level, format, extra files
  await form.getByText('Level').first().waitFor();
  await form.getByLabel('Other attachments').waitFor();
  expect(await modal.getByLabel('Title').inputValue()).toBe(`Overdue invoices: ${party.name} (${party.code})`);
  // contacts flagged to receive dunning (with an email) start ticked, the others not
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ticked = async (c: { name: string; email: string }) => form.getByRole('checkbox', { name: new RegExp(`${escape(c.name)} <${escape(c.email)}>`) }).first().isChecked();
  const flagged = (recipients.contacts as { name: string; email: string | null; roles: string[] }[]).filter((c) => c.email && c.roles.includes('receivesDunning'));
  if (contact) expect(flagged.length).toBeGreaterThan(0);
  for (const c of recipients.contacts as { name: string; email: string | null; roles: string[] }[]) {
    if (c.email) expect([c.name, await ticked(c as { name: string; email: string })]).toEqual([c.name, flagged.includes(c)]);
  }
  for (const c of recipients.employees as { name: string; email: string | null }[]) {
    if (c.email) expect([c.name, await ticked(c as { name: string; email: string })]).toEqual([c.name, false]);
  }
  await screenshot(page, 'record-reports-02-dun-email');
  for (const box of await modal.getByRole('checkbox', { checked: true }).all()) await box.click();
  await modal.getByRole('button', { name: 'Send' }).click();
  await modal.getByText('choose at least one employee or contact with an email address').first().waitFor({ timeout: 30_000 });
  const withEmail = [...recipients.employees, ...recipients.contacts].find((c: any) => c.email);
  if (withEmail) {
    await modal.getByRole('checkbox', { name: new RegExp(withEmail.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await modal.getByRole('button', { name: 'Send' }).click();
    // no SMTP server in the demo: a 502 with the server's reason (or, with one, the sent notice)
    await modal
      .getByText(/The mail server could not send the email, nothing was recorded/)
      .or(page.getByText(/Dunning email sent to/))
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'record-reports-03-dun-email-result');
  }
}, 300_000);

it('shows the report actions to users with the plugin’s report permissions only', async () => {
  const clerk = await readOnlyClerk(api, demo.url);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const other = await context.newPage();
  const labels = ['Print invoice statement', 'Print dunning letter', 'Dun by email'];
  try {
    await login(other, demo.url, clerk.email, clerk.password);
    await openRecord(other, party.documentId);
    const before = await menuItems(other).catch(() => [] as string[]);
    for (const label of labels) expect(before).not.toContain(label);

    // reports.read: the statement and the letter; dunning by email also needs reports.dun
    const roles = await api.admin('/admin/roles');
    const editor = roles.data.find((r: any) => r.code === 'strapi-editor');
    const current = await api.admin(`/admin/roles/${editor.id}/permissions`);
    const permissions = current.data.map(({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }));
    permissions.push({ action: 'plugin::credit-control.reports.read', subject: null, properties: {}, conditions: [] });
    await api.admin(`/admin/roles/${editor.id}/permissions`, { method: 'PUT', body: { permissions } });
    await openRecord(other, party.documentId);
    const after = await menuItems(other);
    expect(after).toEqual(expect.arrayContaining(['Print invoice statement', 'Print dunning letter']));
    expect(after).not.toContain('Dun by email');
  } finally {
    await context.close();
  }
}, 300_000);
