/**
 * The DNS step as the e2e tests drive it. The screen fills the domain field with the first domain
 * SES lists once it has them; a test that typed before that could mix its text with the suggestion
 * (Playwright selects the field, then inserts), so it types only once the field is settled.
 */
import type { Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types `domain`, asks for its records and waits until that domain's table is on the page (folded). */
export async function showRecordsFor(page: Page, domain: string): Promise<void> {
  const field = page.getByLabel('Your domain', { exact: true });
  await page.locator('form[aria-busy="false"]').filter({ has: field }).waitFor();
  await field.fill(domain);
  await page.getByRole('button', { name: 'Show my records' }).click();
  await page
    .getByRole('table', {
      name: new RegExp(`^(Records to add|Your records) for ${escape(domain)}$`),
      includeHidden: true,
    })
    .waitFor({ state: 'attached' });
  // The screen may have shown that domain's table by itself: wait until this request has answered.
  await page.getByRole('button', { name: 'Show my records' }).waitFor();
}

/** Opens the folded manual way (the host's steps and the full table), as a person would. */
export async function openByHand(page: Page): Promise<void> {
  const fold = page.locator('details.by-hand');
  if (await fold.evaluate((d) => (d as HTMLDetailsElement).open)) return;
  await fold.locator('summary').click();
  await page.locator('details.by-hand[open]').waitFor();
}
