/**
 * Reading and replacing a customer-managed IAM policy's default version: the sending user's policy
 * is changed this way by several features (setup rights, the feedback queue, making the user again).
 */
import type { AwsClients } from './aws-clients';

/** The default version as IAM holds it (URL-encoded JSON, decoded here), and the description. */
export async function readDefaultPolicy<Document>(
  admin: AwsClients,
  policyArn: string,
): Promise<{ document: Document; description: string }> {
  const iam = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const policy = await iam.send(new sdk.GetPolicyCommand({ PolicyArn: policyArn }));
  const version = await iam.send(
    new sdk.GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: policy.Policy?.DefaultVersionId }),
  );
  return {
    document: JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? '%7B%7D')) as Document,
    description: policy.Policy?.Description ?? '',
  };
}

/** Makes the document the policy's new default version, first making room: IAM keeps five at most. */
export async function writePolicyVersion(
  admin: AwsClients,
  policyArn: string,
  document: object,
): Promise<void> {
  const iam = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const versions =
    (await iam.send(new sdk.ListPolicyVersionsCommand({ PolicyArn: policyArn }))).Versions ?? [];
  if (versions.length >= 5) {
    // The oldest one not in use goes.
    const oldest = versions
      .filter((v) => !v.IsDefaultVersion)
      .sort((a, b) => +(a.CreateDate ?? 0) - +(b.CreateDate ?? 0))[0];
    if (oldest)
      await iam.send(
        new sdk.DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: oldest.VersionId }),
      );
  }
  await iam.send(
    new sdk.CreatePolicyVersionCommand({
      PolicyArn: policyArn,
      PolicyDocument: JSON.stringify(document),
      SetAsDefault: true,
    }),
  );
}
