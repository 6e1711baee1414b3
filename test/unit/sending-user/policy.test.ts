import { describe, expect, it } from 'vitest';
import {
  ALARM_READ_ACTIONS,
  alarmResource,
  buildSendingPolicy,
  buildSetupPolicy,
  FEEDBACK_QUEUE_ACTIONS,
  FEEDBACK_QUEUE_SID,
  feedbackQueueStatement,
  isSendingPolicyArn,
  OWN_USER_ARN,
  OWN_KEY_READ_ACTIONS,
  SELF_ROTATION_ACTIONS,
  SENDING_ACTIONS,
  SENDING_POLICY_NAME,
  SENDING_USER_ACTIONS,
  SETUP_ACTIONS,
  SETUP_POLICY_NAME,
  SENDING_RIGHTS,
  sendingRightsWords,
  SUPPRESSION_READ_ACTIONS,
  withFeedbackQueue,
  withNarrowedReads,
  withoutSetupActions,
  type PolicyDocument,
  type PolicyOptions,
} from '../../../electron/features/sending-user/policy';
import { alarmName, ALARM_KINDS } from '../../../electron/features/suppression/alarms';
import { widenResourcesForMoto } from '../../support/moto-policy';
import { asBeforeTheAlarmScope } from '../../support/old-policies';

const allActions = (policy: PolicyDocument) => policy.Statement.flatMap((s) => s.Action);
const statement = (policy: PolicyDocument, sid: string) => {
  const found = policy.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};

const ACCOUNT = '123456789012';
/** Every way the person can build the policies: each invariant below holds over all of them. */
const VARIANTS: PolicyOptions[] = [
  {},
  { selfRotation: true },
  { fromAddress: 'noreply@example.com' },
  { accountId: ACCOUNT },
  { accountId: ACCOUNT, fromAddress: 'a@example.com', selfRotation: true },
  { accountId: ACCOUNT, feedbackQueueArn: `arn:aws:sqs:eu-west-1:${ACCOUNT}:ses-setup-assistant-feedback` },
];

describe('the sending and setup policies', () => {
  it.each(VARIANTS)('are 2012-10-17 policies of Allow statements with distinct Sids (%o)', (options) => {
    for (const policy of [buildSendingPolicy(options), buildSetupPolicy()]) {
      expect(policy.Version).toBe('2012-10-17');
      expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
      const sids = policy.Statement.map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
      expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid))).toBe(true);
    }
  });

  it('split the app’s actions with nothing shared and nothing left out', () => {
    const sending = allActions(buildSendingPolicy({ selfRotation: true }));
    const setup = allActions(buildSetupPolicy());
    expect(sending.filter((a) => setup.includes(a))).toEqual([]);
    expect([...sending, ...setup].sort()).toEqual([...SENDING_USER_ACTIONS].sort());
    expect([...setup].sort()).toEqual([...SETUP_ACTIONS].sort());
    expect(allActions(buildSendingPolicy()).sort()).toEqual([...SENDING_ACTIONS].sort());
    for (const actions of [sending, setup]) expect(new Set(actions).size).toBe(actions.length);
  });

  it('keep sending, limits and reads in the sending policy; verification and the sandbox request in setup', () => {
    const sending = allActions(buildSendingPolicy());
    for (const kept of [
      'ses:SendEmail',
      'ses:SendRawEmail',
      'ses:GetSendQuota',
      'ses:GetSendStatistics',
      'ses:ListIdentities',
      'ses:GetIdentityVerificationAttributes',
      'ses:GetIdentityDkimAttributes',
      'ses:GetIdentityMailFromDomainAttributes',
      'ses:GetIdentityNotificationAttributes',
      'ses:GetAccount',
    ])
      expect(sending).toContain(kept);
    const setup = allActions(buildSetupPolicy());
    expect([...setup].sort()).toEqual([
      'ses:PutAccountDetails',
      'ses:SetIdentityMailFromDomain',
      'ses:VerifyDomainDkim',
      'ses:VerifyDomainIdentity',
      'ses:VerifyEmailIdentity',
    ]);
    // What a stolen key could misuse once setup is done is gone from the policy that stays.
    for (const gone of setup) expect(sending).not.toContain(gone);
  });

  it.each(VARIANTS)(
    'have no wildcard action and nothing that could create users, attach policies or delete identities (%o)',
    (options) => {
      const actions = [...allActions(buildSendingPolicy(options)), ...allActions(buildSetupPolicy())];
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
      for (const a of actions) expect(a).toMatch(/^(ses|iam|cloudwatch|sqs):[A-Z][A-Za-z]+$/);
      for (const forbidden of [
        'iam:CreateUser',
        'iam:DeleteUser',
        'iam:AttachUserPolicy',
        'iam:DetachUserPolicy',
        'iam:PutUserPolicy',
        'iam:CreatePolicy',
        'iam:CreatePolicyVersion',
        'iam:CreateLoginProfile',
        'iam:PassRole',
        'ses:DeleteIdentity',
        'ses:DeleteEmailIdentity',
        'ses:PutIdentityPolicy',
      ])
        expect(actions).not.toContain(forbidden);
      // Only the key actions of IAM: reading its own keys always, changing them only when opted in.
      const iam = actions.filter((a) => a.startsWith('iam:'));
      expect(iam.every((a) => /AccessKey/.test(a))).toBe(true);
      expect(iam.filter((a) => !(OWN_KEY_READ_ACTIONS as readonly string[]).includes(a)).length > 0).toBe(
        options.selfRotation === true,
      );
      for (const read of OWN_KEY_READ_ACTIONS) expect(actions).toContain(read);
    },
  );

  it('leaves self-rotation out unless asked for, and always lets the key read its own keys', () => {
    for (const policy of [buildSendingPolicy(), buildSendingPolicy({ selfRotation: false })]) {
      for (const change of SELF_ROTATION_ACTIONS) expect(allActions(policy)).not.toContain(change);
      expect([...statement(policy, 'ReadOwnAccessKeys').Action].sort()).toEqual(
        [...OWN_KEY_READ_ACTIONS].sort(),
      );
      expect(statement(policy, 'ReadOwnAccessKeys').Resource).toBe(OWN_USER_ARN);
    }
    const opted = buildSendingPolicy({ selfRotation: true });
    expect([...statement(opted, 'RotateOwnAccessKeys').Action].sort()).toEqual(
      [...SELF_ROTATION_ACTIONS].sort(),
    );
  });

  it.each(VARIANTS)(
    'scope IAM to the caller’s own user and sending to the account’s identities (%o)',
    (options) => {
      const policy = buildSendingPolicy(options);
      expect(OWN_USER_ARN).toBe('arn:aws:iam::*:user/${aws:username}');
      for (const s of policy.Statement) {
        if (s.Action.some((a) => a.startsWith('iam:'))) {
          expect(s.Resource).toBe(OWN_USER_ARN);
          expect(s.Action.every((a) => a.startsWith('iam:'))).toBe(true);
        } else if (s.Sid === 'SendEmail') {
          expect(s.Resource).toEqual(
            options.accountId
              ? [
                  `arn:aws:ses:*:${options.accountId}:identity/*`,
                  `arn:aws:ses:*:${options.accountId}:configuration-set/*`,
                  `arn:aws:ses:*:${options.accountId}:contact-list/*`,
                ]
              : '*',
          );
        } else if (s.Sid === FEEDBACK_QUEUE_SID) expect(s.Resource).toBe(options.feedbackQueueArn);
        else if (s.Sid === 'ReadReputationAlarms')
          expect(s.Resource).toBe(`arn:aws:cloudwatch:*:${options.accountId ?? '*'}:alarm:ses-assistant-*`);
        else expect(s.Resource).toBe('*');
      }
    },
  );

  it.each(['', '12345678901', '1234567890123', '*', '12345678901a', '123456789012:identity/x'])(
    'refuses an account that is not 12 digits: %s',
    (accountId) => {
      expect(() => buildSendingPolicy({ accountId })).toThrow(/12 digits/);
    },
  );

  it('keeps the policy variable literal in the JSON, for IAM to fill in', () => {
    const json = JSON.stringify(buildSendingPolicy({ selfRotation: true }));
    expect(json).toContain('"arn:aws:iam::*:user/${aws:username}"');
  });

  it('puts the From-address condition on the sending statement only', () => {
    const policy = buildSendingPolicy({ fromAddress: 'noreply@example.com', accountId: ACCOUNT });
    const send = statement(policy, 'SendEmail');
    expect(send.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(send.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'noreply@example.com' } });
    const others = policy.Statement.filter((s) => s.Sid !== 'SendEmail');
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(s.Condition).toBeUndefined();
    // The quota must stay readable under the condition: it is never in the conditioned statement.
    expect(send.Action).not.toContain('ses:GetSendQuota');
    expect(buildSetupPolicy().Statement.some((s) => s.Condition)).toBe(false);
  });

  it('has no condition at all when no From address is given', () => {
    const policy = buildSendingPolicy();
    expect(policy.Statement.some((s) => s.Condition)).toBe(false);
    expect(JSON.stringify(policy)).not.toContain('FromAddress');
  });

  it('returns a fresh object each time, so one caller cannot change another’s policy', () => {
    const a = buildSendingPolicy();
    a.Statement[0]!.Action.push('ses:DeleteIdentity');
    expect(allActions(buildSendingPolicy())).not.toContain('ses:DeleteIdentity');
    const b = buildSetupPolicy();
    b.Statement[0]!.Action.push('ses:DeleteIdentity');
    expect(allActions(buildSetupPolicy())).not.toContain('ses:DeleteIdentity');
  });

  it('test-only widening sets every Resource to "*" and changes nothing else', () => {
    const policy = buildSendingPolicy({
      fromAddress: 'a@example.com',
      selfRotation: true,
      accountId: ACCOUNT,
    });
    const wide = widenResourcesForMoto(policy);
    expect(wide.Statement.every((s) => s.Resource === '*')).toBe(true);
    expect(wide.Statement.map((s) => s.Action)).toEqual(policy.Statement.map((s) => s.Action));
    expect(statement(wide, 'SendEmail').Condition).toEqual(statement(policy, 'SendEmail').Condition);
    // The original is untouched.
    expect(statement(policy, 'RotateOwnAccessKeys').Resource).toBe(OWN_USER_ARN);
  });

  it.each(VARIANTS)('lose exactly the setup actions when a pre-split policy is stripped (%o)', (options) => {
    const sending = buildSendingPolicy(options);
    const old: PolicyDocument = {
      ...sending,
      Statement: [...sending.Statement, ...buildSetupPolicy().Statement],
    };
    expect(withoutSetupActions(old)).toEqual(sending);
    // Nothing to take out: the very same object, so no new policy version is written.
    expect(withoutSetupActions(sending)).toBe(sending);
    // Setup actions mixed into another statement go; the rest of it stays.
    const mixed: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Old', Effect: 'Allow', Action: ['ses:SendEmail', 'ses:VerifyDomainIdentity'], Resource: '*' },
      ],
    };
    expect(withoutSetupActions(mixed).Statement).toEqual([
      { Sid: 'Old', Effect: 'Allow', Action: ['ses:SendEmail'], Resource: '*' },
    ]);
  });

  it('tells the sending policy’s ARN from the setup policy’s, in any account', () => {
    expect(isSendingPolicyArn(`arn:aws:iam::${ACCOUNT}:policy/${SENDING_POLICY_NAME}`)).toBe(true);
    expect(isSendingPolicyArn(`arn:aws:iam::999999999999:policy/${SENDING_POLICY_NAME}`)).toBe(true);
    expect(isSendingPolicyArn(`arn:aws:iam::${ACCOUNT}:policy/${SETUP_POLICY_NAME}`)).toBe(false);
    expect(isSendingPolicyArn(`arn:aws:iam::${ACCOUNT}:policy/${SENDING_POLICY_NAME}Old`)).toBe(false);
  });
});

describe('the feedback-queue statement', () => {
  const QUEUE = 'arn:aws:sqs:eu-west-1:123456789012:ses-setup-assistant-feedback';

  it('is absent until a queue is given, so the base policy grants no SQS action', () => {
    const actions = buildSendingPolicy().Statement.flatMap((s) => s.Action);
    expect(actions.some((a) => a.startsWith('sqs:'))).toBe(false);
  });

  it('allows receive, delete and attributes on that one queue ARN, and nothing else of SQS', () => {
    const statement = buildSendingPolicy({ feedbackQueueArn: QUEUE }).Statement.find(
      (s) => s.Sid === FEEDBACK_QUEUE_SID,
    );
    expect(statement).toEqual({
      Sid: 'ReadFeedbackQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: QUEUE,
    });
    const sqsStatements = buildSendingPolicy({ feedbackQueueArn: QUEUE }).Statement.filter((s) =>
      s.Action.some((a) => a.startsWith('sqs:')),
    );
    expect(sqsStatements).toHaveLength(1);
    expect(statement?.Condition).toBeUndefined();
  });

  it.each([
    '*',
    'arn:aws:sqs:*:123456789012:ses-setup-assistant-feedback',
    'arn:aws:sqs:eu-west-1:123456789012:*',
    'arn:aws:sqs:eu-west-1:*:queue',
    'arn:aws:sns:eu-west-1:123456789012:topic',
    '',
  ])('refuses a wildcard or anything but one exact queue ARN: %s', (arn) => {
    expect(() => feedbackQueueStatement(arn)).toThrow();
  });

  it('replaces the statement of an earlier queue in a policy read back from IAM, keeping everything else', () => {
    const before = buildSendingPolicy({ fromAddress: 'a@example.com', feedbackQueueArn: QUEUE });
    const moved = 'arn:aws:sqs:us-east-1:123456789012:ses-setup-assistant-feedback';
    const after = withFeedbackQueue(before, moved);
    expect(after.Statement.filter((s) => s.Sid === FEEDBACK_QUEUE_SID).map((s) => s.Resource)).toEqual([
      moved,
    ]);
    expect(after.Statement.filter((s) => s.Sid !== FEEDBACK_QUEUE_SID)).toEqual(
      before.Statement.filter((s) => s.Sid !== FEEDBACK_QUEUE_SID),
    );
    expect(before.Statement.find((s) => s.Sid === FEEDBACK_QUEUE_SID)?.Resource).toBe(QUEUE);
  });

  it('keeps the queue actions in one list the tests and the statement share', () => {
    expect([...FEEDBACK_QUEUE_ACTIONS]).toEqual([
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
    ]);
  });

  it('lets the sending user read the suppression list and the alarms, and change neither', () => {
    const policy = buildSendingPolicy({ accountId: ACCOUNT });
    expect(statement(policy, 'ReadSuppressionList')).toEqual({
      Sid: 'ReadSuppressionList',
      Effect: 'Allow',
      Action: ['ses:ListSuppressedDestinations', 'ses:GetSuppressedDestination'],
      Resource: '*',
    });
    expect(statement(policy, 'ReadReputationAlarms').Action).toEqual(['cloudwatch:DescribeAlarms']);
    const actions = allActions(
      buildSendingPolicy({
        feedbackQueueArn: 'arn:aws:sqs:us-east-1:123456789012:ses-setup-assistant-feedback',
      }),
    );
    for (const change of [
      'ses:PutSuppressedDestination',
      'ses:DeleteSuppressedDestination',
      'ses:PutAccountSuppressionAttributes',
      'cloudwatch:PutMetricAlarm',
      'cloudwatch:DeleteAlarms',
      'cloudwatch:DisableAlarmActions',
      'cloudwatch:SetAlarmState',
      'cloudwatch:DescribeAlarmHistory',
      'cloudwatch:DescribeAlarmsForMetric',
    ])
      expect(actions).not.toContain(change);
  });

  it.each(VARIANTS)(
    'reads only the assistant’s own alarms: DescribeAlarms on its alarm names, never on "*" (%o)',
    (options) => {
      const policy = buildSendingPolicy(options);
      const alarms = statement(policy, 'ReadReputationAlarms');
      const account = options.accountId ?? '*';
      expect(alarms).toEqual({
        Sid: 'ReadReputationAlarms',
        Effect: 'Allow',
        Action: ['cloudwatch:DescribeAlarms'],
        Resource: `arn:aws:cloudwatch:*:${account}:alarm:ses-assistant-*`,
      });
      expect(alarms.Resource).toBe(alarmResource(options.accountId));
      // No other statement grants it, so the scope above is the whole of it.
      expect(policy.Statement.filter((s) => s.Action.includes('cloudwatch:DescribeAlarms'))).toEqual([
        alarms,
      ]);
      // Every alarm the assistant makes is inside the scope (IAM's * matches any characters), in any
      // region of the account; an alarm of the person's own is not.
      const inScope = (arn: string) =>
        new RegExp(
          `^${String(alarms.Resource)
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ).test(arn);
      const arnOf = (region: string, name: string) => `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${name}`;
      for (const kind of ALARM_KINDS) {
        expect(inScope(arnOf('eu-west-1', alarmName(kind)))).toBe(true);
        expect(inScope(arnOf('us-east-1', alarmName(kind)))).toBe(true);
      }
      expect(inScope(arnOf('eu-west-1', 'billing-over-100'))).toBe(false);
      expect(inScope(arnOf('eu-west-1', 'my-ses-assistant-bounce-rate'))).toBe(false);
      if (options.accountId)
        expect(inScope(`arn:aws:cloudwatch:eu-west-1:999999999999:alarm:${alarmName('bounce')}`)).toBe(false);
    },
  );

  it('keeps on "*" only the reads AWS gives no narrower resource for', () => {
    const policy = buildSendingPolicy({ accountId: ACCOUNT, selfRotation: true });
    expect(
      policy.Statement.filter((s) => s.Resource === '*')
        .map((s) => s.Sid)
        .sort(),
    ).toEqual([
      'ReadReputationRates',
      'ReadSenderIdentities',
      'ReadSendingLimits',
      'ReadSesAccount',
      'ReadSuppressionList',
    ]);
    // Reads only, every one of them.
    for (const s of policy.Statement.filter((st) => st.Resource === '*'))
      for (const a of s.Action) expect(a).toMatch(/:(Get|List)[A-Z]/);
    expect(
      [...SUPPRESSION_READ_ACTIONS, ...ALARM_READ_ACTIONS].every((a) => SENDING_ACTIONS.includes(a)),
    ).toBe(true);
  });

  it.each(VARIANTS)(
    'narrows the one read statement of a sending policy made before the alarms were scoped (%o)',
    (options) => {
      const account = options.accountId ?? ACCOUNT;
      const today = buildSendingPolicy({ ...options, accountId: account });
      const old = asBeforeTheAlarmScope(today);
      expect(old.Statement.map((s) => s.Sid)).toContain('ReadSuppressionAndAlarms');
      expect(withNarrowedReads(old, account)).toEqual(today);
      // Nothing to narrow: the very same object, so no new policy version is written.
      expect(withNarrowedReads(today, account)).toBe(today);
    },
  );

  it('lets the sending user read AWS’s reputation rates for the dashboard, with the one read the dashboard makes', () => {
    // cloudwatch:GetMetricData supports no resource scoping: "*" is the only resource it takes.
    expect(statement(buildSendingPolicy(), 'ReadReputationRates')).toEqual({
      Sid: 'ReadReputationRates',
      Effect: 'Allow',
      Action: ['cloudwatch:GetMetricData'],
      Resource: '*',
    });
    expect(SENDING_ACTIONS).toContain('cloudwatch:GetMetricData');
    const actions = allActions(buildSendingPolicy());
    for (const more of [
      'cloudwatch:GetMetricStatistics',
      'cloudwatch:ListMetrics',
      'cloudwatch:PutMetricData',
    ])
      expect(actions).not.toContain(more);
  });

  it('says in words everything the sending policy lets the key do, so no screen can say it only sends', () => {
    const described = SENDING_RIGHTS.flatMap((r) => [...r.actions]);
    // Every action the key may hold outside setup is described once; setup actions are not the key's for good.
    const kept = SENDING_USER_ACTIONS.filter((a) => !SETUP_ACTIONS.includes(a));
    expect([...described].sort()).toEqual([...new Set([...kept, ...FEEDBACK_QUEUE_ACTIONS])].sort());
    expect(new Set(described).size).toBe(described.length);
    const words = sendingRightsWords();
    for (const right of SENDING_RIGHTS) expect(words).toContain(right.words);
    expect(words).toMatch(/^send email; read its sending quota and statistics, .*suppression list.*; once /);
    expect(words).not.toMatch(/only send/);
  });
});
