import { describe, expect, it } from 'vitest';
import {
  buildSendingPolicy,
  FEEDBACK_QUEUE_ACTIONS,
  FEEDBACK_QUEUE_SID,
  feedbackQueueStatement,
  OWN_USER_ARN,
  withFeedbackQueue,
  SENDING_USER_ACTIONS,
  type PolicyDocument,
} from '../../../electron/features/sending-user/policy';
import { widenResourcesForMoto } from '../../support/moto-policy';

const allActions = (policy: PolicyDocument) => policy.Statement.flatMap((s) => s.Action);
const statement = (policy: PolicyDocument, sid: string) => {
  const found = policy.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
};

describe('the sending user policy', () => {
  it('is a 2012-10-17 policy (needed for ${aws:username}) of Allow statements with distinct Sids', () => {
    const policy = buildSendingPolicy();
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
    const sids = policy.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids.every((sid) => /^[A-Za-z0-9]+$/.test(sid))).toBe(true);
  });

  it('allows exactly the actions the app performs with the sending user’s key, each once', () => {
    const actions = allActions(buildSendingPolicy());
    expect([...actions].sort()).toEqual([...SENDING_USER_ACTIONS].sort());
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('covers sending, identity setup, the account and self-rotation', () => {
    const actions = allActions(buildSendingPolicy());
    for (const needed of [
      'ses:SendEmail',
      'ses:SendRawEmail',
      'ses:GetSendQuota',
      'ses:GetSendStatistics',
      'ses:VerifyDomainIdentity',
      'ses:VerifyDomainDkim',
      'ses:VerifyEmailIdentity',
      'ses:ListIdentities',
      'ses:GetIdentityVerificationAttributes',
      'ses:GetIdentityDkimAttributes',
      'ses:GetIdentityMailFromDomainAttributes',
      'ses:SetIdentityMailFromDomain',
      'ses:GetIdentityNotificationAttributes',
      'ses:GetAccount',
      'ses:PutAccountDetails',
      'iam:CreateAccessKey',
      'iam:DeleteAccessKey',
      'iam:ListAccessKeys',
      'iam:UpdateAccessKey',
      'iam:GetAccessKeyLastUsed',
    ])
      expect(actions).toContain(needed);
  });

  it('has no wildcard action and nothing that could create users, attach policies or delete identities', () => {
    const actions = allActions(buildSendingPolicy({ fromAddress: 'a@example.com' }));
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    for (const a of actions) expect(a).toMatch(/^(ses|iam|cloudwatch):[A-Z][A-Za-z]+$/);
    for (const forbidden of [
      'iam:CreateUser',
      'iam:DeleteUser',
      'iam:AttachUserPolicy',
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
    // Only the key actions of IAM, nothing else from it.
    expect(actions.filter((a) => a.startsWith('iam:')).every((a) => /AccessKey/.test(a))).toBe(true);
  });

  it('scopes every IAM action to the caller’s own user, and SES actions to any resource', () => {
    const policy = buildSendingPolicy();
    expect(OWN_USER_ARN).toBe('arn:aws:iam::*:user/${aws:username}');
    for (const s of policy.Statement) {
      const iam = s.Action.some((a) => a.startsWith('iam:'));
      if (iam) {
        expect(s.Resource).toBe(OWN_USER_ARN);
        expect(s.Action.every((a) => a.startsWith('iam:'))).toBe(true);
      } else expect(s.Resource).toBe('*');
    }
    expect(statement(policy, 'RotateOwnAccessKeys').Resource).toBe(OWN_USER_ARN);
  });

  it('keeps the policy variable literal in the JSON, for IAM to fill in', () => {
    const json = JSON.stringify(buildSendingPolicy());
    expect(json).toContain('"arn:aws:iam::*:user/${aws:username}"');
  });

  it('puts the From-address condition on the sending statement only', () => {
    const policy = buildSendingPolicy({ fromAddress: 'noreply@example.com' });
    const send = statement(policy, 'SendEmail');
    expect(send.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(send.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'noreply@example.com' } });
    const others = policy.Statement.filter((s) => s.Sid !== 'SendEmail');
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(s.Condition).toBeUndefined();
    // The quota must stay readable under the condition: it is never in the conditioned statement.
    expect(send.Action).not.toContain('ses:GetSendQuota');
  });

  it('has no condition at all when no From address is given', () => {
    const policy = buildSendingPolicy();
    expect(policy.Statement.some((s) => s.Condition)).toBe(false);
    expect(JSON.stringify(policy)).not.toContain('FromAddress');
  });

  it('leaves out self-rotation when asked, and keeps it by default', () => {
    const without = allActions(buildSendingPolicy({ selfRotation: false }));
    expect(without.some((a) => a.startsWith('iam:'))).toBe(false);
    expect(without).toContain('ses:SendEmail');
    expect(allActions(buildSendingPolicy({ selfRotation: true }))).toContain('iam:CreateAccessKey');
    expect(allActions(buildSendingPolicy({}))).toContain('iam:CreateAccessKey');
  });

  it('returns a fresh object each time, so one caller cannot change another’s policy', () => {
    const a = buildSendingPolicy();
    a.Statement[0]!.Action.push('ses:DeleteIdentity');
    expect(allActions(buildSendingPolicy())).not.toContain('ses:DeleteIdentity');
  });

  it('test-only widening sets every Resource to "*" and changes nothing else', () => {
    const policy = buildSendingPolicy({ fromAddress: 'a@example.com' });
    const wide = widenResourcesForMoto(policy);
    expect(wide.Statement.every((s) => s.Resource === '*')).toBe(true);
    expect(wide.Statement.map((s) => s.Action)).toEqual(policy.Statement.map((s) => s.Action));
    expect(statement(wide, 'SendEmail').Condition).toEqual(statement(policy, 'SendEmail').Condition);
    // The original is untouched.
    expect(statement(policy, 'RotateOwnAccessKeys').Resource).toBe(OWN_USER_ARN);
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
    const read = statement(buildSendingPolicy(), 'ReadSuppressionAndAlarms');
    expect([...read.Action].sort()).toEqual([
      'cloudwatch:DescribeAlarms',
      'ses:GetSuppressedDestination',
      'ses:ListSuppressedDestinations',
    ]);
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
    ])
      expect(actions).not.toContain(change);
  });
});
