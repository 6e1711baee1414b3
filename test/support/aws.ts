/** Test-side AWS helpers: they talk to moto with the real SDK, as an administrator would. */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SESClient, VerifyDomainDkimCommand, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';

export const DUMMY_ADMIN = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export function adminIam(endpoint: string, credentials = DUMMY_ADMIN): IAMClient {
  return new IAMClient({ region: 'us-east-1', endpoint, credentials, maxAttempts: 1 });
}

export interface TestKey {
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Creates an IAM user with a key; with `allowAll`, an inline policy granting everything (for auth-on tests). */
export async function createUserWithKey(
  endpoint: string,
  userName: string,
  options: { allowAll?: boolean; credentials?: typeof DUMMY_ADMIN } = {},
): Promise<TestKey> {
  const iam = adminIam(endpoint, options.credentials);
  await iam.send(new CreateUserCommand({ UserName: userName }));
  if (options.allowAll) {
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: 'everything',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
  }
  const out = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return {
    userName,
    accessKeyId: out.AccessKey!.AccessKeyId!,
    secretAccessKey: out.AccessKey!.SecretAccessKey!,
  };
}

/** Verifies a domain in moto's SES (at once, as moto does) and returns its three DKIM tokens. */
export async function verifyDomain(
  endpoint: string,
  domain: string,
  region = 'us-east-1',
): Promise<string[]> {
  const ses = new SESClient({ region, endpoint, credentials: DUMMY_ADMIN, maxAttempts: 1 });
  await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
  return (await ses.send(new VerifyDomainDkimCommand({ Domain: domain }))).DkimTokens ?? [];
}
