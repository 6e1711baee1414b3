import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { checkerZones, REGION } from '../support/dns-zones';
import { openByHand, showRecordsFor } from './dns-screen';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

let moto: Moto;
let nsd: Nsd;
let app: RunningApp;
let key: TestKey;
let tokens: string[];
const screens: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  // moto verifies at once and gives every domain the same three DKIM tokens.
  for (const domain of ['good.test', 'proxied.test'])
    tokens = await verifyDomain(moto.endpoint, domain, REGION);
  nsd = await startNsd(checkerZones(tokens));
  key = await createUserWithKey(moto.endpoint, 'dns-e2e');
  app = await launchApp({
    awsEndpoint: moto.endpoint,
    peers: { dns: { authoritative: nsd.server } },
    secretStore: sessionOnlyStore(),
  });
  await connectApp(app, key, { region: REGION, step: 'dns' });
});

afterAll(() => stopE2e(app, moto, nsd));

describe('the DNS records step, end to end', () => {
  it('shows the plan for a Cloudflare domain, then a check that finds proxied DKIM records', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Add your DNS records' }).waitFor();
    await showRecordsFor(page, 'proxied.test');
    await page.getByRole('heading', { name: 'Your DNS is managed at Cloudflare' }).waitFor();
    await openByHand(page);
    const plan = await app.screenshot('dns-01-plan');
    screens.push(plan);
    expect(plan).toContain(`${tokens[0]}._domainkey`);
    expect(plan).toContain(`${tokens[0]}.dkim.amazonses.com`);
    expect(plan).toContain('10 feedback-smtp.us-east-1.amazonses.com');
    expect(plan).toContain('DNS only');

    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByRole('heading', { name: '3 records to fix' }).waitFor();
    const problems = await app.screenshot('dns-02-check-with-problems');
    screens.push(problems);
    expect(problems).toContain('Hidden by a proxy (Cloudflare orange cloud)');
    expect(problems).toContain('Found: 104.16.1.1');
    expect(problems).toContain('answers with an IP address instead of a CNAME');
    expect(problems).toMatch(/orange cloud.*grey/);
    expect(problems).toContain('In place');
  });

  it('shows a clean check, and exports the plan as a zone file', async () => {
    const { page } = app;
    await showRecordsFor(page, 'good.test');
    await page.getByRole('heading', { name: 'Your DNS is managed at Amazon Route 53' }).waitFor();
    // A Route 53 domain is offered the publish panel, until its records are all in place.
    const route53 = page.getByRole('heading', { name: 'Is your domain’s DNS in Amazon Route 53?' });
    await route53.waitFor();
    // One primary action: the Route 53 panel's own buttons wait until the person chooses that way.
    expect(await page.locator('button.primary').allTextContents()).toEqual(['Check now']);
    // Verified as the console does, with no MAIL FROM of its own: the screen says its bounce records
    // do nothing yet, and sets it with one click (then shows and checks the plan again).
    const notInSes = page.getByText('SES does not use bounce.good.test for good.test yet');
    await notInSes.waitFor();
    const mailFrom = await app.screenshot('dns-03a-mail-from-not-in-ses');
    screens.push(mailFrom);
    expect(mailFrom).toContain('Use bounce.good.test in SES');
    await page.getByRole('button', { name: 'Use bounce.good.test in SES' }).click();
    await notInSes.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '✓ All records are in place' }).waitFor();
    await route53.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Export as zone file (BIND)' }).click();
    const exported = page.getByLabel('Exported records');
    await exported.waitFor();
    expect(await exported.inputValue()).toContain(`_dmarc.good.test.\t3600\tIN\tTXT`);
    // Everything in place: the records are folded away, one click from view.
    expect(await page.locator('details.by-hand').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await openByHand(page);
    const clean = await app.screenshot('dns-03-check-clean');
    screens.push(clean);
    expect(clean.match(/In place/g)!.length).toBeGreaterThanOrEqual(6);
    expect(clean).toContain('Your records for good.test');
    expect(clean).toContain('All done: SES already shows your domain as verified.');
    expect(clean).not.toContain('Records to add');
  });

  it('has no accessibility violations on any DNS screen', () => {
    const names = [...app.a11y.keys()].filter((n) => n.startsWith('dns-'));
    expect(names).toHaveLength(4);
    for (const name of names) expect([name, app.a11y.get(name)]).toEqual([name, []]);
  });

  it('never shows the secret key on a screen or in an IPC result', () => {
    for (const text of screens) expect(text).not.toContain(key.secretAccessKey);
    for (const result of app.ipcResults) expect(result).not.toContain(key.secretAccessKey);
  });
});
