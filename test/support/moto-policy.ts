/**
 * TEST ONLY. moto's policy engine denies every statement whose Resource is not "*" (even
 * `arn:aws:iam::*:user/${aws:username}` or an exact user ARN) and ignores conditions; see
 * /work/shared/reference/test-peers.md. To prove under moto that the policy's *actions* cover
 * everything the app calls, the moto test widens each statement's Resource to "*" with this helper.
 * Resource scoping and the From-address condition are proven by the unit tests on the real JSON.
 * Never use this outside tests: the widened policy lets a user rotate every user's keys.
 */
import { SENDING_POLICY_NAME, type PolicyDocument } from '../../electron/features/sending-user/policy';

export function widenResourcesForMoto(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({ ...statement, Resource: '*' })),
  };
}

/**
 * TEST ONLY. moto's enforcement names a CloudWatch action by the service's signing name
 * (`monitoring:DescribeAlarms`) where IAM names it `cloudwatch:DescribeAlarms`, so it refuses every
 * `cloudwatch:` grant (measured with moto 5.2.1: a user granted cloudwatch:DescribeAlarms is refused,
 * one granted monitoring:DescribeAlarms is not). To prove under moto which CloudWatch *actions* a
 * statement covers, this renames `cloudwatch:` to `monitoring:`, as moto reads them; the other
 * services' actions are left as they are. Use it with widenResourcesForMoto, never outside tests.
 */
export function nameCloudWatchActionsAsMotoDoes(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({
      ...statement,
      Action: statement.Action.map((action) => action.replace(/^cloudwatch:/, 'monitoring:')),
    })),
  };
}

/**
 * TEST ONLY. The same widening for the sending policy the app itself wrote to IAM (a new default
 * version), for the tests that then send under moto's enforcement: the app scopes sending to the
 * account's identities (`arn:aws:ses:*:<account>:identity/*`), which moto can never match.
 */
export async function widenSendingPolicyInMoto(
  endpoint: string,
  admin: { accessKeyId: string; secretAccessKey: string },
  accountId: string,
): Promise<void> {
  const { CreatePolicyVersionCommand, GetPolicyCommand, GetPolicyVersionCommand } =
    await import('@aws-sdk/client-iam');
  const { adminIam } = await import('./aws');
  const iam = adminIam(endpoint, admin);
  const arn = `arn:aws:iam::${accountId}:policy/${SENDING_POLICY_NAME}`;
  const current = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
  const version = await iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: current.Policy!.DefaultVersionId! }),
  );
  const document = JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)) as PolicyDocument;
  await iam.send(
    new CreatePolicyVersionCommand({
      PolicyArn: arn,
      PolicyDocument: JSON.stringify(widenResourcesForMoto(document)),
      SetAsDefault: true,
    }),
  );
}
