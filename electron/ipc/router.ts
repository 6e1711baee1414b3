/**
 * The router: the only way from the outside (IPC, the e2e harness) into the services.
 * It validates every input against the contract before any service runs, so bad input changes
 * nothing, and it turns every failure into an AssistantError, so no raw exception reaches a screen.
 */
import type { z } from 'zod';
import {
  contract,
  type AssistantError,
  type ChannelName,
  type OutputOf,
  type ParsedInputOf,
  type Result,
} from './contract';
import { toAssistantError } from '../core/errors';

export type Handlers = { [C in ChannelName]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

export interface Router {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
}

export function invalidInput(issues: z.core.$ZodIssue[]): AssistantError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return {
    code: 'INVALID_INPUT',
    title: 'Some of what was entered is not valid',
    explanation: Object.values(fields).join(' '),
    fix: 'Correct the highlighted fields and try again. Nothing was changed.',
    retryable: false,
    fields,
  };
}

function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function createRouter(
  handlers: Handlers,
  log?: { error(msg: string, fields?: object): void },
): Router {
  return {
    async invoke(channel, input) {
      if (!isChannel(channel)) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_CHANNEL',
            title: 'The app asked for something it does not offer',
            explanation: 'This request is not part of the assistant.',
            fix: 'Restart the app. If it happens again, please report it.',
            retryable: false,
          },
        };
      }
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
      try {
        const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (err) {
        const error = toAssistantError(err);
        log?.error(`${channel} failed`, { code: error.code, detail: error.detail });
        return { ok: false, error };
      }
    },
  };
}
