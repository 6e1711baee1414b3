/**
 * The one error catalogue. Every failure a person can meet is turned into an AssistantError here:
 * a title, a plain explanation and a fix, never a raw exception. Messages never quote the input
 * that caused them, so a secret cannot leak through an error.
 *
 * This file only gathers the public API; each part of the catalogue lives in its own file:
 * types.ts (AssistantError, Result, fail), aws.ts (AWS SDK errors), network.ts (sockets, DNS,
 * TLS to AWS), smtp.ts (SMTP login), sending.ts, sending-smtp.ts and sending-common.ts (sending),
 * notifications.ts (SNS), and dispatch.ts (toAssistantError, which asks them in turn).
 */
export {
  AssistantFailure,
  fail,
  type AssistantError,
  type ErrorCode,
  type ErrorContext,
  type Result,
} from './types';
export { CLI_CODES, ERROR, type CliCode } from './codes';
export { sendFailure, toAssistantError } from './dispatch';
export { SMTP_LOGIN_TEST, smtpError } from './smtp';
export { sendingError } from './sending';
export { notVerified, type SendContext } from './sending-common';
