/**
 * The "Test send" screen end to end: the built renderer in Chromium, the real router and services
 * behind it, moto for SES and SNS, and a real SMTP server (STARTTLS + AUTH) standing in for
 * email-smtp.us-east-1.amazonaws.com. Each outcome gets a screenshot (send-NN-…): the simulator's
 * outcomes over the API and SMTP, an unverified recipient with the offer to verify it, an
 * unverified sender and a refused SMTP password explained, and bounce notifications set up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerOverrides } from '../../electron/core/context';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { SIMULATOR_ADDRESSES } from '../../electron/features/sending/simulator';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { allFiles } from '../support/files';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'us-east-1';
const DOMAIN = 'example.com';

let moto: Moto;
let smtp: SmtpPeer;
let wrongSmtp: SmtpPeer;
let key: TestKey;
let admin: TestKey;
let app: RunningApp;
const peers: PeerOverrides = {};
const screens: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await verifyDomain(moto.endpoint, DOMAIN, REGION);
  smtp = await startSmtpPeer({
    users: { [key.accessKeyId]: deriveSmtpPassword(key.secretAccessKey, REGION) },
  });
  wrongSmtp = await startSmtpPeer({ users: { [key.accessKeyId]: 'not-the-derived-password' } });
  peers.smtp = smtp.override;

  app = await launchApp({ awsEndpoint: moto.endpoint, peers, secretStore: sessionOnlyStore() });
  await connectApp(app, key, { region: REGION, step: 'test-send' });
});

afterAll(() => stopE2e(app, smtp, wrongSmtp, moto));

async function sendAndWait(outcome: 'accepted' | 'error') {
  const { page } = app;
  await page.getByRole('button', { name: 'Send test message' }).click();
  // Each outcome has its own title, all starting with what SES did: it accepted the message.
  if (outcome === 'accepted') await page.getByRole('heading', { name: /^SES accepted/ }).waitFor();
  else await page.locator('.panel.error h2').first().waitFor();
}

async function expectPrimary(name: string) {
  expect(await app.page.getByRole('button', { name }).getAttribute('class')).toContain('primary');
}

async function expectNotPrimary(name: string) {
  expect((await app.page.getByRole('button', { name }).getAttribute('class')) ?? '').not.toContain('primary');
}

describe('test sends, end to end', () => {
  it('shows the form: senders, API or SMTP, and the simulator addresses with their meaning', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Send a test message' }).waitFor();
    await page.getByLabel('Address before @example.com (for example hello)').waitFor();
    const text = await app.screenshot('send-01-form');
    screens.push(text);
    for (const sim of SIMULATOR_ADDRESSES) expect(text).toContain(sim.address);
    expect(text).toContain('Through the SES API');
    expect(text).toContain('Over SMTP');
  });

  it('sends through the API to the success simulator and shows the MessageId and the time', async () => {
    const { page } = app;
    await sendAndWait('accepted');
    const text = await app.screenshot('send-02-api-delivered');
    screens.push(text);
    const messages = ((await moto.data()).ses as { Message: { id: string; source: string }[] }).Message;
    expect(messages).toHaveLength(1);
    expect(text).toContain(messages[0]!.id);
    expect(messages[0]!.source).toBe('test@example.com');
    expect(text).toMatch(/Took\s*\d+ ms/);
    expect(text).toContain(SIMULATOR_ADDRESSES[0]!.meaning);
    await page.getByText(/through the SES API, from test@example\.com/).waitFor();
  });

  it('sends over SMTP to each other simulator address, each with what it means', async () => {
    const { page } = app;
    await page.getByLabel(/Over SMTP/).check();
    let n = 3;
    for (const sim of SIMULATOR_ADDRESSES.slice(1)) {
      await page.getByLabel(new RegExp(`Simulator: ${sim.label}`)).check();
      await sendAndWait('accepted');
      await page.getByText(`over SMTP (port ${smtp.port})`).waitFor();
      const text = await app.screenshot(`send-${String(n++).padStart(2, '0')}-smtp-${sim.outcome}`);
      screens.push(text);
      expect(text).toContain(sim.meaning);
      expect(text).toContain(sim.acceptedTitle);
      if (sim.notice) expect(text).toContain(sim.notice);
      expect(text).toContain('Next: your sending works.');
    }
    expect(smtp.messages.map((m) => m.to[0])).toEqual(SIMULATOR_ADDRESSES.slice(1).map((s) => s.address));
    expect(smtp.messages.every((m) => m.from === 'test@example.com')).toBe(true);
  });

  it('explains a refused SMTP password (535) with its fix', async () => {
    peers.smtp = wrongSmtp.override;
    try {
      await sendAndWait('error');
      await app.page.getByRole('heading', { name: 'The SMTP password was not accepted' }).waitFor();
      const text = await app.screenshot('send-07-smtp-password-refused');
      screens.push(text);
      expect(text).toContain('The key this app uses was switched off or deleted in your AWS account.');
      await app.page.getByRole('button', { name: 'Use different keys' }).waitFor();
      expect(text).not.toContain('Authentication Credentials Invalid');
    } finally {
      peers.smtp = smtp.override;
    }
  });

  it('explains an unverified recipient in the sandbox, verifies it on request, then sends', async () => {
    const { page } = app;
    await page.getByLabel(/Through the SES API/).check();
    await page.locator('input[name="to"]').last().check();
    await page.getByLabel('Recipient address').fill('friend@example.net');
    await sendAndWait('error');
    await page
      .getByRole('heading', { name: 'The recipient is not verified, and your account is in the sandbox' })
      .waitFor();
    let text = await app.screenshot('send-08-recipient-not-verified');
    screens.push(text);
    expect(text).toContain('friend@example.net');
    await expectPrimary('Verify friend@example.net');
    await expectNotPrimary('Continue: leave the sandbox');
    await page.getByRole('button', { name: 'Verify friend@example.net' }).click();
    await page.getByRole('button', { name: 'Send the test again' }).click();
    await page.getByRole('heading', { name: 'SES accepted the message' }).waitFor();
    text = await app.screenshot('send-09-recipient-verified-and-sent');
    screens.push(text);
    expect(text).toContain('to friend@example.net');
  });

  it('explains an unverified sender, naming the address and the region', async () => {
    const { page } = app;
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Another address…' });
    await page.getByLabel('Sender address', { exact: true }).fill('someone@elsewhere.org');
    await page.getByLabel(/Simulator: Delivered/).check();
    await sendAndWait('error');
    await page.getByRole('heading', { name: 'The sender address is not verified in this region' }).waitFor();
    const text = await app.screenshot('send-10-sender-not-verified');
    screens.push(text);
    expect(text).toContain(`someone@elsewhere.org isn’t verified in ${REGION} yet.`);
    expect(text).not.toMatch(/Email address not verified|Identities belong|not, or not yet/);
    await expectPrimary('Verify someone@elsewhere.org');
    await expectNotPrimary('Continue: leave the sandbox');
    // The same verify flow as for a recipient: SES mails a link (moto verifies at once), then send again.
    await page.getByRole('button', { name: 'Verify someone@elsewhere.org' }).click();
    await page.getByRole('button', { name: 'Send the test again' }).click();
    await page.getByRole('heading', { name: 'SES accepted the message' }).waitFor();
    await page.getByText(/from someone@elsewhere\.org to success@simulator/).waitFor();
  });

  it('sets up bounce and complaint notifications with admin access and shows them confirmed', async () => {
    const { page } = app;
    await app.assistant.handlers['admin.open']({
      source: 'keys',
      accessKeyId: admin.accessKeyId,
      secretAccessKey: admin.secretAccessKey,
      region: REGION,
    });
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Any address at example.com' });
    await page.getByText('Notifications are not set up yet.').waitFor();
    screens.push(await app.screenshot('send-11-notifications-not-set-up'));
    // The panel asked for admin access before it was opened; reopen the screen to see it held.
    await page.reload();
    await page.getByText('Admin access is open').waitFor();
    await page.getByLabel('Send bounce and complaint notices to').fill('postmaster@example.com');
    await page.getByRole('button', { name: 'Set up notifications' }).click();
    await page.getByText('Notifications are on and confirmed.').waitFor();
    const text = await app.screenshot('send-12-notifications-confirmed');
    screens.push(text);
    expect(text).toContain('postmaster@example.com: confirmed');
  });

  it('never shows the secret or the SMTP password: IPC results, screens, files', async () => {
    const secrets = [
      key.secretAccessKey,
      admin.secretAccessKey,
      deriveSmtpPassword(key.secretAccessKey, REGION),
    ];
    expect(app.ipcResults.length).toBeGreaterThan(10);
    for (const s of secrets) {
      for (const r of app.ipcResults) expect(r).not.toContain(s);
      for (const t of screens) expect(t).not.toContain(s);
      for (const { file, text } of await allFiles(app.dataDir)) expect(text, file).not.toContain(s);
    }
  });
});
