/**
 * The shape every failure takes once it is written for a person: AssistantError (a title, a plain
 * explanation and a fix, never a raw exception), the Result the IPC channels return, and
 * AssistantFailure / fail for the errors the services raise on purpose. Messages never quote the
 * input that caused them, so a secret cannot leak through an error.
 */
import type { ErrorCode } from './codes';

export type { ErrorCode };

/** A failure written for a person: what happened, why, and what to do. */
export interface AssistantError {
  /** One of the declared codes (codes.ts): a typo is a compile error, in main and renderer alike. */
  code: ErrorCode;
  title: string;
  explanation: string;
  fix: string;
  retryable: boolean;
  /** A short technical hint for support (an error name, never a value the person typed). */
  detail?: string;
  /** For invalid input: which fields were wrong, with a message each. */
  fields?: Record<string, string>;
  /**
   * Names the screen lists and asks the person to confirm (the other domains a Cloudflare token can
   * change): never a secret.
   */
  names?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AssistantError };

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

export interface ErrorContext {
  /** The region the failing call was made in, to name it in the explanation. */
  region?: string;
  /** What the app was doing, e.g. "testing the connection". */
  doing?: string;
}
