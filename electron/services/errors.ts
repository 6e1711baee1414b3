/**
 * The one error catalogue. Every failure a person can meet is turned into an AssistantError here:
 * a title, a plain explanation and a fix, never a raw exception. Messages never quote the input
 * that caused them, so a secret cannot leak through an error.
 */
import type { AssistantError } from '../ipc/contract';

export type ErrorCode = AssistantError['code'];

/** An error the services raise on purpose, already written for a person. */
export class AssistantFailure extends Error {
  readonly assistantError: AssistantError;
  constructor(error: AssistantError) {
    super(error.title);
    this.name = 'AssistantFailure';
    this.assistantError = error;
  }
}

export function fail(error: AssistantError): never {
  throw new AssistantFailure(error);
}

interface ErrorShape {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : {};
}

/** The network-level code of an error or of anything it wraps (the SDK nests the socket error). */
function networkCode(err: unknown, depth = 0): string | undefined {
  const shape = shapeOf(err);
  if (typeof shape.code === 'string' && /^E[A-Z_]+$/.test(shape.code)) return shape.code;
  if (depth < 4 && shape.cause) return networkCode(shape.cause, depth + 1);
  return undefined;
}

export interface ErrorContext {
  /** The region the failing call was made in, to name it in the explanation. */
  region?: string;
  /** What the app was doing, e.g. "testing the connection". */
  doing?: string;
}

/** Maps anything thrown by a service, the AWS SDK or the network to an AssistantError. */
export function toAssistantError(err: unknown, context: ErrorContext = {}): AssistantError {
  if (err instanceof AssistantFailure) return err.assistantError;
  const shape = shapeOf(err);
  const name = shape.name ?? shape.Code ?? '';
  const region = context.region ? ` (${context.region})` : '';

  switch (name) {
    case 'InvalidClientTokenId':
    case 'UnrecognizedClientException':
      return {
        code: 'AWS_UNKNOWN_KEY',
        title: 'AWS does not recognise this access key',
        explanation:
          'The access key ID is not known to AWS. It may have been deleted or deactivated, or a character is missing.',
        fix: 'Copy the access key ID again from the IAM console (Users → your user → Security credentials), or create a new key.',
        retryable: false,
      };
    case 'SignatureDoesNotMatch':
      return {
        code: 'AWS_WRONG_SECRET',
        title: 'The secret access key does not match',
        explanation:
          'AWS knows the access key ID, but the secret that goes with it is different. This usually means a character was lost when copying.',
        fix: 'Paste the secret access key again. If you no longer have it, AWS cannot show it again: create a new access key for this user.',
        retryable: false,
      };
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return {
        code: 'AWS_EXPIRED',
        title: 'These temporary credentials have expired',
        explanation: 'Keys that start with ASIA only last a few hours.',
        fix: 'Get fresh temporary credentials (for example from AWS CloudShell or IAM Identity Center) and paste them again.',
        retryable: false,
      };
    case 'InvalidSignatureException':
      return {
        code: 'AWS_CLOCK_OR_SECRET',
        title: 'AWS rejected the request signature',
        explanation:
          'Either the secret access key is wrong, or this computer’s clock is off by more than a few minutes.',
        fix: 'Check the secret access key, and turn on automatic date and time in your system settings.',
        retryable: false,
      };
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'UnauthorizedOperation':
    case 'NotAuthorized':
      return {
        code: 'AWS_ACCESS_DENIED',
        title: 'This user is not allowed to do that',
        explanation: `The key works, but its IAM user has no permission for this step${context.doing ? ` (${context.doing})` : ''}.`,
        fix: 'Attach the SES sending policy to this IAM user, or let the assistant create a dedicated sending user for you.',
        retryable: false,
      };
    case 'Throttling':
    case 'ThrottlingException':
    case 'TooManyRequestsException':
      return {
        code: 'AWS_THROTTLED',
        title: 'AWS asked us to slow down',
        explanation:
          'Too many requests were made in a short time. The assistant already retried a few times.',
        fix: 'Wait a minute and try again.',
        retryable: true,
      };
    case 'CredentialsProviderError':
      return {
        code: 'AWS_PROFILE_UNUSABLE',
        title: 'That AWS profile could not be used',
        explanation:
          'The profile was not found in your AWS files, or it needs something the assistant cannot do for you (such as a browser sign-in that has expired).',
        fix: 'Check the profile name in ~/.aws/credentials or ~/.aws/config. For an SSO profile, run "aws sso login" first.',
        retryable: false,
      };
    case 'TimeoutError':
      return networkError('ETIMEDOUT', region);
  }

  const status = shape.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return {
      code: 'AWS_UNAVAILABLE',
      title: 'AWS had a problem answering',
      explanation: `The AWS service${region} returned an internal error. This is usually brief.`,
      fix: 'Try again in a minute.',
      retryable: true,
    };
  }

  const net = networkCode(err);
  if (net) return networkError(net, region);

  return {
    code: 'UNEXPECTED',
    title: 'Something unexpected went wrong',
    explanation: `The assistant could not finish${context.doing ? ` ${context.doing}` : ' this step'}. Nothing was changed.`,
    fix: 'Try again. If it keeps happening, the log file in the app’s data folder says more.',
    retryable: true,
    detail: name || undefined,
  };
}

function networkError(code: string, region: string): AssistantError {
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
