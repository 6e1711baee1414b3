/**
 * Amazon SNS's signing side, on loopback: a signer with a self-made RSA certificate (made with
 * `openssl`, Debian: apt-get install openssl) that signs envelopes as SNS documents it, and an HTTP
 * peer that serves certificates at the paths of `https://sns.<region>.amazonaws.com/…` addresses.
 * The app's fetcher is swapped for one that asks this peer (or moto, which signs the envelopes it
 * delivers and serves its certificates itself); the address checks in front of the fetcher are the
 * app's own. Every fetch is recorded, so a test can prove that nothing was fetched.
 */
import { createSign } from 'node:crypto';
import http from 'node:http';
import { CertificateUnavailable, type SignedFields } from '../../electron/features/feedback/signature';
import { selfSigned, type SelfSigned } from './openssl';

export type SnsSigner = SelfSigned;

const made = new Map<string, SnsSigner>();

/** A throwaway signing certificate (CN=sns.amazonaws.com, as SNS's own), made once per name and process. */
export function snsSigner(name = 'sns', days = 2): SnsSigner {
  const id = `${name}/${days}`;
  let signer = made.get(id);
  if (!signer) {
    signer = selfSigned('SNS test certificate', [
      '-newkey',
      'rsa:2048',
      '-days',
      String(days),
      '-subj',
      '/CN=sns.amazonaws.com',
    ]);
    made.set(id, signer);
  }
  return signer;
}

/** Written out here from AWS's description, on purpose not shared with the app's own code. */
function canonical(fields: Record<string, string | undefined>): string {
  const names =
    fields.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return names
    .filter((n) => fields[n] !== undefined)
    .map((n) => `${n}\n${fields[n]}\n`)
    .join('');
}

export interface Envelope extends SignedFields {
  Signature: string;
  SignatureVersion: string;
  SigningCertURL: string;
}

/** An SNS envelope signed with the signer's key (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA). */
export function signedEnvelope(
  signer: SnsSigner,
  fields: Omit<SignedFields, 'Type' | 'Timestamp'> & { Type?: string; Timestamp?: string },
  options: { version?: '1' | '2'; certUrl?: string } = {},
): Envelope {
  const version = options.version ?? '2';
  const unsigned = {
    Type: 'Notification',
    Timestamp: '2026-11-20T09:00:06.000Z',
    ...fields,
  };
  const sign = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  sign.update(canonical(unsigned), 'utf8');
  return {
    ...unsigned,
    SignatureVersion: version,
    Signature: sign.sign(signer.key, 'base64'),
    SigningCertURL:
      options.certUrl ?? 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem',
  };
}

export interface CertificatePeer {
  /** http://127.0.0.1:<port>: an address's path under it is its certificate. */
  base: string;
  /** The app's certificate fetcher, asking this peer for the address's path. */
  fetcher: (url: URL) => Promise<string>;
  /** Every address the app asked for, in order. */
  asked: string[];
  /** Serves `pem` at the address's path (null: 404). */
  serve(address: string, pem: string | null): void;
  /** While true, the peer hangs up without answering (the network is down). */
  silent: boolean;
  stop(): Promise<void>;
}

export async function startCertificatePeer(): Promise<CertificatePeer> {
  const files = new Map<string, string>();
  const asked: string[] = [];
  const peer: CertificatePeer = {
    base: '',
    fetcher: async (url) => {
      asked.push(url.href);
      const res = await fetch(`http://127.0.0.1:${port}${url.pathname}`).catch((err: unknown) => {
        throw new Error(`no answer from the certificate peer: ${(err as Error).message}`);
      });
      if (!res.ok) throw new CertificateUnavailable(`HTTP ${res.status}`, res.status < 500);
      return res.text();
    },
    asked,
    serve: (address, pem) => {
      const at = new URL(address).pathname;
      if (pem === null) files.delete(at);
      else files.set(at, pem);
    },
    silent: false,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    if (peer.silent) return void req.socket.destroy();
    const pem = files.get(req.url ?? '');
    res.writeHead(pem ? 200 : 404, { 'content-type': 'application/x-pem-file' });
    res.end(pem ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  peer.base = `http://127.0.0.1:${port}`;
  return peer;
}

/**
 * Fetches moto's own signing certificates: moto serves them at the address's path, but tells SNS
 * apart from its other services only by a request's SigV4 scope, so the request carries one.
 */
export function motoCertificates(endpoint: string, asked: string[] = []): (url: URL) => Promise<string> {
  return async (url) => {
    asked.push(url.href);
    const region = url.hostname.split('.')[1];
    const res = await fetch(`${endpoint}${url.pathname}`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/sns/aws4_request, SignedHeaders=host, Signature=0`,
      },
    });
    if (!res.ok) throw new Error(`moto answered ${res.status} for ${url.pathname}`);
    return res.text();
  };
}
