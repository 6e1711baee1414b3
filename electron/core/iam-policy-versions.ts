/**
 * Reading and replacing a customer-managed IAM policy's default version: the sending user's policy
 * is changed this way by several features (setup rights, the feedback queue, making the user again).
 *
 * IAM keeps up to five versions of a policy. Only the default one is in force, but anyone allowed
 * iam:SetDefaultPolicyVersion (or an administrator's slip) can put an older one back in force with
 * whatever it granted: where rights are taken away, the older versions go too (deleteOlderVersions).
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

/** IAM's answer for a policy or version that does not exist. */
export function isNoSuchEntity(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'NoSuchEntity' || name === 'NoSuchEntityException';
}

/**
 * Deletes every version of the policy but the default one, then reads IAM back: `left` names the
 * older versions IAM still lists, so a caller says they are gone only when they are. A policy that
 * does not exist has none. Nothing is judged by what a version grants: the app never goes back to
 * an older version, and one may grant more in ways hard to see (a condition dropped, a wildcard).
 */
export async function deleteOlderVersions(
  admin: AwsClients,
  policyArn: string,
): Promise<{ deleted: string[]; left: string[] }> {
  const iam = await admin.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const older = async () => {
    try {
      const listed = await iam.send(new sdk.ListPolicyVersionsCommand({ PolicyArn: policyArn }));
      return (listed.Versions ?? []).filter((v) => !v.IsDefaultVersion).map((v) => v.VersionId ?? '');
    } catch (err) {
      if (isNoSuchEntity(err)) return [];
      throw err;
    }
  };
  const deleted: string[] = [];
  for (const versionId of await older()) {
    await iam
      .send(new sdk.DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }))
      // Deleted meanwhile (by another run, or by hand): gone is what was wanted.
      .catch((err: unknown) => {
        if (!isNoSuchEntity(err)) throw err;
      });
    deleted.push(versionId);
  }
  return { deleted, left: deleted.length > 0 ? await older() : [] };
}
