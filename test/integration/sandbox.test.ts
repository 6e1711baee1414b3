/**
 * Sandbox status and the production-access request against real peers: moto for STS and SES v1,
 * a loopback SES v2 peer for GetAccount / PutAccountDetails (moto has neither), and nsd serving the
 * domains' DMARC records. The real SDK serialises every request and parses every answer.
 */
import path from 'node:path';
import { SESClient, VerifyDomainDkimCommand, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/contract';
import type { SandboxAnswers } from '../../electron/ipc/schemas';
import type { Drafts } from '../../electron/ipc/inputs/drafts';
import { recordingLinks, recordingNotifier } from '../../electron/core/ports';
import { openSettings } from '../../electron/core/settings';
import type { SandboxStatus } from '../../electron/features/sandbox/sandbox';
import { draftUseCase } from '../../electron/features/sandbox/draft';
import type { ReadinessReport } from '../../electron/features/sandbox/readiness';
import { MIN_INTERVAL_MS, startSandboxWatch } from '../../electron/features/sandbox/watch';
import { startMoto, type Moto } from '../peers/moto';
import { startNsd, type Nsd } from '../peers/nsd';
import { CASE_ID, startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';

const REGION = 'us-east-1';
let moto: Moto;
let peer: Sesv2AccountPeer;
let nsd: Nsd;
let app: TestApp;
let now = new Date('2026-11-24T09:00:00Z');

const ANSWERS: SandboxAnswers = {
  business: 'Pottery Lane sells handmade ceramic plant pots from our studio in Leeds.',
  website: 'https://potterylane.example',
  mailType: 'TRANSACTIONAL',
  optIn: 'account-or-order',
  listSize: 1800,
  frequency: 'order confirmations and shipping notices as orders come in',
  monthlyVolume: 4000,
  bounceHandling: ['sns-notifications', 'auto-suppress'],
  unsubscribe: [],
  contacts: ['ops@potterylane.example', 'owner@potterylane.example'],
  language: 'EN',
};

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.title}`);
  return result.value as T;
}

const admin = () => ({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

beforeAll(async () => {
  [moto, peer, nsd] = await Promise.all([
    startMoto(),
    startSesv2AccountPeer(),
    startNsd([
      { origin: 'ready.test', records: '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@ready.test"' },
      { origin: 'bare.test', records: 'www IN A 192.0.2.1' },
    ]),
  ]);
});

afterAll(async () => {
  await Promise.all([moto?.stop(), peer?.stop(), nsd?.stop()]);
});

beforeEach(async () => {
  await moto.reset();
  peer.reset();
  now = new Date('2026-11-24T09:00:00Z');
  app = await buildTestApp({
    endpoint: { default: moto.endpoint, sesv2: peer.endpoint },
    peers: { dns: { authoritative: nsd.server } },
    clock: () => now,
  });
  const key = await createUserWithKey(moto.endpoint, 'ses-sender');
  value(
    await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      region: REGION,
    }),
  );
});

describe('sandbox status', () => {
  it('reads the status from GetAccount: sandboxed, its quota, healthy, no review yet', async () => {
    const status = value<SandboxStatus>(await app.router.invoke('sandbox.status', {}));
    expect(status).toMatchObject({
      region: REGION,
      source: 'GetAccount',
      sandbox: true,
      sendingEnabled: true,
      enforcement: 'HEALTHY',
      review: null,
      quota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 },
    });
    expect(status.meaning.explanation).toMatch(
      /verified.*200 recipients in 24 hours and 1 recipient a second/,
    );
    expect(peer.requests).toEqual([{ method: 'GET', path: '/v2/email/account', body: null, signed: true }]);
  });

  it('reads the account’s SES pricing plan from GetAccount, and none when it is not reported', async () => {
    expect(value<SandboxStatus>(await app.router.invoke('sandbox.status', {})).pricingPlan).toBeNull();
    peer.state.PricingAttributes = { CurrentPlan: 'PRO' };
    expect(value<SandboxStatus>(await app.router.invoke('sandbox.status', {})).pricingPlan).toBe('PRO');
  });

  it('keeps the questionnaire’s answers across a restart, as a draft, until the request is sent', async () => {
    const answers = {
      business: 'Pottery',
      website: 'https://pots.example',
      mailType: 'TRANSACTIONAL' as const,
    };
    expect(value(await app.router.invoke('drafts.save', { form: 'sandbox', answers }))).toEqual({
      saved: true,
    });
    const reopened = await openSettings(path.dirname(app.assistant.context.settings.file));
    expect(reopened.get().features.drafts).toMatchObject({ sandbox: answers });
    expect(value<Drafts>(await app.router.invoke('drafts.get', {})).sandbox).toMatchObject(answers);
    // Something that is not an answer changes nothing.
    const refused = await app.router.invoke('drafts.save', {
      form: 'sandbox',
      answers: { business: 'x', secret: 'y' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(value<Drafts>(await app.router.invoke('drafts.get', {})).sandbox).toMatchObject(answers);
    // Sent: the draft has done its job.
    value(await app.router.invoke('sandbox.submit', { answers: ANSWERS, confirm: true }));
    expect(value<Drafts>(await app.router.invoke('drafts.get', {})).sandbox).toBeNull();
  });

  it('falls back to GetSendQuota when GetAccount is denied, and says so', async () => {
    peer.denyGetAccount = true;
    const status = value<SandboxStatus>(await app.router.invoke('sandbox.status', { region: REGION }));
    expect(status.source).toBe('GetSendQuota');
    expect(status.sourceNote).toMatch(/ses:GetAccount/);
    expect(status.sandbox).toBe(true); // moto reports the sandbox's 200 a day and 1 a second
    expect(status.review).toBeNull();
    expect(peer.requests).toHaveLength(1);
  });

  it('falls back to GetSendQuota when the endpoint does not offer GetAccount (moto answers 404)', async () => {
    const onMoto = await buildTestApp({
      endpoint: moto.endpoint,
      peers: { dns: { authoritative: nsd.server } },
    });
    const key = await createUserWithKey(moto.endpoint, 'moto-only');
    value(
      await onMoto.router.invoke('connection.connect', {
        source: 'keys',
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        region: REGION,
      }),
    );
    const status = value<SandboxStatus>(await onMoto.router.invoke('sandbox.status', {}));
    expect(status.source).toBe('GetSendQuota');
    expect(status.sourceNote).toMatch(/does not offer the account details/);
    expect(status.sandbox).toBe(true);
  });

  it('reports production access and its quota once granted', async () => {
    peer.decide('GRANTED');
    const status = value<SandboxStatus>(await app.router.invoke('sandbox.status', {}));
    expect(status.sandbox).toBe(false);
    expect(status.review).toEqual({ status: 'GRANTED', caseId: CASE_ID });
    expect(status.quota.max24HourSend).toBe(50_000);
    expect(status.meaning.title).toBe('You are out of the sandbox');
  });
});

describe('submit for me', () => {
  it('refuses without an explicit confirmation and sends nothing', async () => {
    const result = await app.router.invoke('sandbox.submit', { answers: ANSWERS });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    expect(peer.requests.filter((r) => r.path.endsWith('/details'))).toHaveLength(0);
  });

  it('sends exactly the answers and the drafted description, records the route, and shows PENDING', async () => {
    const status = value<SandboxStatus>(
      await app.router.invoke('sandbox.submit', { answers: ANSWERS, confirm: true }),
    );
    const put = peer.requests.find((r) => r.path === '/v2/email/account/details')!;
    expect(put.method).toBe('POST');
    expect(put.signed).toBe(true);
    expect(put.body).toEqual({
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://potterylane.example',
      UseCaseDescription: draftUseCase(ANSWERS).text,
      AdditionalContactEmailAddresses: ['ops@potterylane.example', 'owner@potterylane.example'],
      ContactLanguage: 'EN',
      ProductionAccessEnabled: true,
    });
    expect(put.body!.UseCaseDescription).toContain('Pottery Lane sells handmade ceramic plant pots');
    expect(status.review).toEqual({ status: 'PENDING', caseId: CASE_ID });
    expect(status.request).toEqual({ route: 'api', at: now.toISOString() });
    expect(app.settings.get().sandboxRequests[REGION]).toEqual({
      route: 'api',
      at: now.toISOString(),
      lastReview: 'PENDING',
    });
  });

  it('explains a refused PutAccountDetails without raw AWS text', async () => {
    const result = await app.router.invoke('sandbox.submit', {
      answers: { ...ANSWERS, website: 'not a site' },
      confirm: true,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.['answers.website']).toMatch(/https:\/\/example\.com/);
  });
});

describe('the console route', () => {
  it('opens only allow-listed https links, and records that the console form was used', async () => {
    const links = app.assistant.context.openExternal as ReturnType<typeof recordingLinks>;
    const url = `https://${REGION}.console.aws.amazon.com/ses/home?region=${REGION}#/account`;
    expect(value(await app.router.invoke('links.open', { url }))).toEqual({ opened: true });
    for (const bad of [
      'http://console.aws.amazon.com/',
      'https://console.aws.amazon.com.evil.test/',
      'file:///etc/passwd',
    ]) {
      const r = await app.router.invoke('links.open', { url: bad });
      expect(r.ok).toBe(false);
    }
    expect(links.opened).toEqual([url]);
    const noted = value(await app.router.invoke('sandbox.usedConsole', {}));
    expect(noted).toEqual({ route: 'console', at: now.toISOString() });
    const status = value<SandboxStatus>(await app.router.invoke('sandbox.status', {}));
    expect(status.request).toEqual({ route: 'console', at: now.toISOString() });
  });
});

describe('tracking the review', () => {
  it('polls no more than every 30 minutes and notifies once when the decision changes', async () => {
    const notifier = app.assistant.context.notifier as ReturnType<typeof recordingNotifier>;
    const timers: { fn: () => void; ms: number }[] = [];
    value(await app.router.invoke('sandbox.submit', { answers: ANSWERS, confirm: true }));
    const watch = startSandboxWatch(app.assistant.context, {
      intervalMs: 60_000, // asked for every minute: still 30
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => undefined,
    });
    expect(timers.map((t) => t.ms)).toEqual([60_000]); // first look soon after start
    timers.shift()!.fn();
    await expect.poll(() => timers.map((t) => t.ms)).toEqual([MIN_INTERVAL_MS]); // then every 30 minutes
    expect(notifier.sent).toEqual([]);

    expect(await watch.check()).toEqual([]); // still PENDING: nothing to say
    expect(notifier.sent).toEqual([]);

    peer.decide('GRANTED');
    now = new Date(now.getTime() + MIN_INTERVAL_MS);
    expect(await watch.check()).toEqual([REGION]);
    expect(notifier.sent).toHaveLength(1);
    expect(notifier.sent[0]).toMatchObject({ openStep: 'sandbox' });
    expect(notifier.sent[0]!.title).toMatch(/out of the SES sandbox in us-east-1/);
    expect(app.settings.get().sandboxRequests[REGION]!.lastReview).toBe('GRANTED');

    const before = peer.requests.length;
    expect(await watch.check()).toEqual([]); // a final decision is not polled again
    expect(peer.requests.length).toBe(before);
    watch.stop();
  });

  it('notifies a denial, and a timer tick runs the check', async () => {
    const notifier = app.assistant.context.notifier as ReturnType<typeof recordingNotifier>;
    const timers: (() => void)[] = [];
    value(await app.router.invoke('sandbox.submit', { answers: ANSWERS, confirm: true }));
    const watch = startSandboxWatch(app.assistant.context, {
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    peer.decide('DENIED');
    timers.shift()!();
    await expect.poll(() => notifier.sent.length).toBe(1);
    expect(notifier.sent[0]!.title).toMatch(/declined/);
    await expect.poll(() => timers.length).toBe(1); // scheduled again
    watch.stop();
  });
});

describe('readiness checklist', () => {
  async function verify(domain: string) {
    const ses = new SESClient(admin());
    await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
    await ses.send(new VerifyDomainDkimCommand({ Domain: domain }));
  }

  it('ticks every item for a verified, signed domain with DMARC, notifications and a website', async () => {
    await verify('ready.test');
    // Bounce notifications set up the way the Test send screen does it, with the admin session.
    const adminKey = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
    value(
      await app.router.invoke('admin.open', {
        source: 'keys',
        accessKeyId: adminKey.accessKeyId,
        secretAccessKey: adminKey.secretAccessKey,
        region: REGION,
      }),
    );
    value(
      await app.router.invoke('notifications.setup', {
        identity: 'ready.test',
        notifyAddress: 'postmaster@ready.test',
      }),
    );
    const report = value<ReadinessReport>(
      await app.router.invoke('sandbox.readiness', { domain: 'ready.test', website: 'https://ready.test' }),
    );
    expect(Object.fromEntries(report.items.map((i) => [i.id, i.ok]))).toEqual({
      'domain-verified': true,
      dkim: true,
      dmarc: true,
      bounces: true,
      website: true,
    });
  });

  it('names what is missing: an unknown domain, no DMARC, no notifications, no website', async () => {
    const report = value<ReadinessReport>(
      await app.router.invoke('sandbox.readiness', { domain: 'bare.test' }),
    );
    const byId = Object.fromEntries(report.items.map((i) => [i.id, i]));
    expect(report.items.every((i) => i.ok === false)).toBe(true);
    expect(byId['dmarc']!.detail).toContain('_dmarc.bare.test');
    expect(byId['domain-verified']!.detail).toMatch(/not set up in us-east-1/);
  });
});
