/**
 * The "Test send" screen end to end: the built renderer in Chromium, the real router and services
 * behind it, moto for SES and SNS, and a real SMTP server (STARTTLS + AUTH) standing in for
 * email-smtp.us-east-1.amazonaws.com. Each outcome gets a screenshot (send-NN-…): the simulator's
 * outcomes over the API and SMTP, the test to the person's own address (its link awaited, then sent),
 * an unverified recipient with the offer to verify it, an unverified sender and a refused SMTP
 * password explained, and bounces and complaints as one line and a link to their own screen.
 * The fault proxy sits in front of moto to keep a new address Pending until the test clicks its link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerOverrides } from '../../electron/core/context';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { deriveSmtpPassword } from '../../electron/features/sending/smtp';
import { SIMULATOR_ADDRESSES } from '../../electron/features/sending/simulator';
import { startFaultProxy, type FaultProxy } from '../peers/fault-proxy';
import { startMoto, type Moto } from '../peers/moto';
import { startSmtpPeer, type SmtpPeer } from '../peers/smtp';
import { allFiles } from '../support/files';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'us-east-1';
const DOMAIN = 'example.com';

let moto: Moto;
let proxy: FaultProxy;
let smtp: SmtpPeer;
let wrongSmtp: SmtpPeer;
let key: TestKey;
let admin: TestKey;
let app: RunningApp;
const peers: PeerOverrides = {};
const screens: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint, { emulateEmailVerification: true });
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await verifyDomain(moto.endpoint, DOMAIN, REGION);
  smtp = await startSmtpPeer({
    users: { [key.accessKeyId]: deriveSmtpPassword(key.secretAccessKey, REGION) },
  });
  wrongSmtp = await startSmtpPeer({ users: { [key.accessKeyId]: 'not-the-derived-password' } });
  peers.smtp = smtp.override;

  app = await launchApp({ awsEndpoint: proxy.endpoint, peers, secretStore: sessionOnlyStore() });
  await connectApp(app, key, { region: REGION, step: 'test-send' });
});

afterAll(() => stopE2e(app, smtp, wrongSmtp, proxy, moto));

async function sendAndWait(outcome: 'accepted' | 'error') {
  const { page } = app;
  await page.getByRole('button', { name: 'Send test message' }).click();
  // Each outcome has its own title, in the panel that says what SES did with the message.
  if (outcome === 'accepted') await page.locator('#sent-title').waitFor();
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

  it('sends through the API to the success simulator, says what that proved and offers a test to you', async () => {
    const { page } = app;
    await sendAndWait('accepted');
    await page.getByRole('heading', { name: 'Delivered to AWS’s test mailbox' }).waitFor();
    const text = await app.screenshot('send-02-api-delivered');
    screens.push(text);
    const messages = ((await moto.data()).ses as { Message: { id: string; source: string }[] }).Message;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.source).toBe('test@example.com');
    expect(text).toContain(SIMULATOR_ADDRESSES[0]!.meaning);
    expect(text).toContain('What this proved: your key may send from test@example.com in us-east-1');
    expect(text).toContain('It reached no inbox you can open');
    // The message ID is kept for AWS support, folded away.
    await page.getByText('Details for AWS support').click();
    await page.getByText(messages[0]!.id).waitFor();
    await page.getByText(/through the SES API, from test@example\.com/).waitFor();
    await page.getByText('Details for AWS support').click();
    // After the simulator, the test to one's own address is the one main action.
    expect(await page.locator('button.primary').allTextContents()).toEqual(['Send a test to me']);
  });

  it('sends a test to your own address in one action: link mailed, awaited, then sent', async () => {
    const { page } = app;
    const mine = 'me@mail.example';
    await page.getByLabel('Your email address').fill(mine);
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page
      .getByText(`We sent a confirmation link to ${mine}; click it, we'll continue by ourselves.`)
      .waitFor();
    screens.push(await app.screenshot('send-02a-own-address-waiting'));
    expect(await page.locator('button.primary').allTextContents()).toEqual(['Continue: leave the sandbox']);
    // Cancel stops the waiting; the address stays typed, so trying again is one click.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByLabel('Your email address').inputValue()).toBe(mine);
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    await page.getByRole('button', { name: 'Send the link again' }).waitFor();
    expect(proxy.seen.filter((s) => s.action === 'VerifyEmailIdentity')).toHaveLength(2);
    proxy.pendingEmails.delete(mine); // the person clicks the link in the email
    await page.getByRole('heading', { name: 'Sent — look in your inbox (and spam folder)' }).waitFor();
    const text = await app.screenshot('send-02b-own-address-sent');
    screens.push(text);
    const messages = ((await moto.data()).ses as { Message: { destinations: { ToAddresses: string[] } }[] })
      .Message;
    expect(messages.map((m) => m.destinations.ToAddresses[0])).toEqual([
      'success@simulator.amazonses.com',
      mine,
    ]);
    expect(await page.locator('button.primary').allTextContents()).toEqual(['Continue: leave the sandbox']);
  });

  it('sends over SMTP to each other simulator address, each with what it means', async () => {
    const { page } = app;
    await page.getByLabel(/Over SMTP/).check();
    let n = 3;
    for (const sim of SIMULATOR_ADDRESSES.slice(1)) {
      await page.getByLabel(new RegExp(`Simulator: ${sim.label}`)).check();
      await sendAndWait('accepted');
      await page.getByText(`your SMTP password works on port ${smtp.port}`).waitFor();
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
    await page.getByText(/AWS has sent a verification email to friend@example\.net/).waitFor();
    proxy.pendingEmails.clear(); // the link is clicked
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
    await page.getByText(/AWS has sent a verification email to someone@elsewhere\.org/).waitFor();
    proxy.pendingEmails.clear(); // the link is clicked
    await page.getByRole('button', { name: 'Send the test again' }).click();
    await page.getByRole('heading', { name: 'Delivered to AWS’s test mailbox' }).waitFor();
    await page.getByText('Details for AWS support').click();
    await page.getByText(/from someone@elsewhere\.org to success@simulator/).waitFor();
  });

  it('shows bounces and complaints as one line and a link, with no admin form, to their one screen', async () => {
    const { page } = app;
    await page.reload();
    // The choices of the last test came back as a draft: the sender is the verified domain again.
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Any address at example.com' });
    await page.getByLabel('Address before @example.com (for example hello)').waitFor();
    const link = page.getByRole('button', { name: 'Open Bounces and complaints' });
    await link.waitFor();
    const text = await app.screenshot('send-11-bounces-line');
    screens.push(text);
    expect(await app.assistant.handlers['admin.status']({})).toBeNull();
    expect(await page.getByRole('heading', { name: 'Admin access, for a moment' }).count()).toBe(0);
    expect(await page.getByLabel('Access key ID').count()).toBe(0);
    expect(text).not.toMatch(/notification|warning/i);
    expect(await page.locator('button.primary').allTextContents()).toEqual(['Send test message']);
    await link.click();
    await page.getByRole('heading', { name: 'Bounces and complaints', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Set up bounces and complaints' }).waitFor();
    const place = await app.screenshot('send-12-bounces-place');
    screens.push(place);
    expect(place).not.toMatch(/\bnotifications\b|\bwarnings?\b/i);
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
