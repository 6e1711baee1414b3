/**
 * The suppression list and the reputation warnings end to end: the built renderer in Chromium on the
 * feedback screen, the real router behind it, the loopback SES v2 peer for the suppression list
 * (moto 5.2.1 has none of it) and moto for CloudWatch and SNS. Screenshots (supp-NN-…) of each state:
 * the sending user not allowed to read the list and admin access offered, the list, suppression
 * turned on with one click, why an address is there, the confirmation before a removal, a search,
 * the warnings set up, and a warning firing.
 */
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { checkAlarms } from '../../electron/features/suppression';
import { startMoto, type Moto } from '../peers/moto';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'us-east-1';
let moto: Moto;
let peer: Sesv2AccountPeer;
let key: TestKey;
let admin: TestKey;
let app: RunningApp;

beforeAll(async () => {
  [moto, peer] = await Promise.all([startMoto(), startSesv2AccountPeer()]);
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  // An account whose list was never turned on for complaints, with addresses SES added over time.
  peer.state.SuppressionAttributes = { SuppressedReasons: [] };
  for (let i = 0; i < 60; i++)
    peer.suppress(
      `customer${String(i).padStart(2, '0')}@shop.example`,
      i % 4 === 0 ? 'COMPLAINT' : 'BOUNCE',
      {
        LastUpdateTime: new Date(Date.UTC(2026, 10, 1 + (i % 27), 9, 30)),
        MessageId: `0100018c7f${String(i).padStart(2, '0')}-3f1e-4b2a-9d3c-000000`,
        FeedbackId: `0100018c7f${String(i).padStart(2, '0')}-feedback-000000`,
      },
    );
  peer.suppress('jo@pottery.example', 'COMPLAINT', { LastUpdateTime: new Date('2026-11-26T15:05:00Z') });
  // The sending user may not read the list (its policy has no ses:ListSuppressedDestinations).
  peer.suppressionDeniedFor.add(key.accessKeyId);

  app = await launchApp({
    awsEndpoint: { default: moto.endpoint, sesv2: peer.endpoint },
    secretStore: sessionOnlyStore(),
  });
  await connectApp(app, key, { region: REGION, step: 'feedback' });
});

afterAll(() => stopE2e(app, moto, peer));

const list = () => app.page.locator('section.suppression');
const alarms = () => app.page.locator('section.alarms');

describe('the suppression list, end to end', () => {
  it('says the list is off and offers admin access, since the sending user may not read it', async () => {
    await list().getByText('Off.').waitFor();
    await list().getByRole('button', { name: 'Give admin access to see the list' }).waitFor();
    const text = await app.screenshot('supp-01-off-admin-offered');
    expect(text).toContain('Addresses SES will not send to');
    expect(text).toContain('The key the assistant uses for sending is deliberately limited');
    // The offer, not a key form: the panel adds none of its own until asked.
    expect(await list().getByLabel('Access key ID').count()).toBe(0);
  });

  it('reads the list once admin keys are given', async () => {
    const { page } = app;
    await list().getByRole('button', { name: 'Give admin access to see the list' }).click();
    // One admin form a screen: the panel's own, or the one the screen already shows (feedback set-up).
    const form = page.locator('form[data-admin-form]');
    expect(await form.count()).toBe(1);
    await form.getByLabel('Access key ID').fill(admin.accessKeyId);
    await form.getByLabel('Secret access key').fill(admin.secretAccessKey);
    await form.getByRole('button', { name: 'Use these admin keys' }).click();
    await list().getByText('customer00@shop.example').waitFor();
    const text = await app.screenshot('supp-02-list');
    expect(text).toContain('Showing 50 addresses (there are more)');
    expect(text).toContain('Bounced for good');
    expect(text).toContain('Marked as spam');
    await list().getByRole('button', { name: 'Show more addresses' }).click();
    await list().getByText('jo@pottery.example').waitFor();
    expect(await page.locator('.suppressed-address').count()).toBe(61);
  });

  it('turns suppression on for bounces and complaints with one click', async () => {
    await list().getByRole('button', { name: 'Turn on for bounces and complaints' }).click();
    await list().getByText('On for bounces and complaints.', { exact: true }).waitFor();
    expect(peer.state.SuppressionAttributes.SuppressedReasons).toEqual(['BOUNCE', 'COMPLAINT']);
    await app.screenshot('supp-03-turned-on');
  });

  it('shows why an address is there: reason, date, message and feedback ids', async () => {
    const item = app.page.locator('.suppressed-address', { hasText: 'customer04@shop.example' });
    await item.getByRole('button', { name: 'Details' }).click();
    await item.getByText('0100018c7f04-3f1e-4b2a-9d3c-000000').waitFor();
    await item.scrollIntoViewIfNeeded();
    const text = await app.screenshot('supp-04-details');
    expect(text).toContain('0100018c7f04-feedback-000000');
  });

  it('asks before removing an address, and removes it only on "Yes"', async () => {
    const item = app.page.locator('.suppressed-address', { hasText: 'customer01@shop.example' });
    await item.getByRole('button', { name: 'Remove from the list…' }).click();
    await item.getByText('Remove customer01@shop.example from the list?').waitFor();
    await item.scrollIntoViewIfNeeded();
    const text = await app.screenshot('supp-05-confirm-remove');
    expect(text).toContain('the next message bounces and counts against your bounce rate');
    expect(peer.suppressed.has('customer01@shop.example')).toBe(true);
    await item.getByRole('button', { name: 'Yes, remove it' }).click();
    await app.page.getByText('customer01@shop.example was removed: SES will send to it again.').waitFor();
    expect(peer.suppressed.has('customer01@shop.example')).toBe(false);
  });

  it('finds addresses by part of them', async () => {
    await list().getByLabel('Find an address').fill('pottery');
    await list().getByRole('button', { name: 'Search' }).click();
    await list().getByText('One address matching “pottery”.').waitFor();
    const text = await app.screenshot('supp-06-search');
    expect(text).toContain('jo@pottery.example');
    expect(text).not.toContain('customer02@shop.example');
  });
});

describe('the warnings before AWS acts, end to end', () => {
  it('sets up both alarms to email the person, with the admin access already given', async () => {
    await alarms().getByRole('table').waitFor();
    await alarms().getByLabel('Email the alarms to').fill('owner@pottery.example');
    await alarms().getByRole('button', { name: 'Set up the alarms' }).click();
    await alarms()
      .getByText(/The alarms email owner@pottery\.example/)
      .waitFor();
    await alarms().scrollIntoViewIfNeeded();
    const text = await app.screenshot('supp-07-warnings-set-up');
    expect(text).toContain('AWS reviews at');
    const cw = new CloudWatchClient({
      region: REGION,
      endpoint: moto.endpoint,
      credentials: DUMMY_ADMIN,
      maxAttempts: 1,
    });
    const made = (await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? [];
    expect(made.map((a) => a.Threshold).sort()).toEqual([0.0008, 0.04]);
  });

  it('shows a warning firing, and the tray check tells of it once', async () => {
    const cw = new CloudWatchClient({
      region: REGION,
      endpoint: moto.endpoint,
      credentials: DUMMY_ADMIN,
      maxAttempts: 1,
    });
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'ses-assistant-bounce-rate',
        StateValue: 'ALARM',
        StateReason:
          'Threshold crossed: 1 datapoint [0.046] was greater than or equal to the threshold (0.04).',
      }),
    );
    const check = await checkAlarms(app.assistant.context);
    expect(check.notification?.title).toBe('Your SES bounce rate is too high');
    expect((await checkAlarms(app.assistant.context)).notification).toBeNull();

    await app.page.reload();
    await alarms().getByText('Too high: act now').waitFor();
    await alarms().scrollIntoViewIfNeeded();
    const text = await app.screenshot('supp-08-warning-firing');
    expect(text).toContain('Stop mailing the addresses that bounced or complained');
  });
});
