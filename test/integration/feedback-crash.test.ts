/**
 * The app killed (SIGKILL, a real separate process) at the two points that matter while reading the
 * queue: after receiving but before storing, and after storing but before deleting. Afterwards the
 * next read must hold every event exactly once and leave the queue empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drainAll } from '../../electron/features/feedback/poll';
import { openFeedbackStore } from '../../electron/features/feedback/store';
import { startMoto, type Moto } from '../peers/moto';
import {
  signedEnvelope,
  snsSigner,
  startCertificatePeer,
  type CertificatePeer,
} from '../peers/sns-certificates';
import { DUMMY_ADMIN } from '../support/aws';
import { queueDepth } from '../support/queue';
import { bounce, complaint } from '../unit/feedback/notifications';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:ses-example-com-bounces-complaints';
const CERT_URL = 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-crash.pem';

let moto: Moto;
let certificates: CertificatePeer;
let sqs: SQSClient;
let queueUrl: string;

/** SES's notification as SNS delivers it to the queue: in its envelope, signed. */
const delivered = (notification: object, id: string) =>
  JSON.stringify(
    signedEnvelope(
      snsSigner(),
      { MessageId: id, TopicArn: TOPIC, Message: JSON.stringify(notification) },
      { certUrl: CERT_URL },
    ),
  );

beforeAll(async () => {
  certificates = await startCertificatePeer();
  certificates.serve(CERT_URL, snsSigner().cert);
  moto = await startMoto();
  sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    credentials: DUMMY_ADMIN,
    maxAttempts: 1,
  });
});
afterAll(async () => {
  await moto?.stop();
  await certificates?.stop();
});
beforeEach(async () => {
  await moto.reset();
  // A short visibility timeout, so a message the killed process received comes back within a second.
  const q = await sqs.send(
    new CreateQueueCommand({ QueueName: 'feedback-crash', Attributes: { VisibilityTimeout: '1' } }),
  );
  queueUrl = q.QueueUrl!;
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: delivered(bounce({ to: ['a@x.example', 'b@x.example'] }), 'sns-b'),
    }),
  );
  await sqs.send(
    new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: delivered(complaint(), 'sns-c') }),
  );
});

function runChildUntilKilled(
  dir: string,
  point: 'afterReceive' | 'afterStore',
): Promise<NodeJS.Signals | number | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.resolve('test/unit/feedback/crash-child.ts'),
      dir,
      moto.endpoint,
      queueUrl,
      point,
      TOPIC,
      certificates.base,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') console.error(stderr);
      resolve(signal ?? code);
    }),
  );
}

const messagesLeft = () => queueDepth(sqs, queueUrl);

/** Reads again (as the restarted app would) until both notifications are in, or gives up after 20 s. */
async function restartAndRead(dir: string) {
  const store = await openFeedbackStore(dir);
  const end = Date.now() + 20_000;
  let duplicates = 0;
  while (Date.now() < end) {
    const r = await drainAll({
      sqs,
      queueUrl,
      topics: [TOPIC],
      certificates: certificates.fetcher,
      store,
      clock: () => new Date(),
      waitSeconds: 1,
    });
    duplicates += r.duplicates;
    if ((await messagesLeft()) === 0 && store.has(`${TOPIC}/sns-b`) && store.has(`${TOPIC}/sns-c`)) break;
  }
  return { store, duplicates };
}

describe('a crash while reading the queue', () => {
  it('killed between receiving and storing: nothing is lost, nothing doubled', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedback-crash-'));
    expect(await runChildUntilKilled(dir, 'afterReceive')).toBe('SIGKILL');
    expect((await openFeedbackStore(dir)).counts()).toMatchObject({ bounce: 0, complaint: 0 });
    const { store } = await restartAndRead(dir);
    expect(store.counts()).toEqual({ bounce: 2, complaint: 1, delivery: 0, unreadable: 0 });
    expect(await messagesLeft()).toBe(0);
  });

  it('killed between storing and deleting: the redelivered messages are recognised and deleted, not stored again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedback-crash-'));
    expect(await runChildUntilKilled(dir, 'afterStore')).toBe('SIGKILL');
    expect((await openFeedbackStore(dir)).counts()).toMatchObject({ bounce: 2, complaint: 1 });
    const { store, duplicates } = await restartAndRead(dir);
    expect(duplicates).toBe(3);
    expect(store.counts()).toEqual({ bounce: 2, complaint: 1, delivery: 0, unreadable: 0 });
    expect((await store.events()).length).toBe(3);
    expect(await messagesLeft()).toBe(0);
  });
});
