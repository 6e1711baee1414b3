/**
 * What admin keys must be allowed to do, checked when they are given (`admin.open`) rather than
 * discovered half-way through a step. IAM's policy simulator (iam:SimulatePrincipalPolicy, with the
 * caller as PolicySourceArn) answers for each action the assistant calls with admin credentials;
 * keys that may not run the simulator are tried with one harmless read (iam:ListPolicies, one item)
 * to tell "has IAM rights" from "has none".
 *
 * The simulator sees the identity's policies, permissions boundary and the organisation's SCPs, but
 * not a role session's own session policy; resources are evaluated as "*". So a "yes" here is a very
 * good sign, not a promise: a step AWS still refuses says so with its own error.
 */
import type { IAMClient } from '@aws-sdk/client-iam';
import type { AdminLimit, AdminRightsCheck } from '../../core/admin-session';
import { AssistantFailure, fail, toAssistantError } from '../../core/errors';
import type { MissingRightsError } from './types';

export interface AdminRightsGroup {
  /** The part of the assistant that needs them. */
  feature:
    | 'sending-user'
    | 'setup-rights'
    | 'rotation'
    | 'route53'
    | 'notifications'
    | 'feedback'
    | 'suppression'
    | 'removal';
  /** What they are for, in words that follow "to …". */
  doing: string;
  actions: readonly string[];
}

/**
 * Every action the assistant calls with admin credentials, by what it is for: derived from the code
 * that takes `ctx.admin.credentials(…)` (test/unit/admin-session.test.ts checks each command there is
 * listed). Keep in step with those files.
 */
/** ensurePolicy and ensureAttached (sending-user.ts): a tagged policy or a new version, attached. */
const WRITE_AND_ATTACH_POLICY = [
  'iam:GetPolicy',
  'iam:CreatePolicy',
  'iam:TagPolicy',
  'iam:ListPolicyVersions',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicyVersion',
  'iam:ListAttachedUserPolicies',
  'iam:AttachUserPolicy',
] as const;

export const ADMIN_RIGHTS: readonly AdminRightsGroup[] = [
  // features/sending-user/sending-user.ts, createSendingUser: ensureUser (a tagged user: TagUser),
  // ensurePolicy (a tagged policy, or a new default version with the oldest one dropped),
  // ensureAttached, ensureKey (at most two keys: orphans it made are deleted).
  {
    feature: 'sending-user',
    doing: 'create the sending user',
    actions: [
      'iam:GetUser',
      'iam:CreateUser',
      'iam:TagUser',
      ...WRITE_AND_ATTACH_POLICY,
      'iam:ListAccessKeys',
      'iam:CreateAccessKey',
      'iam:DeleteAccessKey',
    ],
  },
  // features/sending-user/setup-rights.ts, changeSetupRights: detach the setup policy and read IAM
  // back (a sending policy made before the split loses its setup actions in a new version), or attach
  // it again (ensurePolicy and ensureAttached as above).
  {
    feature: 'setup-rights',
    doing: 'take the setup rights from the app key, or give them back',
    actions: ['iam:DetachUserPolicy', 'iam:GetPolicyVersion', ...WRITE_AND_ATTACH_POLICY],
  },
  // features/rotation/rotation.ts, iamFor when the person chose admin access for a rotation:
  // listKeys, lastUsed, setStatus, deleteKey and the new key.
  {
    feature: 'rotation',
    doing: 'change the sending user’s access key for it',
    actions: [
      'iam:ListAccessKeys',
      'iam:GetAccessKeyLastUsed',
      'iam:CreateAccessKey',
      'iam:UpdateAccessKey',
      'iam:DeleteAccessKey',
    ],
  },
  // features/dns/route53.ts, previewRoute53 / publishRoute53: findZone, recordSets, the UPSERT.
  {
    feature: 'route53',
    doing: 'write the DNS records into Route 53',
    actions: [
      'route53:ListHostedZonesByName',
      'route53:ListResourceRecordSets',
      'route53:ChangeResourceRecordSets',
    ],
  },
  // features/notifications/notifications.ts with the admin session: setUpNotifications (a tagged
  // topic: TagResource) and notificationStatus (read with admin access while it is open).
  {
    feature: 'notifications',
    doing: 'set up bounce and complaint notifications',
    actions: [
      'sns:CreateTopic',
      'sns:TagResource',
      'sns:Subscribe',
      'sns:ListSubscriptionsByTopic',
      'sns:GetSubscriptionAttributes',
      'ses:SetIdentityNotificationTopic',
      'ses:GetIdentityNotificationAttributes',
    ],
  },
  // features/feedback/setup.ts with the admin session: the encrypted queue (tagged at creation:
  // TagQueue) and its policy, the topics it reads (tagged), and the queue statement added to the
  // sending user's policy as a new version.
  {
    feature: 'feedback',
    doing: 'set up the bounce and complaint events the assistant reads',
    actions: [
      'sqs:CreateQueue',
      'sqs:TagQueue',
      'sqs:GetQueueAttributes',
      'sqs:SetQueueAttributes',
      'sqs:DeleteQueue',
      'sns:CreateTopic',
      'sns:TagResource',
      'sns:Subscribe',
      'sns:DeleteTopic',
      'ses:SetIdentityNotificationTopic',
      'iam:ListAttachedUserPolicies',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
      'iam:ListPolicyVersions',
      'iam:DeletePolicyVersion',
      'iam:CreatePolicyVersion',
    ],
  },
  // features/suppression/suppression-list.ts and alarms.ts with the admin session: the account's
  // suppression list, and the reputation alarms (tagged) with the topic that emails the person.
  {
    feature: 'suppression',
    doing: 'manage the suppression list and set up reputation warnings',
    actions: [
      'ses:GetAccount',
      'ses:PutAccountSuppressionAttributes',
      'ses:ListSuppressedDestinations',
      'ses:GetSuppressedDestination',
      'ses:PutSuppressedDestination',
      'ses:DeleteSuppressedDestination',
      'sns:CreateTopic',
      'sns:TagResource',
      'sns:Subscribe',
      'cloudwatch:PutMetricAlarm',
      'cloudwatch:TagResource',
      'cloudwatch:DescribeAlarms',
      'cloudwatch:DeleteAlarms',
    ],
  },
  // features/ledger/removal.ts, removeEntries: each remover (users with their keys and policies,
  // policies with their versions, topics, subscriptions, identities, Route 53 records).
  {
    feature: 'removal',
    doing: 'remove what the assistant created',
    actions: [
      'iam:ListAccessKeys',
      'iam:DeleteAccessKey',
      'iam:ListAttachedUserPolicies',
      'iam:DetachUserPolicy',
      'iam:ListUserPolicies',
      'iam:DeleteUserPolicy',
      'iam:DeleteUser',
      'iam:ListEntitiesForPolicy',
      'iam:ListPolicyVersions',
      'iam:DeletePolicyVersion',
      'iam:DeletePolicy',
      'sns:Unsubscribe',
      'sns:DeleteTopic',
      'ses:SetIdentityNotificationTopic',
      'ses:DeleteIdentity',
      'route53:ListResourceRecordSets',
      'route53:ChangeResourceRecordSets',
      'sqs:DeleteQueue',
      'cloudwatch:DeleteAlarms',
    ],
  },
];

/** Each action once, in the order first listed. */
export function adminActions(groups: readonly AdminRightsGroup[] = ADMIN_RIGHTS): string[] {
  return [...new Set(groups.flatMap((g) => g.actions))];
}

/** The groups with at least one refused action, each with those actions. */
export function limitsFrom(
  denied: ReadonlySet<string>,
  groups: readonly AdminRightsGroup[] = ADMIN_RIGHTS,
): AdminLimit[] {
  return groups
    .map((g) => ({ feature: g.feature, doing: g.doing, missing: g.actions.filter((a) => denied.has(a)) }))
    .filter((l) => l.missing.length > 0);
}

/**
 * The ARN IAM's simulator accepts for a caller: a user's own ARN; for an assumed role, the role's
 * ARN without its path (`realArn` is the role's ARN read from IAM, path included, when known).
 * Null for identities the simulator cannot take (a federated user).
 */
export function policySourceArn(callerArn: string, realRoleArn?: string | null): string | null {
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}):(.+)$/.exec(callerArn);
  if (!m) return null;
  const [, partition, service, account, resource] = m;
  if (service === 'iam' && /^(user|role)\//.test(resource!)) return callerArn;
  const role = /^assumed-role\/([^/]+)\//.exec(resource!);
  if (service === 'sts' && role) return realRoleArn ?? `arn:${partition}:iam::${account}:role/${role[1]}`;
  return null;
}

const nameOf = (err: unknown) => (err as { name?: string } | null)?.name ?? '';
const isAccessDenied = (err: unknown) => /^AccessDenied(Exception)?$/.test(nameOf(err));

export interface AdminRightsReport {
  rightsCheck: Exclude<AdminRightsCheck, 'not-checked'>;
  /** What will not work; empty when nothing was refused (or only the read could be tried). */
  limits: AdminLimit[];
}

/** Asks IAM's simulator about every action; null when the keys may not (or cannot) run it. */
async function simulate(
  iam: IAMClient,
  callerArn: string,
  actions: string[],
  log?: (why: string) => void,
): Promise<Set<string> | null> {
  const sdk = await import('@aws-sdk/client-iam');
  let realRoleArn: string | null = null;
  const role = /:assumed-role\/([^/]+)\//.exec(callerArn);
  if (role) {
    // Roles of IAM Identity Center live under a path the assumed-role ARN leaves out.
    realRoleArn = await iam
      .send(new sdk.GetRoleCommand({ RoleName: role[1] }))
      .then((out) => out.Role?.Arn ?? null)
      .catch(() => null);
  }
  const source = policySourceArn(callerArn, realRoleArn);
  if (!source) {
    log?.('no policy source for this identity');
    return null;
  }
  const denied = new Set<string>();
  const seen = new Set<string>();
  try {
    let marker: string | undefined;
    for (let page = 0; page < 20; page++) {
      const out = await iam.send(
        new sdk.SimulatePrincipalPolicyCommand({
          PolicySourceArn: source,
          ActionNames: actions,
          Marker: marker,
        }),
      );
      for (const result of out.EvaluationResults ?? []) {
        if (!result.EvalActionName) continue;
        seen.add(result.EvalActionName);
        if (result.EvalDecision !== 'allowed') denied.add(result.EvalActionName);
      }
      if (!out.IsTruncated || !out.Marker) break;
      marker = out.Marker;
    }
  } catch (err) {
    // AccessDenied: the keys may not run the simulator. Anything else (an identity it does not know,
    // an endpoint without it, such as moto): the harmless read decides instead.
    log?.(isAccessDenied(err) ? 'simulation denied' : `simulation unavailable (${nameOf(err) || 'error'})`);
    return null;
  }
  // An action the simulator did not answer for is not known to be allowed.
  for (const action of actions) if (!seen.has(action)) denied.add(action);
  return denied;
}

/**
 * Checks what the keys may do. Throws ADMIN_MISSING_RIGHTS when they may do none of what the
 * assistant asks admin access for; otherwise returns what will not work.
 */
export async function checkAdminRights(
  iam: IAMClient,
  callerArn: string,
  options: { region?: string; log?: (why: string) => void } = {},
): Promise<AdminRightsReport> {
  const actions = adminActions();
  const denied = await simulate(iam, callerArn, actions, options.log);
  if (denied) {
    const limits = limitsFrom(denied);
    if (limits.length === ADMIN_RIGHTS.length) fail(missingRightsError(limits, 'simulated'));
    return { rightsCheck: 'simulated', limits };
  }
  const sdk = await import('@aws-sdk/client-iam');
  try {
    await iam.send(new sdk.ListPoliciesCommand({ MaxItems: 1 }));
  } catch (err) {
    if (isAccessDenied(err)) fail(missingRightsError(limitsFrom(new Set(actions)), 'read-only'));
    throw new AssistantFailure(
      toAssistantError(err, { region: options.region, doing: 'checking what the admin keys may do' }),
    );
  }
  return { rightsCheck: 'read-only', limits: [] };
}

/**
 * The refusal, said in one sentence with where to get good keys; what is missing, by what it is for,
 * travels beside it (`missing`) for the screen to fold away.
 */
export function missingRightsError(limits: AdminLimit[], how: 'simulated' | 'read-only'): MissingRightsError {
  const count = new Set(limits.flatMap((l) => l.missing)).size;
  return {
    code: 'ADMIN_MISSING_RIGHTS',
    title: 'These keys are not an administrator’s',
    explanation:
      how === 'simulated'
        ? `AWS says these keys may not do what the assistant needs admin access for: ${count} permissions are missing.`
        : 'These keys work, but AWS refused them even a harmless look at IAM, so they may not create users or give permissions.',
    fix: 'Give an administrator’s keys instead. The easiest are temporary keys from AWS CloudShell: sign in to the AWS console as an administrator, open CloudShell and run “aws configure export-credentials --format env-no-export”. The “Access keys” of an administrator permission set in IAM Identity Center, or the key of an IAM user with the AWS managed policy AdministratorAccess, work too.',
    retryable: false,
    detail: how === 'simulated' ? 'iam:SimulatePrincipalPolicy' : 'iam:ListPolicies',
    missing: limits,
  };
}
