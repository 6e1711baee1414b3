/**
 * Finding the way, and admin access in the header, end to end: the automatic path to the dashboard
 * with a permanent admin key, then
 * - every earlier step opens from the dashboard in one click on the step list (the goal figure,
 *   written to test-results/back-clicks.json for `npm run bench`);
 * - admin access shows in the header on every screen with its time left, never as an open panel;
 * - after setup, the permanent admin key made for it is deleted with itself, and stops working.
 */
import { ListUsersCommand } from '@aws-sdk/client-iam';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Moto } from '../peers/moto';
import { adminIam, type TestKey } from '../support/aws';
import { startAutomaticPath, stopE2e, type AutomaticPath } from '../support/e2e';
import type { RunningApp } from './harness';

let moto: Moto;
let admin: TestKey;
let app: RunningApp;
let world: AutomaticPath | undefined;
const service = 'ses-setup-assistant-e2e-navigation';

/** Each stage of the step list, and the heading of the screen a click on it opens. */
const STAGE_SCREENS: [label: string, heading: string | RegExp][] = [
  ['Welcome', 'Send email from your own domain with Amazon SES'],
  ['Connect AWS', 'Your AWS account is connected'],
  ['Region', 'Choose where SES sends your mail from'],
  ['Sender', 'Choose who your mail comes from'],
  ['DNS records', 'Add your DNS records'],
  ['Test send', 'Send a test message'],
  ['Leave the sandbox', /sandbox/i],
];
const DASHBOARD = 'Your email sending at a glance';

beforeAll(async () => {
  world = await startAutomaticPath(service);
  ({ moto, admin, app } = world);
});

afterAll(async () => {
  if (app) await app.assistant.context.vault.forget(app.assistant.context.profile().id).catch(() => {});
  await stopE2e(world?.app, world?.nsd, world?.account, world?.moto);
});

const heading = (name: string | RegExp) => app.page.getByRole('heading', { name }).first().waitFor();
const steps = () => app.page.getByRole('navigation', { name: 'Steps', exact: true });
const indicator = () => app.page.getByRole('region', { name: 'Admin access' });

describe('admin access in the header, and the way back from the dashboard', () => {
  it('shows admin access in the header on every screen, not as an open panel, along the path', async () => {
    const { page } = app;
    await heading('Send email from your own domain with Amazon SES');
    expect(await indicator().count()).toBe(0);
    await page.getByRole('button', { name: 'Get started' }).click();

    await heading('Admin access, for a moment');
    expect(await indicator().count()).toBe(0);
    await page.getByLabel('Access key ID', { exact: true }).fill(admin.accessKeyId);
    await page.getByLabel('Secret access key', { exact: true }).fill(admin.secretAccessKey);
    await page.getByRole('button', { name: 'Use these admin keys' }).click();
    await indicator()
      .getByText(/Admin access open/)
      .waitFor();
    // The screen says only that it is open; the countdown and "Forget" are in the header.
    expect(await page.getByText('Its time left and “Forget” are at the top of the window.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Forget admin access' }).count()).toBe(1);
    await app.screenshot('nav-01-admin-open-in-header');
    await page.getByRole('button', { name: 'Create the sending user' }).click();
    await heading('Your AWS account is connected');

    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await heading('Choose where SES sends your mail from');
    await page.getByRole('button', { name: 'Use US East (N. Virginia)' }).click();
    await heading('Choose who your mail comes from');
    await page.getByLabel('Your domain', { exact: true }).fill('good.test');
    await page.getByRole('button', { name: 'Verify this domain' }).click();
    await page.getByRole('listitem').filter({ hasText: 'good.test' }).getByText('Verified').waitFor();
    await page.getByRole('button', { name: 'Continue to DNS records' }).click();
    await heading('Add your DNS records');
    await page.getByRole('heading', { name: '✓ All records are in place' }).waitFor();
    await page.getByRole('button', { name: 'Continue: send a test email' }).click();

    await heading('Send a test message');
    // Test send: the header says admin access is open; no "Admin access, for a moment" panel.
    await indicator()
      .getByText(/Admin access open/)
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Admin access, for a moment' }).count()).toBe(0);
    const countdown = await indicator().locator('.admin-countdown').textContent();
    expect(countdown).toMatch(/^1[0-5]:\d\d$/);
    // It counts down by the second.
    await page.waitForFunction(
      (before) => document.querySelector('.admin-countdown')?.textContent !== before,
      countdown,
    );
    const text = await app.screenshot('nav-02-test-send-admin-in-header');
    expect(text).not.toContain(admin.secretAccessKey);

    await page.getByRole('button', { name: 'Continue: leave the sandbox' }).click();
    await heading(/sandbox/i);
    await page.getByRole('button', { name: 'Go to the dashboard' }).click();
    await heading(DASHBOARD);
  });

  it('opens every earlier step from the dashboard in one click', async () => {
    const clicks: Record<string, number> = {};
    for (const [label, screen] of STAGE_SCREENS) {
      let count = 0;
      await steps().getByRole('button', { name: label, exact: true }).click();
      count++;
      await heading(screen);
      expect(await steps().locator('[aria-current="step"]').textContent()).toBe(label);
      clicks[label] = count;
      // And straight back to the dashboard, also in one click.
      await steps().getByRole('button', { name: 'Dashboard', exact: true }).click();
      await heading(DASHBOARD);
    }
    expect(Object.keys(clicks)).toHaveLength(STAGE_SCREENS.length);
    const most = Math.max(...Object.values(clicks));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/back-clicks.json', JSON.stringify({ clicks, max: most }, null, 2));
    expect(most).toBe(1);
    await app.screenshot('nav-03-dashboard-step-list');
  });

  it('after setup, deletes the permanent admin key made for it, which then stops working', async () => {
    const { page } = app;
    const offer = page.getByRole('region', { name: 'The admin key' });
    await offer.getByText(/Setup is done/).waitFor();
    // The details in the header say whose key it is and when it will be forgotten.
    await indicator().locator('summary').click();
    await indicator()
      .getByText(/admin keys of user “admin”/)
      .waitFor();
    await app.screenshot('nav-04-admin-details-and-key-offer');
    // The same in dark mode: axe checks the contrast of the header's pill and the offer.
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('nav-04-admin-details-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await indicator().locator('summary').click();

    await offer.getByRole('button', { name: 'Delete this admin key…' }).click();
    const confirm = offer.getByRole('group', { name: 'Confirm deleting the admin key' });
    await confirm.getByText(/Delete key AKIA…/).waitFor();
    await app.screenshot('nav-05-confirm-key-deletion');
    await confirm.getByRole('button', { name: 'Yes, delete the key' }).click();

    await page.getByText(/was deleted in AWS, and admin access is forgotten/).waitFor();
    expect(await indicator().count()).toBe(0);
    await app.screenshot('nav-06-key-deleted');
    // AWS no longer knows the key.
    const used = await adminIam(moto.endpoint, admin)
      .send(new ListUsersCommand({ MaxItems: 1 }))
      .then(() => 'works')
      .catch((err: Error) => err.name);
    expect(used).toBe('InvalidClientTokenId');
    for (const result of app.ipcResults) expect(result).not.toContain(admin.secretAccessKey);
  });

  it('has no accessibility violations on any screen taken above', () => {
    expect(app.a11y.size).toBeGreaterThanOrEqual(7);
    expect(Object.fromEntries(app.a11y)).toEqual(
      Object.fromEntries([...app.a11y.keys()].map((k) => [k, []])),
    );
  });
});
