import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../electron/ipc/router';
import { CHANNELS, contract } from '../../../electron/ipc/contract';
import { CHANNEL_NAMES } from '../../../electron/ipc/channel-names';
import { fail } from '../../../electron/core/errors';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(async () => ({ from: c }))]),
  ) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('the router', () => {
  it('lists the same channels as the preload allow-list', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('calls the handler with the parsed input and wraps its value', async () => {
    const h = handlers();
    const result = await createRouter(h).invoke('wizard.goTo', { step: 'connect' });
    expect(result).toEqual({ ok: true, value: { from: 'wizard.goTo' } });
    expect(h['wizard.goTo']).toHaveBeenCalledWith({ step: 'connect' });
  });

  it('rejects invalid input with field messages and never calls the service', async () => {
    const h = handlers();
    const result = await createRouter(h).invoke('connection.connect', {
      source: 'keys',
      accessKeyId: 'nope',
      secretAccessKey: 'Summer2024!',
      region: 'us-east-1',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(result.error.fields ?? {})).toEqual(['accessKeyId', 'secretAccessKey']);
    expect(JSON.stringify(result)).not.toContain('Summer2024!');
    expect(h['connection.connect']).not.toHaveBeenCalled();
  });

  it.each([
    undefined,
    null,
    42,
    'x',
    [],
    { step: 'connect', extra: true },
    { ['__proto__']: { polluted: true } },
  ])('refuses the input %j for wizard.goTo', async (input) => {
    const h = handlers();
    const result = await createRouter(h).invoke('wizard.goTo', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(h['wizard.goTo']).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses channels that are not in the contract, including inherited names', async () => {
    for (const name of ['shell.exec', 'toString', '__proto__', 42]) {
      expect(await createRouter(handlers()).invoke(name, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL' },
      });
    }
  });

  it('turns a thrown failure into its AssistantError and logs only its code', async () => {
    const error = vi.fn();
    const router = createRouter(
      handlers({
        'app.state': async () =>
          fail({ code: 'KEYCHAIN_LOCKED', title: 't', explanation: 'e', fix: 'f', retryable: true }),
      }),
      { error },
    );
    expect(await router.invoke('app.state', {})).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED' },
    });
    expect(error).toHaveBeenCalledWith('app.state failed', { code: 'KEYCHAIN_LOCKED', detail: undefined });
  });
});
