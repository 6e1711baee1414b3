/**
 * Errors the AWS SDK raises for any service (STS, IAM, SES, SNS, Route 53): keys it does not know
 * or cannot check, missing permissions, throttling, an unusable profile from the credential
 * provider chain, time-outs and AWS's own 5xx answers. The SDK names them by `name` (or `Code`).
 */
import { networkCode, networkError } from './network';
import { shapeOf } from './shape';
import type { AssistantError, ErrorContext } from './types';

/** The error written for a person, or null when it is none of the AWS errors above. */
export function awsError(err: unknown, context: ErrorContext): AssistantError | null {
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
      // The SDK also names a connection reset "TimeoutError" (to retry it); its code tells them apart.
      return networkError(networkCode(err) ?? 'ETIMEDOUT', region);
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
  return null;
}
