import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { SendEmailCommand, SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../electron/features/dashboard/dashboard';
import { quotaAdvice } from '../../electron/features/dashboard/dashboard';
import { startMoto, type Moto } from '../peers/moto';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { adminIam, createUserWithKey, DUMMY_ADMIN } from '../support/aws';
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
  app = await connectedApp(key);
});

/** An app connected in eu-west-1 with this key. */
async function connectedApp(key: { accessKeyId: string; secretAccessKey: string }): Promise<TestApp> {
  const connecting = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: account.endpoint } });
  const connected = await connecting.router.invoke('connection.connect', {
    source: 'keys',
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    region: 'eu-west-1',
  });
  expect(connected.ok).toBe(true);
  return connecting;
}

const ses = () =>
  new SESClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

/** One message from a verified domain to the mailbox simulator, so the statistics have something. */
async function sendOne() {
  await ses().send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
  await ses().send(
    new SendEmailCommand({
      Source: 'noreply@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Message: { Subject: { Data: 'hi' }, Body: { Text: { Data: 'hi' } } },
    }),
  );
}

describe('the dashboard', () => {
  it('gathers status, senders, health, key, SMTP settings, code and cost for the connection’s region', async () => {
    await sendOne();
    const result = await app.router.invoke('dashboard.get', {});
    expect(result.ok).toBe(true);
    const view = (result as { value: DashboardView }).value;

    expect(view.region).toBe('eu-west-1');
    expect(view.account).toMatchObject({ ok: true, value: { sandbox: true, source: 'GetAccount' } });
    expect(view.identities).toMatchObject({
      ok: true,
      value: [{ identity: 'example.com', state: 'verified' }],
    });
    expect(view.reputation).toMatchObject({ ok: true, value: { bounce: { health: expect.any(String) } } });
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

  it('shows AWS’s own reputation rates when CloudWatch has them, and says so', async () => {
    const cloudwatch = new CloudWatchClient({
      region: 'eu-west-1',
      endpoint: moto.endpoint,
      credentials: DUMMY_ADMIN,
      maxAttempts: 1,
    });
    // What SES publishes for an account that has sent enough mail: fractions, in AWS/SES.
    const measuredAt = new Date(Date.now() - 30 * 60_000);
    await cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SES',
        MetricData: [
          { MetricName: 'Reputation.BounceRate', Value: 0.031, Timestamp: measuredAt },
          { MetricName: 'Reputation.ComplaintRate', Value: 0.0004, Timestamp: measuredAt },
        ],
      }),
    );
    const view = ((await app.router.invoke('dashboard.get', {})) as { value: DashboardView }).value;
    if (!view.reputation.ok) throw new Error(view.reputation.error.title);
    const r = view.reputation.value;
    expect(r.bounce).toMatchObject({
      source: 'aws',
      rate: 0.031,
      health: 'watch',
      metric: 'Reputation.BounceRate',
    });
    expect(r.complaint).toMatchObject({ source: 'aws', rate: 0.0004, health: 'good' });
    expect(r.bounce.measuredAt).not.toBeNull();
    expect(r.estimateNote).toBeNull();
  });

  it('labels the rates an estimate from the sending statistics when CloudWatch has none', async () => {
    await sendOne();
    const view = ((await app.router.invoke('dashboard.get', {})) as { value: DashboardView }).value;
    if (!view.reputation.ok) throw new Error(view.reputation.error.title);
    const r = view.reputation.value;
    expect(r.bounce).toMatchObject({ source: 'estimate', measuredAt: null });
    expect(r.complaint).toMatchObject({ source: 'estimate' });
    expect(r.estimateNote).toMatch(/estimate from the last 14 days’ sending statistics/);
  });

  it('says a key that may not read CloudWatch gets the estimate, and what to add', async () => {
    // A key whose policy allows SES but no CloudWatch call, as a sending policy made before this read did.
    const key = await createUserWithKey(moto.endpoint, 'ses-only');
    await adminIam(moto.endpoint).send(
      new PutUserPolicyCommand({
        UserName: 'ses-only',
        PolicyName: 'ses',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['ses:*', 'sts:*', 'iam:*'], Resource: '*' }],
        }),
      }),
    );
    const limited = await connectedApp(key);
    await moto.enforceAuth(true);
    try {
      const view = ((await limited.router.invoke('dashboard.get', {})) as { value: DashboardView }).value;
      if (!view.reputation.ok) throw new Error(view.reputation.error.title);
      expect(view.reputation.value.bounce.source).toBe('estimate');
      expect(view.reputation.value.estimateNote).toMatch(
        /may not read AWS’s own rates.*cloudwatch:GetMetricData/,
      );
    } finally {
      await moto.enforceAuth(false);
    }
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
