/**
 * The suppression list's and the alarms' own failures, in words; anything else goes to the shared
 * catalogue (toAssistantError).
 */
import { toAssistantError, type AssistantError } from '../../core/errors';
import { suppressionInSandboxText } from '../../core/facts/sandbox';
import type { ReadWith } from './types';

const nameOf = (err: unknown) => (err as { name?: string })?.name ?? '';
/**
 * A refusal by IAM. A 403 whose body the SDK could not read counts too: moto answers CloudWatch's
 * JSON protocol with an XML AccessDenied, and an unreadable 403 is a refusal whatever its words.
 */
function denied(err: unknown): boolean {
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(nameOf(err))) return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 403 && nameOf(err) === 'SyntaxError';
}

export const NOT_ON_LIST: AssistantError = {
  code: 'SUPPRESSION_NOT_LISTED',
  title: 'That address is not on the suppression list',
  explanation: 'SES has no such address on the list in this region: it may have been removed already.',
  fix: 'Look at the list again.',
  retryable: false,
};

/** Admin keys of another AWS account than the connection's: nothing is changed with them. */
export function otherAccount(connection: string, session: string | undefined): AssistantError {
  return {
    code: 'OTHER_ACCOUNT',
    title: 'These admin keys open a different AWS account',
    explanation: `The suppression list and warnings on this screen are those of AWS account ${connection}; the admin keys open ${session ? `account ${session}` : 'an account the assistant cannot tell'}. Nothing was changed.`,
    fix: `Forget admin access and give admin keys of account ${connection}.`,
    retryable: false,
  };
}

/** A failure of a read: the sending user may not be allowed to read the list or the alarms. */
export function readError(err: unknown, region: string, readWith: ReadWith, doing: string): AssistantError {
  if (denied(err) && readWith === 'sending-user')
    return {
      code: 'SUPPRESSION_READ_NEEDS_ADMIN',
      title: 'The sending user may not read this',
      explanation: `The key the assistant uses for sending is deliberately limited, and ${doing} is not among its rights.`,
      fix: 'Give admin access for a moment on this screen, then look again.',
      retryable: false,
      detail: nameOf(err) || undefined,
    };
  return fromAws(err, region, doing);
}

/** IAM's own refusal names the action it denies ("… is not authorized to perform: ses:…"). */
const byIamPolicy = (err: unknown) => /not authorized to perform/i.test((err as Error)?.message ?? '');

/**
 * A change refused while the account is in the sandbox, where AWS does not allow changing the list.
 * AWS does not document the refusal's name or words, so any refusal in the sandbox counts, except
 * an address not on the list and IAM refusing the admin keys by their policy.
 */
function inSandbox(region: string, doing: string, err: unknown): AssistantError {
  return {
    code: 'SUPPRESSION_IN_SANDBOX',
    title: 'The list cannot be changed while in the sandbox',
    explanation: `SES refused ${doing}: ${suppressionInSandboxText(region)}`,
    fix: 'Ask AWS for production access (the “Leave the sandbox” step), then make the change again.',
    retryable: false,
    detail: nameOf(err) || undefined,
  };
}

/** A failure of a change made with the admin session; `inSandbox` when the account was found in the sandbox. */
export function changeError(
  err: unknown,
  region: string,
  doing: string,
  account: { inSandbox?: boolean } = {},
): AssistantError {
  if (account.inSandbox && nameOf(err) !== 'NotFoundException' && !byIamPolicy(err))
    return inSandbox(region, doing, err);
  if (denied(err))
    return {
      code: 'SUPPRESSION_ADMIN_DENIED',
      title: 'These admin keys may not do that',
      explanation: `AWS refused ${doing} for the admin keys that are open. Nothing was changed.`,
      fix: 'Give the keys of an administrator (the AWS managed policy AdministratorAccess), then try again.',
      retryable: false,
      detail: nameOf(err) || undefined,
    };
  return fromAws(err, region, doing);
}

function fromAws(err: unknown, region: string, doing: string): AssistantError {
  if (nameOf(err) === 'NotFoundException') return NOT_ON_LIST;
  if (nameOf(err) === 'BadRequestException')
    return {
      code: 'SUPPRESSION_BAD_REQUEST',
      title: 'SES did not accept that',
      explanation: `SES turned down the request (${doing}): the address may not be one it accepts.`,
      fix: 'Check the address and try again.',
      retryable: false,
      detail: 'BadRequestException',
    };
  return toAssistantError(err, { region, doing });
}
