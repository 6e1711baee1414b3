/**
 * The whole automatic path with the keyboard only, from the first launch to a sent test email,
 * then a test to the person's own address, then on to the sandbox request and the dashboard. The
 * actions each takes are counted and written to test-results/user-actions.json for `npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Moto } from '../peers/moto';
import type { TestKey } from '../support/aws';
import { startAutomaticPath, stopE2e, type AutomaticPath } from '../support/e2e';
import { allFiles } from '../support/files';
import { widenSendingPolicyInMoto } from '../support/moto-policy';
import type { RunningApp } from './harness';
import { keyboardDriver } from './keyboard';

let moto: Moto;
let admin: TestKey;
let app: RunningApp;
let world: AutomaticPath | undefined;
const service = 'ses-setup-assistant-e2e-full-path';
const screens: string[] = [];

beforeAll(async () => {
  world = await startAutomaticPath(service);
  ({ moto, admin, app } = world);
});

afterAll(() => stopE2e(world?.app, world?.nsd, world?.account, world?.moto));

describe('the automatic path, keyboard only', () => {
  it('goes from the first launch to a sent test email in at most 12 actions', async () => {
    const { page } = app;
    const kb = keyboardDriver(page);
    const heading = (name: string) => page.getByRole('heading', { name }).waitFor();

    await heading('Send email from your own domain with Amazon SES');
    await kb.press(page.getByRole('button', { name: 'Get started' }));

    // "Create a sending user for me" is the default choice.
    await heading('Admin access, for a moment');
    await kb.type(page.getByLabel('Access key ID', { exact: true }), admin.accessKeyId);
    await kb.type(page.getByLabel('Secret access key', { exact: true }), admin.secretAccessKey);
    await kb.press(page.getByRole('button', { name: 'Use these admin keys' }));
    await kb.press(page.getByRole('button', { name: 'Create the sending user' }));
    await heading('Your AWS account is connected');
    await page.getByText('US East (N. Virginia), us-east-1', { exact: true }).waitFor();
    screens.push(await app.screenshot('path-01-connected'));
    // moto cannot match the account-scoped sending statement: widen it there (see moto-policy.ts).
    await widenSendingPolicyInMoto(moto.endpoint, admin, app.assistant.context.profile().accountId!);

    await kb.press(page.getByRole('button', { name: 'Continue', exact: true }));
    await heading('Choose where SES sends your mail from');
    await kb.press(page.getByRole('button', { name: 'Use US East (N. Virginia)' }));

    await heading('Choose who your mail comes from');
    await kb.type(page.getByLabel('Your domain', { exact: true }), 'good.test');
    await kb.press(page.getByRole('button', { name: 'Verify this domain' }));
    await page.getByRole('listitem').filter({ hasText: 'good.test' }).getByText('Verified').waitFor();
    await kb.press(page.getByRole('button', { name: 'Continue to DNS records' }));

    // The DNS screen shows and checks the domain's records by itself.
    await heading('Add your DNS records');
    // The check's own verdict: “In place” is also in the hint shown before the check answers.
    await page.getByRole('heading', { name: '✓ All records are in place' }).waitFor();
    screens.push(await app.screenshot('path-02-dns-checked'));
    await kb.press(page.getByRole('button', { name: 'Continue: send a test email' }));

    await heading('Send a test message');
    // The sender is filled in once SES has listed the senders: the form cannot send before that.
    await page.getByLabel('Address before @good.test (for example hello)').waitFor();
    await kb.press(page.getByRole('button', { name: 'Send test message' }));
    await heading('Delivered to AWS’s test mailbox');
    screens.push(await app.screenshot('path-03-test-sent'));
    const toSimulator = { ...kb.count, total: kb.count.clicks + kb.count.fields };

    // Then one to the person's own address: type it, one click. SES mails it a link (in the sandbox,
    // for an address outside the verified domain); moto verifies at once, so here nothing waits.
    await kb.type(page.getByLabel('Your email address'), 'owner@mail.test');
    await kb.press(page.getByRole('button', { name: 'Send a test to me' }));
    await heading('Sent — look in your inbox (and spam folder)');
    screens.push(await app.screenshot('path-03b-own-address-sent'));
    const toOwnAddress = { ...kb.count, total: kb.count.clicks + kb.count.fields };

    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/user-actions.json',
      JSON.stringify({ ...toSimulator, ownAddress: toOwnAddress }, null, 2),
    );
    const sent = (
      (await moto.data()).ses as { Message: { source: string; destinations: { ToAddresses: string[] } }[] }
    ).Message;
    expect(sent.map((m) => [m.source, m.destinations.ToAddresses[0]])).toEqual([
      ['test@good.test', 'success@simulator.amazonses.com'],
      ['test@good.test', 'owner@mail.test'],
    ]);
    expect(toSimulator.total).toBeLessThanOrEqual(12);
    expect(toOwnAddress.total - toSimulator.total).toBeLessThanOrEqual(2);
  });

  it('continues to the sandbox request and the dashboard', async () => {
    const { page } = app;
    const kb = keyboardDriver(page);
    await kb.press(page.getByRole('button', { name: 'Continue: leave the sandbox' }));
    await page
      .getByRole('heading', { name: /sandbox/i })
      .first()
      .waitFor();
    screens.push(await app.screenshot('path-04-sandbox'));
    await kb.press(page.getByRole('button', { name: 'Go to the dashboard' }));
    await page.getByRole('heading', { name: 'Your email sending at a glance' }).waitFor();
    await page.getByText('In the sandbox in us-east-1').waitFor();
    // In the sandbox the dashboard does not claim that everything is set up.
    await page.getByText(/^Almost there: you can send tests/).waitFor();
    const dashboard = await app.screenshot('path-05-dashboard');
    screens.push(dashboard);
    expect(dashboard).toContain('good.test');
    expect(dashboard).toContain('email-smtp.us-east-1.amazonaws.com');
  });

  it('leaks no secret and has no accessibility violations along the way', async () => {
    const profile = app.assistant.context.profile();
    const sending = (await app.assistant.context.vault.loadKeys(profile.id))!.secretAccessKey;
    for (const secret of [admin.secretAccessKey, sending]) {
      for (const result of app.ipcResults) expect(result).not.toContain(secret);
      for (const text of screens) expect(text).not.toContain(secret);
      for (const { file, text } of await allFiles(app.dataDir)) expect(text, file).not.toContain(secret);
    }
    expect(Object.fromEntries(app.a11y)).toEqual(
      Object.fromEntries([...app.a11y.keys()].map((k) => [k, []])),
    );
    await app.assistant.context.vault.forget(profile.id);
  });
});
