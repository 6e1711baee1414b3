/**
 * The sending user's two policies under moto's IAM enforcement: with the created user's own key and
 * both policies attached, every action the app performs succeeds, and actions outside them are
 * denied; with the setup policy detached, exactly the setup actions are denied. moto denies any
 * statement whose Resource is not "*", so the policy's Resources are widened by a test-only helper;
 * resource scoping and the From-address condition are proven by test/unit/sending-user/policy.test.ts.
 */
import {
  AttachUserPolicyCommand,
  DetachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
  DeleteIdentityCommand,
  GetIdentityDkimAttributesCommand,
  GetIdentityMailFromDomainAttributesCommand,
  GetIdentityNotificationAttributesCommand,
  GetIdentityVerificationAttributesCommand,
  GetSendQuotaCommand,
  GetSendStatisticsCommand,
  ListIdentitiesCommand,
  SendEmailCommand,
  SendRawEmailCommand,
  SetIdentityMailFromDomainCommand,
  VerifyDomainDkimCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { SendEmailCommand as SendEmailV2Command } from '@aws-sdk/client-sesv2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CreateTopicCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../electron/core/aws-clients';
import {
  buildSendingPolicy,
  buildSetupPolicy,
  SENDING_USER_ACTIONS,
  SETUP_ACTIONS,
} from '../../electron/features/sending-user/policy';
import { startMoto, type Moto } from '../peers/moto';
import { createUserWithKey, type TestKey } from '../support/aws';
import { nameCloudWatchActionsAsMotoDoes, widenResourcesForMoto } from '../support/moto-policy';
import {
  ALARM_KINDS,
  alarmName,
  alarmRequest,
  describeAlarms,
} from '../../electron/features/suppression/alarms';

/** Actions of the policy that moto 5.2.1 does not implement at all (SES v2 account: HTML 404). */
const NOT_IN_MOTO = new Set([
  'ses:GetAccount',
  'ses:PutAccountDetails',
  // SES v2 suppression-list calls: proven against the loopback SES v2 peer (test/integration/suppression.test.ts).
  'ses:ListSuppressedDestinations',
  'ses:GetSuppressedDestination',
  // moto's enforcement names CloudWatch actions by the signing name ("monitoring:…"), so it refuses
  // every cloudwatch: grant as written: the alarm statement is proven below with its actions named as
  // moto does, and its scope by the JSON checks in test/unit/sending-user/policy.test.ts.
  'cloudwatch:DescribeAlarms',
  'cloudwatch:GetMetricData',
]);

const SENDER = 'sender@example.com';
const DOMAIN = 'example.com';

/** One real SDK call per action, made with the sending user's key, in an order that works. */
const calls: Array<[action: string, call: (c: AwsClients, self: TestKey) => Promise<unknown>]> = [
  [
    'ses:VerifyEmailIdentity',
    async (c) => (await c.ses()).send(new VerifyEmailIdentityCommand({ EmailAddress: SENDER })),
  ],
  [
    'ses:VerifyDomainIdentity',
    async (c) => (await c.ses()).send(new VerifyDomainIdentityCommand({ Domain: DOMAIN })),
  ],
  [
    'ses:VerifyDomainDkim',
    async (c) => (await c.ses()).send(new VerifyDomainDkimCommand({ Domain: DOMAIN })),
  ],
  ['ses:ListIdentities', async (c) => (await c.ses()).send(new ListIdentitiesCommand({}))],
  [
    'ses:GetIdentityVerificationAttributes',
    async (c) =>
      (await c.ses()).send(new GetIdentityVerificationAttributesCommand({ Identities: [DOMAIN, SENDER] })),
  ],
  [
    'ses:GetIdentityDkimAttributes',
    async (c) => (await c.ses()).send(new GetIdentityDkimAttributesCommand({ Identities: [DOMAIN] })),
  ],
  [
    'ses:SetIdentityMailFromDomain',
    async (c) =>
      (await c.ses()).send(
        new SetIdentityMailFromDomainCommand({ Identity: DOMAIN, MailFromDomain: `bounce.${DOMAIN}` }),
      ),
  ],
  [
    'ses:GetIdentityMailFromDomainAttributes',
    async (c) =>
      (await c.ses()).send(new GetIdentityMailFromDomainAttributesCommand({ Identities: [DOMAIN] })),
  ],
  [
    'ses:GetIdentityNotificationAttributes',
    async (c) => (await c.ses()).send(new GetIdentityNotificationAttributesCommand({ Identities: [DOMAIN] })),
  ],
  ['ses:GetSendQuota', async (c) => (await c.ses()).send(new GetSendQuotaCommand({}))],
  ['ses:GetSendStatistics', async (c) => (await c.ses()).send(new GetSendStatisticsCommand({}))],
  [
    'ses:SendEmail',
    async (c) => {
      await (
        await c.ses()
      ).send(
        new SendEmailCommand({
          Source: SENDER,
          Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
          Message: { Subject: { Data: 'Policy test' }, Body: { Text: { Data: 'v1' } } },
        }),
      );
      // SES API v2 sends authorise as the same ses:SendEmail action.
      return (await c.sesv2()).send(
        new SendEmailV2Command({
          FromEmailAddress: SENDER,
          Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
          Content: { Simple: { Subject: { Data: 'Policy test' }, Body: { Text: { Data: 'v2' } } } },
        }),
      );
    },
  ],
  [
    'ses:SendRawEmail',
    async (c) =>
      (await c.ses()).send(
        new SendRawEmailCommand({
          Source: SENDER,
          Destinations: ['success@simulator.amazonses.com'],
          RawMessage: {
            Data: Buffer.from(
              `From: ${SENDER}\r\nTo: success@simulator.amazonses.com\r\nSubject: raw\r\n\r\nraw body\r\n`,
            ),
          },
        }),
      ),
  ],
  [
    'iam:ListAccessKeys',
    async (c, self) => (await c.iam()).send(new ListAccessKeysCommand({ UserName: self.userName })),
  ],
  [
    'iam:GetAccessKeyLastUsed',
    async (c, self) =>
      (await c.iam()).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: self.accessKeyId })),
  ],
  // Rotation's own order: a second key, switched off, then deleted; the user's working key stays.
  [
    'iam:CreateAccessKey',
    async (c, self) => (await c.iam()).send(new CreateAccessKeyCommand({ UserName: self.userName })),
  ],
  [
    'iam:UpdateAccessKey',
    async (c, self) => {
      const second = await secondKey(c, self);
      return (await c.iam()).send(
        new UpdateAccessKeyCommand({ UserName: self.userName, AccessKeyId: second, Status: 'Inactive' }),
      );
    },
  ],
  [
    'iam:DeleteAccessKey',
    async (c, self) => {
      const second = await secondKey(c, self);
      return (await c.iam()).send(
        new DeleteAccessKeyCommand({ UserName: self.userName, AccessKeyId: second }),
      );
    },
  ],
];

async function secondKey(c: AwsClients, self: TestKey): Promise<string> {
  const keys = await (await c.iam()).send(new ListAccessKeysCommand({ UserName: self.userName }));
  const other = keys.AccessKeyMetadata?.find((k) => k.AccessKeyId !== self.accessKeyId)?.AccessKeyId;
  if (!other) throw new Error('the second key made by iam:CreateAccessKey is missing');
  return other;
}

let moto: Moto;
let sender: TestKey;
let clients: AwsClients;
let admin: TestKey;
let setupPolicyArn: string;
let adminIam: Awaited<ReturnType<AwsClients['iam']>>;

beforeAll(async () => {
  moto = await startMoto();
  // moto has no root identity: the admin must exist before enforcement is switched on.
  admin = await createUserWithKey(moto.endpoint, 'admin', { allowAll: true });
  await moto.enforceAuth(true);

  const adminClients = createAwsClients({
    region: 'us-east-1',
    credentials: { kind: 'keys', accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
    endpoints: { default: moto.endpoint },
    maxAttempts: 1,
  });
  const iam = await adminClients.iam();
  adminIam = iam;
  await iam.send(new CreateUserCommand({ UserName: 'ses-sender' }));
  // Self-rotation opted in, so every action the app can perform with the key is exercised.
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'ses-sender-policy',
      PolicyDocument: JSON.stringify(widenResourcesForMoto(buildSendingPolicy({ selfRotation: true }))),
    }),
  );
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ses-sender', PolicyArn: policy.Policy!.Arn! }));
  const setup = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'ses-sender-setup',
      PolicyDocument: JSON.stringify(widenResourcesForMoto(buildSetupPolicy())),
    }),
  );
  setupPolicyArn = setup.Policy!.Arn!;
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ses-sender', PolicyArn: setupPolicyArn }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'ses-sender' }));
  sender = {
    userName: 'ses-sender',
    accessKeyId: key.AccessKey!.AccessKeyId!,
    secretAccessKey: key.AccessKey!.SecretAccessKey!,
  };
  clients = createAwsClients({
    region: 'us-east-1',
    credentials: { kind: 'keys', accessKeyId: sender.accessKeyId, secretAccessKey: sender.secretAccessKey },
    endpoints: { default: moto.endpoint },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  await moto?.stop();
});

async function denial(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return (err as { name?: string }).name ?? 'unknown';
  }
  return 'allowed';
}

describe('the sending user’s policies under moto’s IAM enforcement', () => {
  it('names a call for every action in SENDING_USER_ACTIONS that moto implements', () => {
    const covered = calls.map(([action]) => action);
    expect([...covered, ...NOT_IN_MOTO].sort()).toEqual([...SENDING_USER_ACTIONS].sort());
  });

  it('enforcement is really on: an unknown key and a policy-less user are refused', async () => {
    const stranger = createAwsClients({
      region: 'us-east-1',
      credentials: {
        kind: 'keys',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: admin.secretAccessKey,
      },
      endpoints: { default: moto.endpoint },
      maxAttempts: 1,
    });
    expect(await denial((await stranger.ses()).send(new GetSendQuotaCommand({})))).toBe(
      'InvalidClientTokenId',
    );
  });

  it.each(calls.map(([action, call]) => [action, call] as const))(
    'with its own key the sending user may %s',
    async (_action, call) => {
      await expect(call(clients, sender)).resolves.toBeDefined();
    },
  );

  it('can still ask who it is (sts:GetCallerIdentity needs no permission)', async () => {
    const me = await (await clients.sts()).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toMatch(/:user\/ses-sender$/);
  });

  it('is denied what the policy does not grant: iam:CreateUser, ses:DeleteIdentity and more', async () => {
    const iam = await clients.iam();
    expect(await denial(iam.send(new CreateUserCommand({ UserName: 'intruder' })))).toBe('AccessDenied');
    expect(await denial((await clients.ses()).send(new DeleteIdentityCommand({ Identity: DOMAIN })))).toBe(
      'AccessDenied',
    );
    expect(
      await denial(
        iam.send(
          new PutUserPolicyCommand({
            UserName: 'ses-sender',
            PolicyName: 'escalate',
            PolicyDocument: JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
            }),
          }),
        ),
      ),
    ).toBe('AccessDenied');
    expect(await denial((await clients.sns()).send(new CreateTopicCommand({ Name: 'bounces' })))).toBe(
      'AccessDenied',
    );
  });

  it('the same calls without the policy are denied, so the successes above come from the policy', async () => {
    const bare = await createUserWithKey(moto.endpoint, 'bare', {
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
    });
    const bareClients = createAwsClients({
      region: 'us-east-1',
      credentials: { kind: 'keys', accessKeyId: bare.accessKeyId, secretAccessKey: bare.secretAccessKey },
      endpoints: { default: moto.endpoint },
      maxAttempts: 1,
    });
    for (const [action, call] of calls.filter(
      ([a]) => !a.startsWith('iam:UpdateAccessKey') && !a.startsWith('iam:DeleteAccessKey'),
    )) {
      expect(`${action}: ${await denial(call(bareClients, bare))}`).toBe(`${action}: AccessDenied`);
    }
  });

  it('with the setup policy detached, exactly the setup actions are denied; attached again, allowed', async () => {
    const setupCalls = calls.filter(([action]) => SETUP_ACTIONS.includes(action));
    // Every setup action moto implements has a call here (PutAccountDetails is SES v2 account, not in moto).
    expect(setupCalls.map(([a]) => a).sort()).toEqual(
      SETUP_ACTIONS.filter((a) => !NOT_IN_MOTO.has(a)).sort(),
    );
    await adminIam.send(new DetachUserPolicyCommand({ UserName: 'ses-sender', PolicyArn: setupPolicyArn }));
    try {
      for (const [action, call] of setupCalls)
        expect(`${action}: ${await denial(call(clients, sender))}`).toBe(`${action}: AccessDenied`);
      // What the key is for stays: sending, the quota, the reads, its own keys.
      for (const [action, call] of calls.filter(
        ([a]) =>
          !SETUP_ACTIONS.includes(a) &&
          !a.startsWith('iam:UpdateAccessKey') &&
          !a.startsWith('iam:DeleteAccessKey') &&
          a !== 'iam:CreateAccessKey',
      ))
        expect(`${action}: ${await denial(call(clients, sender))}`).toBe(`${action}: allowed`);
    } finally {
      await adminIam.send(new AttachUserPolicyCommand({ UserName: 'ses-sender', PolicyArn: setupPolicyArn }));
    }
    for (const [action, call] of setupCalls)
      expect(`${action}: ${await denial(call(clients, sender))}`).toBe(`${action}: allowed`);
  });
});

/**
 * moto answers SQS's and CloudWatch's JSON protocols with an XML refusal, which the SDK reports as an
 * unreadable 403.
 */
async function outcomeUnderMoto(call: Promise<unknown>): Promise<'allowed' | 'denied' | string> {
  try {
    await call;
    return 'allowed';
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'AccessDenied' || e.$metadata?.httpStatusCode === 403
      ? 'denied'
      : (e.name ?? 'unknown');
  }
}

describe('the feedback-queue statement under moto’s IAM enforcement (Resources widened: scope is in the unit tests)', () => {
  it('lets the sending user receive, delete and read attributes, and nothing else of SQS', async () => {
    const adminClients = createAwsClients({
      region: 'us-east-1',
      credentials: { kind: 'keys', accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      endpoints: { default: moto.endpoint },
      maxAttempts: 1,
    });
    const adminSqs = await adminClients.sqs();
    const queueUrl = (
      await adminSqs.send(new CreateQueueCommand({ QueueName: 'ses-setup-assistant-feedback' }))
    ).QueueUrl!;
    const queueArn = 'arn:aws:sqs:us-east-1:123456789012:ses-setup-assistant-feedback';
    await adminSqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{}' }));
    const iam = await adminClients.iam();
    await iam.send(new CreateUserCommand({ UserName: 'feedback-reader' }));
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'feedback-reader-policy',
        PolicyDocument: JSON.stringify(
          widenResourcesForMoto(buildSendingPolicy({ feedbackQueueArn: queueArn })),
        ),
      }),
    );
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'feedback-reader', PolicyArn: policy.Policy!.Arn! }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'feedback-reader' }))).AccessKey!;
    const reader = await createAwsClients({
      region: 'us-east-1',
      credentials: { kind: 'keys', accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
      endpoints: { default: moto.endpoint },
      maxAttempts: 1,
    }).sqs();

    expect(
      await outcomeUnderMoto(
        reader.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] })),
      ),
    ).toBe('allowed');
    const received = await reader.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 0 }));
    expect(received.Messages).toHaveLength(1);
    expect(
      await outcomeUnderMoto(
        reader.send(
          new DeleteMessageCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: received.Messages![0]!.ReceiptHandle,
          }),
        ),
      ),
    ).toBe('allowed');
    expect(
      await outcomeUnderMoto(reader.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'x' }))),
    ).toBe('denied');
    expect(await outcomeUnderMoto(reader.send(new PurgeQueueCommand({ QueueUrl: queueUrl })))).toBe('denied');
    expect(await outcomeUnderMoto(reader.send(new DeleteQueueCommand({ QueueUrl: queueUrl })))).toBe(
      'denied',
    );
    expect(await outcomeUnderMoto(reader.send(new CreateQueueCommand({ QueueName: 'another' })))).toBe(
      'denied',
    );
    // The same read by the sending user whose policy has no queue statement: refused.
    expect(
      await outcomeUnderMoto((await clients.sqs()).send(new ReceiveMessageCommand({ QueueUrl: queueUrl }))),
    ).toBe('denied');
  });
});

describe('the alarm statement under moto’s IAM enforcement (Resources widened, CloudWatch named as moto does: scope is in the unit tests)', () => {
  it('lets the sending user read the assistant’s alarms, and change no alarm', async () => {
    const {
      DeleteAlarmsCommand,
      DisableAlarmActionsCommand,
      GetMetricDataCommand,
      PutMetricAlarmCommand,
      SetAlarmStateCommand,
    } = await import('@aws-sdk/client-cloudwatch');
    const adminClients = createAwsClients({
      region: 'us-east-1',
      credentials: { kind: 'keys', accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      endpoints: { default: moto.endpoint },
      maxAttempts: 1,
    });
    const topicArn = 'arn:aws:sns:us-east-1:123456789012:ses-assistant-reputation-alarms';
    for (const kind of ALARM_KINDS)
      await (await adminClients.cloudwatch()).send(new PutMetricAlarmCommand(alarmRequest(kind, topicArn)));

    /** A user whose only policy is the given statements of the sending policy, as moto reads them. */
    async function userWith(name: string, sids: string[]) {
      const whole = buildSendingPolicy({ accountId: '123456789012' });
      const only = { ...whole, Statement: whole.Statement.filter((s) => sids.includes(s.Sid)) };
      expect(only.Statement.map((s) => s.Sid)).toEqual(sids);
      const iam = await adminClients.iam();
      await iam.send(new CreateUserCommand({ UserName: name }));
      if (sids.length > 0) {
        const policy = await iam.send(
          new CreatePolicyCommand({
            PolicyName: `${name}-policy`,
            PolicyDocument: JSON.stringify(nameCloudWatchActionsAsMotoDoes(widenResourcesForMoto(only))),
          }),
        );
        await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policy.Policy!.Arn! }));
      }
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
      return createAwsClients({
        region: 'us-east-1',
        credentials: { kind: 'keys', accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
        endpoints: { default: moto.endpoint },
        maxAttempts: 1,
      });
    }
    const reader = await userWith('alarm-reader', ['ReadReputationAlarms']);
    // The app's own read (the feedback screen and the tray's check) works with this statement alone.
    const views = await describeAlarms(reader, ALARM_KINDS.map(alarmName));
    expect(views.map((v) => v.name)).toEqual(ALARM_KINDS.map(alarmName));
    const cw = await reader.cloudwatch();
    const names = [alarmName('bounce')];
    for (const [what, call] of [
      ['PutMetricAlarm', () => cw.send(new PutMetricAlarmCommand(alarmRequest('bounce', topicArn)))],
      ['DeleteAlarms', () => cw.send(new DeleteAlarmsCommand({ AlarmNames: names }))],
      ['DisableAlarmActions', () => cw.send(new DisableAlarmActionsCommand({ AlarmNames: names }))],
      [
        'SetAlarmState',
        () =>
          cw.send(
            new SetAlarmStateCommand({ AlarmName: names[0], StateValue: 'OK', StateReason: 'silenced' }),
          ),
      ],
      [
        'GetMetricData',
        () =>
          cw.send(
            new GetMetricDataCommand({
              StartTime: new Date(Date.now() - 3_600_000),
              EndTime: new Date(),
              MetricDataQueries: [
                {
                  Id: 'bounces',
                  MetricStat: {
                    Metric: { Namespace: 'AWS/SES', MetricName: 'Reputation.BounceRate' },
                    Period: 3600,
                    Stat: 'Average',
                  },
                },
              ],
            }),
          ),
      ],
    ] as const)
      expect(`${what}: ${await outcomeUnderMoto(call())}`).toBe(`${what}: denied`);
    // Nothing has changed: both alarms are still there, as the admin made them.
    expect((await describeAlarms(adminClients, ALARM_KINDS.map(alarmName))).length).toBe(2);

    // Without the statement the same read is refused, so the read above comes from it.
    const bare = await userWith('alarm-nothing', []);
    expect(await outcomeUnderMoto(describeAlarms(bare, names))).toBe('denied');
  });
});
