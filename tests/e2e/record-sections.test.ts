import type { Browser, Page } from 'playwright-core';
import { adminApi } from './admin-api';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';
import { escape, sectionsOf } from './labels';

// The customer record's sections (src/labels), in English and in French: a side panel lists them in the
// spec's order, and a click brings the section's first field into view, focused.
const CUSTOMER = 'api::customer.customer';
let demo: DemoServer;
let browser: Browser;
let page: Page;
let record: string;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const api = await adminApi(demo.url, demo.email, demo.password);
  record = (await api.content('/api/customers?filters[code][$eq]=C000006')).data[0].documentId;
  await login(page, demo.url, demo.email, demo.password);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

const panel = () => page.locator(`[data-sections="${CUSTOMER}"]`);
const jump = (title: string) => panel().locator('button', { has: page.locator('[data-section-title]', { hasText: new RegExp(`^${escape(title)}$`) }) });

/** The focused element's name, and whether it lies within the window. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return { name: el?.getAttribute('name') ?? null, tag: el?.tagName ?? null, inView: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight) };
  });
const inView = (selector: string) =>
  page.evaluate((css) => {
    const box = document.querySelector(css)?.getBoundingClientRect();
    return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight);
  }, selector);

async function openRecord(lang: 'en' | 'fr') {
  await page.evaluate((l) => localStorage.setItem('strapi-admin-language', l), lang);
  await page.goto(`${demo.url}/admin/content-manager/collection-types/${CUSTOMER}/${record}`);
  await panel().waitFor({ timeout: 60_000 });
  await page.locator('[name="callName"]').waitFor({ timeout: 60_000 });
  await skipTour(page);
}

it.each(['en', 'fr'] as const)('lists the record sheet sections in the spec order (%s) and jumps to Finances', async (lang) => {
  await openRecord(lang);
  const sections = sectionsOf(CUSTOMER, lang);
  const title = (field: string) => sections.find((section) => section.fields.includes(field))!.title;
  // the panel reads the label file: every section of the customer has a field on the form
  const listed = await panel().locator('[data-section-title]').allTextContents();
  expect(listed).toEqual(sections.map((section) => section.title));
  // the spec's order: General, Finances, Marketing, Salesmen, legal and additional information
  const specOrder = ['callName', 'generalAccount', 'marketing', 'salesmen', 'legal'].map((field) => listed.indexOf(title(field)));
  expect(specOrder.every((at, i) => at >= 0 && (i === 0 || at > specOrder[i - 1]))).toBe(true);
  await expect(page.getByText('Sections', { exact: true }).first().isVisible()).resolves.toBe(true);

  // the count is what the form shows of the section (here: each Finances field has its input)
  const finances = sections.find((section) => section.title === title('generalAccount'))!;
  const onForm = await page.evaluate(
    (fields) => fields.filter((f) => document.querySelector(`main [name="${f}"], main [name^="${f}."]`)).length,
    finances.fields
  );
  const count = lang === 'en' ? `${onForm} fields` : `${onForm} champs`;
  await expect(jump(finances.title).textContent()).resolves.toContain(count);
  await screenshot(page, `record-04-sections-${lang}`, { fullPage: false });

  expect(await inView('[name="generalAccount"]')).toBe(false);
  await jump(finances.title).click();
  await expect(focused()).resolves.toEqual({ name: 'generalAccount', tag: 'INPUT', inView: true });
  await screenshot(page, `record-04b-finances-${lang}`, { fullPage: false });
}, 300_000);

it('reaches a section without a named input (Salesmen, entries closed) by its label, and jumps with unsaved edits', async () => {
  await openRecord('fr');
  const salesmen = sectionsOf(CUSTOMER, 'fr').find((section) => section.fields.includes('salesmen'))!.title;
  await page.locator('[name="notes"]').fill('Rappeler lundi');
  await jump(salesmen).click();
  const label = page.locator('main label', { hasText: new RegExp(`^${escape(salesmen)}`) }).first();
  await expect(label.isVisible()).resolves.toBe(true);
  expect(await label.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
  expect((await focused()).inView).toBe(true);
  // no navigation: the unsaved edit stays, and no "leave the page?" dialog
  await jump(sectionsOf(CUSTOMER, 'fr').find((section) => section.fields.includes('callName'))!.title).click();
  await expect(focused()).resolves.toEqual({ name: 'kind', tag: 'DIV', inView: true });
  await expect(page.locator('[name="notes"]').inputValue()).resolves.toBe('Rappeler lundi');
  await expect(page.getByRole('dialog').count()).resolves.toBe(0);
}, 300_000);
