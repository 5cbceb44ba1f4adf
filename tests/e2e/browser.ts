import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): npm browser downloads do not work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'e2e-screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The whole page, or with `fullPage: false` what the window shows (a jump to a field). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Logs in to the Strapi admin and waits for the home page; with `language`, the admin shows it from the next page on. */
export async function login(page: Page, url: string, email: string, password: string, language?: 'fr' | 'en'): Promise<void> {
  await page.goto(`${url}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /login/i }).click();
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
  if (language) await page.evaluate((l) => localStorage.setItem('strapi-admin-language', l), language);
}

/** Strapi's guided tour pops over the first visit of a page: skip it when it shows. */
export async function skipTour(page: Page): Promise<void> {
  const skip = page.getByRole('button', { name: /^skip$/i });
  if (await skip.isVisible().catch(() => false)) await skip.click();
}
