/**
 * Network errors on the way to AWS: Node's socket and DNS codes (ENOTFOUND, ETIMEDOUT,
 * ECONNREFUSED, …) and its TLS certificate and handshake codes, which the AWS SDK nests in the
 * `cause` of its own errors. SMTP's network errors are smtp.ts's.
 */
import { shapeOf } from './shape';
import type { AssistantError } from './types';

/** The network-level code of an error or of anything it wraps (the SDK nests the socket error). */
export function networkCode(err: unknown, depth = 0): string | undefined {
  const shape = shapeOf(err);
  if (typeof shape.code === 'string' && /^E[A-Z_]+$/.test(shape.code)) return shape.code;
  if (depth < 4 && shape.cause) return networkCode(shape.cause, depth + 1);
  return undefined;
}

/** `region` is already written for the sentence: " (eu-west-1)" or "". */
export function networkError(code: string, region: string): AssistantError {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'NETWORK_UNREACHABLE',
      title: 'AWS could not be reached',
      explanation: `The address of the AWS service${region} could not be found. Either this computer is offline, or the region is not one where the service exists.`,
      fix: 'Check your internet connection and the region you chose.',
      retryable: true,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return {
      code: 'NETWORK_TIMEOUT',
      title: 'AWS took too long to answer',
      explanation: `No answer came from AWS${region} in time. A firewall or proxy may be in the way.`,
      fix: 'Check your connection. On a company network, set the HTTPS_PROXY your IT team gives you.',
      retryable: true,
    };
  }
  return {
    code: 'NETWORK_REFUSED',
    title: 'The connection to AWS failed',
    explanation: `The connection to AWS${region} was refused or cut off.`,
    fix: 'Check your internet connection, firewall or proxy, then try again.',
    retryable: true,
  };
}

/**
 * Certificate and handshake codes Node gives when HTTPS to AWS cannot be encrypted (usually a
 * company proxy or antivirus that inspects HTTPS with its own certificate).
 */
const TLS_CODE =
  /^(CERT_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_(VERIFY|GET)_|ERR_TLS_|ERR_SSL_|EPROTO$)/;

function tlsCode(err: unknown, depth = 0): string | undefined {
  const shape = shapeOf(err);
  if (typeof shape.code === 'string' && TLS_CODE.test(shape.code)) return shape.code;
  if (depth < 4 && shape.cause) return tlsCode(shape.cause, depth + 1);
  return undefined;
}

/** HTTPS to AWS that could not be encrypted: an inspecting proxy or antivirus is the usual cause. */
export function tlsError(err: unknown): AssistantError | null {
  const tls = tlsCode(err);
  if (!tls) return null;
  return {
    code: 'NETWORK_TLS',
    title: 'A secure connection to AWS could not be made',
    explanation:
      'This computer reached AWS, but the connection could not be encrypted and checked. A company proxy or antivirus that inspects encrypted traffic, or a wrong system clock, is the usual cause.',
    fix: 'Check the date and time of this computer. On a company network, ask your IT team whether HTTPS is inspected and how to trust their certificate.',
    retryable: true,
    detail: tls,
  };
}
