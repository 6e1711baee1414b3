/**
 * A test to the person's own address, after the mailbox simulator: whether SES will deliver there
 * now, and if not, the verification email that makes it so.
 *
 * The rules (Amazon SES Developer Guide, “Request production access”): in the sandbox SES sends only
 * to verified addresses and domains (and the simulator); out of it, to anyone. So an address at a
 * verified domain, an address verified already, or any address once the account has left the
 * sandbox needs nothing; any other address is verified as an SES email identity, which mails it a
 * link. What must stay true: a link is mailed only when the person asked for this test (or to send
 * it again), never by a status read, so waiting never fills their inbox.
 */
import type { AwsClients } from '../../core/aws-clients';
import { looksSandboxed, sendQuota } from '../connection';

/** Why the address can receive the test now, or what it waits for. */
export type OwnAddressReason =
  'out-of-sandbox' | 'domain-verified' | 'address-verified' | 'waiting-for-link' | 'link-expired';

export interface OwnAddressState {
  address: string;
  /** SES will deliver a test to it now. */
  ready: boolean;
  reason: OwnAddressReason;
  /** This call mailed the verification link. */
  linkSent: boolean;
}

/**
 * Where the address stands. With `sendLink`, an address that needs verifying is sent SES's link
 * (again, when one was sent before: VerifyEmailIdentity mails a new one).
 */
export async function ownAddressState(
  clients: AwsClients,
  address: string,
  { sendLink }: { sendLink: boolean },
): Promise<OwnAddressState> {
  const at = (reason: OwnAddressReason, ready: boolean, linkSent = false): OwnAddressState => ({
    address,
    ready,
    reason,
    linkSent,
  });
  // Unknown sandbox status (a key that may not read the quota) counts as the sandbox: verifying
  // then costs one click too many, assuming otherwise would cost a refused send.
  const sandbox = await sendQuota(clients).then(looksSandboxed, () => true);
  if (!sandbox) return at('out-of-sandbox', true);
  const ses = await clients.ses();
  const sdk = await import('@aws-sdk/client-ses');
  const domain = address.split('@').pop() ?? '';
  const attrs =
    (await ses.send(new sdk.GetIdentityVerificationAttributesCommand({ Identities: [address, domain] })))
      .VerificationAttributes ?? {};
  const status = (id: string) => attrs[id]?.VerificationStatus;
  if (status(domain) === 'Success') return at('domain-verified', true);
  if (status(address) === 'Success') return at('address-verified', true);
  if (sendLink) {
    await ses.send(new sdk.VerifyEmailIdentityCommand({ EmailAddress: address }));
    // SES may call it verified at once (an address verified in another way meanwhile).
    const after = (
      await ses.send(new sdk.GetIdentityVerificationAttributesCommand({ Identities: [address] }))
    ).VerificationAttributes?.[address]?.VerificationStatus;
    return after === 'Success' ? at('address-verified', true, true) : at('waiting-for-link', false, true);
  }
  // SES gives up on a link after 24 hours: the address then reads Failed and needs a new one.
  return status(address) === 'Failed' ? at('link-expired', false) : at('waiting-for-link', false);
}
