import { SendEmailCommand, SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../electron/features/dashboard/dashboard';
import { quotaAdvice } from '../../electron/features/dashboard/dashboard';
import { startMoto, type Moto } from '../peers/moto';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';
import { buildTestApp, type TestApp } from '../support/assistant';

let moto: Moto;
let account: Sesv2AccountPeer;
let app: TestApp;
let secret: string;

beforeAll(async () => {
  moto = await startMoto();
  account = await startSesv2AccountPeer();
});
afterAll(async () => {
  await account?.stop();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  account.reset();
  const key = await createUserWithKey(moto.endpoint, 'sender');
  secret = key.secretAccessKey;
  app = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: account.endpoint } });
  const connected = await app.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: 'eu-west-1',
  });
  expect(connected.ok).toBe(true);
});

const ses = () =>
  new SESClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

describe('the dashboard', () => {
  it('gathers status, senders, health, key, SMTP settings, code and cost for the connection’s region', async () => {
    await ses().send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
    await ses().send(
      new SendEmailCommand({
        Source: 'noreply@example.com',
        Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
        Message: { Subject: { Data: 'hi' }, Body: { Text: { Data: 'hi' } } },
      }),
    );
    const result = await app.router.invoke('dashboard.get', {});
    expect(result.ok).toBe(true);
    const view = (result as { value: DashboardView }).value;

    expect(view.region).toBe('eu-west-1');
    expect(view.account).toMatchObject({ ok: true, value: { sandbox: true, source: 'GetAccount' } });
    expect(view.identities).toMatchObject({
      ok: true,
      value: [{ identity: 'example.com', state: 'verified' }],
    });
    expect(view.reputation).toMatchObject({ ok: true, value: { bounceHealth: expect.any(String) } });
    expect(view.key.ok).toBe(true);
    // Nothing set up and nothing stored yet: the card says so rather than failing.
    expect(view.feedback).toEqual({
      ok: true,
      value: {
        setUp: false,
        counts: { bounce: 0, complaint: 0, delivery: 0, unreadable: 0 },
        latest: [],
        lastError: null,
      },
    });
    expect(view.smtp).toEqual({
      host: 'email-smtp.eu-west-1.amazonaws.com',
      ports: { starttls: 587, tls: 465 },
      userNameMasked: expect.stringMatching(/^AKIA…/),
    });
    expect(view.snippets.find((s) => s.id === 'node-smtp')!.code).toContain("from: 'noreply@example.com'");
    expect(view.cost).toMatchObject({
      asOf: expect.any(String),
      source: expect.stringMatching(/^https:\/\/aws\.amazon\.com/),
    });
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('shows production access, and keeps the other cards when one call is denied', async () => {
    account.decide('GRANTED');
    const view = ((await app.router.invoke('dashboard.get', {})) as { value: DashboardView }).value;
    expect(view.account).toMatchObject({
      ok: true,
      value: { sandbox: false, review: { status: 'GRANTED' } },
    });

    account.denyGetAccount = true;
    const fallback = ((await app.router.invoke('dashboard.get', {})) as { value: DashboardView }).value;
    expect(fallback.account).toMatchObject({ ok: true, value: { source: 'GetSendQuota' } });
    expect(fallback.identities.ok).toBe(true);
  });

  it('advises on the quota only when the day’s sending nears it', () => {
    expect(quotaAdvice({ max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 10 }, true)).toBeNull();
    expect(quotaAdvice({ max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 170 }, true)).toMatch(
      /production access/,
    );
    expect(quotaAdvice({ max24HourSend: 50_000, maxSendRate: 14, sentLast24Hours: 45_000 }, false)).toMatch(
      /quota increase/,
    );
  });
});
