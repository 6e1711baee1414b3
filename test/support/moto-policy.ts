/**
 * TEST ONLY. moto's policy engine denies every statement whose Resource is not "*" (even
 * `arn:aws:iam::*:user/${aws:username}` or an exact user ARN) and ignores conditions; see
 * /work/shared/reference/test-peers.md. To prove under moto that the policy's *actions* cover
 * everything the app calls, the moto test widens each statement's Resource to "*" with this helper.
 * Resource scoping and the From-address condition are proven by the unit tests on the real JSON.
 * Never use this outside tests: the widened policy lets a user rotate every user's keys.
 */
import type { PolicyDocument } from '../../electron/features/sending-user/policy';

export function widenResourcesForMoto(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({ ...statement, Resource: '*' })),
  };
}
