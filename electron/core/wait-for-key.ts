/**
 * The one shared waiter for a new access key. IAM is eventually consistent: a key AWS has just
 * created can be refused for a few seconds (InvalidClientTokenId, SignatureDoesNotMatch, or an
 * AccessDenied while its user's policy spreads). Every step that creates a key (the sending user,
 * a rotation) waits here, with a bounded total time, growing pauses and progress for the screen.
 */
import type { ServiceContext } from './context';
import { fail } from './errors';
import { sleep as wait } from './sleep';
import type { AwsKeys } from './vault';

export interface WaitOptions {
  /** Give up after this long (ms). Default 120 s: AWS documents "seconds", rarely a minute. */
  timeoutMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** The IAM user the key must belong to: guards against an emulator that accepts unknown keys. */
  expectArn?: string;
  /** The name under which progress events are sent. */
  task?: string;
  /** Replaceable for tests; resolves after `ms`. */
  sleep?: (ms: number) => Promise<void>;
}

/** Errors that mean "not yet" while a new key spreads through AWS. */
const NOT_YET = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'AccessDeniedException',
  'KeyNotYetValid',
]);

export interface WaitResult {
  attempts: number;
  waitedMs: number;
  arn: string;
}

export async function waitUntilKeyWorks(
  ctx: ServiceContext,
  region: string,
  keys: AwsKeys,
  options: WaitOptions = {},
): Promise<WaitResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxDelay = options.maxDelayMs ?? 8_000;
  const sleep = options.sleep ?? wait;
  const task = options.task ?? 'new-key';
  const started = Date.now();
  let delay = options.firstDelayMs ?? 500;
  let attempts = 0;

  const sts = await ctx.awsClients(region, { kind: 'keys', ...keys }).sts();
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  for (;;) {
    attempts++;
    try {
      const who = await sts.send(new GetCallerIdentityCommand({}));
      if (!options.expectArn || who.Arn === options.expectArn) {
        ctx.emit('progress', { task, message: 'AWS accepts the new key.' });
        return { attempts, waitedMs: Date.now() - started, arn: who.Arn ?? '' };
      }
    } catch (err) {
      const name = (err as { name?: string }).name ?? '';
      // Anything but "not yet" (the network, throttling after the SDK's own retries) is for the caller.
      if (!NOT_YET.has(name)) throw err;
    }
    const waited = Date.now() - started;
    if (waited + delay > timeoutMs) {
      fail({
        code: 'NEW_KEY_NOT_ACCEPTED',
        title: 'AWS has not accepted the new key yet',
        explanation: `AWS usually needs a few seconds before a new key works. After ${Math.round(waited / 1000)} seconds it still refuses it.`,
        fix: 'Try again in a minute. Your current key is unchanged and still works.',
        retryable: true,
      });
    }
    ctx.emit('progress', {
      task,
      message: `Waiting for AWS to accept the new key (attempt ${attempts}, ${Math.round(waited / 1000)} s so far)…`,
    });
    await sleep(delay);
    delay = Math.min(delay * 2, maxDelay);
  }
}
