/**
 * The feedback area's own failures, in plain words; anything else goes to the shared catalogue.
 */
import { toAssistantError, type AssistantError } from '../../core/errors';

const nameOf = (err: unknown) =>
  (err as { name?: string; Code?: string })?.name ?? (err as { Code?: string })?.Code ?? '';

/** SQS's answer when the queue is gone (the JSON protocol's name, and the older query protocol's). */
export function queueGone(err: unknown): boolean {
  return /QueueDoesNotExist|NonExistentQueue/.test(nameOf(err));
}

/**
 * A refusal by IAM. A 403 whose body the SDK could not read counts too: SQS speaks JSON, and a
 * refusal written in XML (as moto sends it) reaches the SDK as a SyntaxError; a 403 is a refusal
 * whatever its words.
 */
export function accessDenied(err: unknown): boolean {
  if (
    /^(AccessDenied|AccessDeniedException|AuthorizationError|KMS\.AccessDeniedException)$/.test(nameOf(err))
  )
    return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 403 && nameOf(err) === 'SyntaxError';
}

export const QUEUE_GONE: AssistantError = {
  code: 'FEEDBACK_QUEUE_GONE',
  title: 'The bounce and complaint queue is gone',
  explanation:
    'The queue the assistant reads bounces and complaints from no longer exists in AWS: it was deleted outside the assistant. Events stored on this computer are kept; new ones are not arriving.',
  fix: 'Set up bounce and complaint events again on this screen (it needs admin access for a moment).',
  retryable: false,
};

export const QUEUE_DENIED: AssistantError = {
  code: 'FEEDBACK_ACCESS_DENIED',
  title: 'The sending user may not read the bounce and complaint queue',
  explanation:
    'AWS refused the sending user’s key when the assistant tried to read the queue. Its policy must allow reading and deleting messages of this one queue.',
  fix: 'Set up bounce and complaint events again with admin access (the assistant updates the policy), or add the statement shown on this screen to the sending user’s policy yourself.',
  retryable: false,
};

export const NOT_SET_UP: AssistantError = {
  code: 'FEEDBACK_NOT_SET_UP',
  title: 'Bounce and complaint events are not set up in this region',
  explanation: 'There is no queue for the assistant to read yet.',
  fix: 'Set them up on the “Bounces and complaints” screen.',
  retryable: false,
};

export const STORE_FAILED: AssistantError = {
  code: 'FEEDBACK_STORE_FAILED',
  title: 'Bounces and complaints could not be saved on this computer',
  explanation:
    'The assistant could not write to its data folder, so it left the events in the queue (nothing is lost; AWS keeps them for 14 days).',
  fix: 'Make room on the disk or check the data folder can be written to, then check again.',
  retryable: true,
};

/** A failure of reading the queue with the sending user's key, in words. */
export function pollError(err: unknown, region: string): AssistantError {
  if (queueGone(err)) return QUEUE_GONE;
  if (accessDenied(err)) return { ...QUEUE_DENIED, detail: nameOf(err) || undefined };
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && /^E[A-Z]+$/.test(code) && (err as NodeJS.ErrnoException).syscall)
    return /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.test(code)
      ? toAssistantError(err, { region, doing: 'reading bounces and complaints' })
      : { ...STORE_FAILED, detail: code };
  return toAssistantError(err, { region, doing: 'reading bounces and complaints' });
}
