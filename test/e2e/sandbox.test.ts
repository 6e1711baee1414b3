/**
 * "Leave the sandbox" end to end: the built renderer in Chromium, the real router and services,
 * moto for STS and SES v1, the loopback SES v2 peer for GetAccount / PutAccountDetails, and nsd
 * serving the sending domain's DMARC record. Screenshots (sandbox-NN-…): the questionnaire with its live
 * draft and checklist, the submitted request tracked (PENDING), and the decision (GRANTED).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxAnswers } from '../../electron/ipc/schemas';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { memoryClipboard, recordingLinks, recordingNotifier } from '../../electron/core/ports';
import { draftUseCase } from '../../electron/features/sandbox/draft';
import { startSandboxWatch } from '../../electron/features/sandbox/watch';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { CASE_ID, startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { allFiles } from '../support/files';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'us-east-1';
// The person's own domain, so the screenshot shows the checklist made for it (not a placeholder).
const DOMAIN = 'potterylane.example';

let moto: Moto;
let peer: Sesv2AccountPeer;
let nsd: Nsd;
let key: TestKey;
let admin: TestKey;
let app: RunningApp;
const screens: string[] = [];

beforeAll(async () => {
  [moto, peer, nsd] = await Promise.all([
    startMoto(),
    startSesv2AccountPeer(),
    startNsd([{ origin: DOMAIN, records: `_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}"` }]),
  ]);
  key = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await verifyDomain(moto.endpoint, DOMAIN, REGION);

  app = await launchApp({
    awsEndpoint: { default: moto.endpoint, sesv2: peer.endpoint },
    peers: { dns: { authoritative: nsd.server } },
    secretStore: sessionOnlyStore(),
  });
  // Connecting and bounce notifications belong to other screens; here they are the starting point.
  await connectApp(app, key, { region: REGION });
  const h = app.assistant.handlers;
  await h['admin.open']({
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });
  await h['notifications.setup']({ identity: DOMAIN, notifyAddress: `postmaster@${DOMAIN}` });
});

afterAll(() => stopE2e(app, moto, peer, nsd));

/** The answers a careful person gives; typed into the form by `fillQuestionnaire`. */
const ANSWERS = {
  business: 'Pottery Lane sells handmade ceramic plant pots from a small studio in Leeds.',
  website: 'https://potterylane.example',
  mailType: 'TRANSACTIONAL',
  optIn: 'account-or-order',
  listSize: 1800,
  monthlyVolume: 4000,
  frequency: 'order confirmations and shipping notices as orders come in',
  bounceHandling: ['sns-notifications', 'auto-suppress'],
  contacts: ['ops@potterylane.example'],
} as const;

/**
 * Each test starts from a fresh load of the sandbox screen, so a failure in one never leaves the
 * next on the wrong screen or with a half-filled form.
 */
async function openSandboxScreen() {
  await app.assistant.handlers['wizard.goTo']({ step: 'sandbox' });
  await app.page.reload();
  await app.page.getByRole('heading', { name: 'Leave the sandbox' }).waitFor();
}

async function fillQuestionnaire() {
  const { page } = app;
  await page.getByLabel('What does your business do?').fill(ANSWERS.business);
  await page.getByLabel('Your website').fill(ANSWERS.website);
  await page.getByLabel('How did recipients agree to get your mail?').selectOption(ANSWERS.optIn);
  await page.getByLabel('How many recipients?').fill(String(ANSWERS.listSize));
  await page.getByLabel('Messages a month').fill(String(ANSWERS.monthlyVolume));
  await page.getByLabel('How often do you send?').fill(ANSWERS.frequency);
  await page.getByLabel('SES notifies me (notification topic)').check();
  await page.getByLabel('Bounced and complaining addresses are removed automatically').check();
  await page.getByLabel('Addresses AWS may write to (1 to 4)').fill(ANSWERS.contacts[0]);
  await page.locator('.draft-text', { hasText: 'about 4,000 messages a month' }).waitFor();
}

describe('leaving the sandbox, end to end', () => {
  it('shows the questionnaire with its live draft and the readiness checklist', async () => {
    const { page } = app;
    await openSandboxScreen();
    await page.getByRole('heading', { name: `Your account is in the sandbox in ${REGION}` }).waitFor();
    // Nothing answered yet: the panel says where the request will appear, and keeps saying so.
    await page.getByText(/Still needed: What does your business do\?, Your website/).waitFor();
    await expect.poll(() => page.getByLabel('Your sending domain').inputValue()).toBe(DOMAIN);
    expect(await page.getByText('Your request appears here as you answer the questions.').count()).toBe(1);
    await fillQuestionnaire();
    await page.locator('.checklist li.ok', { hasText: 'Website given' }).waitFor();
    const text = await app.screenshot('sandbox-01-questionnaire-draft-checklist');
    screens.push(text);
    expect(text).toContain('Pottery Lane sells handmade ceramic plant pots from a small studio in Leeds.');
    expect(text).toContain('200 recipients in 24 hours and 1 recipient a second');
    expect(text).toContain(`${DOMAIN} is verified in ${REGION}`);
    expect(await page.locator('.checklist li.ok').count()).toBe(5); // verified, DKIM, DMARC, bounces, website
    expect(text).toContain('Copy into the AWS form');
    expect(text).toContain('Send it for me');
    expect(text).not.toMatch(/reviewers may not see|less reliable/);
    expect(text).not.toMatch(/PutAccountDetails|GetAccount|Still needed/);
    // The only primary action while the form is open is the console route.
    expect(await page.locator('button.primary').allTextContents()).toEqual([
      'Copy the text and open the AWS console',
    ]);
  });

  it('copy into the AWS form: the draft goes to the clipboard and the console page opens', async () => {
    const { page } = app;
    const clip = app.assistant.context.clipboard as ReturnType<typeof memoryClipboard>;
    const links = app.assistant.context.openExternal as ReturnType<typeof recordingLinks>;
    await openSandboxScreen();
    await fillQuestionnaire();
    await page.getByRole('button', { name: 'Copy the text and open the AWS console' }).click();
    await page.getByText('Paste it into the form in your browser').waitFor();
    expect(clip.text).toContain('Pottery Lane sells handmade ceramic plant pots');
    expect(links.opened.slice(-1)).toEqual([
      `https://${REGION}.console.aws.amazon.com/ses/home?region=${REGION}#/account`,
    ]);
    await page.getByText('Pasted into the AWS console form').waitFor();
    expect(app.assistant.context.settings.get().sandboxRequests[REGION]?.route).toBe('console');
  });

  it('submits through PutAccountDetails after the confirmation and tracks the request as pending', async () => {
    const { page } = app;
    await openSandboxScreen();
    await fillQuestionnaire();
    await page.getByLabel(/I have read the request/).check();
    await page.getByRole('button', { name: 'Send the request for me' }).click();
    await page.getByRole('heading', { name: 'AWS is reviewing your request' }).waitFor();
    const text = await app.screenshot('sandbox-02-request-pending');
    screens.push(text);
    expect(text).toContain(`AWS Support case ${CASE_ID}`);
    expect(text).toContain('Sent by the assistant on');
    expect(text).not.toMatch(/PutAccountDetails|GetAccount/);
    const put = peer.requests.findLast((r) => r.path === '/v2/email/account/details')!;
    expect(put.body).toMatchObject({
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://potterylane.example',
      AdditionalContactEmailAddresses: ['ops@potterylane.example'],
      ContactLanguage: 'EN',
      ProductionAccessEnabled: true,
    });
    expect(put.body!.UseCaseDescription).toBe(
      draftUseCase({
        ...ANSWERS,
        bounceHandling: [...ANSWERS.bounceHandling],
        contacts: [...ANSWERS.contacts],
      }).text,
    );
    expect(app.assistant.context.settings.get().sandboxRequests[REGION]?.route).toBe('api');
  });

  it('notices the decision in the background, notifies, and shows GRANTED', async () => {
    const notifier = app.assistant.context.notifier as ReturnType<typeof recordingNotifier>;
    // A request under review is this test's starting point, sent through the service itself.
    const sent = await app.assistant.handlers['sandbox.submit']({
      region: REGION,
      answers: sandboxAnswers.parse(ANSWERS),
      confirm: true,
    });
    expect(sent).toMatchObject({ review: { status: 'PENDING' } });
    await openSandboxScreen();
    await app.page.getByRole('heading', { name: 'AWS is reviewing your request' }).waitFor();
    const watch = startSandboxWatch(app.assistant.context, {
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    peer.decide('GRANTED');
    expect(await watch.check()).toEqual([REGION]);
    watch.stop();
    expect(notifier.sent.at(-1)).toMatchObject({ openStep: 'sandbox' });
    const { page } = app;
    await page.getByRole('button', { name: 'Check again now' }).click();
    await page.getByRole('heading', { name: 'You are out of the sandbox' }).waitFor();
    const text = await app.screenshot('sandbox-03-granted');
    screens.push(text);
    expect(text).toContain('50,000 recipients in 24 hours, 14 a second');
  });

  it('never shows a secret: IPC results, screens, files', async () => {
    for (const s of [key.secretAccessKey, admin.secretAccessKey]) {
      for (const r of app.ipcResults) expect(r).not.toContain(s);
      for (const t of screens) expect(t).not.toContain(s);
      for (const { file, text } of await allFiles(app.dataDir)) expect(text, file).not.toContain(s);
    }
    const serious = [...app.a11y.entries()].filter(([n]) => n.startsWith('sandbox-')).flatMap(([, v]) => v);
    expect(serious).toEqual([]);
  });
});
