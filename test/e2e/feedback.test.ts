/**
 * Bounces and complaints end to end: the built renderer in Chromium, the real router and services,
 * moto for IAM, SES v1, SNS and SQS, the loopback SES v2 peer for the suppression panel. The test
 * publishes SES's documented notification JSON to the sender's topic itself (moto's own simulated
 * feedback is not JSON). Screenshots (feedback-NN-…): not set up, set up and empty, with events,
 * filtered, the queue deleted behind the app's back, and the dashboard card.
 */
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOnlyStore } from '../../electron/core/secret-store';
import { startMoto, type Moto } from '../peers/moto';
import { motoCertificates } from '../peers/sns-certificates';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { createUserWithKey, DUMMY_ADMIN, type TestKey } from '../support/aws';
import { bounce, complaint } from '../unit/feedback/notifications';
import { stopE2e } from '../support/e2e';
import { launchApp, type RunningApp } from './harness';

const REGION = 'us-east-1';
const DOMAIN = 'potterylane.example';
const TOPIC = `arn:aws:sns:${REGION}:123456789012:ses-potterylane-example-bounces-complaints`;

let moto: Moto;
let peer: Sesv2AccountPeer;
let admin: TestKey;
let app: RunningApp;

const aws = <T>(C: new (c: object) => T) =>
  new C({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

beforeAll(async () => {
  [moto, peer] = await Promise.all([startMoto(), startSesv2AccountPeer()]);
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await aws(SESClient).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN }));
  app = await launchApp({
    awsEndpoint: { default: moto.endpoint, sesv2: peer.endpoint },
    // moto signs what SNS delivers and serves its certificates: the app checks them as AWS's.
    peers: { snsCertificates: motoCertificates(moto.endpoint) },
    secretStore: sessionOnlyStore(),
  });
  const h = app.assistant.handlers;
  await h['admin.open']({
    source: 'keys',
    accessKeyId: admin.accessKeyId,
    secretAccessKey: admin.secretAccessKey,
    region: REGION,
  });
  // The sending user made by the assistant, and its sender in the ledger: the starting point here.
  await h['sendingUser.create']({ region: REGION });
  await app.assistant.context.settings.update((s) => ({
    ...s,
    ledger: [
      ...s.ledger,
      {
        kind: 'ses-identity',
        id: DOMAIN,
        region: REGION,
        accountId: '123456789012',
        createdAt: new Date().toISOString(),
      },
    ],
  }));
  await h['wizard.goTo']({ step: 'feedback' });
  await app.page.reload();
});

afterAll(() => stopE2e(app, moto, peer));

describe('the bounces and complaints screen (Chromium, moto)', () => {
  it('walks from not set up to events, a filter, a missing queue, and the dashboard card', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up bounces and complaints' }).waitFor();
    const notSetUp = await app.screenshot('feedback-01-not-set-up');
    expect(notSetUp).toContain('kept for 90 days, and at most 50,000');

    await page.getByRole('button', { name: 'Set up bounces and complaints' }).click();
    await page
      .getByRole('heading', { name: `Reading from your queue in ${REGION}` })
      .waitFor({ timeout: 30_000 });
    await page.getByText('No events stored yet.').waitFor();
    const empty = await app.screenshot('feedback-02-set-up-empty');
    expect(empty).toContain(DOMAIN);

    const sns = aws(SNSClient);
    await sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Message: JSON.stringify(
          bounce({ to: ['old-customer@example.org'], subject: 'Spring pots are here' }),
        ),
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Message: JSON.stringify(
          bounce({ messageId: 'm7', to: ['full@example.net'], type: 'Transient', subType: 'MailboxFull' }),
        ),
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: TOPIC,
        Message: JSON.stringify(complaint({ to: ['not-interested@example.com'] })),
      }),
    );
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('3 new events stored.', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByText('old-customer@example.org').waitFor();
    const events = await app.screenshot('feedback-03-events');
    expect(events).toContain('Bounced for good');
    expect(events).toContain('The mailbox is full');
    expect(events).toContain('Marked as spam');

    await page.getByLabel('Bounces', { exact: true }).check();
    await page.getByLabel('Search events').fill('old-customer');
    await page.getByText('1 event of 3 match.').waitFor();
    const filtered = await app.screenshot('feedback-04-filter');
    expect(filtered).not.toContain('not-interested@example.com');

    const setup = app.assistant.context.settings.get().features.feedback as {
      queues: Record<string, { queueUrl: string }>;
    };
    await aws(SQSClient).send(new DeleteQueueCommand({ QueueUrl: setup.queues[REGION]!.queueUrl }));
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('The bounce and complaint queue is gone').waitFor({ timeout: 30_000 });
    const gone = await app.screenshot('feedback-05-queue-gone');
    expect(gone).toContain('Set up again');

    await page.getByRole('button', { name: 'Back to the dashboard' }).click();
    const card = page.getByRole('region', { name: 'Bounces and complaints' });
    await card.getByText('not-interested@example.com').waitFor({ timeout: 30_000 });
    await card.scrollIntoViewIfNeeded();
    const dashboard = await app.screenshot('feedback-06-dashboard-card');
    expect(dashboard).toContain('2 bounces and 1 complaint stored on this computer');
  });
});
