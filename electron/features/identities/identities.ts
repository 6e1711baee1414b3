/**
 * Sender identities (SES v1): verify a domain (recommended, with Easy DKIM) or a single address,
 * list what the region already has, and read one identity's state for polling. Each state comes
 * with what it means and what to do, because "pending" is so often read as "failed".
 *
 * Screen: the Sender screen (renderer/features/identities/IdentityStep.tsx).
 */
import type { AwsClients } from '../../core/aws-clients';
import { identityNames } from '../../core/ses-identities';
import { dkimDomainFor } from '../../core/facts/regions';
import { VERIFICATION_WINDOW_HOURS as WINDOW } from '../../core/facts/verification';
import { MAIL_FROM_BEHAVIOR, mailFromMeaning, type BehaviorOnMxFailure } from '../../core/facts/mail-from';
import type { ServiceContext } from '../../core/context';
import { fail, toAssistantError } from '../../core/errors';
import { recordCreated } from '../../core/ledger';

/** SES's own words for a verification or DKIM status. */
export type SesStatus = 'Pending' | 'Success' | 'Failed' | 'TemporaryFailure' | 'NotStarted';

/** The state a person reads: pending and failed are different things with different fixes. */
export type IdentityState = 'verified' | 'pending' | 'failed' | 'temporary-failure' | 'not-started';

export interface IdentityAdvice {
  /** A short label for the state ("Waiting for DNS", "Verification failed"). */
  label: string;
  /** What the state means. */
  meaning: string;
  /** What to do now. */
  todo: string;
}

export interface IdentityView {
  identity: string;
  kind: 'domain' | 'address';
  region: string;
  state: IdentityState;
  /** SES's verification status, as SES reports it. */
  sesStatus: SesStatus;
  /** Domains only: Easy DKIM. */
  dkim?: { enabled: boolean; status: SesStatus; tokens: string[] };
  /**
   * Domains only: the custom MAIL FROM domain, when one is set, with what SES does while its MX
   * record is missing and, in that case, what that means for the mail (null once it works).
   */
  mailFrom?: {
    domain: string;
    status: string;
    behaviorOnMxFailure?: BehaviorOnMxFailure;
    meaning: string | null;
  };
  advice: IdentityAdvice;
}

const KNOWN: readonly SesStatus[] = ['Pending', 'Success', 'Failed', 'TemporaryFailure', 'NotStarted'];
const asStatus = (s: string | undefined): SesStatus =>
  KNOWN.includes(s as SesStatus) ? (s as SesStatus) : 'NotStarted';

/**
 * One state from SES's two statuses. With Easy DKIM, SES counts a domain as verified once it sees
 * the DKIM records, even if the older TXT check has not finished.
 */
export function stateOf(verification: SesStatus, dkim?: SesStatus): IdentityState {
  if (verification === 'Success' || dkim === 'Success') return 'verified';
  const worst = [verification, dkim];
  if (worst.includes('Pending')) return 'pending';
  if (worst.includes('TemporaryFailure')) return 'temporary-failure';
  if (worst.includes('Failed')) return 'failed';
  return 'not-started';
}

/** What each state means and what to do, worded for a domain or an address. */
export function adviceFor(state: IdentityState, kind: 'domain' | 'address'): IdentityAdvice {
  const domain = kind === 'domain';
  switch (state) {
    case 'verified':
      return {
        label: 'Verified',
        meaning: domain
          ? 'SES has found your DNS records. You can send from any address at this domain.'
          : 'The link in the verification email was clicked. You can send from this address.',
        todo: domain
          ? 'Nothing to do. Keep the DNS records in place: removing them stops verification.'
          : 'Nothing to do.',
      };
    case 'pending':
      return {
        label: domain ? 'Waiting for DNS records' : 'Waiting for the email link',
        meaning: domain
          ? `SES has not seen your DNS records yet. This is normal: SES keeps looking for up to ${WINDOW.domainDns} hours, and new records often take a while to reach it. Pending does not mean anything is wrong.`
          : `SES sent a verification email to this address. It is verified once someone clicks the link in it (the link works for ${WINDOW.addressLink} hours).`,
        todo: domain
          ? 'Add the DNS records from the next step if you have not yet, then wait. This screen checks again by itself.'
          : 'Open that mailbox and click the link. Look in the spam folder too. No email? Send it again.',
      };
    case 'temporary-failure':
      return {
        label: 'SES could not check just now',
        meaning:
          'SES had a temporary problem reading your DNS records (for example your DNS host did not answer). It keeps trying by itself.',
        todo: 'Make sure the records are published, then wait. If it stays like this for a day, check your DNS host.',
      };
    case 'failed':
      return {
        label: 'Verification failed',
        meaning: domain
          ? `SES looked for your DNS records for ${WINDOW.domainDns} hours, did not find them, and gave up. It will not look again by itself.`
          : 'The verification link was not clicked in time, so SES gave up on this address.',
        todo: domain
          ? `Check the DNS records (the DNS step shows what is missing or wrong), then click “Verify again” to restart the ${WINDOW.domainDns} hours.`
          : `Click “Verify again” to get a new email, then click its link within ${WINDOW.addressLink} hours.`,
      };
    case 'not-started':
      return {
        label: 'Not started',
        meaning: 'SES knows this identity but is not checking it.',
        todo: 'Click “Verify again” to start verification.',
      };
  }
}

const sdk = () => import('@aws-sdk/client-ses');

/** SES's MAIL FROM attributes of one domain, as the screen shows them. */
function mailFromView(m: {
  MailFromDomain?: string;
  MailFromDomainStatus?: string;
  BehaviorOnMXFailure?: string;
}): NonNullable<IdentityView['mailFrom']> {
  const domain = m.MailFromDomain ?? '';
  const status = m.MailFromDomainStatus ?? 'Pending';
  const behavior =
    m.BehaviorOnMXFailure === 'RejectMessage' || m.BehaviorOnMXFailure === 'UseDefaultValue'
      ? m.BehaviorOnMXFailure
      : undefined;
  return {
    domain,
    status,
    ...(behavior ? { behaviorOnMxFailure: behavior } : {}),
    meaning: mailFromMeaning(domain, status, behavior),
  };
}

/** Reads the state of up to 100 identities at once (SES's limit per request). */
export async function describeIdentities(clients: AwsClients, identities: string[]): Promise<IdentityView[]> {
  if (identities.length === 0) return [];
  const ses = await clients.ses();
  const {
    GetIdentityVerificationAttributesCommand,
    GetIdentityDkimAttributesCommand,
    GetIdentityMailFromDomainAttributesCommand,
  } = await sdk();
  const views: IdentityView[] = [];
  for (let i = 0; i < identities.length; i += 100) {
    const chunk = identities.slice(i, i + 100);
    const domains = chunk.filter((id) => !id.includes('@'));
    const [verification, dkim, mailFrom] = await Promise.all([
      ses.send(new GetIdentityVerificationAttributesCommand({ Identities: chunk })),
      domains.length
        ? ses.send(new GetIdentityDkimAttributesCommand({ Identities: domains }))
        : Promise.resolve(undefined),
      domains.length
        ? ses.send(new GetIdentityMailFromDomainAttributesCommand({ Identities: domains }))
        : Promise.resolve(undefined),
    ]);
    for (const identity of chunk) {
      const kind = identity.includes('@') ? 'address' : 'domain';
      const sesStatus = asStatus(verification.VerificationAttributes?.[identity]?.VerificationStatus);
      const d = dkim?.DkimAttributes?.[identity];
      const dkimView =
        kind === 'domain' && d
          ? {
              enabled: d.DkimEnabled ?? false,
              status: asStatus(d.DkimVerificationStatus),
              tokens: d.DkimTokens ?? [],
            }
          : undefined;
      const state = stateOf(sesStatus, dkimView?.enabled ? dkimView.status : undefined);
      const m = mailFrom?.MailFromDomainAttributes?.[identity];
      views.push({
        identity,
        kind,
        region: clients.region,
        state,
        sesStatus,
        ...(dkimView ? { dkim: dkimView } : {}),
        ...(m?.MailFromDomain ? { mailFrom: mailFromView(m) } : {}),
        advice: adviceFor(state, kind),
      });
    }
  }
  return views;
}

const ORDER: Record<IdentityState, number> = {
  failed: 0,
  'not-started': 1,
  'temporary-failure': 2,
  pending: 3,
  verified: 4,
};

/** Every identity of the region with its state: the ones that need attention first. */
export async function listIdentities(clients: AwsClients): Promise<IdentityView[]> {
  const views = await describeIdentities(clients, await identityNames(clients));
  return views.sort(
    (a, b) =>
      Number(a.kind === 'address') - Number(b.kind === 'address') ||
      ORDER[a.state] - ORDER[b.state] ||
      a.identity.localeCompare(b.identity),
  );
}

export async function identityStatus(clients: AwsClients, identity: string): Promise<IdentityView> {
  const [view] = await describeIdentities(clients, [identity]);
  // SES answers NotStarted-with-nothing for an identity it does not hold in this region.
  const names = view && view.sesStatus === 'NotStarted' ? await identityNames(clients) : null;
  if (!view || (names && !names.includes(identity))) {
    fail({
      code: 'IDENTITY_UNKNOWN',
      title: 'SES does not know this sender in this region',
      explanation: `${identity} is not verified, or being verified, in ${clients.region}. Identities belong to one region.`,
      fix: 'Verify it on this screen, or switch to the region where you verified it.',
      retryable: false,
    });
  }
  return view;
}

/** `bounce` → `bounce.<domain>`; a full subdomain of the domain stays as it is. */
export function mailFromDomainFor(domain: string, subdomain = 'bounce'): string {
  const s = subdomain.toLowerCase().replace(/\.$/, '');
  return s.endsWith(`.${domain}`) ? s : `${s}.${domain}`;
}

/**
 * Starts verifying a domain: the TXT token, Easy DKIM (three CNAMEs) and a custom MAIL FROM
 * subdomain (bounce.<domain> unless told otherwise), so SPF lines up with the domain for DMARC.
 * The MAIL FROM falls back to SES's own (amazonses.com) while its records are missing, because the
 * assistant sets BehaviorOnMXFailure to UseDefaultValue, so setting it early is safe.
 */
export async function verifyDomain(
  ctx: ServiceContext,
  clients: AwsClients,
  domain: string,
  mailFromSubdomain?: string,
): Promise<IdentityView> {
  const ses = await clients.ses();
  const { VerifyDomainIdentityCommand, VerifyDomainDkimCommand } = await sdk();
  const known = await identityNames(clients);
  await ses.send(new VerifyDomainIdentityCommand({ Domain: domain }));
  if (!known.includes(domain))
    await recordCreated(ctx, {
      kind: 'ses-identity',
      id: domain,
      region: clients.region,
      label: `Domain ${domain} in SES (${clients.region})`,
    });
  await ses.send(new VerifyDomainDkimCommand({ Domain: domain }));
  await useMailFrom(clients, domain, mailFromSubdomain).catch((err: unknown) => {
    // Not fatal: SES's own MAIL FROM still works, and the DNS screen says SES does not use the
    // custom one yet and offers to set it (identities.setMailFrom).
    ctx.log.info('identities: MAIL FROM not set', { code: toAssistantError(err).code });
  });
  return identityStatus(clients, domain);
}

/**
 * Tells SES to use a custom MAIL FROM domain (bounce.<domain> unless told otherwise) for a domain
 * already added to SES: for a domain verified elsewhere (the console sets none) or whose MAIL FROM
 * could not be set when it was verified.
 */
export async function setMailFrom(
  clients: AwsClients,
  domain: string,
  mailFromSubdomain?: string,
): Promise<IdentityView> {
  if (!(await identityNames(clients)).some((name) => name.toLowerCase() === domain.toLowerCase()))
    fail({
      code: 'DNS_DOMAIN_NOT_VERIFIED',
      title: 'Verify the domain first',
      explanation: `${domain} is not in SES in ${clients.region}, so SES has nothing to use a MAIL FROM domain for.`,
      fix: 'Go back to the Sender step and verify the domain in this region.',
      retryable: false,
    });
  await useMailFrom(clients, domain, mailFromSubdomain);
  return identityStatus(clients, domain);
}

async function useMailFrom(clients: AwsClients, domain: string, mailFromSubdomain?: string): Promise<void> {
  const ses = await clients.ses();
  const { SetIdentityMailFromDomainCommand } = await sdk();
  await ses.send(
    new SetIdentityMailFromDomainCommand({
      Identity: domain,
      MailFromDomain: mailFromDomainFor(domain, mailFromSubdomain),
      // Said explicitly rather than left to SES's default: while the bounce subdomain's MX record
      // is missing, mail keeps going out with SES's own MAIL FROM instead of being refused.
      BehaviorOnMXFailure: MAIL_FROM_BEHAVIOR,
    }),
  );
}

/** Asks SES to email the address a verification link. */
export async function verifyEmail(
  ctx: ServiceContext,
  clients: AwsClients,
  address: string,
): Promise<IdentityView> {
  const ses = await clients.ses();
  const { VerifyEmailIdentityCommand } = await sdk();
  const known = await identityNames(clients);
  await ses.send(new VerifyEmailIdentityCommand({ EmailAddress: address }));
  if (!known.includes(address))
    await recordCreated(ctx, {
      kind: 'ses-identity',
      id: address,
      region: clients.region,
      label: `Address ${address} in SES (${clients.region})`,
    });
  return identityStatus(clients, address);
}

/**
 * The DKIM tokens, the domain they are published under and the configured MAIL FROM domain SES
 * holds for a domain, read with the sending user. Fails in plain words when the domain has no DKIM
 * tokens yet (not verified in this region).
 */
export async function domainSesFacts(
  clients: AwsClients,
  domain: string,
): Promise<{ dkimTokens: string[]; dkimDomain: string; configuredMailFrom: string | undefined }> {
  const ses = await clients.ses();
  const { GetIdentityDkimAttributesCommand, GetIdentityMailFromDomainAttributesCommand } =
    await import('@aws-sdk/client-ses');
  const doing = { region: clients.region, doing: 'reading your domain’s settings from SES' };
  const [dkim, mailFrom, signingZone] = await Promise.all([
    ses.send(new GetIdentityDkimAttributesCommand({ Identities: [domain] })),
    ses.send(new GetIdentityMailFromDomainAttributesCommand({ Identities: [domain] })),
    signingHostedZone(clients, domain),
  ]).catch((err: unknown) => fail(toAssistantError(err, doing)));
  const dkimTokens = dkim.DkimAttributes?.[domain]?.DkimTokens ?? [];
  if (dkimTokens.length === 0)
    fail({
      code: 'DNS_DOMAIN_NOT_VERIFIED',
      title: 'Verify the domain first',
      explanation: `SES has no DKIM keys for ${domain} in ${clients.region} yet, so there are no records to show.`,
      fix: 'Go back to the Sender step and verify the domain in this region; then come back here.',
      retryable: false,
    });
  return {
    dkimTokens,
    dkimDomain: signingZone ?? dkimDomainFor(clients.region),
    configuredMailFrom: mailFrom.MailFromDomainAttributes?.[domain]?.MailFromDomain,
  };
}

/**
 * The zone SES says this identity's DKIM keys live under (SES v2 GetEmailIdentity), or null when
 * SES v2 cannot be asked (no permission, an endpoint without it): the region table then answers.
 */
async function signingHostedZone(clients: AwsClients, domain: string): Promise<string | null> {
  try {
    const { GetEmailIdentityCommand } = await import('@aws-sdk/client-sesv2');
    const out = await (await clients.sesv2()).send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
    return out.DkimAttributes?.SigningHostedZone?.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}
