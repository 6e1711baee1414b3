/**
 * The DNS hand-off, end to end: a domain whose DNS is at GoDaddy (recognised from its NS records in
 * nsd), its DKIM tokens from moto. The DNS screen shows the message to send; copying it and opening
 * the mail app go through the main-process ports; then the recipient publishes the records (the app
 * is moved to a nameserver that has them) and the watch notifies once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import type { Notification } from '../../electron/core/ports';
import { startHandOffWatch } from '../../electron/features/handoff/index';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { REGION } from '../support/dns-zones';
import path from 'node:path';
import { showRecordsFor } from './dns-screen';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, SCREENSHOTS, type RunningApp } from './harness';

const DOMAIN = 'handed.test';
const GODADDY = ['ns51.domaincontrol.com.', 'ns52.domaincontrol.com.'];

let moto: Moto;
let empty: Nsd;
let full: Nsd;
let app: RunningApp;
let key: TestKey;
let tokens: string[];
const screens: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  tokens = await verifyDomain(moto.endpoint, DOMAIN, REGION);
  const records = [
    ...tokens.map((t) => `${t}._domainkey IN CNAME ${t}.dkim.amazonses.com.`),
    '_dmarc IN TXT "v=DMARC1; p=none"',
    `bounce IN MX 10 feedback-smtp.${REGION}.amazonses.com.`,
    'bounce IN TXT "v=spf1 include:amazonses.com ~all"',
  ].join('\n');
  [empty, full] = await Promise.all([
    startNsd([{ origin: DOMAIN, nameservers: GODADDY, records: '' }]),
    startNsd([{ origin: DOMAIN, nameservers: GODADDY, records }]),
  ]);
  key = await createUserWithKey(moto.endpoint, 'handoff-e2e');
  app = await launchApp({
    awsEndpoint: moto.endpoint,
    peers: { dns: { authoritative: empty.server } },
    secretStore: sessionOnlyStore(),
  });
  await connectApp(app, key, { region: REGION, step: 'dns' });
}, 90_000);

afterAll(() => stopE2e(app, moto, empty, full));

describe('the DNS hand-off, end to end', () => {
  it('shows the message to send for a GoDaddy domain, with why the assistant cannot add the records there', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Add your DNS records' }).waitFor();
    await showRecordsFor(page, DOMAIN);
    const panel = page.getByRole('region', { name: 'Send these records to whoever manages your DNS' });
    await panel.waitFor();
    await panel.getByText('Subject: DNS records to add for handed.test').waitFor();
    const panelText = await panel.innerText();
    expect(panelText).toContain('10 or more domains');
    expect(panelText).toContain(
      `Name: ${tokens[0]}._domainkey   (full name: ${tokens[0]}._domainkey.${DOMAIN})`,
    );
    expect(panelText).toContain(`dig +short CNAME ${tokens[0]}._domainkey.${DOMAIN} @ns51.domaincontrol.com`);
    expect(panelText).toContain('In GoDaddy open My Products');
    // The DNS screen keeps its one primary button; the hand-off's are secondary.
    expect(await panel.locator('button.primary').count()).toBe(0);
    await panel.scrollIntoViewIfNeeded();
    const text = await app.screenshot('handoff-01-message');
    screens.push(text);
    expect(await page.locator('button.primary').count()).toBeLessThanOrEqual(1);
  });

  it('copies the message through the main process and then keeps checking', async () => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Send these records to whoever manages your DNS' });
    await panel.getByRole('button', { name: 'Copy the message' }).click();
    await panel.getByText(/Copied\. Paste it into an email/).waitFor();
    await panel.getByText(/keeps checking handed\.test/).waitFor();
    const clip = app.assistant.context.clipboard as unknown as { text: string };
    expect(clip.text).toMatch(/^Hello,\n\nCould you add the 6 DNS records below for handed\.test\?/);

    // Too long for a mail link: saved (the recording port stands in for the dialog), then a short note.
    await panel.getByRole('button', { name: 'Open in my mail app' }).click();
    await panel.getByText(/Your mail app opened with a short note: attach that file/).waitFor();
    const opened = (app.assistant.context.openExternal as unknown as { opened: string[] }).opened;
    expect(opened.at(-1)).toMatch(/^mailto:\?subject=/);
    await panel.scrollIntoViewIfNeeded();
    screens.push(await app.screenshot('handoff-02-sent'));
    // The panel alone, at the narrow width, for a readable picture of what the person sees.
    await page.setViewportSize({ width: 400, height: 760 });
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'handoff-02-panel@400px.png') });
    await page.setViewportSize({ width: 1040, height: 760 });

    // The web page the recipient would open: self-contained, so it renders with nothing else loaded.
    await panel.getByRole('button', { name: 'Save as web page' }).click();
    await panel.getByText(/Saved as \/saved\/DNS records for handed\.test\.html/).waitFor();
    const saved = (
      app.assistant.context.saveFile as unknown as { saved: { content: string; kind: string }[] }
    ).saved;
    const html = saved.find((f) => f.kind === 'html')!.content;
    const sheet = await page.context().newPage();
    const requests: string[] = [];
    sheet.on('request', (r) => requests.push(r.url()));
    await sheet.setViewportSize({ width: 800, height: 600 });
    await sheet.setContent(html);
    await sheet.screenshot({ path: path.join(SCREENSHOTS, 'handoff-04-web-page.png'), fullPage: true });
    expect(await sheet.getByRole('heading', { level: 1 }).innerText()).toBe(
      'DNS records to add for handed.test',
    );
    expect(requests).toEqual([]);
    await sheet.close();
  });

  it('notifies once when the recipient has published every record', async () => {
    const ctx = app.assistant.context;
    const watch = startHandOffWatch(ctx, { setTimer: () => 0, clearTimer: () => undefined });
    const sent = (ctx.notifier as unknown as { sent: Notification[] }).sent;
    expect(await watch.check()).toEqual([]);
    ctx.peers.dns = { ...ctx.peers.dns, authoritative: full.server };
    expect(await watch.check()).toEqual([DOMAIN]);
    expect(await watch.check()).toEqual([]);
    expect(sent.map((n) => n.title)).toEqual([`Your DNS records for ${DOMAIN} are in place`]);
    watch.stop();

    // The DNS screen now shows everything in place, and the hand-off is no longer offered.
    const { page } = app;
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('heading', { name: '✓ All records are in place' }).waitFor();
    await page
      .getByRole('region', { name: 'Send these records to whoever manages your DNS' })
      .waitFor({ state: 'detached' });
    screens.push(await app.screenshot('handoff-03-in-place'));
  });

  it('has no accessibility violations and never shows the secret key', () => {
    const names = [...app.a11y.keys()].filter((n) => n.startsWith('handoff-'));
    expect(names).toHaveLength(3);
    for (const name of names) expect([name, app.a11y.get(name)]).toEqual([name, []]);
    for (const text of screens) expect(text).not.toContain(key.secretAccessKey);
    for (const result of app.ipcResults) expect(result).not.toContain(key.secretAccessKey);
  });
});
