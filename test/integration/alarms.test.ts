/**
 * Reputation alarms against moto (CloudWatch and SNS): with the admin session the assistant makes
 * the topic, subscribes the address and puts both alarms at the dated thresholds, all in the ledger;
 * the ledger removes the alarms before their topic; and the background check (checkAlarms) finds an
 * alarm moved to ALARM (moto's SetAlarmState), tells of it once, and again only after it cleared.
 */
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { ListSubscriptionsByTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantError, OutputOf, Result } from '../../electron/ipc/contract';
import { recordCreated } from '../../electron/core/ledger';
import { checkAlarms } from '../../electron/features/suppression';
import { ALARM_TOPIC_NAME } from '../../electron/features/suppression/alarms';
import { freePort } from '../peers/free-port';
import { startMoto, type Moto } from '../peers/moto';
import { startSesv2AccountPeer, type Sesv2AccountPeer } from '../peers/sesv2-account';
import { buildTestApp, type TestApp } from '../support/assistant';
import { createUserWithKey, DUMMY_ADMIN } from '../support/aws';

const REGION = 'us-east-1';
const NOTIFY = 'owner@pottery.example';
let moto: Moto;
let peer: Sesv2AccountPeer;
let app: TestApp;

const cloudwatch = () =>
  new CloudWatchClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });
const sns = () =>
  new SNSClient({ region: REGION, endpoint: moto.endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.title}`);
  return result.value as T;
}

beforeAll(async () => {
  [moto, peer] = await Promise.all([startMoto(), startSesv2AccountPeer()]);
});
afterAll(async () => {
  await Promise.all([moto?.stop(), peer?.stop()]);
});

beforeEach(async () => {
  await moto.reset();
  peer.reset();
  app = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: peer.endpoint } });
  const sender = await createUserWithKey(moto.endpoint, 'ses-sender', { allowAll: true });
  value(
    await app.router.invoke('connection.connect', {
      source: 'keys',
      accessKeyId: sender.accessKeyId,
      secretAccessKey: sender.secretAccessKey,
      region: REGION,
    }),
  );
});

async function openAdmin() {
  const admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  value(
    await app.router.invoke('admin.open', {
      source: 'keys',
      accessKeyId: admin.accessKeyId,
      secretAccessKey: admin.secretAccessKey,
      region: REGION,
    }),
  );
}

async function createAlarms() {
  await openAdmin();
  return value<OutputOf<'suppression.createAlarms'>>(
    await app.router.invoke('suppression.createAlarms', { notifyAddress: NOTIFY }),
  );
}

const setState = (name: string, state: 'ALARM' | 'OK') =>
  cloudwatch().send(
    new SetAlarmStateCommand({
      AlarmName: name,
      StateValue: state,
      StateReason: `Test moved it to ${state}`,
    }),
  );

describe('reputation alarms', () => {
  it('shows no alarms before any are made', async () => {
    const view = value<OutputOf<'suppression.alarms'>>(await app.router.invoke('suppression.alarms', {}));
    expect(view).toMatchObject({ region: REGION, alarms: [], notifyAddress: null });
    expect(view.lines[0]).toEqual({
      kind: 'bounce',
      adviseBelow: '2 %',
      warnAt: '4 %',
      reviewAt: '5 %',
      pauseAt: '10 %',
    });
  });

  it('asks for admin access before making anything', async () => {
    const r = await app.router.invoke('suppression.createAlarms', { notifyAddress: NOTIFY });
    expect((r as { error: AssistantError }).error.code).toBe('ADMIN_NEEDED');
    expect((await cloudwatch().send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []).toHaveLength(0);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(0);
  });

  it('makes both alarms at the dated thresholds, pointing at a topic that emails the person', async () => {
    const view = await createAlarms();
    const alarms = (await cloudwatch().send(new DescribeAlarmsCommand({}))).MetricAlarms ?? [];
    const topicArn = ((await sns().send(new ListTopicsCommand({}))).Topics ?? [])[0]!.TopicArn!;
    expect(topicArn.endsWith(`:${ALARM_TOPIC_NAME}`)).toBe(true);
    expect(
      alarms.map((a) => [a.AlarmName, a.Namespace, a.MetricName, a.Threshold, a.ComparisonOperator]),
    ).toEqual(
      expect.arrayContaining([
        [
          'ses-assistant-bounce-rate',
          'AWS/SES',
          'Reputation.BounceRate',
          0.04,
          'GreaterThanOrEqualToThreshold',
        ],
        [
          'ses-assistant-complaint-rate',
          'AWS/SES',
          'Reputation.ComplaintRate',
          0.0008,
          'GreaterThanOrEqualToThreshold',
        ],
      ]),
    );
    expect(alarms.every((a) => a.AlarmActions?.[0] === topicArn)).toBe(true);
    const subs =
      (await sns().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [];
    expect(subs).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: NOTIFY })]);

    expect(view).toMatchObject({ notifyAddress: NOTIFY });
    expect(view.alarms.map((a) => [a.kind, a.thresholdWords])).toEqual([
      ['bounce', '4 %'],
      ['complaint', '0.08 %'],
    ]);

    const ledger = value<OutputOf<'ledger.list'>>(await app.router.invoke('ledger.list', {}));
    expect(ledger.map((e) => e.kind).sort()).toEqual([
      'cloudwatch-alarm',
      'cloudwatch-alarm',
      'sns-subscription',
      'sns-topic',
    ]);
  });

  it('is idempotent: making them again leaves one topic and two alarms', async () => {
    await createAlarms();
    value(await app.router.invoke('suppression.createAlarms', { notifyAddress: NOTIFY }));
    expect((await cloudwatch().send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []).toHaveLength(2);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(1);
    const ledger = value<OutputOf<'ledger.list'>>(await app.router.invoke('ledger.list', {}));
    expect(ledger).toHaveLength(4);
  });

  it('removes the alarms and their topic from the ledger screen, alarms first', async () => {
    await createAlarms();
    const report = value<OutputOf<'ledger.removeAll'>>(
      await app.router.invoke('ledger.removeAll', { confirm: true }),
    );
    const order = report.removed.map((e) => e.kind);
    expect(order.indexOf('cloudwatch-alarm')).toBeLessThan(order.indexOf('sns-topic'));
    expect((await cloudwatch().send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []).toHaveLength(0);
    expect((await sns().send(new ListTopicsCommand({}))).Topics ?? []).toHaveLength(0);
    expect(report.ledger).toEqual([]);
  });

  it('counts an alarm deleted behind the app’s back as removed', async () => {
    await createAlarms();
    await cloudwatch().send(
      new (await import('@aws-sdk/client-cloudwatch')).DeleteAlarmsCommand({
        AlarmNames: ['ses-assistant-bounce-rate'],
      }),
    );
    const r = await app.router.invoke('ledger.removeAll', { confirm: true });
    expect(r.ok).toBe(true);
  });
});

describe('faults', () => {
  it('explains that the sending user may not read the alarms, and the background check says why', async () => {
    // The sending user of the other tests may do everything; this one has no policy at all.
    const limited = await buildTestApp({ endpoint: { default: moto.endpoint, sesv2: peer.endpoint } });
    const key = await createUserWithKey(moto.endpoint, 'limited-sender');
    value(
      await limited.router.invoke('connection.connect', {
        source: 'keys',
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        region: REGION,
      }),
    );
    await recordCreated(limited.assistant.context, {
      kind: 'cloudwatch-alarm',
      id: 'ses-assistant-bounce-rate',
      region: REGION,
    });
    await moto.enforceAuth(true);
    try {
      const r = await limited.router.invoke('suppression.alarms', {});
      expect((r as { error: AssistantError }).error).toMatchObject({
        code: 'SUPPRESSION_READ_NEEDS_ADMIN',
        retryable: false,
      });
      // The background check never uses admin keys: it fails in words, for the poll to log.
      await expect(checkAlarms(limited.assistant.context)).rejects.toMatchObject({
        assistantError: { code: 'SUPPRESSION_READ_NEEDS_ADMIN' },
      });
    } finally {
      await moto.enforceAuth(false);
    }
  });

  it('ends in a plain, retryable error when CloudWatch does not answer', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const down = await buildTestApp({
      endpoint: { default: moto.endpoint, sesv2: peer.endpoint, cloudwatch: closed },
    });
    const key = await createUserWithKey(moto.endpoint, 'sender-two');
    value(
      await down.router.invoke('connection.connect', {
        source: 'keys',
        accessKeyId: key.accessKeyId,
        secretAccessKey: key.secretAccessKey,
        region: REGION,
      }),
    );
    const r = await down.router.invoke('suppression.alarms', {});
    expect((r as { error: AssistantError }).error.retryable).toBe(true);
  });
});

describe('the background check', () => {
  it('asks nothing of AWS when the assistant made no alarms', async () => {
    expect(await checkAlarms(app.assistant.context)).toEqual({
      alarming: [],
      newlyAlarming: [],
      notification: null,
    });
  });

  it('tells of an alarm that fired once, and again only after it cleared and fired anew', async () => {
    await createAlarms();
    value(await app.router.invoke('admin.forget', {}));
    expect((await checkAlarms(app.assistant.context)).alarming).toEqual([]);

    await setState('ses-assistant-bounce-rate', 'ALARM');
    const first = await checkAlarms(app.assistant.context);
    expect(first.alarming.map((a) => a.name)).toEqual(['ses-assistant-bounce-rate']);
    expect(first.newlyAlarming.map((a) => a.name)).toEqual(['ses-assistant-bounce-rate']);
    expect(first.notification).toMatchObject({
      title: 'Your SES bounce rate is too high',
      openStep: 'feedback',
    });
    expect(first.alarming[0]!.stateReason).toBe('Test moved it to ALARM');

    const again = await checkAlarms(app.assistant.context);
    expect(again.alarming).toHaveLength(1);
    expect(again.newlyAlarming).toEqual([]);
    expect(again.notification).toBeNull();

    await setState('ses-assistant-bounce-rate', 'OK');
    expect((await checkAlarms(app.assistant.context)).alarming).toEqual([]);
    await setState('ses-assistant-bounce-rate', 'ALARM');
    expect((await checkAlarms(app.assistant.context)).newlyAlarming).toHaveLength(1);
  });

  it('shows the state on screen too', async () => {
    await createAlarms();
    await setState('ses-assistant-complaint-rate', 'ALARM');
    const view = value<OutputOf<'suppression.alarms'>>(await app.router.invoke('suppression.alarms', {}));
    expect(view.alarms.find((a) => a.kind === 'complaint')).toMatchObject({ state: 'ALARM' });
  });
});
