/**
 * The DNS step as the e2e tests drive it. The screen fills the domain field with the first domain
 * SES lists once it has them; a test that typed before that could mix its text with the suggestion
 * (Playwright selects the field, then inserts), so it types only once the field is settled.
 */
import type { Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types `domain`, asks for its records and waits until that domain's table is on screen. */
export async function showRecordsFor(page: Page, domain: string): Promise<void> {
  const field = page.getByLabel('Your domain', { exact: true });
  await page.locator('form[aria-busy="false"]').filter({ has: field }).waitFor();
  await field.fill(domain);
  await page.getByRole('button', { name: 'Show my records' }).click();
  await page
    .getByRole('table', { name: new RegExp(`^(Records to add|Your records) for ${escape(domain)}$`) })
    .waitFor();
  // The screen may have shown that domain's table by itself: wait until this request has answered.
  await page.getByRole('button', { name: 'Show my records' }).waitFor();
}
