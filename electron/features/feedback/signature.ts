/**
 * Amazon SNS signs every message it sends; this checks that signature, as AWS documents it
 * ("Verifying the signatures of Amazon SNS messages"):
 *
 * - the certificate address (SigningCertURL) must be https on an Amazon SNS host,
 *   `sns.<region>.amazonaws.com`, and nothing else (no port, no user, no query): any other address
 *   is refused before anything is fetched, so a forged message can never make the app fetch from a
 *   host of the forger's choosing;
 * - the string SNS signed is rebuilt from the message's own fields, each as "name\nvalue\n", in a
 *   fixed order: for a Notification Message, MessageId, Subject (only when present), Timestamp,
 *   TopicArn, Type; for a SubscriptionConfirmation or UnsubscribeConfirmation Message, MessageId,
 *   SubscribeURL, Timestamp, Token, TopicArn, Type;
 * - SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA over that string, Signature in base64,
 *   checked with the public key of the certificate (RSA, within its validity dates).
 *
 * Fetching the certificate needs the network, so the fetcher is injected (tests serve their own
 * certificate from a loopback peer, or moto's); certificates are kept once fetched, per fetcher.
 */
import { X509Certificate, verify } from 'node:crypto';

/** The PEM text at a certificate address; throws CertificateUnavailable (or anything, for "not now"). */
export type CertificateFetcher = (url: URL) => Promise<string>;

/**
 * No certificate at that address. `lasting`: an answer that will not change (404, not a certificate):
 * the message is refused. Otherwise (no answer, a timeout, a 5xx) it is checked again later.
 */
export class CertificateUnavailable extends Error {
  constructor(
    message: string,
    readonly lasting: boolean,
  ) {
    super(message);
    this.name = 'CertificateUnavailable';
  }
}

/** What SNS puts around a message; the fields are as they came, unchecked. */
export interface SignedFields {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message?: string;
  Timestamp?: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
}

export type Verdict =
  | { ok: true }
  /** Forged or unverifiable: refused for good. `reason`: one sentence for the screen. */
  | { ok: false; lasting: true; reason: string }
  /** The certificate could not be fetched now: the message stays in the queue for the next read. */
  | { ok: false; lasting: false; reason: string };

/** sns.<region>.amazonaws.com, e.g. sns.us-east-1.amazonaws.com or sns.us-gov-west-1.amazonaws.com. */
const SNS_HOST = /^sns\.[a-z]{2}(-[a-z]+)+-\d{1,2}\.amazonaws\.com$/;

/** The certificate address, if it is one AWS signs from; otherwise null. Fetches nothing. */
export function snsCertificateUrl(value: string | undefined): URL | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const clean =
    url.protocol === 'https:' &&
    SNS_HOST.test(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    url.pathname.endsWith('.pem');
  return clean ? url : null;
}

const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
] as const;

/** The string SNS signed, or null when a field it needs is missing. */
export function stringToSign(fields: SignedFields): string | null {
  const names =
    fields.Type === 'Notification'
      ? NOTIFICATION_FIELDS
      : fields.Type === 'SubscriptionConfirmation' || fields.Type === 'UnsubscribeConfirmation'
        ? CONFIRMATION_FIELDS
        : null;
  if (!names) return null;
  let text = '';
  for (const name of names) {
    const value = fields[name];
    if (typeof value !== 'string') {
      if (name === 'Subject' && value === undefined) continue;
      return null;
    }
    text += `${name}\n${value}\n`;
  }
  return text;
}

const ALGORITHM: Record<string, 'sha1' | 'sha256'> = { '1': 'sha1', '2': 'sha256' };
/** Certificates kept per fetcher, newest last; a handful of regions is all SNS ever uses. */
const KEPT = 32;
const kept = new WeakMap<CertificateFetcher, Map<string, X509Certificate>>();

async function certificateAt(url: URL, fetcher: CertificateFetcher, now: Date): Promise<X509Certificate> {
  let cache = kept.get(fetcher);
  if (!cache) kept.set(fetcher, (cache = new Map()));
  const known = cache.get(url.href);
  // One past its dates may have been replaced at the same address: fetched again.
  if (known && Date.parse(known.validTo) > now.getTime()) return known;
  const pem = await fetcher(url);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new CertificateUnavailable('not a certificate', true);
  }
  cache.delete(url.href);
  cache.set(url.href, certificate);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return certificate;
}

const refused = (reason: string): Verdict => ({ ok: false, lasting: true, reason });

/** Checks one message's SNS signature; never throws. */
export async function verifySignature(
  fields: SignedFields,
  fetcher: CertificateFetcher,
  now: Date,
): Promise<Verdict> {
  const algorithm = ALGORITHM[fields.SignatureVersion ?? ''];
  if (!fields.Signature || !algorithm)
    return refused('It carries no Amazon SNS signature the assistant can check.');
  const url = snsCertificateUrl(fields.SigningCertURL);
  if (!url) return refused('Its signing certificate is not at an Amazon SNS address.');
  const signed = stringToSign(fields);
  if (signed === null) return refused('It lacks fields that Amazon SNS signs.');

  let certificate: X509Certificate;
  try {
    certificate = await certificateAt(url, fetcher, now);
  } catch (err) {
    if (err instanceof CertificateUnavailable && err.lasting)
      return refused('Amazon SNS has no signing certificate at the address it names.');
    return { ok: false, lasting: false, reason: 'Amazon SNS’s signing certificate could not be fetched.' };
  }
  const t = now.getTime();
  if (t < Date.parse(certificate.validFrom) || t > Date.parse(certificate.validTo))
    return refused('Its signing certificate is not valid today.');
  if (certificate.publicKey.asymmetricKeyType !== 'rsa')
    return refused('Its signing certificate is not an RSA certificate, as Amazon SNS uses.');
  let good = false;
  try {
    good = verify(
      algorithm,
      Buffer.from(signed, 'utf8'),
      certificate.publicKey,
      Buffer.from(fields.Signature, 'base64'),
    );
  } catch {
    good = false;
  }
  return good ? { ok: true } : refused('Its signature does not match Amazon SNS’s certificate.');
}

/** The app's own fetcher: https only (the address was checked), no redirects, small, bounded in time. */
export const fetchFromAws: CertificateFetcher = async (url) => {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new CertificateUnavailable(`no answer: ${(err as Error).name}`, false);
  }
  if (response.status >= 500) throw new CertificateUnavailable(`HTTP ${response.status}`, false);
  if (!response.ok) throw new CertificateUnavailable(`HTTP ${response.status}`, true);
  const text = await response.text();
  if (text.length > 16_384) throw new CertificateUnavailable('too long for a certificate', true);
  return text;
};
