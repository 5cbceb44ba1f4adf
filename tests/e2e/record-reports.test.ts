import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { pdfText } from '../helpers/pdf-text';
import { adminApi, readOnlyClerk, type AdminApi } from './admin-api';
import { SCREENSHOTS, launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';

// The party record's report actions, registered by the credit-control plugin's admin for the party
// type its status route names: statement, and the plugin's one dunning dialog (the dunning page's own:
// letter PDF or email, by the party's documentId), shown to users with the report permissions only.
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

const DUN = 'Dunning letter or email';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A date `days` from today, and how a letter in `locale` writes it (the server's long format). */
const later = (days: number, locale: 'en-GB' | 'fr-FR') => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return { iso: day(d), long: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day(d)}T00:00:00Z`)) };
};
/** Picks `option` in the select labelled `label` of the dialog. */
const choose = async (modal: Locator, label: string, option: string) => {
  await modal.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
/** The one (record's or dunning page's) dialog with every choice: dates, language, format, level, letter preview. */
const expectDialogFields = async (modal: Locator, labels: string[]) => {
  for (const label of labels) await modal.getByText(label, { exact: true }).first().waitFor();
};
/** Stores the admin's language (as its profile page does): read on the next page load. */
const adminLanguage = async (on: Page, language: 'en' | 'fr') => {
  await on.evaluate((l) => window.localStorage.setItem('strapi-admin-language', l), language);
};

it('opens the one dunning dialog from the record and downloads the letter for a chosen as-of date and level, recording nothing', async () => {
  const modal = await openAction(party.documentId, DUN);
  const dialog = modal.locator(`[data-dunning-dialog="${party.documentId}"]`);
  await dialog.waitFor({ timeout: 30_000 });
  await expectDialogFields(dialog, ['Dunning date (as of)', 'Invoices due before', 'Report language', 'Format', 'Level', 'Record the levels reached (the next letters climb from them)', 'Download the PDF', 'By email']);
  // the letter a run would send today, by delay; "record" never ticked by default
  await dialog.locator('[data-dunning-preview]:not([data-dunning-preview="loading"])').waitFor({ timeout: 30_000 });
  expect(await modal.getByRole('checkbox', { name: /Record the levels reached/ }).isChecked()).toBe(false);
  const when = later(7, 'en-GB');
  await modal.getByLabel('Dunning date (as of)').fill(when.iso);
  await choose(modal, 'Report language', 'English');
  await choose(modal, 'Level', 'Friendly reminder');
  await dialog.locator('[data-dunning-preview="friendly"]').waitFor({ timeout: 30_000 });
  await screenshot(page, 'record-05-dunning-en');
  const [request, download] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/credit-control/reports/dunning?')),
    page.waitForEvent('download', { timeout: 60_000 }),
    modal.getByRole('button', { name: 'Download the PDF' }).click(),
  ]);
  const query = new URL(request.url()).searchParams;
  expect(Object.fromEntries(['party', 'asOf', 'level', 'locale', 'format'].map((k) => [k, query.get(k)]))).toEqual({ party: party.documentId, asOf: when.iso, level: 'friendly', locale: 'en', format: 'letter' });
  expect(query.get('codeFrom')).toBeNull();
  expect(download.suggestedFilename()).toBe(`dunning-preview-${when.iso}.pdf`);
  const file = path.join(SCREENSHOTS, 'record-reports-dunning.pdf');
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  const text = (await pdfText(bytes)).text;
  expect(text).toContain(party.name);
  // the letter is dated the chosen day
  expect(text).toContain(when.long);
  await modal.getByText(`Downloaded: dunning-preview-${when.iso}.pdf (no level recorded)`).waitFor();
  expect((await api.admin(`/credit-control/reports/dunning-records?party=${party.documentId}`)).data).toEqual([]);
}, 300_000);

it('duns by email from the same dialog: recipients, title, attachments, and the mail server’s failure in words', async () => {
  // one contact with an email flagged to receive dunning (the demo may flag none), one left unflagged
  const before = (await api.admin(`/credit-control/reports/parties/${party.documentId}/recipients`)).data;
  const contact = (before.contacts as { documentId: string; email: string | null }[]).find((c) => c.email);
  if (contact) await api.content(`/api/contacts/${contact.documentId}`, { method: 'PUT', body: { data: { receivesDunning: true } } });
  const recipients = (await api.admin(`/credit-control/reports/parties/${party.documentId}/recipients`)).data;
  if (contact) expect(recipients.contacts.find((c: any) => c.documentId === contact.documentId).roles).toContain('receivesDunning');
  const modal = await openAction(party.documentId, DUN);
  await modal.getByRole('radio', { name: 'By email' }).click();
  const form = modal.locator(`[data-dunning-email="${party.documentId}"]`);
  await form.waitFor({ timeout: 30_000 });
  await expectDialogFields(form, ['Employees', 'Contacts', 'Attachments']);
  expect(await modal.getByLabel('Title').inputValue()).toBe(`Overdue invoices: ${party.name} (${party.code})`);
  // the letter attached by default, the statement when asked, other files
  expect(await form.getByRole('checkbox', { name: 'The dunning letter (PDF)' }).isChecked()).toBe(true);
  expect(await form.getByRole('checkbox', { name: 'The invoice statement as of the dunning date (PDF)' }).isChecked()).toBe(false);
  await form.getByRole('button', { name: 'Add other files' }).waitFor();
  expect(await form.getByLabel('Other attachments').count()).toBe(1);
  // contacts flagged to receive dunning (with an email) start ticked, the others not
  const ticked = async (c: { name: string; email: string }) => form.getByRole('checkbox', { name: new RegExp(`${escape(c.name)} <${escape(c.email)}>`) }).first().isChecked();
  const flagged = (recipients.contacts as { name: string; email: string | null; roles: string[] }[]).filter((c) => c.email && c.roles.includes('receivesDunning'));
  if (contact) expect(flagged.length).toBeGreaterThan(0);
  for (const c of recipients.contacts as { name: string; email: string | null; roles: string[] }[]) {
    if (c.email) expect([c.name, await ticked(c as { name: string; email: string })]).toEqual([c.name, flagged.includes(c)]);
  }
  for (const c of recipients.employees as { name: string; email: string | null }[]) {
    if (c.email) expect([c.name, await ticked(c as { name: string; email: string })]).toEqual([c.name, false]);
  }
  await screenshot(page, 'record-06-dunning-email-en');
  // the recipients (named with their address) unticked, the letter left attached
  for (const box of await form.getByRole('checkbox', { checked: true, name: /</ }).all()) await box.click();
  await modal.getByRole('button', { name: 'Send by email' }).click();
  await modal.getByText('choose at least one employee or contact with an email address').first().waitFor({ timeout: 30_000 });
  const withEmail = [...recipients.employees, ...recipients.contacts].find((c: any) => c.email);
  expect(withEmail).toBeTruthy();
  await form.getByRole('checkbox', { name: new RegExp(escape(withEmail.email)) }).click();
  await form.getByRole('checkbox', { name: 'The invoice statement as of the dunning date (PDF)' }).click();
  const [sent] = await Promise.all([page.waitForRequest((r) => r.url().includes('/dunning-email') && r.method() === 'POST'), modal.getByRole('button', { name: 'Send by email' }).click()]);
  const body = sent.postDataJSON();
  expect(body).toMatchObject({ record: false, letterPdf: true });
  expect(body.attachments.map((a: any) => a.filename)).toEqual([`invoice-statement-${party.code}-${day()}.pdf`]);
  expect(Buffer.from(body.attachments[0].base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
  // no SMTP server in the demo: the plugin's coded failure, in the admin's words, never the raw socket error
  const alert = modal.locator('[data-report-error]');
  await alert.waitFor({ timeout: 60_000 });
  expect(await alert.innerText()).toMatch(/^The email could not be sent: the mail server \S+:587 refused the connection\. Nothing was recorded\.$/);
  await screenshot(page, 'record-07-dunning-email-error-en');
}, 300_000);

it('shows a French admin the same dialog in French, and the mail server’s failure translated', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const other = await context.newPage();
  try {
    await login(other, demo.url, demo.email, demo.password);
    await adminLanguage(other, 'fr');
    await other.goto(cm(party.documentId));
    const more = other.getByRole('button', { name: "Plus d'actions" });
    await more.waitFor({ timeout: 60_000 });
    await skipTour(other);
    await more.click();
    await other.getByRole('menuitem', { name: 'Relance (lettre ou e-mail)' }).click();
    const modal = other.getByRole('dialog');
    await modal.getByRole('heading', { name: 'Relance (lettre ou e-mail)' }).waitFor();
    const dialog = modal.locator(`[data-dunning-dialog="${party.documentId}"]`);
    for (const label of ['Date de relance (au)', 'Factures échues avant le', "Langue de l'état", 'Format', 'Niveau']) await dialog.getByText(label, { exact: true }).first().waitFor();
    await dialog.locator('[data-dunning-preview]:not([data-dunning-preview="loading"])').waitFor({ timeout: 30_000 });
    await screenshot(other, 'record-05-dunning-fr');
    await modal.getByRole('radio', { name: 'Par e-mail' }).click();
    const form = modal.locator(`[data-dunning-email="${party.documentId}"]`);
    await form.waitFor({ timeout: 30_000 });
    await form.getByText('Pièces jointes', { exact: true }).waitFor();
    if ((await form.getByRole('checkbox', { checked: true, name: /</ }).count()) === 0) {
      const recipients = (await api.admin(`/credit-control/reports/parties/${party.documentId}/recipients`)).data;
      const withEmail = [...recipients.employees, ...recipients.contacts].find((c: any) => c.email);
      await form.getByRole('checkbox', { name: new RegExp(escape(withEmail.email)) }).click();
    }
    await modal.getByRole('button', { name: 'Envoyer par e-mail' }).click();
    const alert = modal.locator('[data-report-error]');
    await alert.waitFor({ timeout: 60_000 });
    const shown = await alert.innerText();
    expect(shown).toMatch(/^L’e-mail n’a pas pu être envoyé : le serveur de messagerie \S+:587 a refusé la connexion\. Rien n’a été enregistré\.$/);
    expect(await modal.innerText()).not.toMatch(/ECONNREFUSED|connect |could not|refused/);
    await screenshot(other, 'record-07-dunning-email-error-fr');
  } finally {
    await context.close();
  }
}, 300_000);

it('shows the report actions to users with the plugin’s report permissions only', async () => {
  const clerk = await readOnlyClerk(api, demo.url);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const other = await context.newPage();
  const labels = ['Print invoice statement', DUN];
  try {
    await login(other, demo.url, clerk.email, clerk.password);
    await openRecord(other, party.documentId);
    const before = await menuItems(other).catch(() => [] as string[]);
    for (const label of labels) expect(before).not.toContain(label);

    // reports.read: the statement and the dunning dialog, to download only; emailing and recording also need reports.dun
    const roles = await api.admin('/admin/roles');
    const editor = roles.data.find((r: any) => r.code === 'strapi-editor');
    const current = await api.admin(`/admin/roles/${editor.id}/permissions`);
    const permissions = current.data.map(({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }));
    permissions.push({ action: 'plugin::credit-control.reports.read', subject: null, properties: {}, conditions: [] });
    await api.admin(`/admin/roles/${editor.id}/permissions`, { method: 'PUT', body: { permissions } });
    await openRecord(other, party.documentId);
    const after = await menuItems(other);
    expect(after).toEqual(expect.arrayContaining(['Print invoice statement', DUN]));
    await other.getByRole('button', { name: /more actions/i }).click();
    await other.getByRole('menuitem', { name: DUN }).click();
    const modal = other.getByRole('dialog');
    await modal.locator(`[data-dunning-dialog="${party.documentId}"]`).waitFor({ timeout: 30_000 });
    await modal.getByRole('button', { name: 'Download the PDF' }).waitFor();
    expect(await modal.getByRole('radio', { name: 'By email' }).count()).toBe(0);
    expect(await modal.getByRole('checkbox', { name: /Record the levels reached/ }).count()).toBe(0);
  } finally {
    await context.close();
  }
}, 300_000);
