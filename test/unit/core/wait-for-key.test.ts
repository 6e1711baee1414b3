import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/core/context';
import type { ProgressEvent } from '../../../electron/ipc/contract';
import { waitUntilKeyWorks } from '../../../electron/core/wait-for-key';

const KEYS = { accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'x'.repeat(40) };
const ARN = 'arn:aws:iam::123456789012:user/sender';

/** A context whose STS answers from a script: an error name to throw, or an ARN to return. */
function fakeContext(answers: (string | { arn: string })[]) {
  const events: ProgressEvent[] = [];
  let calls = 0;
  const sts = {
    send: async () => {
      const next = answers[Math.min(calls++, answers.length - 1)]!;
      if (typeof next === 'string') throw Object.assign(new Error(next), { name: next });
      return { Arn: next.arn };
    },
  };
  const ctx = {
    awsClients: () => ({ sts: async () => sts }),
    emit: (_e: string, p: ProgressEvent) => events.push(p),
  } as unknown as ServiceContext;
  return { ctx, events, calls: () => calls };
}

function fakeSleep() {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms) };
}

describe('waiting for a new key', () => {
  it('retries while AWS does not know the key yet, with growing pauses and progress', async () => {
    const { ctx, events } = fakeContext([
      'InvalidClientTokenId',
      'InvalidClientTokenId',
      'SignatureDoesNotMatch',
      { arn: ARN },
    ]);
    const { slept, sleep } = fakeSleep();
    const result = await waitUntilKeyWorks(ctx, 'us-east-1', KEYS, {
      sleep,
      firstDelayMs: 100,
      maxDelayMs: 300,
      expectArn: ARN,
    });
    expect(result.attempts).toBe(4);
    expect(slept).toEqual([100, 200, 300]);
    expect(events.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Waiting for AWS to accept the new key \(attempt 1/),
      expect.stringMatching(/attempt 2/),
      expect.stringMatching(/attempt 3/),
      'AWS accepts the new key.',
    ]);
    expect(JSON.stringify(events)).not.toContain(KEYS.secretAccessKey);
  });

  it('does not accept a key that answers as someone else (an emulator’s default account)', async () => {
    const { ctx, calls } = fakeContext([{ arn: 'arn:aws:iam::123456789012:root' }, { arn: ARN }]);
    const { sleep } = fakeSleep();
    await waitUntilKeyWorks(ctx, 'us-east-1', KEYS, { sleep, expectArn: ARN });
    expect(calls()).toBe(2);
  });

  it('gives up within its bound, in plain words, saying the current key is unchanged', async () => {
    const { ctx } = fakeContext(['InvalidClientTokenId']);
    let fakeNow = 0;
    const realNow = Date.now;
    Date.now = () => fakeNow;
    try {
      await expect(
        waitUntilKeyWorks(ctx, 'us-east-1', KEYS, {
          timeoutMs: 10_000,
          firstDelayMs: 1_000,
          maxDelayMs: 4_000,
          sleep: async (ms) => void (fakeNow += ms),
        }),
      ).rejects.toMatchObject({ assistantError: { code: 'NEW_KEY_NOT_ACCEPTED', retryable: true } });
      expect(fakeNow).toBeLessThanOrEqual(10_000);
    } finally {
      Date.now = realNow;
    }
  });

  it('passes anything else (the network, throttling) straight to the caller', async () => {
    const { ctx, calls } = fakeContext(['ThrottlingException']);
    await expect(waitUntilKeyWorks(ctx, 'us-east-1', KEYS, fakeSleep())).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    expect(calls()).toBe(1);
  });
});
