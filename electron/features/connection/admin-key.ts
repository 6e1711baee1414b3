/**
 * Deleting the long-term admin key the person made just for this assistant, once setup is done: an
 * `AKIA…` key of an administrator that nobody uses any more is a standing risk if it ever leaks.
 *
 * The key deletes itself (iam:DeleteAccessKey on its own user, the name read afresh from
 * GetCallerIdentity), then the session forgets it. Refused, with the way to do it by hand, for:
 * - the root user's keys (never opened as admin access; checked again here all the same): IAM's API
 *   cannot delete them, the console's "Security credentials" page can;
 * - keys read from an AWS profile: the assistant does not edit ~/.aws, and a key deleted in AWS but
 *   left in that file would only break whatever else uses the profile;
 * - temporary keys (ASIA…): they stop working by themselves.
 */
import type { AdminSession } from '../../core/admin-session';
import type { AwsClients, CredentialSource } from '../../core/aws-clients';
import { AssistantFailure, fail, toAssistantError, type AssistantError } from '../../core/errors';
import { maskKeyId } from '../../core/vault';
import type { AdminKeyDeleted } from './types';
import { whoAmI } from './connection';

const CONSOLE_PATH =
  'In the AWS console, open IAM → Users → your user → “Security credentials”, and under “Access keys” choose Actions → Delete.';

export const ADMIN_KEY_ROOT: AssistantError = {
  code: 'ADMIN_KEY_ROOT',
  title: 'Root user keys are deleted in the AWS console',
  explanation:
    'These are the keys of your AWS root user. The assistant does not use or delete root keys: AWS lets only the root user itself remove them, signed in to the console.',
  fix: 'Sign in to the AWS console as the root user, open your account menu → “Security credentials”, and delete the access key under “Access keys”.',
  retryable: false,
};

export const ADMIN_KEY_FROM_PROFILE: AssistantError = {
  code: 'ADMIN_KEY_FROM_PROFILE',
  title: 'This key comes from your AWS profile, so the assistant leaves it alone',
  explanation:
    'The admin key was read from your AWS configuration files (~/.aws). The assistant does not edit those files, and deleting the key in AWS while it stays there would break whatever else uses that profile.',
  fix: `If you no longer need it: ${CONSOLE_PATH} Then remove its lines from ~/.aws/credentials (or run “aws configure” for that profile again).`,
  retryable: false,
};

export const ADMIN_KEY_TEMPORARY: AssistantError = {
  code: 'ADMIN_KEY_TEMPORARY',
  title: 'Temporary keys need no deleting',
  explanation: 'These admin keys start with ASIA: they stop working by themselves after a few hours.',
  fix: 'Nothing to do. Click “Forget admin access” if you are done with them.',
  retryable: false,
};

const ADMIN_KEY_NOT_A_USER: AssistantError = {
  code: 'ADMIN_KEY_NOT_A_USER',
  title: 'These admin keys do not belong to an IAM user',
  explanation: 'Only an IAM user’s own access key can be deleted this way.',
  fix: CONSOLE_PATH,
  retryable: false,
};

const ADMIN_KEY_DELETE_DENIED: AssistantError = {
  code: 'ADMIN_KEY_DELETE_DENIED',
  title: 'AWS did not let this key delete itself',
  explanation:
    'The admin user may not delete its own access keys (iam:DeleteAccessKey). Nothing was changed, and the key still works.',
  fix: CONSOLE_PATH,
  retryable: false,
  detail: 'iam:DeleteAccessKey',
};

const nameOf = (err: unknown) => (err as { name?: string } | null)?.name ?? '';

/** "arn:aws:iam::123456789012:user/ops/jo" → "jo"; null for anything that is not an IAM user. */
export function iamUserName(arn: string): string | null {
  const m = /^arn:[^:]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? m[1]! : null;
}

/**
 * Deletes the admin session's own long-term access key and forgets the session. The caller has
 * asked the person first: this cannot be undone.
 */
export async function deleteOwnAdminKey(deps: {
  admin: AdminSession;
  clientsFor: (credentials: CredentialSource) => AwsClients;
  log: { info(message: string, data?: Record<string, unknown>): void };
}): Promise<AdminKeyDeleted> {
  const summary = deps.admin.summary();
  if (summary) {
    if (/:root$/.test(summary.arn)) fail(ADMIN_KEY_ROOT);
    if (summary.kind === 'aws-profile') fail(ADMIN_KEY_FROM_PROFILE);
    if (summary.kind === 'temporary') fail(ADMIN_KEY_TEMPORARY);
  }
  // Without a session this fails with ADMIN_NEEDED, saying why it was forgotten.
  const credentials = deps.admin.credentials('Deleting the admin key is done with the key itself.');
  if (credentials.kind !== 'keys') fail(ADMIN_KEY_FROM_PROFILE);
  if (credentials.accessKeyId.startsWith('ASIA') || credentials.sessionToken) fail(ADMIN_KEY_TEMPORARY);

  const clients = deps.clientsFor(credentials);
  let identity;
  try {
    // Who the key belongs to now, from AWS itself (whoAmI refuses root keys).
    identity = await whoAmI(clients);
  } catch (err) {
    if (err instanceof AssistantFailure && err.assistantError.code === 'ROOT_CREDENTIALS')
      fail(ADMIN_KEY_ROOT);
    throw err;
  }
  const userName = iamUserName(identity.arn);
  if (!userName) fail(ADMIN_KEY_NOT_A_USER);

  const { DeleteAccessKeyCommand } = await import('@aws-sdk/client-iam');
  try {
    await (
      await clients.iam()
    ).send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: credentials.accessKeyId }));
  } catch (err) {
    const name = nameOf(err);
    if (/^AccessDenied(Exception)?$/.test(name)) fail(ADMIN_KEY_DELETE_DENIED);
    // Already gone (deleted in the console meanwhile): what the person wanted is true.
    if (name !== 'NoSuchEntity' && name !== 'NoSuchEntityException')
      throw new AssistantFailure(toAssistantError(err, { doing: 'deleting the admin key' }));
  }
  deps.admin.forget('key-deleted');
  deps.log.info('admin key deleted and admin access forgotten', { account: identity.accountId });
  return { keyIdMasked: maskKeyId(credentials.accessKeyId), userName, accountId: identity.accountId };
}
