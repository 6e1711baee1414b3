/**
 * The connection test: who these credentials belong to (STS GetCallerIdentity) and what SES lets
 * them send in this region (GetSendQuota). Root credentials are refused: a leaked root key gives
 * away the whole AWS account, so the assistant always works through a dedicated IAM user.
 *
 * Screen: Connect AWS and the Connected screen (renderer/features/connection/ConnectStep.tsx, ConnectedStep.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';
import type { SendQuota } from './types';
import { fail, toAssistantError, AssistantFailure } from '../../core/errors';
import { ALWAYS_ON_REGION } from '../../core/facts/regions';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  userName: string;
}

export interface ConnectionFacts {
  identity: CallerIdentity;
  quota: SendQuota;
  sandbox: boolean;
}

/** The sandbox allows 200 messages a day at 1 a second; production accounts start at 50,000 and 14. */
export function looksSandboxed(quota: SendQuota): boolean {
  return quota.max24HourSend <= 200 && quota.maxSendRate <= 1;
}

/** "arn:aws:iam::123:user/ops/sender" → "sender"; "arn:aws:sts::123:assumed-role/Admin/jo" → "Admin/jo". */
export function nameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  if (resource.startsWith('user/')) return resource.split('/').pop() ?? resource;
  if (resource.startsWith('assumed-role/')) return resource.slice('assumed-role/'.length);
  return resource;
}

export async function whoAmI(clients: AwsClients): Promise<CallerIdentity> {
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const out = await (await clients.sts()).send(new GetCallerIdentityCommand({}));
  const arn = out.Arn ?? '';
  if (/:root$/.test(arn)) {
    fail({
      code: 'ROOT_CREDENTIALS',
      title: 'These are the keys of your AWS root user',
      explanation:
        'The root user can do anything in your AWS account, including closing it. If its keys ever leaked, everything would be at risk, so the assistant does not use them.',
      fix: 'Choose “I’ll do it myself in the AWS console” (it also offers a command for AWS CloudShell) to create a separate sending user, then delete these root keys in the console under Security credentials.',
      retryable: false,
    });
  }
  return { accountId: out.Account ?? '', arn, userName: nameFromArn(arn) };
}

export async function sendQuota(clients: AwsClients): Promise<SendQuota> {
  const { GetSendQuotaCommand } = await import('@aws-sdk/client-ses');
  const out = await (await clients.ses()).send(new GetSendQuotaCommand({}));
  return {
    max24HourSend: out.Max24HourSend ?? 0,
    maxSendRate: out.MaxSendRate ?? 0,
    sentLast24Hours: out.SentLast24Hours ?? 0,
  };
}

/** A region every account has switched on, where a key's own validity can be told apart. */

/**
 * Tests the credentials in the chosen region. `sameKeyElsewhere` makes clients with the same keys in
 * a region every account has: in a region the account has not switched on, AWS answers "the security
 * token is invalid", which would blame a good key; if the key works in us-east-1, the region is the
 * problem, and the person is told so.
 */
export async function testConnection(
  clients: AwsClients,
  sameKeyElsewhere?: () => AwsClients,
): Promise<ConnectionFacts> {
  const identity = await whoAmI(clients).catch(async (err) => {
    const error = toAssistantError(err, { region: clients.region, doing: 'checking who the keys belong to' });
    if (error.code === 'AWS_UNKNOWN_KEY' && sameKeyElsewhere && clients.region !== ALWAYS_ON_REGION) {
      const worksElsewhere = await whoAmI(sameKeyElsewhere()).then(
        () => true,
        () => false,
      );
      if (worksElsewhere)
        fail({
          code: 'REGION_NOT_ENABLED',
          title: `${clients.region} is switched off in your AWS account`,
          explanation: `AWS regions added since 2019 stay off until the account owner switches them on, and AWS then answers as if the key were wrong. Your key works in ${ALWAYS_ON_REGION}, so the key itself is fine.`,
          fix: 'Switch the region on in the AWS console (your account menu → AWS Regions → Enable; it can take a few minutes), or choose another region.',
          retryable: true,
        });
    }
    throw new AssistantFailure(error);
  });
  const quota = await sendQuota(clients).catch((err) => {
    throw new AssistantFailure(
      toAssistantError(err, {
        region: clients.region,
        doing: 'reading your SES sending quota (ses:GetSendQuota)',
      }),
    );
  });
  return { identity, quota, sandbox: looksSandboxed(quota) };
}
