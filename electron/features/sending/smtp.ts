/**
 * SES SMTP credentials: the password derived from a secret access key for one region, the host and
 * ports of that region, and a real login test (nodemailer `verify()`: connect, encrypt, log in,
 * quit; no mail is sent).
 *
 * Why a derived password: SES's SMTP interface never accepts the secret access key itself. It
 * expects a value computed from it with the SigV4 key-derivation chain for that region, so a
 * password made for us-east-1 fails in eu-west-1 and the raw secret fails everywhere (535).
 */
import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { PeerOverrides } from '../../core/context';
import { smtpHostFor } from '../../core/facts/regions';
import { SMTP_PORTS } from '../../core/facts/smtp';

/** The fixed inputs of the derivation (AWS's published algorithm, version 4). */
const DATE = '11111111';
const SERVICE = 'ses';
const TERMINAL = 'aws4_request';
const MESSAGE = 'SendRawEmail';
const VERSION = 0x04;

const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest();

/**
 * The SES SMTP password for this secret access key in this region. The order is date, REGION,
 * service, terminal, message: signing the service before the region (as one widely copied snippet
 * does) yields a password SES rejects.
 */
export function deriveSmtpPassword(secretAccessKey: string, region: string): string {
  let key = hmac(`AWS4${secretAccessKey}`, DATE);
  key = hmac(key, region);
  key = hmac(key, SERVICE);
  key = hmac(key, TERMINAL);
  key = hmac(key, MESSAGE);
  return Buffer.concat([Buffer.from([VERSION]), key]).toString('base64');
}

export type SmtpPort = 587 | 465;

export interface SmtpEndpoint {
  host: string;
  /** 587: plain connection upgraded with STARTTLS (recommended); 465: TLS from the first byte. */
  ports: { starttls: 587; tls: 465 };
}

export function smtpEndpoint(region: string): SmtpEndpoint {
  return { host: smtpHostFor(region), ports: { starttls: SMTP_PORTS.starttls, tls: SMTP_PORTS.tls } };
}

/** What the SMTP screen shows. Never the password: `passwordAvailable` only says one can be made. */
/**
 * The other ports SES's SMTP endpoints listen on, for networks that block 587 and 465: 2587 with
 * STARTTLS, 2465 with TLS (AWS SES Developer Guide, "Connecting to an Amazon SES SMTP endpoint";
 * checked 2026-11-28).
 */
export const ALTERNATE_SMTP_PORTS = {
  starttls: SMTP_PORTS.alternateStarttls,
  tls: SMTP_PORTS.alternateTls,
} as const;

export interface SmtpSettings extends SmtpEndpoint {
  region: string;
  /** Ports 2587 (STARTTLS) and 2465 (TLS), for networks that block the usual two. */
  alternatePorts: typeof ALTERNATE_SMTP_PORTS;
  /** The user name is the access key id, masked (AKIA…WXYZ); null when the assistant holds no key. */
  userNameMasked: string | null;
  passwordAvailable: boolean;
  /** Why no password can be made, in plain words (AWS profile, temporary keys). */
  unavailableReason?: string;
}

export interface SmtpLoginResult {
  ok: true;
  /** Where the login was actually tried (the test peer's address under test). */
  host: string;
  port: number;
  tookMs: number;
}

export interface SmtpLoginOptions {
  region: string;
  userName: string;
  password: string;
  /** Defaults to 587 (STARTTLS). */
  port?: SmtpPort;
  /** Tests: connect to this server instead and trust its certificate. */
  peer?: PeerOverrides['smtp'];
  /** Bound for each phase (connect, greeting, each reply) and, doubled, for the whole test. */
  timeoutMs?: number;
  now?: () => number;
}

/**
 * The one way the app opens an SMTP connection to SES (or the test peer): TLS from the first byte on
 * 465, STARTTLS required on 587, so the password never travels in clear; every wait bounded.
 */
export async function smtpTransport(options: {
  region: string;
  port: SmtpPort;
  peer?: { host: string; port: number; ca?: string };
  timeoutMs: number;
  userName: string;
  password: string;
}): Promise<{ transport: Transporter; host: string; port: number }> {
  // Loaded on first use: nodemailer is a large module the app does not need to start.
  const { default: nodemailer } = await import('nodemailer');
  const host = options.peer?.host ?? smtpEndpoint(options.region).host;
  const port = options.peer?.port ?? options.port;
  const timeout = options.timeoutMs;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: options.port === 465,
    requireTLS: options.port !== 465,
    auth: { user: options.userName, pass: options.password },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    tls: { minVersion: 'TLSv1.2', ...(options.peer?.ca ? { ca: options.peer.ca } : {}) },
    logger: false,
    debug: false,
  });
  return { transport, host, port };
}

/**
 * Logs in to the region's SMTP endpoint with these credentials and logs out. Resolves only when
 * SES (or the test peer) accepted them over an encrypted connection; otherwise rejects with
 * nodemailer's error, which core/errors/smtp.ts (smtpError) turns into words for a person.
 */
export async function testSmtpLogin(options: SmtpLoginOptions): Promise<SmtpLoginResult> {
  const now = options.now ?? Date.now;
  const port: SmtpPort = options.port ?? 587;
  const timeout = options.timeoutMs ?? 15_000;
  const {
    transport,
    host,
    port: connectPort,
  } = await smtpTransport({
    region: options.region,
    port,
    peer: options.peer,
    timeoutMs: timeout,
    userName: options.userName,
    password: options.password,
  });
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      transport.verify(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(Object.assign(new Error('SMTP login timed out'), { code: 'ETIMEDOUT', command: 'CONN' })),
          timeout * 2,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
  return { ok: true, host, port: connectPort, tookMs: Math.max(0, Math.round(now() - started)) };
}
