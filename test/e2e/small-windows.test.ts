/**
 * The DNS step as a person sees it in a full window and at 200 % zoom: the verdict on the first
 * screen, the primary action without scrolling (or within one screen at 200 %), and the step list
 * folded into one line with a menu on a small window. Writes the scroll figures for the benchmark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SESClient, VerifyDomainDkimCommand, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { auditAccessibility } from './accessibility';
import { openByHand, showRecordsFor } from './dns-screen';
import { closeBrowser, launchApp, SCREENSHOTS, type RunningApp } from './harness';
import { keyboardDriver } from './keyboard';
import {
  measureScreen,
  SCROLL_FIGURES,
  WINDOWS,
  type ScreenMeasure,
  type WindowName,
} from './screen-measure';

const REGION = 'us-east-1';
/** One domain whose DNS is at Cloudflare, one at a host the assistant knows nothing about. */
const HOSTS = {
  cloudflare: { domain: 'cf-small.test', nameservers: ['ada.ns.cloudflare.com.', 'bob.ns.cloudflare.com.'] },
  other: { domain: 'elsewhere.test', nameservers: ['ns1.small-host.test.', 'ns2.small-host.test.'] },
} as const;
type Host = keyof typeof HOSTS;

let moto: Moto;
let nsd: Nsd;
let app: RunningApp;
const figures: Record<string, ScreenMeasure> = {};

beforeAll(async () => {
  moto = await startMoto();
  const ses = new SESClient({
    region: REGION,
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  });
  for (const { domain } of Object.values(HOSTS)) {
    await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    await ses.send(new VerifyDomainDkimCommand({ Domain: domain }));
  }
  // The person's zones before the assistant: a website, nothing for SES yet.
  nsd = await startNsd(
    Object.values(HOSTS).map(({ domain, nameservers }) => ({
      origin: domain,
      nameservers: [...nameservers],
      records: 'www IN A 192.0.2.10',
    })),
  );
  const key = await createUserWithKey(moto.endpoint, 'small-windows-e2e');
  app = await launchApp({
    awsEndpoint: moto.endpoint,
    peers: { dns: { authoritative: nsd.server } },
    secretStore: sessionOnlyStore(),
  });
  await app.assistant.handlers['connection.connect']({
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: REGION,
  });
  await app.assistant.handlers['wizard.goTo']({ step: 'dns' });
  await app.page.reload();
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await closeBrowser();
  await Promise.all([moto?.stop(), nsd?.stop()]);
});

/** The verdict line of the DNS step: what its check found. */
const verdict = () => app.page.locator('#dns-check-title');

/** Measures the DNS step for `host` in `window`, keeps the figure and a screenshot, and restores the window. */
async function measureDns(host: Host, window: WindowName): Promise<ScreenMeasure> {
  const full = app.page.viewportSize()!;
  try {
    const measure = await measureScreen(app.page, window, verdict());
    figures[`${host}@${window}`] = measure;
    // Written at once, so the benchmark has the figure even when an assertion below fails.
    mkdirSync(path.dirname(SCROLL_FIGURES), { recursive: true });
    writeFileSync(SCROLL_FIGURES, JSON.stringify(figures, null, 2));
    await app.page.screenshot({
      path: path.join(SCREENSHOTS, `small-windows-dns-${host}@${window}.png`),
      fullPage: true,
    });
    return measure;
  } finally {
    await app.page.setViewportSize(full);
  }
}

async function showDomain(host: Host) {
  const { page } = app;
  await page.getByRole('heading', { name: 'Add your DNS records' }).waitFor();
  await showRecordsFor(page, HOSTS[host].domain);
  // As when the screen opens on the domain from the Sender step: the records, checked.
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.getByRole('heading', { name: /records? to fix$/ }).waitFor();
}

describe.each(Object.keys(HOSTS) as Host[])('the DNS step with the DNS at %s', (host) => {
  it('has the verdict and the primary action on the first screen of a 1040 px window', async () => {
    await showDomain(host);
    await app.screenshot(`small-windows-dns-${host}`);
    const wide = await measureDns(host, 'wide');
    expect(wide.verdict!.bottom).toBeLessThanOrEqual(wide.screenHeight);
    expect(wide.scrollToAction).toBe(0);
  });

  it('has the verdict on the first screen at 200 % zoom, and the primary action within one screen of scrolling', async () => {
    const zoomed = await measureDns(host, 'zoom200');
    expect(zoomed.verdict!.bottom).toBeLessThanOrEqual(zoomed.screenHeight);
    expect(zoomed.scrollToAction).toBeLessThanOrEqual(zoomed.screenHeight);
  });
});

describe('the record table at 200 % zoom', () => {
  it('has a caption that wraps as a line of text, not one word a line', async () => {
    const { page } = app;
    const full = page.viewportSize()!;
    await page.setViewportSize({ width: WINDOWS.zoom200.width, height: WINDOWS.zoom200.height });
    try {
      await openByHand(page);
      const caption = page.locator('table.records caption');
      const { width, height } = (await caption.boundingBox())!;
      const lineHeight = await caption.evaluate((c) => parseFloat(getComputedStyle(c).lineHeight));
      // "Records to add for elsewhere.test" fits on one line of the table's width (with its padding).
      expect(height).toBeLessThan(lineHeight * 2);
      expect(width).toBeGreaterThan(WINDOWS.zoom200.width / 2);
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'small-windows-dns-by-hand@zoom200.png'),
        fullPage: true,
      });
    } finally {
      await page.setViewportSize(full);
    }
  });
});

describe('the step list in a small window', () => {
  const stepsNav = () => app.page.getByRole('navigation', { name: 'Steps' });
  const menuButton = () => stepsNav().getByRole('button', { name: 'Step 5 of 8: DNS records' });
  const focused = () => app.page.evaluate(() => document.activeElement?.textContent ?? '');

  it('shows every step in a 1040 px window, with no menu', async () => {
    await expect.poll(() => stepsNav().getByRole('listitem').count()).toBe(8);
    expect(await stepsNav().getByRole('list').isVisible()).toBe(true);
    expect(await menuButton().isVisible()).toBe(false);
    const navHeight = (await stepsNav().boundingBox())!.height;
    expect(navHeight).toBeLessThan(40);
  });

  it('folds into one line at 200 % zoom, with a menu that works from the keyboard', async () => {
    const { page } = app;
    const full = page.viewportSize()!;
    const { width, height } = WINDOWS.zoom200;
    await page.setViewportSize({ width, height });
    try {
      await page.evaluate(() => globalThis.scrollTo(0, 0));
      const header = page.locator('header.topbar');
      // One line for the brand, one for where the person is: not the three or four of the full list.
      expect((await header.boundingBox())!.height).toBeLessThan(100);
      expect((await stepsNav().boundingBox())!.height).toBeLessThan(40);
      expect(await stepsNav().getByRole('list').isVisible()).toBe(false);
      expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'small-windows-steps-closed@zoom200.png') });

      const keys = keyboardDriver(page);
      await page.locator('body').focus();
      await keys.press(menuButton());
      await stepsNav().getByRole('list').waitFor();
      expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
      // The opened list follows the button in the keyboard's order.
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('Welcome');
      expect(await auditAccessibility(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'small-windows-steps-open@zoom200.png') });

      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      await stepsNav().getByRole('list').waitFor({ state: 'hidden' });
      expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
      expect(await focused()).toBe('Step 5 of 8: DNS records');

      // A step chosen from the menu opens, and the menu closes behind it.
      await page.keyboard.press('Enter');
      await keys.press(stepsNav().getByRole('button', { name: 'Connect AWS' }));
      await stepsNav().getByRole('button', { name: 'Step 2 of 8: Connect AWS' }).waitFor();
      expect(await stepsNav().getByRole('list').isVisible()).toBe(false);
    } finally {
      await page.setViewportSize(full);
    }
  });
});
