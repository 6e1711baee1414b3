import { writeFileSync, mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { startCloudflarePeer, type CloudflarePeer, type PeerRecord } from '../peers/cloudflare';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { createUserWithKey, verifyDomain, type TestKey } from '../support/aws';
import { showRecordsFor } from './dns-screen';
import { connectApp, stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

/** Where the person-action count goes for the benchmark (bench/cloudflare.ts). */
const CLOUDFLARE_ACTIONS = 'test-results/cloudflare-actions.json';

const REGION = 'us-east-1';
const CLEAN = 'cf.test';
const TROUBLED = 'cf-trouble.test';
const NS = ['ada.ns.cloudflare.com.', 'bob.ns.cloudflare.com.'];

let moto: Moto;
let nsd: Nsd;
let peer: CloudflarePeer;
let app: RunningApp;
let key: TestKey;
let tokens: string[];
const screens: string[] = [];
const pasted: string[] = [];

/** The person's zone before the assistant: a website and a Google verification, nothing for SES. */
const website = (domain: string): Omit<PeerRecord, 'id'>[] => [
  { type: 'A', name: `www.${domain}`, content: '192.0.2.10', proxied: true, ttl: 1 },
  { type: 'TXT', name: domain, content: 'google-site-verification=abc123', proxied: false, ttl: 1 },
];

beforeAll(async () => {
  moto = await startMoto();
  for (const domain of [CLEAN, TROUBLED]) tokens = await verifyDomain(moto.endpoint, domain, REGION);
  nsd = await startNsd([CLEAN, TROUBLED].map((origin) => ({ origin, nameservers: NS, records: '' })));
  peer = await startCloudflarePeer({
    nsd,
    zones: [
      { name: CLEAN, nameservers: NS, records: website(CLEAN) },
      {
        name: TROUBLED,
        nameservers: NS,
        records: [
          ...website(TROUBLED),
          // A DKIM record someone added with the orange cloud on: SES cannot see it.
          {
            type: 'CNAME',
            name: `${tokens[0]}._domainkey.${TROUBLED}`,
            content: `${tokens[0]}.dkim.amazonses.com`,
            proxied: true,
            ttl: 1,
          },
        ],
      },
    ],
  });
  key = await createUserWithKey(moto.endpoint, 'cloudflare-e2e');
  app = await launchApp({
    awsEndpoint: moto.endpoint,
    peers: { dns: { authoritative: nsd.server }, cloudflare: { apiBase: peer.apiBase } },
    secretStore: sessionOnlyStore(),
  });
  await connectApp(app, key, { region: REGION, step: 'dns' });
}, 120_000);

afterAll(async () => {
  // The Cloudflare peer, which writes its zones into nsd, stops before nsd does.
  await stopE2e(app, peer);
  await Promise.all([moto?.stop(), nsd?.stop()]);
});

// A failed scenario leaves a picture of where it stopped.
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await app?.page.screenshot({
      path: `test-results/screenshots/cloudflare-failed-${task.id}.png`,
      fullPage: true,
    });
});

/** A paste into the token field, as the person's Ctrl+V gives it. */
async function pasteToken(token: string) {
  pasted.push(token);
  await app.page.getByRole('textbox', { name: 'Cloudflare token' }).evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, token);
}

async function shot(name: string): Promise<string> {
  const text = await app.screenshot(name);
  screens.push(text);
  return text;
}

async function showDomain(domain: string) {
  const { page } = app;
  await showRecordsFor(page, domain);
  await page.getByRole('heading', { name: 'Let the assistant add the records at Cloudflare' }).waitFor();
}

const primaries = () =>
  app.page.locator('button.primary').evaluateAll((buttons) => buttons.map((b) => b.textContent));

describe('DNS at Cloudflare, done by the assistant', () => {
  it('goes from the DNS step to “all records in place” in at most four actions', async () => {
    const { page } = app;
    let actions = 0;
    // The DNS step for the person's domain (two are verified here, so it is chosen; not counted).
    await page.getByRole('heading', { name: 'Add your DNS records' }).waitFor();
    await showDomain(CLEAN);
    expect(await primaries()).toEqual(['Open Cloudflare’s token page']);
    const offer = await shot('cloudflare-01-offer');
    expect(offer).toContain('Zone → DNS → Edit');

    await page.getByRole('button', { name: 'Open Cloudflare’s token page' }).click();
    actions++;
    await page.getByText('Cloudflare’s token page opened in your browser.').waitFor();
    const opened = (app.assistant.context.openExternal as unknown as { opened: string[] }).opened;
    const url = new URL(opened.at(-1)!);
    expect(url.origin + url.pathname).toBe('https://dash.cloudflare.com/profile/api-tokens');
    expect(JSON.parse(url.searchParams.get('permissionGroupKeys')!)).toEqual([
      { key: 'zone', type: 'read' },
      { key: 'dns', type: 'edit' },
    ]);
    expect(url.searchParams.get('name')).toBe(`SES Setup Assistant (${CLEAN})`);

    await pasteToken(peer.addToken({ zones: [peer.zone(CLEAN).id] }));
    actions++;
    await page.getByRole('button', { name: /Write 6 records at Cloudflare/ }).waitFor();
    await expect.poll(primaries).toEqual(['Write 6 records at Cloudflare']);
    const preview = await shot('cloudflare-02-token-pasted-preview');
    expect(preview).toContain('6 records to add, 0 to change, 0 already right');
    expect(preview).toContain('The token is kept in your system keychain');

    await page.getByRole('button', { name: 'Write 6 records at Cloudflare' }).click();
    actions++;
    // Written, then checked live against the nameserver the peer publishes to, with no further click.
    await page.getByRole('heading', { name: '✓ All records are in place' }).waitFor();
    // The verdict is on the first screen, above the folded manual way.
    const verdictTop = (await page
      .getByRole('heading', { name: '✓ All records are in place' })
      .boundingBox())!.y;
    const screenHeight = page.viewportSize()!.height;
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(verdictTop + scrolled).toBeLessThan(screenHeight);
    const written = await shot('cloudflare-03-written-and-checked');
    expect(written).toContain('Wrote 6 records at Cloudflare.');
    // The domain was verified outside the assistant, so SES does not use its MAIL FROM domain yet:
    // with every record in place that is offered as an option (DKIM already lines mail up), and
    // sending a test email leads.
    expect(written).toContain('All done:');
    expect(written).toContain(`Optional: choose “Use bounce.${CLEAN} in SES” above`);
    expect(await primaries()).toEqual(['Continue: send a test email']);
    // Every record is in place: the token has done its work, and the panel offers to forget it.
    expect(written).toContain(
      'Every record is in place at Cloudflare, so the assistant no longer needs the token',
    );
    expect(await page.getByRole('button', { name: 'Forget the token' }).count()).toBe(1);
    await page.getByRole('button', { name: `Use bounce.${CLEAN} in SES` }).click();
    await page.getByText(/Optional: choose/).waitFor({ state: 'detached' });
    await page.getByText('All done:').waitFor();
    expect(await primaries()).toEqual(['Continue: send a test email']);
    await shot('cloudflare-03b-mail-from-in-ses');
    for (const t of tokens)
      expect(peer.zone(CLEAN).records.find((r) => r.name === `${t}._domainkey.${CLEAN}`)).toMatchObject({
        proxied: false,
      });

    expect(actions).toBeLessThanOrEqual(4);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(CLOUDFLARE_ACTIONS, JSON.stringify({ actions, byHand: 25 }));
  });

  it('asks before switching a proxied DKIM record to DNS only', async () => {
    const { page } = app;
    await showDomain(TROUBLED);
    await pasteToken(peer.addToken({ zones: [peer.zone(TROUBLED).id] }));
    await page.getByText('Switch it to DNS only').waitFor();
    await page.getByRole('button', { name: 'Write 5 records at Cloudflare' }).waitFor();
    const ask = await shot('cloudflare-04-proxied-asks');
    expect(ask).toContain('proxied, orange cloud');
    await page.getByLabel('Switch it to DNS only').check();
    await page.getByRole('button', { name: 'Write 6 records at Cloudflare' }).waitFor();
  });

  it('keeps a token that can change another domain only once the person confirms it by name', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Forget the token' }).click();
    const token = peer.addToken();
    await pasteToken(token);
    await page.getByRole('heading', { name: 'This token can change another domain too' }).waitFor();
    const asked = await shot('cloudflare-04b-other-domains-asks');
    expect(asked).toContain(`Besides ${TROUBLED}, it may change the DNS of ${CLEAN}.`);
    const keep = page.getByRole('button', { name: 'Keep this token' });
    expect(await keep.isDisabled()).toBe(true);
    await page
      .getByLabel(`Keep this token for ${TROUBLED} although it can also change the DNS of ${CLEAN}`)
      .check();
    await keep.click();
    await page.getByText(`can also change the DNS of ${CLEAN}, as you agreed`).waitFor();
    await shot('cloudflare-04c-other-domains-kept');
    expect(await app.assistant.context.secretStore().get(`cloudflare:${TROUBLED}`)).toBe(token);
  });

  it('says what went wrong, in words, with the fix', async () => {
    const { page } = app;
    const forget = page.getByRole('button', { name: 'Forget the token' });
    await forget.click();
    await page.getByRole('textbox', { name: 'Cloudflare token' }).waitFor();

    const cases: [string, () => Promise<void>, string][] = [
      ['invalid', () => pasteToken('y'.repeat(40)), 'Cloudflare did not accept this token'],
      [
        'expired',
        async () => {
          peer.faults.expired = true;
          await pasteToken(peer.addToken());
        },
        'This Cloudflare token has expired',
      ],
      [
        'other-account',
        async () => {
          peer.faults.expired = false;
          await pasteToken(peer.addToken({ accountId: 'someone-else' }));
        },
        `This token cannot see ${TROUBLED}`,
      ],
      [
        'rate-limited',
        async () => {
          peer.faults.rateLimit = { count: 1, retryAfter: 300 };
          await pasteToken(peer.addToken());
        },
        'Cloudflare asks the assistant to slow down',
      ],
      [
        'down',
        async () => {
          peer.faults.serverErrors = 100;
          await pasteToken(peer.addToken());
        },
        'Cloudflare is not answering properly',
      ],
    ];
    for (const [name, act, title] of cases) {
      await act();
      await page.getByRole('heading', { name: title }).waitFor();
      expect(await shot(`cloudflare-05-error-${name}`)).toContain('What to do:');
    }
    peer.faults.serverErrors = 0;

    // Pending: the token works, the zone is not active yet.
    peer.zone(TROUBLED).status = 'pending';
    await pasteToken(peer.addToken({ zones: [peer.zone(TROUBLED).id] }));
    await page.getByRole('heading', { name: `${TROUBLED} is not active at Cloudflare yet` }).waitFor();
    await shot('cloudflare-05-error-pending');
    peer.zone(TROUBLED).status = 'active';

    // A token without DNS edit is found out when writing.
    await forget.click();
    await pasteToken(peer.addToken({ zones: [peer.zone(TROUBLED).id], dnsEdit: false }));
    await page.getByRole('button', { name: /^Write \d+ records at Cloudflare$/ }).click();
    await page.getByRole('heading', { name: 'This token may not change DNS records' }).waitFor();
    await shot('cloudflare-05-error-no-dns-edit');
  });

  it('takes the records back from “What this app created” with the Cloudflare token, without AWS admin keys', async () => {
    const { page } = app;
    await app.assistant.handlers['wizard.goTo']({ step: 'ledger' });
    await page.reload();
    await page
      .getByRole('button', { name: /Remove CNAME/ })
      .first()
      .waitFor();
    expect(await page.getByText('Use these admin keys').count()).toBe(0);
    await shot('cloudflare-06-ledger');
    await page.getByRole('button', { name: 'Remove everything' }).click();
    await page.getByRole('button', { name: 'Yes, remove everything' }).click();
    await page.getByText('Everything the assistant created has been removed.').waitFor();
    // None of the records written with the token are left, so the token is forgotten too.
    await page
      .getByText(
        `The Cloudflare token for ${CLEAN} was forgotten: none of the records the assistant wrote there are left.`,
      )
      .waitFor();
    await shot('cloudflare-06b-ledger-removed');
    expect(await app.assistant.context.secretStore().get(`cloudflare:${CLEAN}`)).toBeNull();
    expect(
      peer
        .zone(CLEAN)
        .records.map((r) => r.content)
        .sort(),
    ).toEqual(
      website(CLEAN)
        .map((r) => r.content)
        .sort(),
    );
  });

  it('has no accessibility violations on any Cloudflare screen', () => {
    const names = [...app.a11y.keys()].filter((n) => n.startsWith('cloudflare-'));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect([name, app.a11y.get(name)]).toEqual([name, []]);
  });

  it('never shows a token or the secret key on a screen or in an IPC result', () => {
    for (const secret of [...pasted, key.secretAccessKey]) {
      for (const text of screens) expect(text).not.toContain(secret);
      for (const result of app.ipcResults) expect(result).not.toContain(secret);
    }
  });
});
