import type { Browser, Page } from 'playwright-core';
import { launch, login, screenshot, skipTour } from './browser';
import { startDemo, type DemoServer } from './demo-server';

// The built admin on the demo data, in headless Debian Chromium.
let demo: DemoServer;
let browser: Browser;
let page: Page;
beforeAll(async () => {
  demo = await startDemo();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('logs in and opens a customer record from the Content Manager', async () => {
  await login(page, demo.url, demo.email, demo.password);
  await screenshot(page, '01-home');
  await page.goto(`${demo.url}/admin/content-manager/collection-types/api::customer.customer`);
  const firstRow = page.locator('tbody tr').first();
  await firstRow.waitFor({ timeout: 60_000 });
  await skipTour(page);
  await screenshot(page, '02-customers');
  await firstRow.click();
  await page.waitForURL(/api::customer\.customer\/[a-z0-9]+/, { timeout: 60_000 });
  await page.getByLabel(/call ?name/i).first().waitFor({ timeout: 60_000 });
  expect(await page.getByLabel(/call ?name/i).first().inputValue()).not.toBe('');
  await screenshot(page, '03-customer');
}, 300_000);
